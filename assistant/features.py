"""Candidate answer sentences in retrieved clauses, and the general features a learned model scores.

Nothing here is tuned: each feature is a plain measurement (a rank, a coverage, a yes/no about
the sentence's form or kind). How much each one counts is learned (`assistant/selector.py`,
fitted by `eval/fit.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.figures import masked
from assistant.orgs import has_unit
from assistant.provision import (
    POINTS_BACK,
    REFERRED_MAX,
    points_on_its_own,
    referred_text,
    with_continuations,
)
from assistant.quantity import find_quantities
from assistant.roles import OWNER
from corpus.alternatives import with_alternatives
from corpus.model import Document
from corpus.outline import ARTICLE as ARTICLE_OPENING
from corpus.outline import ARTICLE_NUMBER
from corpus.outline import PREAMBLE as PREFACE
from corpus.sentences import sentence_spans
from indexer.model import Elsewhere, Hit
from indexer.query import Kind, Query

DATE = re.compile(r"\d{4}年|20XX年|\d{1,2}月(?:底|末|\d{1,2}日)|年底|年内|月底|之前|以前|前完成")
RESPONSIBLE_WORDS = re.compile(
    r"负责|牵头|主管|统筹|会同|批准|备案|审批|核准|责令|由[^，。；]{2,30}?(?:负责|组织|实施|办理|承担)"
)
LIST_INTRO = re.compile(r"[：:]$")
CHAR = re.compile(r"[\u4e00-\u9fff0-9]")
# The drafting formula that opens a document or regulation and says why it exists
# (为了……，制定本条例 / 为……，现就……提出如下意见): it names the topic, it answers nothing.
PREAMBLE = re.compile(
    rf"^(?:{ARTICLE_NUMBER}\s*)?(?:为(?:了)?|依据|根据|按照).{{4,160}}?"
    r"(?:制定本|特制定|制定如下|现就|提出如下|提出以下)"
)
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,20})[”\"」』]")

OPEN_SIGNALS = ("rank_inv", "fused", "cov_sentence", "cov_known")
OPEN_KINDS = (Kind.FACT, Kind.PROCEDURE)

FEATURES = (
    "rank_inv",
    "fused",
    "bm25_inv",
    "dense_inv",
    "cov_sentence",
    "cov_clause",
    "cov_heading",
    "bigram",
    "kind_number",
    "unit_match",
    "unit_missing",
    "kind_responsible",
    "kind_deadline",
    "kind_procedure",
    "list_intro",
    "heading_like",
    "length",
    "place_match",
    "place_named",
    "first_sentence",
    "superseded",
    "doc_named",
    "top_terms",
    "clause_sim",
    "preamble",
    "quoted",
    "doc_coverage",
    "missing_max",
    "cov_known",
    "in_preface",
    "q_unit_anywhere",
    "q_best_coverage",
    "q_used_history",
    "clause_sim_gap",
    # An open question (是否, 能否, 怎么办: what the law says, not a figure or a body): the selector
    # weighs OPEN_SIGNALS again for it (`selector.AnswerModel`); the sentence model never reads it.
    "q_open",
)


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved clause that might answer, with its feature vector."""

    hit: Hit
    rank: int  # 1-based rank of the hit in retrieval
    start: int  # offsets in the clause text
    end: int
    features: tuple[float, ...]
    intro: str = ""  # the sentence opening its list, for a list item ("有下列行为之一的，…处…罚款：")
    referred: str = ""  # what its clause points back to ("违反本条例第四十七条第二项规定的": that item)

    @property
    def text(self) -> str:
        return self.hit.clause.text[self.start : self.end]

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)]


