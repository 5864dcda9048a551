"""The per-indicator export policy staff filter and sort: one row per indicator, the same columns in
XLSX (frozen header, autofilter, readable widths, the overview grid on a second sheet) and CSV.
Every number a row shows is in its 原文 (a table row's header is quoted before the row)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from assistant.compare import Table
from assistant.indicator import Indicator
from assistant.keys import indicator_keys

COLUMNS = (
    "地区",
    "文件",
    "版本日期",
    "主题",
    "指标",
    "比较符",
    "数值",
    "基期值",
    "单位",
    "期限",
    "牵头单位",
    "责任单位",
    "原文",
    "条款位置",
)
# A cell starting with these is a formula to a spreadsheet (OWASP's CSV injection list): a document's
# text or a title typed in the library must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WIDTHS = (10, 36, 12, 12, 30, 8, 16, 14, 8, 12, 28, 36, 70, 18)


def record(r: Indicator) -> tuple[str, ...]:
    """One indicator as the export's columns."""
    quote = f"{r.context}\n{r.quote}" if r.context else r.quote
    return (
        r.region,
        r.title,
        r.version_date,
        r.topic,
        r.indicator,
        r.comparator or "",
        r.value or "",
        r.baseline,
        r.unit or "",
        r.deadline or "",
        "、".join(r.lead_units),
        "、".join(r.support_units),
        quote,
        r.location,
    )


def neutral(text: str) -> str:
    """Text a spreadsheet will not run: a leading formula character gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(rows: Sequence[Indicator]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    w.writerows(tuple(neutral(v) for v in record(r)) for r in rows)
    return buf.getvalue()


def _as_text(ws) -> None:  # an openpyxl worksheet
    """openpyxl stores a string starting with "=" as a formula; every cell here is text."""
    for line in ws.iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell.data_type = "s"


def to_xlsx(
    rows: Sequence[Indicator], path: Path, overview: Table | None = None, duty_rows: Sequence[Indicator] = ()
) -> Path:
    """Sheet 指标: one row per indicator; sheet 指标对照: indicators several documents set, lined up
    (`assistant/keys.py`: a row per indicator, a column per document, one value per cell, the quote in
    its comment); sheet 对比 (when given): the topic × document overview, each cell's quotes in its
    comment; sheet 职责分工 (when given): who does what, without a figure."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    top = Alignment(wrap_text=True, vertical="top")
    first = wb.active
    first.title = "指标"
    sheets = [(first, rows)] + ([(wb.create_sheet("职责分工"), duty_rows)] if duty_rows else [])
    for ws, part in sheets:
        ws.append(COLUMNS)
        for r in part:
            ws.append(record(r))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = top
        _as_text(ws)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 2)}"
        for j, width in enumerate(WIDTHS, 1):
            ws.column_dimensions[get_column_letter(j)].width = width
    if overview is not None:
        grid = wb.create_sheet("对比")
        grid.append(["主题", *(f"{region}《{title}》" for _, region, title in overview.columns)])
        for cell in grid[1]:
            cell.font = Font(bold=True)
            cell.alignment = top
        for topic, cells in overview.rows:
            grid.append([topic, *(c.text() for c in cells)])
            for j, c in enumerate(cells, start=2):
                xc = grid.cell(row=grid.max_row, column=j)
                xc.alignment = top
                if c.items:
                    note = "\n".join(f"{r.location}：{r.quote}" for r in c.items)
                    xc.comment = Comment(note[:1500], "policyqa")
        _as_text(grid)
        grid.freeze_panes = "B2"
        grid.column_dimensions["A"].width = 14
        for j in range(2, len(overview.columns) + 2):
            grid.column_dimensions[get_column_letter(j)].width = 40
    lined = [k for k in indicator_keys(rows) if k.documents >= 2]
    if lined:
        # one row per indicator several documents set, one column per document, one value per cell
        docs = list(dict.fromkeys((r.doc_id, r.region, r.title) for k in lined for r in k.rows))
        across = wb.create_sheet("指标对照", 1)
        across.append(
            ["指标（原文，…为数值）", "单位", *(f"{region}《{title}》" for _, region, title in docs)]
        )
        for cell in across[1]:
            cell.font = Font(bold=True)
            cell.alignment = top
        for k in lined:
            by_doc = {r.doc_id: r for r in k.rows}
            across.append([k.label, k.unit, *(_value(by_doc[d]) if d in by_doc else "—" for d, _, _ in docs)])
            for j, (d, _, _) in enumerate(docs, start=3):
                if d in by_doc:
                    r = by_doc[d]
                    xc = across.cell(row=across.max_row, column=j)
                    xc.comment = Comment(f"{r.location}：{r.quote}"[:1500], "policyqa")
            for cell in across[across.max_row]:
                cell.alignment = top
        _as_text(across)
        across.freeze_panes = "C2"
        across.column_dimensions["A"].width = 40
        for j in range(3, len(docs) + 3):
            across.column_dimensions[get_column_letter(j)].width = 18
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _value(r: Indicator) -> str:
    """A cell of 指标对照: the figure as written, with its deadline."""
    value = r.value_text or r.value or ""
    return f"{value}（{r.deadline}）" if r.deadline else value
