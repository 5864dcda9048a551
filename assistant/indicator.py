"""The extraction row: one target, time limit or assignment of responsibility, with its source span."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.outline import ARTICLE_NUMBER
from corpus.sentences import sentence_spans


@dataclass(frozen=True)
class Indicator:
    """One commitment (or, with value None, one assignment of responsibility) with its source span."""

    doc_id: str
    region: str
    title: str
    quote: str
    clause: str
    clause_id: str
    section: str
    start: int  # quote offsets in the document's normalised text
    end: int
    indicator: str = ""
    comparator: str | None = None
    value: str | None = None
    unit: str | None = None
    scope: str | None = None
    deadline: str | None = None
    lead_units: tuple[str, ...] = ()
    support_units: tuple[str, ...] = ()
    topic: str = field(default="")
    value_text: str = ""  # the whole phrase as written, comparator included: "不低于二十平方米"
    quantity_kind: str = ""  # count | area | money | time_limit | threshold | rate | multiple …
    version_date: str = ""  # the document's version date (YYYY-MM-DD), "" when it states none
    article: str = ""  # 第X条第Y款 when the clause sits in an article
    context: str = ""  # text the row's meaning depends on, quoted before it: a table row's header
    baseline: str = ""  # a plan table's base-year value with its year: "100%（2020年）"
    value_at: int = -1  # where the figure is written in the quote (a quote may state the same figure twice)
    intro: str = ""  # a list item's opening sentence ("建设单位应当按照下列时限移交…：") and "……" if items come between

    @property
    def location(self) -> str:
        """Where the quote sits: the article when there is one, else the heading path."""
        return " ".join(p for p in (self.article, "" if self.article else self.section) if p)


PENALTY = re.compile(r"罚款|罚金")
NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


def shown_value(comparator: str | None, value: str | None) -> str:
    """A figure as a reader takes it in one cell, its comparator first unless the value already ends
    with it: 不得低于 + 1000户 → "不得低于1000户"; 左右 + 3000户左右 stays."""
    if not value:
        return ""
    return (comparator or "") + value if comparator and not value.endswith(comparator) else value


def numbers(text: str) -> list[str]:
    """The numbers written in a text, in Arabic or Chinese numerals: '2025年' → ['2025']."""
    return NUMBER.findall(text)


def verified(i: Indicator) -> bool:
    """Every number the row shows (value, deadline, baseline) is written in its quote or its context."""
    source = i.context + "\n" + i.quote
    return all(n in source for part in (i.value, i.deadline, i.baseline) if part for n in numbers(part))


def whole_sentence(r: Indicator) -> str:
    """The sentence(s) of the row's clause holding its quote: a quote is often a fragment
    ("不足5000名的至少配备1名）"); a handout reads whole sentences."""
    if r.context:  # a table's row: the row, then the header it is read with
        return f"{r.quote}（{r.context}）"
    at = r.clause.find(r.quote)
    if at < 0:
        return r.quote
    spans = [(s, e) for s, e in sentence_spans(r.clause) if s < at + len(r.quote) and e > at]
    if not spans:
        return r.quote
    start = spans[0][0]
    if PENALTY.search(r.quote):
        # "逾期不改正的，处…罚款" after "；" fines what the sentence states before it: the whole sentence
        start = r.clause.rfind("。", 0, start) + 1
    # the article's number is its citation, shown with it, not the first words of its sentence; a list
    # item reads after the sentence that opens its list ("（二）现售商品房项目，在…前三十日完成；" says when, not who)
    return r.intro + re.sub(rf"^{ARTICLE_NUMBER}\s*", "", r.clause[start : spans[-1][1]].strip())


def indicator_json(i: Indicator) -> dict:
    return {
        "doc_id": i.doc_id,
        "region": i.region,
        "title": i.title,
        "version_date": i.version_date,
        "indicator": i.indicator,
        "topic": i.topic,
        "comparator": i.comparator,
        "value": i.value,
        "value_text": i.value_text,
        "baseline": i.baseline,
        "unit": i.unit,
        "scope": i.scope,
        "deadline": i.deadline,
        "lead_units": list(i.lead_units),
        "support_units": list(i.support_units),
        "quote": i.quote,
        "clause": i.clause,
        "clause_id": i.clause_id,
        "section": i.section,
        "article": i.article,
        "start": i.start,
        "end": i.end,
    }
