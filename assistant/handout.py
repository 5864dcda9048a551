"""Training handouts for the three-yearly full-coverage training: per topic, each document's key
provisions as whole sentences with citations, a narrow comparison table per topic, the sources with
their version dates; as Markdown and DOCX (A4, printable as is)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.compare import build_table, md_cell
from assistant.indicator import Indicator, shown_value, verified, whole_sentence
from assistant.model import Answer
from assistant.word import page_footer

PER_DOCUMENT = 2  # key provisions (and table rows) per document and topic: the handout stays ~15 A4 pages
QUIZ_PER_TOPIC = 2  # review questions per topic (`--quiz`), from different documents
TABLE_HEAD = ("地区", "指标", "基期", "数值", "时限", "条款")  # narrow enough for portrait A4


UNIT_LIST_ONLY = re.compile(r"[（(][^（()）]*(?:牵头|责任|负责)[^（()）]*[）)]。?")


def _where(r: Indicator, sentence: str) -> str:
    """Where the provision is: its article, else its heading path less a last heading that is the
    provision itself (a numbered item the outline read as a heading: "①…前完成…工作；")."""
    parts = r.location.split(" › ")
    if len(parts) > 1 and sentence.rstrip("；;。").startswith(parts[-1].rstrip("；;。")):
        parts = parts[:-1]
    return " › ".join(parts)


@dataclass(frozen=True)
class Provision:
    """One key provision as a trainer reads it out: a whole sentence, cited."""

    text: str  # the whole sentence(s) holding the row's quote; a table's row with its header
    source: str  # 第X条 or the heading path
    lead_units: tuple[str, ...]
    table_row: bool = False  # a row of an indicator table, not a sentence


@dataclass(frozen=True)
class Source:
    label: str  # region《title》
    version_date: str
    current: bool


@dataclass(frozen=True)
class QuizItem:
    """A review question on one figure, its answer and where it is written."""

    question: str
    answer: str  # the figure as the text writes it, with its comparator and deadline
    source: str  # region《title》(version) and article or heading
    quote: str  # the sentence that states it (the figure appears in it verbatim)

    @property
    def answer_line(self) -> str:
        """The answer as the handout prints it: the figure, then where it is written, quoted."""
        return f"{self.answer}。依据：{self.source}：“{self.quote}”"


@dataclass(frozen=True)
class Handout:
    title: str
    topics: tuple[
        tuple[str, tuple[tuple[str, tuple[Provision, ...]], ...]], ...
    ]  # topic → (document → provisions)
    tables: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # topic → rows of `TABLE_HEAD`
    sources: tuple[Source, ...]
    answers: tuple[Answer, ...] = ()
    quiz: tuple[QuizItem, ...] = ()
    date: str = field(default_factory=lambda: datetime.date.today().isoformat())


def _label(r: Indicator) -> str:
    return f"{r.region}《{r.title}》"


def build_handout(
    rows: Sequence[Indicator],
    topics: Sequence[str] | None = None,
    doc_ids: Sequence[str] | None = None,
    answers: Sequence[Answer] = (),
    superseded: Collection[str] = (),
    quiz: bool = False,
) -> Handout:
    """Per topic, each document's key provisions as whole sentences (each sentence once in the whole
    handout), and the topic's comparison as a narrow table (a row per indicator); a row whose figures
    are not in its quote is left out. With `quiz`, review questions on the tables' figures (a few per
    topic, from different documents), each answered with the figure and its source. Raises
    `NoMatchingRows` for topics no indicator is about."""
    table = build_table([r for r in rows if verified(r)], topics, doc_ids)
    said: set[str] = set()
    sections = []
    tables = []
    questions: list[QuizItem] = []
    used: dict[str, Indicator] = {}
    for topic, cells in table.rows:
        docs = []
        lines = []
        asked: list[Indicator] = []
        for (doc_id, _, _), cell in zip(table.columns, cells, strict=True):
            provisions = []
            for r in cell.items[:PER_DOCUMENT]:
                used.setdefault(doc_id, r)
                if (
                    quiz
                    and len(asked) < QUIZ_PER_TOPIC
                    and r.value  # a figure to ask about (who leads, a state reached: not a quiz figure)
                    and r.quantity_kind != "state"
                    and _askable(r.indicator)
                    and not any(a.doc_id == doc_id for a in asked)
                ):
                    asked.append(r)
                sentence = whole_sentence(r)
                where = _where(r, sentence)
                lines.append(
                    (
                        r.region,
                        r.indicator,
                        r.baseline,
                        r.value_text or r.value or "",
                        r.deadline or "",
                        where,
                    )
                )
                if sentence in said or UNIT_LIST_ONLY.fullmatch(sentence):
                    continue  # said already, or only "（牵头单位：…；责任单位：…）": no provision to read out
                said.add(sentence)
                provisions.append(Provision(sentence, where, r.lead_units, bool(r.context)))
            if provisions:
                docs.append((_label(cell.items[0]), tuple(provisions)))
        sections.append((topic, tuple(docs)))
        tables.append((topic, tuple(dict.fromkeys(lines))))
        questions += [_quiz_item(r) for r in asked]
    sources = tuple(Source(_label(r), r.version_date, doc_id not in superseded) for doc_id, r in used.items())
    return Handout(
        "社区工作者全覆盖培训材料：政策要点对照",
        tuple(sections),
        tuple(tables),
        sources,
        tuple(answers),
        tuple(questions),
    )


def _askable(name: str) -> bool:
    """An indicator name a question can quote: a whole phrase (4–30 characters, quotes and brackets
    closed), without figures or dates of its own ("②20XX年9月30日前完成", "按照“" are not)."""
    pairs = (("“", "”"), ("《", "》"), ("（", "）"))
    return (
        4 <= len(name) <= 30
        and not re.search(r"[\dXＸ①-⑳]", name)
        and all(name.count(a) == name.count(b) for a, b in pairs)
    )


def _quiz_item(r: Indicator) -> QuizItem:
    """A question such as 衡水市《…规划》对“城市社区综合服务设施覆盖率”有什么要求？, answered with the
    figure as written."""
    deadline = f"（{r.deadline}）" if r.deadline and r.deadline not in (r.value_text or "") else ""
    version = f"（{r.version_date}版）" if r.version_date else ""
    return QuizItem(
        f"{_label(r)}对“{r.indicator}”有什么要求？",
        f"{r.value_text or shown_value(r.comparator, r.value)}{deadline}",  # value_text has its comparator
        f"{_label(r)}{version}{r.location}",
        whole_sentence(r),
    )


def _provision(p: Provision) -> str:
    units = (
        f"（牵头：{'、'.join(p.lead_units)}）"
        if p.lead_units and not any(u in p.text for u in p.lead_units)
        else ""
    )
    return f"{p.text}{units}（{p.source}）" if p.source else f"{p.text}{units}"


def _source(s: Source) -> str:
    state = "现行" if s.current else "已被新版本替代"
    return f"{s.label}，{s.version_date + '版，' if s.version_date else ''}{state}"


def handout_markdown(h: Handout) -> str:
    out = [f"# {h.title}", "", f"生成日期：{h.date}", ""]
    for topic, docs in h.topics:
        out += [f"## {topic}", ""]
        for label, items in docs:
            out.append(f"### {label}")
            out += [f"- {_provision(p)}" for p in items]
            out.append("")
    if h.answers:
        out += ["## 常见问题", ""]
        for a in h.answers:
            out += [f"**问：{a.question}**", "", f"答：{a.text}", ""]
            out += [f"- [{c.n}] {c.region}《{c.title}》{c.section}：“{c.quote}”" for c in a.citations]
            out.append("")
    out += ["## 对比表", ""]
    for topic, lines in h.tables:
        out += [f"### {topic}", "", "| " + " | ".join(TABLE_HEAD) + " |", "|---" * len(TABLE_HEAD) + "|"]
        out += ["| " + " | ".join(md_cell(c) or "—" for c in line) + " |" for line in lines]
        out.append("")
    if h.quiz:
        out += ["## 复习题", ""] + [f"{i}. {q.question}" for i, q in enumerate(h.quiz, 1)] + [""]
        out += ["## 参考答案", ""]
        out += [f"{i}. {q.answer_line}" for i, q in enumerate(h.quiz, 1)] + [""]
    out += ["## 文件来源", ""] + [f"- {_source(s)}" for s in h.sources]
    return "\n".join(out) + "\n"


def handout_docx(h: Handout, path: Path) -> Path:
    """A Word document on A4 with real headings (Heading 1–3), one narrow table per topic, the sources
    with their version dates, the date and page numbers."""
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    for section in d.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.2)
        page_footer(section.footer.paragraphs[0], h.date)
    d.add_heading(h.title, level=0)
    d.add_paragraph(f"生成日期：{h.date}")
    for topic, docs in h.topics:
        d.add_heading(topic, level=1)
        for label, items in docs:
            d.add_heading(label, level=2)
            for p in items:
                d.add_paragraph(_provision(p), style="List Bullet")
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
    for topic, lines in h.tables:
        d.add_heading(topic, level=2)
        grid = d.add_table(rows=1 + len(lines), cols=len(TABLE_HEAD))
        grid.style = "Table Grid"
        for j, head in enumerate(TABLE_HEAD):
            grid.cell(0, j).text = head
        for i, line in enumerate(lines, 1):
            for j, value in enumerate(line):
                grid.cell(i, j).text = value or "—"
        for row in grid.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(9)
    if h.quiz:
        d.add_heading("复习题", level=1)
        for i, q in enumerate(h.quiz, 1):
            d.add_paragraph(f"{i}. {q.question}")
        d.add_heading("参考答案", level=1)
        for i, q in enumerate(h.quiz, 1):
            d.add_paragraph(f"{i}. {q.answer_line}")
    d.add_heading("文件来源", level=1)
    for s in h.sources:
        d.add_paragraph(_source(s), style="List Bullet")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path
