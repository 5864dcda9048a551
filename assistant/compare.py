"""The comparison overview: topics down, documents across, each cell the values (deadline) it holds
with their citations; cells never drop items ("+N 项" when a cell shows fewer than it has)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.indicator import Indicator, shown_value
from assistant.topics import OTHER, RESPONSIBILITY, taxonomy


@dataclass(frozen=True)
class Cell:
    items: tuple[Indicator, ...]  # shown
    more: int = 0  # rows of this topic and document not shown (the per-indicator export has them all)

    def text(self, cite: dict[int, int] | None = None) -> str:
        parts = []
        for r in self.items:
            bits = [r.indicator + "：" if r.indicator and r.value else ""]
            if r.value:
                bits.append(shown_value(r.comparator, r.value))
            if r.deadline:
                bits.append(f"（{r.deadline}）")
            if not r.value and r.lead_units:
                bits.append("牵头：" + "、".join(r.lead_units))
            if cite is not None:
                bits.append(f"[{cite[id(r)]}]")
            parts.append("".join(bits))
        if self.more:
            parts.append(f"+{self.more} 项")
        return "；".join(parts)


@dataclass(frozen=True)
class Table:
    columns: tuple[tuple[str, str, str], ...]  # (doc_id, region, title)
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (topic, one cell per column)
    sources: tuple[Indicator, ...]  # citation n = index + 1


def topic_order() -> list[str]:
    return [n for n, _ in taxonomy()] + [RESPONSIBILITY, OTHER]


class NoMatchingRows(ValueError):
    """A topic or word that no row is about; the message (in Chinese) names the topics there are."""


def about(row: Indicator, word: str) -> bool:
    """A row is about a topic it was filed under, or a word its indicator or quote uses (物业, 养老)."""
    return row.topic == word or word in row.indicator or word in row.quote


def select(
    rows: Sequence[Indicator], topics: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None
) -> list[Indicator]:
    """The rows of the chosen topics (a topic's name or any word) and documents, in document order.
    Raises `NoMatchingRows` when topics are given and no row of the documents is about any of them."""
    out = [
        r
        for r in rows
        if (not doc_ids or r.doc_id in doc_ids) and (not topics or any(about(r, t) for t in topics))
    ]
    if topics and not out:
        raise _no_match(topics, rows)
    return out


def _no_match(topics: Sequence[str], rows: Sequence[Indicator], extra: str = "") -> NoMatchingRows:
    known = "、".join(dict.fromkeys(r.topic for r in rows if r.topic))
    return NoMatchingRows(
        f"没有与“{'、'.join(topics)}”有关的指标{extra}。现有主题：{known or '（无）'}；"
        "也可以输入任意词语，按指标名称和原文筛选。"
    )


def is_indicator(row: Indicator) -> bool:
    """An indicator proper: a row with a figure or a calendar deadline (else: who does what)."""
    return row.value is not None or row.deadline is not None


def valued(rows: Sequence[Indicator]) -> list[Indicator]:
    """The rows of the indicator table."""
    return [r for r in rows if is_indicator(r)]


def duties(rows: Sequence[Indicator]) -> list[Indicator]:
    """Who does what, without a figure: rows for the 职责分工 sheet, not the indicator table."""
    return [r for r in rows if not is_indicator(r)]


def split_rows(
    rows: Sequence[Indicator], topics: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None
) -> tuple[list[Indicator], list[Indicator]]:
    """(indicators, duties) of the chosen topics and documents. Topics that match no indicator are an
    error (`NoMatchingRows`, naming the topics indicators are filed under), not an empty table."""
    chosen = select(rows, None, doc_ids)
    picked = [r for r in chosen if not topics or any(about(r, t) for t in topics)]
    indicators = valued(picked)
    if topics and not indicators:
        raise _no_match(topics, valued(chosen), f"（另有 {len(picked)} 条职责分工提到它）" if picked else "")
    return indicators, duties(picked)


def build_table(
    rows: Sequence[Indicator],
    topics: Sequence[str] | None = None,
    doc_ids: Sequence[str] | None = None,
    max_per_cell: int = 4,
) -> Table:
    """Group indicator rows by topic and document; a cell shows its first `max_per_cell` rows. Every
    document stays a column, so one that says nothing on a topic shows "—" there."""
    cols = list(dict.fromkeys((r.doc_id, r.region, r.title) for r in select(rows, None, doc_ids)))
    cell_rows: dict[tuple[str, str], list[Indicator]] = defaultdict(list)
    for r in select(rows, topics, doc_ids):
        cell_rows[(r.topic, r.doc_id)].append(r)
    table_rows = []
    sources: list[Indicator] = []
    for topic in topic_order():
        cells = []
        for doc_id, _, _ in cols:
            items = tuple(cell_rows.get((topic, doc_id), ()))
            shown = items[:max_per_cell]
            sources.extend(shown)
            cells.append(Cell(shown, len(items) - len(shown)))
        if any(c.items for c in cells):
            table_rows.append((topic, tuple(cells)))
    return Table(tuple(cols), tuple(table_rows), tuple(sources))


def cite_map(t: Table) -> dict[int, int]:
    return {id(r): i + 1 for i, r in enumerate(t.sources)}


def md_cell(text: str) -> str:
    """Text as one Markdown table cell: pipes escaped, line breaks as spaces."""
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(t: Table) -> str:
    cite = cite_map(t)
    head = "| 主题 | " + " | ".join(md_cell(f"{region}《{title}》") for _, region, title in t.columns) + " |"
    lines = [head, "|---" * (len(t.columns) + 1) + "|"]
    for topic, cells in t.rows:
        lines.append(f"| {topic} | " + " | ".join(md_cell(c.text(cite)) or "—" for c in cells) + " |")
    lines.append("\n**出处**\n")
    for i, r in enumerate(t.sources, 1):
        lines.append(f"{i}. {r.region}《{r.title}》{r.location}：“{r.quote}”")
    return "\n".join(lines) + "\n"
