"""Indicators lined up across documents: each valued row gets a key for what it measures, read from
its own quote, so the same indicator in four cities' texts reads across one row.

What a row measures is what its sentence says around the figure: the sentence's words without the
value ("筹备组应当自成立之日起[九十日内]组织召开首次业主大会会议" → 筹备组 成立 组织 召开 首次 业主大会 会议). Rows
of different documents share a key when they count in the same unit and their words are nearly the
same set (`SAME_WORDS`, Jaccard); a key holds at most one row of a document, so every cell of the
overview holds one value, and two figures of one document with the same words (a duty's two time
limits) stay two keys. Nothing here lists indicators by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.indicator import PENALTY, Indicator, whole_sentence
from corpus.outline import ARTICLE_NUMBER, CN_NUM
from corpus.sentences import sentence_spans
from indexer.tokenize import domain_tokenizer

SAME_WORDS = 0.75  # share of words two quotes must have in common to measure the same thing
MIN_WORDS = 2  # a quote with fewer content words ("处…罚款") does not say what it measures
NUMERAL = re.compile(rf"^[\d.{CN_NUM}万亿%％]+$")
LIST_MARK = re.compile(rf"^(?:{ARTICLE_NUMBER}|[（(][{CN_NUM}\d]+[)）]|\d+[.、．]|[{CN_NUM}]+、)\s*")


@dataclass(frozen=True)
class Key:
    label: str  # the shortest sentence of the key with its figure left out: "居民委员会每届任期…"
    unit: str  # the unit its figures count in ("" for a share: 过半数, 三分之二以上)
    rows: tuple[Indicator, ...]  # at most one per document, in the order documents come

    @property
    def documents(self) -> int:
        return len(self.rows)


def _sentence(r: Indicator) -> tuple[str, int, int]:
    """The row's whole sentence without its list marker, and where its figure is written there (the
    first occurrence inside the row's quote: a sentence may state 五分之一以上 twice); (-1, -1) if absent."""
    text = LIST_MARK.sub("", whole_sentence(r))
    figure = r.value_text if r.value_text and r.value_text in text else (r.value or "")
    quote_at = max(text.find(r.quote), 0)
    if r.value_at >= 0 and figure and r.quote[r.value_at :].startswith(figure):
        quote_at += r.value_at  # the figure the row shows, where a sentence states it twice
    at = text.find(figure, quote_at) if figure else -1
    at = text.find(figure) if figure and at < 0 else at
    return text, at, (at + len(figure) if at >= 0 else -1)


def measured_words(r: Indicator) -> frozenset[str]:
    """The content words of the sentence holding the row's figure, the figure left out ("决定前款第五项
    至第七项规定的事项，应当经…四分之三以上" is not "决定前款其他事项，应当经…过半数"); a fine is measured by
    the violation its article states first ("违反本条例第X条规定…的，…逾期不改正的，处…罚款")."""
    text, start, end = _sentence(r)
    text = text[:start] + " " + text[end:] if start >= 0 else text
    if PENALTY.search(r.quote):
        spans = sentence_spans(r.clause)
        text += " " + (r.clause[spans[0][0] : spans[0][1]] if spans else "")
    tok = domain_tokenizer()
    return frozenset(w for w in tok.content(tok.precise(text)) if len(w) >= 2 and not NUMERAL.match(w))


def _label(r: Indicator) -> str:
    """The row's sentence with its figure as "…": "筹备组应当自成立之日起…组织召开首次业主大会会议"."""
    text, start, end = _sentence(r)
    text = text[:start] + "…" + text[end:] if start >= 0 else text
    return text.rstrip("。；")


def indicator_keys(rows: Sequence[Indicator]) -> list[Key]:
    """Valued rows grouped by what they measure; keys shared by most documents first."""
    groups: list[tuple[frozenset[str], str, list[Indicator]]] = []
    for r in rows:
        if r.value is None:
            continue
        words = measured_words(r)
        if len(words) < MIN_WORDS:
            continue
        unit = r.unit or r.quantity_kind or ""  # a share (no unit) only lines up with a share
        for seed, g_unit, members in groups:
            if (
                g_unit == unit
                and all(m.doc_id != r.doc_id for m in members)
                and _jaccard(seed, words) >= SAME_WORDS
            ):
                members.append(r)
                break
        else:
            groups.append((words, unit, [r]))
    keys = [
        Key(min((_label(m) for m in members), key=len), members[0].unit or "", tuple(members))
        for _, _, members in groups
    ]
    return sorted(keys, key=lambda k: -k.documents)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