def coverage(text: str, weights: dict[str, float]) -> float:
    """IDF-weighted share of the question's topic terms present in the text."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for t, w in weights.items() if t in text) / total


def bigrams(text: str) -> set[str]:
    chars = CHAR.findall(text)
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def is_heading_like(text: str) -> bool:
    """A bare heading line: short, with no sentence punctuation inside or at the end, and no figure
    (a plan's indicator-table row, "每万名城镇常住人口拥有社区工作者 18 预期性", is not a heading).
    An article ("第三十五条每年农历九月初九（重阳节）为浙江省老人节。") is a provision, however short."""
    return (
        len(text) <= 40
        and not ARTICLE_OPENING.match(text)
        and not re.search(r"[，。；：！？,;:]", text.rstrip("。"))
        and not re.search(r"\d", masked(text))
    )


def _kind_features(
    sentence: str, query: Query, intro: str = ""
) -> tuple[float, float, float, float, float, float]:
    """What the sentence holds of what the question asks; a list item's asked quantity may stand in
    the sentence opening its list (`intro`), which the answer shows before it."""
    qs = find_quantities(masked(sentence))  # not 第一个五年, 十九届, 昆发〔2022〕14号: the tables' rule
    number = float(bool(qs)) if query.kind in (Kind.NUMBER, Kind.COMPARISON, Kind.DEADLINE) else 0.0
    unit_match = float(any(u.search(intro + sentence) for u in query.units)) if query.units else 0.0
    unit_missing = float(bool(query.units) and not unit_match)
    responsible = (  # or, asked whose a thing is, the sentence saying so ("依法属于业主的公共收益包括：")
        float(
            bool(RESPONSIBLE_WORDS.search(sentence) or has_unit(sentence))
            or (query.asked.owner and bool(OWNER.search(intro + sentence)))
        )
        if query.kind is Kind.RESPONSIBLE
        else 0.0
    )
    deadline = 0.0
    if query.kind is Kind.DEADLINE:
        deadline = float(bool(DATE.search(sentence)) or any(q.kind == "time_limit" for q in qs))
    procedure = (
        float(bool(re.search(r"应当|可以|按照|程序|申请|办理|提交|责令", sentence)))
        if query.kind is Kind.PROCEDURE
        else 0.0
    )
    return number, unit_match, unit_missing, responsible, deadline, procedure


def candidates(
    query: Query,
    hits: Sequence[Hit],
    superseded: frozenset[str] = frozenset(),
    similarities: Sequence[float] = (),
    doc_texts: Mapping[str, str] | None = None,
    trim_to: int = 160,
    intros: Mapping[str, str] | None = None,
    ranks: Sequence[int] = (),
    referred: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Every sentence of the given hits, with its features. `similarities[i]` is the question's
    cosine with hit i's clause (every sentence of it carries it); `doc_texts` the hits'
    documents' full texts, bracketed alternatives spelled out (`corpus.alternatives`): does the document use the
    question's words at all; `intros` a list
    item's list opening by clause id (`provision.list_intro`): the item's quantity is read with it
    ("七十周岁以上的老年人…享受下列优惠待遇：" + "（四）免费…乘坐城市公共汽车"); `ranks[i]` hit i's rank
    in retrieval when it is not its place in `hits` (an article's opening ranks with the paragraph that
    brought it); `referred` what a clause pointing back refers to, by clause id (`provision.referred_text`):
    "违反前款规定的，…处五十元罚款" covers the question's words as read with the list it points to."""
    weights = query.weights
    known = query.known_weights
    known_total = sum(known.values()) or 1.0
    known_max = max(known.values(), default=1.0)
    quotes = QUOTED.findall(query.text)
    doc_cov_of: dict[str, float] = {}
    q_bigrams = bigrams(query.text)
    for p in query.places:
        q_bigrams -= bigrams(p)
    top = hits[0].score if hits and hits[0].score > 0 else 1.0
    # The question's two rarest topic terms: an answer to "养老服务设施 per 100 households" must
    # at least mention 养老, however well it covers the rest.
    rare = [t for t, _ in sorted(weights.items(), key=lambda kv: -kv[1])[:2]]
    rows: list[tuple[Hit, int, int, int, str, list[float]]] = []
    for i, h in enumerate(hits):
        rank = ranks[i] if i < len(ranks) else i + 1
        text = h.clause.text
        heading = " ".join(h.clause.heading_path)
        ref = referred.get(h.clause.id, "") if referred else ""
        body = with_alternatives(heading + ref + text)  # 村（居）民委员会 covers 居民委员会
        cov_clause = coverage(body, weights)
        cov_head = coverage(heading, weights)
        if h.clause.doc_id not in doc_cov_of:  # several hits share a document: scan its text once
            doc_text = doc_texts.get(h.clause.doc_id, body) if doc_texts else body
            doc_cov_of[h.clause.doc_id] = sum(w for t, w in known.items() if t in doc_text) / known_total
        doc_cov = doc_cov_of[h.clause.doc_id]
        cov_known = sum(w for t, w in known.items() if t in body) / known_total
        missing = max((w for t, w in known.items() if t not in body), default=0.0) / known_max
        # A quoted phrase that is in the document's title names the document ("衡水“十四五”规划"),
        # not what a sentence of it must say.
        own = [q for q in quotes if q not in h.title]
        quoted = sum(q in text for q in own) / len(own) if own else 0.0
        spans = sentence_spans(text)
        # each sentence is scored as it is, and shown with the sentences that go on with it ("…责令限期改正；逾期不改正的，
        # …罚款"): one sanction, one line
        shown = with_continuations(text, spans, whole_item=trim_to)
        sim = similarities[i] if i < len(similarities) else 0.0
        heading_like = float(is_heading_like(text))  # of the clause: once, not per sentence
        intro = intros.get(h.clause.id, "") if intros else ""
        for k, (s, e) in enumerate(spans):
            sent = text[s:e]
            # "…不得擅自张贴…。违反规定的，…罚款": the fine covers the question as read with what it fines
            read = ref + (text[max(0, s - REFERRED_MAX) : s] if k and POINTS_BACK.match(sent) else "")
            gs, ge = next(g for g in shown if g[0] <= s and e <= g[1])
            ts, te = trim(text, gs, ge, weights, trim_to)
            kind_f = _kind_features(sent, query, intro)
            rows.append(
                (
                    h,
                    rank,
                    ts,
                    te,
                    intro,
                    [
                        1.0 / rank,
                        h.score / top,
                        1.0 / h.bm25_rank if h.bm25_rank else 0.0,
                        1.0 / h.dense_rank if h.dense_rank else 0.0,
                        coverage(with_alternatives(read + sent), weights),
                        cov_clause,
                        cov_head,
                        len(q_bigrams & bigrams(sent)) / len(q_bigrams) if q_bigrams else 0.0,
                        *kind_f,
                        float(bool(LIST_INTRO.search(sent.strip()))),
                        heading_like,
                        math.log1p(len(sent)) / 5,
                        float(bool(query.place_docs) and h.clause.doc_id in query.place_docs),
                        float(bool(query.places)),
                        float(k == 0),
                        float(h.clause.doc_id in superseded),
                        float(h.clause.doc_id in query.named_docs),
                        sum(t in body for t in rare) / len(rare) if rare else 0.0,
                        float(sim),
                        float(bool(PREAMBLE.search(sent))),
                        quoted,
                        doc_cov,
                        missing,
                        cov_known,
                        float(h.clause.heading_path[:1] == (PREFACE,)),
                    ],
                )
            )
    # Question-level evidence, the same for every candidate: does any retrieved sentence hold the
    # asked unit, how well does the best one cover the question. These move the refusal decision.
    unit_anywhere = float(any(r[5][FEATURES.index("unit_match")] for r in rows))
    best_cov = max((r[5][FEATURES.index("cov_sentence")] for r in rows), default=0.0)
    best_sim = max((r[5][FEATURES.index("clause_sim")] for r in rows), default=0.0)
    is_open = float(query.kind in OPEN_KINDS)
    return [
        Candidate(
            h,
            rank,
            ts,
            te,
            (
                *f,
                unit_anywhere,
                best_cov,
                float(query.used_history),
                f[FEATURES.index("clause_sim")] - best_sim,
                is_open,
            ),
            intro,
            referred.get(h.clause.id, "") if referred else "",
        )
        for h, rank, ts, te, intro, f in rows
    ]


def with_own_references(cands: Sequence[Candidate], docs: Mapping[str, Document]) -> list[Candidate]:
    """Each sentence of a clause pointing back read with what it points to itself: "…；违反第四项、第五项规定的，处二百元
    罚款" fines those items of the list its clause's "违反前款第一项至第三项规定的" points to, not the first three."""
    return [
        replace(c, referred=referred_text(docs.get(c.hit.clause.doc_id), c.hit.clause, c.text))
        if c.referred and points_on_its_own(c.hit.clause.text, c.start, c.end)
        else c
        for c in cands
    ]


def elsewhere_gap(cands: Sequence[Candidate], elsewhere: Elsewhere | None) -> float:
    """How much closer to the question the nearest sentence outside the documents it names is than
    its closest candidate (cosines); 0 when it is not closer or the question names nothing."""
    if elsewhere is None or not cands:
        return 0.0
    return max(0.0, elsewhere.similarity - max(c.feature("clause_sim") for c in cands))


def trim(text: str, start: int, end: int, weights: dict[str, float], limit: int) -> tuple[int, int]:
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
