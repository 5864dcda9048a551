"""Training handouts for the three-yearly full-coverage training: per topic, each document's key
provisions quoted with citations, plus the comparison table; as Markdown and DOCX."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.compare import Table, build_table, cite_map, to_markdown
from assistant.indicator import Indicator, verified
from assistant.model import Answer


@dataclass(frozen=True)
class Handout:
    title: str
    topics: tuple[
        tuple[str, tuple[tuple[str, tuple[Indicator, ...]], ...]], ...
    ]  # topic → (document label → rows)
    table: Table
    answers: tuple[Answer, ...] = ()
    date: str = field(default_factory=lambda: datetime.date.today().isoformat())


def build_handout(
    rows: Sequence[Indicator],
    topics: Sequence[str] | None = None,
    doc_ids: Sequence[str] | None = None,
    answers: Sequence[Answer] = (),
    per_doc: int = 5,
) -> Handout:
    """Key provisions per topic and document; a row whose figures are not in its quote is left out."""
    table = build_table([r for r in rows if verified(r)], topics, doc_ids)
    sections = []
    for topic, cells in table.rows:
        docs = []
        for (_, region, title), cell in zip(table.columns, cells, strict=True):
            if cell.items:
                docs.append((f"{region}《{title}》", cell.items[:per_doc]))
        sections.append((topic, tuple(docs)))
    return Handout("社区工作者全覆盖培训材料：政策要点对照", tuple(sections), table, tuple(answers))


def _provision(r: Indicator) -> str:
    units = f"（牵头：{'、'.join(r.lead_units)}）" if r.lead_units else ""
    return f"“{r.quote}”{units} —— {r.location}"


def handout_markdown(h: Handout) -> str:
    out = [f"# {h.title}", "", f"生成日期：{h.date}", ""]
    for topic, docs in h.topics:
        out += [f"## {topic}", ""]
        for label, items in docs:
            out.append(f"### {label}")
            out += [f"- {_provision(r)}" for r in items]
            out.append("")
    if h.answers:
        out += ["## 常见问题", ""]
        for a in h.answers:
            out += [f"**问：{a.question}**", "", f"答：{a.text}", ""]
            out += [f"- [{c.n}] {c.region}《{c.title}》{c.section}：“{c.quote}”" for c in a.citations]
            out.append("")
    out += ["## 对比表", "", to_markdown(h.table)]
    return "\n".join(out)


def handout_docx(h: Handout, path: Path) -> Path:
    """A Word document on A4 with real headings (Heading 1–3), a real table, the date and page numbers."""
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    for section in d.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        _page_footer(section.footer.paragraphs[0], h.date)
    d.add_heading(h.title, level=0)
    d.add_paragraph(f"生成日期：{h.date}")
    for topic, docs in h.topics:
        d.add_heading(topic, level=1)
        for label, items in docs:
            d.add_heading(label, level=2)
            for r in items:
                d.add_paragraph(_provision(r), style="List Bullet")
    if h.answers:
        d.add_heading("常见问题", level=1)
        for a in h.answers:
            d.add_heading(f"问：{a.question}", level=2)
            d.add_paragraph(f"答：{a.text}")
            for c in a.citations:
                d.add_paragraph(
                    f"[{c.n}] {c.region}《{c.title}》{c.section}：“{c.quote}”", style="List Bullet"
                )
    d.add_heading("对比表", level=1)
    t = h.table
    cite = cite_map(t)
    grid = d.add_table(rows=1 + len(t.rows), cols=1 + len(t.columns))
    grid.style = "Table Grid"
    grid.cell(0, 0).text = "主题"
    for j, (_, region, _) in enumerate(t.columns, 1):
        grid.cell(0, j).text = region
    for i, (topic, cells) in enumerate(t.rows, 1):
        grid.cell(i, 0).text = topic
        for j, cell in enumerate(cells, 1):
            grid.cell(i, j).text = cell.text(cite) or "—"
    d.add_heading("出处", level=2)
    for i, r in enumerate(t.sources, 1):
        d.add_paragraph(f"{i}. {r.region}《{r.title}》{r.location}：“{r.quote}”")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path


def _page_footer(paragraph, date: str) -> None:  # noqa: ANN001
    """'第 N 页 · date', N a Word PAGE field (filled in by the reader's word processor)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    for kind in ("begin", "instr", "separate", "text", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)
    paragraph.add_run(f" 页 · {date}")
