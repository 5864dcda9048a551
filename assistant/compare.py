"""Comparison tables: topics down, documents across, each cell a value (deadline) with its citation."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.extract import Indicator
from assistant.topics import OTHER, RESPONSIBILITY, taxonomy


@dataclass(frozen=True)
class Cell:
    items: tuple[Indicator, ...]

    def text(self, cite: dict[int, int] | None = None) -> str:
        parts = []
        for r in self.items:
            bits = [r.indicator[:24] + "：" if r.indicator and r.value else ""]
            if r.value:
                prefix = r.comparator if r.comparator and not r.value.endswith(r.comparator) else ""
                bits.append(prefix + r.value)
            if r.deadline:
                bits.append(f"（{r.deadline}）")
            if not r.value and r.lead_units:
                bits.append("牵头：" + "、".join(r.lead_units))
            if cite is not None:
                bits.append(f"[{cite[id(r)]}]")
            parts.append("".join(bits))
        return "；".join(parts)


@dataclass(frozen=True)
class Table:
    columns: tuple[tuple[str, str, str], ...]  # (doc_id, region, title)
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (topic, one cell per column)
    sources: tuple[Indicator, ...]  # citation n = index + 1


def build_table(rows: Sequence[Indicator], topics: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None,
                max_per_cell: int = 4) -> Table:
    """Group indicator rows by topic and document."""
    if doc_ids:
        rows = [r for r in rows if r.doc_id in doc_ids]
    order = [n for n, _ in taxonomy()] + [RESPONSIBILITY, OTHER]
    wanted = [t for t in order if (not topics or t in topics)]
    cols = list(dict.fromkeys((r.doc_id, r.region, r.title) for r in rows))
    table_rows, sources = [], []
    for topic in wanted:
        cells = []
        for doc_id, _, _ in cols:
            items = tuple(r for r in rows if r.topic == topic and r.doc_id == doc_id)[:max_per_cell]
            sources.extend(items)
            cells.append(Cell(items))
        if any(c.items for c in cells):
            table_rows.append((topic, tuple(cells)))
    return Table(tuple(cols), tuple(table_rows), tuple(sources))


def _cite_map(t: Table) -> dict[int, int]:
    return {id(r): i + 1 for i, r in enumerate(t.sources)}


def to_markdown(t: Table) -> str:
    cite = _cite_map(t)
    esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    head = "| 主题 | " + " | ".join(esc(f"{region}《{title}》") for _, region, title in t.columns) + " |"
    lines = [head, "|---" * (len(t.columns) + 1) + "|"]
    for topic, cells in t.rows:
        lines.append(f"| {topic} | " + " | ".join(esc(c.text(cite)) or "—" for c in cells) + " |")
    lines.append("\n**出处**\n")
    for i, r in enumerate(t.sources, 1):
        lines.append(f"{i}. {r.region}《{r.title}》{r.section}：“{r.quote}”")
    return "\n".join(lines) + "\n"


def to_csv(t: Table) -> str:
    cite = _cite_map(t)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["主题", *(f"{region}《{title}》" for _, region, title in t.columns)])
    for topic, cells in t.rows:
        w.writerow([topic, *(c.text(cite) for c in cells)])
    w.writerow([])
    w.writerow(["出处", "地区", "文件", "章节", "原文"])
    for i, r in enumerate(t.sources, 1):
        w.writerow([i, r.region, r.title, r.section, r.quote])
    return buf.getvalue()


def to_xlsx(t: Table, path: Path) -> Path:
    """Comparison sheet (frozen header, wide columns, the quoted sources as cell comments) and a 出处 sheet."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    cite = _cite_map(t)
    wb = Workbook()
    ws = wb.active
    ws.title = "对比"
    ws.append(["主题", *(f"{region}《{title}》" for _, region, title in t.columns)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for topic, cells in t.rows:
        ws.append([topic, *(c.text(cite) for c in cells)])
        for j, c in enumerate(cells, start=2):
            xc = ws.cell(row=ws.max_row, column=j)
            xc.alignment = Alignment(wrap_text=True, vertical="top")
            if c.items:
                xc.comment = Comment("\n".join(f"[{cite[id(r)]}] {r.section}：{r.quote}" for r in c.items)[:1500], "policyqa")
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 14
    for j in range(2, len(t.columns) + 2):
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = 40
    src = wb.create_sheet("出处")
    src.append(["编号", "地区", "文件", "章节", "原文", "牵头单位", "责任单位"])
    for i, r in enumerate(t.sources, 1):
        src.append([i, r.region, r.title, r.section, r.quote, "、".join(r.lead_units), "、".join(r.support_units)])
    src.freeze_panes = "A2"
    for col, width in zip("ABCDEFG", (6, 12, 36, 36, 60, 24, 40), strict=True):
        src.column_dimensions[col].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
