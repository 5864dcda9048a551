"""Training handouts for the three-yearly full-coverage training: per topic, each document's key
provisions quoted with citations, plus the comparison table; as Markdown and DOCX."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.compare import Table, build_table
from assistant.extract import Indicator
from assistant.model import Answer


@dataclass(frozen=True)
class Handout:
    title: str
    topics: tuple[tuple[str, tuple[tuple[str, tuple[Indicator, ...]], ...]], ...]  # topic → (document label → rows)
    table: Table
    answers: tuple[Answer, ...] = ()


def build_handout(rows: Sequence[Indicator], topics: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None,
                  answers: Sequence[Answer] = (), per_doc: int = 5) -> Handout:
    table = build_table(rows, topics, doc_ids)
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
    return f"“{r.quote}”{units} —— {r.section}"


def handout_markdown(h: Handout) -> str:
    from assistant.compare import to_markdown

    out = [f"# {h.title}", ""]
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
    """A Word document with real headings (Heading 1–3) and a real table."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.add_heading(h.title, level=0)
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
                d.add_paragraph(f"[{c.n}] {c.region}《{c.title}》{c.section}：“{c.quote}”", style="List Bullet")
    d.add_heading("对比表", level=1)
    t = h.table
    cite = {id(r): i + 1 for i, r in enumerate(t.sources)}
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
        d.add_paragraph(f"{i}. {r.region}《{r.title}》{r.section}：“{r.quote}”")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path
