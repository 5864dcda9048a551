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

COLUMNS = (
    "地区",
    "文件",
    "版本日期",
    "主题",
    "指标",
    "比较符",
    "数值",
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
WIDTHS = (10, 36, 12, 12, 30, 8, 16, 8, 12, 28, 36, 70, 18)


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


def _as_text(ws) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """openpyxl stores a string starting with "=" as a formula; every cell here is text."""
    for line in ws.iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell.data_type = "s"


def to_xlsx(
    rows: Sequence[Indicator], path: Path, overview: Table | None = None, duty_rows: Sequence[Indicator] = ()
) -> Path:
    """Sheet 指标: one row per indicator; sheet 对比 (when given): the topic × document overview,
    each cell's quotes in its comment; sheet 职责分工 (when given): who does what, without a figure."""
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
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
