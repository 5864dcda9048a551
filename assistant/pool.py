"""Which retrieved clauses' sentences the answer is chosen from, each with the rank it is read at."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from assistant.provision import article_opening, list_intro, sanctions_for
from assistant.stated import (
    BINDS,
    CHARGED,
    COMPLAINT_TAKEN,
    COST_BORNE,
    FEE_STATED,
    FORBIDS,
    REMEDY_TAKEN,
    defined_term,
    names_sanction,
    stated_things,
    topic_words,
    weightiest_word,
)
from corpus.alternatives import with_alternatives
from corpus.articles import article_of
from corpus.model import Document
from indexer import Hit, Retriever, SearchResult
from indexer.asking import FEE_WORDS
from indexer.query import Kind, Query

SAID_OF_IT = (FEE_STATED, REMEDY_TAKEN)  # looked for until one is said of the thing asked about
POOL = 8  # clauses whose sentences are candidates (10 for comparisons)
DEEP = 30  # how far down the ranking a clause holding the asked unit is looked for
UNIT_DEEP = 2  # clauses brought from there when none of the pool holds the unit


def answer_pool(
    retriever: Retriever,
    docs: Mapping[str, Document],
    query: Query,
    region: str | None = None,
    doc_ids: set[str] | None = None,
) -> tuple[list[Hit], list[Hit], list[int]]:
    """(the first ten hits, the pool, each pool clause's rank). The first `POOL` hits; when the question
    asks an amount in a unit ("罚多少钱": 元) that none of them holds, the first clauses further down
    that do (the topic's words, 室内 and 吸烟, may fill the pool with the rule and leave out its fine);
    when none of them holds every topic word the index knows, the first clauses further down that do ("调解不成怎么办":
    the one clause saying what follows a failed mediation, first for BM25, unseen by the embedder, behind every clause
    on ending a mediation); and the paragraph each later paragraph or list item is read with (`provision.article_opening`),
    at that clause's rank."""
    asks_amount = query.kind is Kind.NUMBER and bool(query.units)
    wanted = stated_things(query.asked)  # a sanction, a liability, who pays…: each looked for further down
    topic = topic_words(query)
    deep = asks_amount or wanted or topic
    res = retriever.search(query, k=DEEP if deep else 10, region=region, doc_ids=doc_ids)
    hits = list(res.hits[:10])
    pool = hits[:10] if query.kind is Kind.COMPARISON else hits[:POOL]
    ranks = list(range(1, len(pool) + 1))
    first = len(pool)
    if asks_amount and not any(_holds(h, query) for h in pool):
        _bring_up(res.hits, first, pool, ranks, lambda h: _holds(h, query))
    # "骗取低保会怎么处罚", "志愿者受伤了谁负责": the sanction or the damages article, in a chapter of its own, shares few
    # words with the question; it holds the question's weightiest word, what is sanctioned or harmed ("在公共场所大声喧哗会被
    # 罚款吗" is not answered by a fine on companies' traffic duties)
    key = weightiest_word(query, topic) if wanted else ""

    def stating(pattern: re.Pattern[str], key: str) -> Callable[[Hit], bool]:
        return lambda h: (
            bool(pattern.search(h.clause.text)) and (not key or key in with_alternatives(h.clause.text))
        )

    for states in wanted:
        # who pays is said of the cost ("…医疗费…等费用，由…支付"), not of the harm the question names (受伤); where to
        # complain of any breach ("对违反本条例规定的行为进行投诉举报")
        of = "" if states in (COST_BORNE, COMPLAINT_TAKEN) else key
        # whether a thing is free is looked for where it is said so, not where its budget is
        said = CHARGED if states is FEE_STATED else states
        # a charge or a way to contest a decision is looked for until one is said of the thing asked about (not another
        # service's charges; the way to contest a 工伤认定 is no way to contest a 劳动能力鉴定)
        if any(stating(said, of)(h) if states in SAID_OF_IT else states.search(h.clause.text) for h in pool):
            continue
        found, below = (
            _charges(retriever, query, res, first, key, region, doc_ids)
            if said is CHARGED
            else (res.hits, first)
        )
        _bring_up(found, below, pool, ranks, stating(said, of))
    if query.asked.meaning and not any(_defines(h, query) for h in pool):
        # "什么是家庭暴力": every clause of the law holds the word; the one saying what it is ("本条例所称家庭暴力，
        # 是指…") is no nearer than the rest
        _bring_up(res.hits, first, pool, ranks, lambda h: _defines(h, query))
    if topic and not any(_covers(h, topic) for h in pool):
        _bring_up(res.hits, first, pool, ranks, lambda h: _covers(h, topic))
    held = {h.clause.id for h in pool}
    if query.asked.penalty or query.asked.consequence:
        # "村干部挪用集体资金怎么处理": the article forbidding the act is found (第九条…禁止…挪用…); the one sanctioning its breach
        # names it by number alone ("违反本条例第九条规定的，…罚款") and shares no word with the question
        # (the act's words, not those naming the sanction asked about: 处罚, 罚款 in "私自拆改承重结构会被罚多少钱"); a list
        # item forbids by its list's opening ("禁止下列影响公共环境卫生的行为：" › "（二）乱扔果皮、纸屑…"). What befalls whoever
        # fails a duty is asked too ("狗咬了人，养狗的人要负什么责任": "养犬人应当遵守下列规定：" › "（四）采取有效约束措施避免犬只伤害
        # 他人", whose breach 第三十三条 fines and makes answer for the harm)
        rule = BINDS if query.asked.consequence else FORBIDS
        rare = sorted(
            (w for w in query.known_weights if not names_sanction(w)), key=lambda w: -query.known_weights[w]
        )[:2]
        for h, rank in zip(list(pool), list(ranks), strict=True):
            text = with_alternatives(h.clause.text)
            doc = docs.get(h.clause.doc_id)
            if not (any(w in text for w in rare) and rule.search(text + list_intro(doc, h.clause))):
                continue
            for c in sanctions_for(doc, article_of(h.clause.heading_path)):
                if c.id not in held and (o := retriever.beside(h, c.id)):
                    held.add(c.id)
                    pool.append(o)
                    ranks.append(rank)
    for h, rank in zip(list(pool), list(ranks), strict=True):
        opening = article_opening(docs.get(h.clause.doc_id), h.clause)
        if opening is not None and opening.id not in held and (o := retriever.beside(h, opening.id)):
            held.add(opening.id)
            pool.append(o)
            ranks.append(rank)
    return hits, pool, ranks


def _charges(
    retriever: Retriever,
    query: Query,
    res: SearchResult,
    first: int,
    key: str,
    region: str | None,
    doc_ids: set[str] | None,
) -> tuple[Sequence[Hit], int]:
    """Where whether a thing is free is looked for ("图书馆办借书证要钱吗"), and from which rank: the clauses found below
    the pool, or, when none of them says of the thing (`key`, the question's weightiest word) that it is free or charged
    for, all those found with the texts' words for it ("公共图书馆…免费开放")."""
    if any(
        CHARGED.search(h.clause.text) and key in with_alternatives(h.clause.text) for h in res.hits[first:]
    ):
        return res.hits, first
    said = replace(query, bm25_tokens=(*query.bm25_tokens, *FEE_WORDS.split()))
    return retriever.search(said, k=len(res.hits), region=region, doc_ids=doc_ids).hits, 0


def _bring_up(
    ranked: Sequence[Hit], first: int, pool: list[Hit], ranks: list[int], wanted: Callable[[Hit], bool]
) -> None:
    """The first `UNIT_DEEP` clauses below the pool's first `first` that are `wanted`, added at their rank."""
    deeper = [(r, h) for r, h in enumerate(ranked[first:], first + 1) if wanted(h) and h not in pool]
    for r, h in deeper[:UNIT_DEEP]:
        pool.append(h)
        ranks.append(r)


def _defines(hit: Hit, query: Query) -> bool:
    """The clause says what a word of the question means ("本条例所称家庭暴力，是指…")."""
    return defined_term(hit.clause.text) in query.text


def _covers(hit: Hit, words: tuple[str, ...]) -> bool:
    """The clause holds every one of the words."""
    text = with_alternatives(hit.clause.text)
    return all(w in text for w in words)


def _holds(hit: Hit, query: Query) -> bool:
    return any(u.search(hit.clause.text) for u in query.units)
