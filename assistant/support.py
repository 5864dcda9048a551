"""Finding the sentences that answer a question inside retrieved clauses (pure scoring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.intent import Kind

SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
UNITS_SPAN = re.compile(r"（(?:牵头单位|牵头部门|责任单位|责任部门)[：:][^（）]*(?:（[^（）]*）[^（）]*)*）|(?:责任部门|责任单位|牵头单位)[：:][^。]*")
LEAD_PHRASE = re.compile(r"由[^，。；]{2,40}?(?:负责|牵头)|[^，。；、]{2,30}?(?:牵头|负责)|[^，。；]{2,20}?发挥牵头抓总作用")
DATE_LIKE = re.compile(r"\d{1,2}[:：]\d{2}前?|每周[一二三四五六日]|\d{4}年|20XX年|\d{1,2}月|年底|月底|年内|以前|之前|前完成|期限|\d+年(?:左右|内|时间)|[一二三四五]年")
RANK_WEIGHT = 0.12  # retrieval rank as a prior; 0.2 and 0.3 lowered dev citation hit
GENERIC = {"社区", "城乡", "工作", "要求", "规定", "建设", "加强", "推进", "完善", "提出", "文件", "方案", "意见", "规划"}


@dataclass(frozen=True)
class Candidate:
    """A sentence (or a span of one) in a hit's clause, with how well it answers."""

    hit_rank: int
    start: int  # offsets in the clause text
    end: int
    score: float
    coverage: float


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group(0).strip("。；！？ ")]


QUESTION_TERM = re.compile(r"哪|多长|多少|什么|怎么|如何|几|是否|做到|按照|要求|规定|具体|分别|^时间$|长时间|时候")


def term_weights(terms: Iterable[str], idf: Callable[[str], float] = lambda t: 1.0) -> dict[str, float]:
    """Rare, specific terms weigh more (idf); question words and generic policy words weigh little."""
    out = {}
    for t in terms:
        if len(t) < 2 or t.isdigit() or QUESTION_TERM.search(t):
            continue
        out[t] = 0.3 if t in GENERIC else idf(t) * min(len(t), 4) / 2
    return out


def coverage(text: str, weights: dict[str, float]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for t, w in weights.items() if t in text) / total


def kind_bonus(text: str, kind: Kind, unit_answers: list[re.Pattern[str]]) -> float:
    if kind in (Kind.NUMBER, Kind.COMPARISON) and unit_answers:
        return 0.35 if any(u.search(text) for u in unit_answers) else 0.0
    if kind is Kind.NUMBER:
        return 0.15 if re.search(r"\d", text) else 0.0
    if kind is Kind.RESPONSIBLE:
        return 0.35 if UNITS_SPAN.search(text) or LEAD_PHRASE.search(text) else 0.0
    if kind is Kind.DEADLINE:
        return 0.35 if DATE_LIKE.search(text) else 0.0
    return 0.0


def trim(text: str, start: int, end: int, weights: dict[str, float], limit: int = 110) -> tuple[int, int]:
    """Narrow an overlong sentence to the comma-separated window that carries the matched terms."""
    if end - start <= limit:
        return start, end
    segs = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^，、]+[，、]?", text[start:end])]
    best = max(range(len(segs)), key=lambda i: (coverage(text[segs[i][0] : segs[i][1]], weights), -i))
    lo = hi = best
    while True:
        grown = False
        for cand in (hi + 1, lo - 1):
            if 0 <= cand < len(segs):
                nlo, nhi = min(lo, cand), max(hi, cand)
                if segs[nhi][1] - segs[nlo][0] <= limit:
                    lo, hi, grown = nlo, nhi, True
        if not grown:
            break
    s, e = segs[lo][0], segs[hi][1]
    if hi == len(segs) - 1:
        e = end
    return s, e


def candidates(
    hit_rank: int, text: str, weights: dict[str, float], kind: Kind, unit_answers: list[re.Pattern[str]]
) -> list[Candidate]:
    out = []
    for s, e in sentence_spans(text):
        sent = text[s:e]
        cov = coverage(sent, weights)
        ctx = coverage(text, weights)  # the clause as a whole also speaks for its sentences
        score = 0.55 * cov + 0.15 * ctx + kind_bonus(sent, kind, unit_answers) + RANK_WEIGHT / hit_rank
        ts, te = trim(text, s, e, weights)
        out.append(Candidate(hit_rank, ts, te, score, max(cov, ctx * 0.8)))
    return out
