"""Hybrid retrieval: jieba BM25 + dense FAISS, fused by RRF, re-scored by cheap features."""

from __future__ import annotations

import logging
import re
import tomllib
from functools import cache
from pathlib import Path

import numpy as np

from corpus.choice import Choice
from corpus.model import Document
from corpus.normalize import normalize_query
from corpus.settings import Settings
from indexer.embed import Embedder, make_embedder
from indexer.fusion import rrf
from indexer.model import Hit, SearchResult
from indexer.persist import LoadedIndex, build_index, is_current, load_index
from indexer.places import match_places
from indexer.tokenize import Tokenizer, expand_query

log = logging.getLogger(__name__)
DEPTH = 60  # candidates taken from each retriever before fusion
NUMBER_QUESTION = re.compile(r"多少|几[个名人户次年]|几|比例|面积|多大|多长|多久|不少于|不低于|最少|至少|上限|下限|占比|多高")
HAS_NUMBER = re.compile(r"\d")
# Tuned on eval/data/qa_dev.jsonl (`policyqa eval retrieval`): dense counts best
# at 0.3 weight (MRR 0.893 vs 0.863 at 0.5, 0.851 at 1.0); the boosts move ties, not rankings.
NUMBER_BOOST = 0.03
UNIT_BOOST = 0.08
RRF_WEIGHTS = (1.0, 0.3)
ASKS_UNITS = re.compile(r"牵头|负责|责任单位|责任部门|哪个部门|哪些部门|由谁|谁来|归谁")
HAS_UNITS = re.compile(r"牵头单位|责任单位|责任部门|牵头部门")
COMPARISON = re.compile(r"各地|各个|哪些(?:文件|方案|地方|城市|地区|规划)|分别|对比|比较|不同地方|都有|几个地方|哪几个(?:地方|城市|文件)")


@cache
def unit_rules() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(what a question asks, the unit that answers it), from rules/units.toml."""
    data = tomllib.loads((Path(__file__).parent / "rules" / "units.toml").read_text(encoding="utf-8"))
    return tuple((re.compile(u["asks"]), re.compile(u["answer"])) for u in data["unit"])


class Mode(Choice):
    BM25 = "bm25"
    DENSE = "dense"
    HYBRID = "hybrid"



class Retriever:
    """Searches one loaded index. Build with `Retriever.open(settings, docs)`."""

    def __init__(self, index: LoadedIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self.tokenizer = Tokenizer(index.manifest.get("extra_terms", []))
        self.clauses = index.clauses
        self._doc_of = np.array([c.doc_id for c in self.clauses])
        vocab = getattr(index.bm25, "vocab_dict", None) or {}
        self._vocab = set(vocab)
        self._doc_places = {d.id: (d.region, *d.places) for d in index.docs.values()}
        # A passage cut from a long clause continues exactly where the previous one ends.
        self._continuation = {(c.doc_id, c.start): i for i, c in enumerate(self.clauses)}

    @classmethod
    def open(cls, settings: Settings, docs: list[Document], embedder: Embedder | None = None,
             show_progress: bool = True) -> Retriever:
        """Load the index, (re)building it first when missing or out of date with the documents."""
        embedder = embedder or make_embedder(settings.embedder, settings.st_query_prompt, settings.st_passage_prompt)
        if not is_current(settings, docs, embedder.name):
            build_index(docs, settings, embedder, show_progress=show_progress)
        return cls(load_index(settings, embedder.name), embedder)

    def place_names(self) -> list[str]:
        """Every name a question may use for a document's place."""
        return sorted({n for names in self._doc_places.values() for n in names if n})

    def doc_ids_for_region(self, region: str) -> set[str]:
        return {d for d, names in self._doc_places.items() if any(region in n or n in region for n in names if n)}

    def search(
        self, query: str, k: int = 10, region: str | None = None, doc_ids: set[str] | None = None,
        mode: Mode = Mode.HYBRID, use_places: bool = True,
    ) -> SearchResult:
        """Top-k clauses for a query. A place named in the query narrows to that place's documents."""
        query = normalize_query(query)
        allowed_docs = set(self.index.docs)
        if doc_ids:
            allowed_docs &= set(doc_ids)
        if region:
            allowed_docs &= self.doc_ids_for_region(region)
        places = match_places(query, self._doc_places) if use_places else None
        if places and places.doc_ids:
            narrowed = allowed_docs & set(places.doc_ids)
            allowed_docs = narrowed or allowed_docs
        mask = np.isin(self._doc_of, sorted(allowed_docs)) if len(allowed_docs) < len(self.index.docs) else None
        if mask is not None and not mask.any():
            return SearchResult(query, (), places.names if places else (), places.unknown if places else ())
        expanded, substituted = expand_query(query)
        q_tokens = self.tokenizer.tokens(expanded)
        bm25_ids = self._bm25(q_tokens, mask) if mode is not Mode.DENSE else []
        dense_ids = self._dense(substituted, mask) if mode is not Mode.BM25 else []
        if mode is Mode.BM25:
            scores = {i: 1.0 / (60 + r) for r, i in enumerate(bm25_ids, 1)}
        elif mode is Mode.DENSE:
            scores = {i: 1.0 / (60 + r) for r, i in enumerate(dense_ids, 1)}
        else:
            scores = rrf([bm25_ids, dense_ids], weights=RRF_WEIGHTS, missing_at_depth=True)
            scores = self._rescore(query, scores)
        ranked = sorted(scores, key=lambda i: -scores[i])
        if mode is Mode.HYBRID and COMPARISON.search(query):
            ranked = self._diversify(ranked, scores)
        if ASKS_UNITS.search(query):
            ranked = self._with_unit_trailers(ranked)
        ranked = ranked[:k]
        b_rank = {i: r for r, i in enumerate(bm25_ids, 1)}
        d_rank = {i: r for r, i in enumerate(dense_ids, 1)}
        hits = tuple(self._hit(i, scores.get(i, 0.0), b_rank.get(i), d_rank.get(i)) for i in ranked)
        return SearchResult(query, hits, places.names if places else (), places.unknown if places else (),
                            tuple(sorted(allowed_docs)) if mask is not None else ())

    def _diversify(self, ranked: list[int], scores: dict[int, float]) -> list[int]:
        """For 'each place…' questions: each document's best clause first (if it scores within 70%
        of the top; 0.5 let weak documents push out a third city on the dev set), then the rest in order, so one city cannot fill the whole list."""
        if not ranked:
            return ranked
        top = scores[ranked[0]]
        firsts: list[int] = []
        seen: set[str] = set()
        for i in ranked:
            doc = self.clauses[i].doc_id
            if doc not in seen and scores[i] >= 0.7 * top:
                seen.add(doc)
                firsts.append(i)
        chosen = set(firsts)
        return firsts + [i for i in ranked if i not in chosen]

    def _with_unit_trailers(self, ranked: list[int]) -> list[int]:
        """'Who leads' questions: a passage without the clause's （牵头单位：…） trailer is followed by the
        continuation passage that carries it (long clauses are cut into passages at sentence ends)."""
        out: list[int] = []
        for i in ranked[:10]:
            out.append(i)
            c = self.clauses[i]
            j = self._continuation.get((c.doc_id, c.end))
            hops = 0
            while j is not None and not HAS_UNITS.search(c.text) and hops < 3:
                nxt = self.clauses[j]
                if nxt.heading_path != c.heading_path:
                    break
                if HAS_UNITS.search(nxt.text):
                    if j not in out:
                        out.append(j)
                    break
                j, c, hops = self._continuation.get((nxt.doc_id, nxt.end)), nxt, hops + 1
        seen = set(out)
        return out + [i for i in ranked if i not in seen]

    def _hit(self, i: int, score: float, b: int | None, d: int | None) -> Hit:
        c = self.clauses[i]
        doc = self.index.docs[c.doc_id]
        return Hit(c, float(score), doc.title, doc.region, doc.origin, b, d)

    def _bm25(self, q_tokens: list[str], mask: np.ndarray | None) -> list[int]:
        """Clauses ranked by their best-scoring sentence."""
        toks = [t for t in q_tokens if t in self._vocab]
        if not toks:
            return []
        clause_of = self.index.bm25_clause_of
        k = min(DEPTH * 4, len(clause_of))
        weight = mask[clause_of].astype(np.float32) if mask is not None else None
        res = self.index.bm25.retrieve([toks], k=k, show_progress=False, n_threads=1, weight_mask=weight)
        ranked: dict[int, None] = {}
        for i, s in zip(res.documents[0], res.scores[0], strict=True):
            if s > 0:
                ranked.setdefault(int(clause_of[i]))
        return list(ranked)[:DEPTH]

    def _dense(self, query: str, mask: np.ndarray | None) -> list[int]:
        qv = self.embedder.embed_queries([query])[0]
        allowed = np.flatnonzero(mask) if mask is not None else None
        ids, _ = self.index.dense.search(qv, DEPTH, allowed)
        return [int(i) for i in ids]

    def _rescore(self, query: str, scores: dict[int, float]) -> dict[int, float]:
        """Cheap features on the fused candidates, as small multiplicative boosts (RRF gaps are ~1%/rank):
        a number in the clause when the query asks for one, more when it is in the asked unit.
        (A heading-word boost was tried and dropped: generic words like 城乡社区治理 match every heading.)"""
        wants_number = bool(NUMBER_QUESTION.search(query))
        units = [u for asks, u in unit_rules() if asks.search(query)]
        out = {}
        for i, s in scores.items():
            c = self.clauses[i]
            boost = 1.0
            if wants_number and HAS_NUMBER.search(c.text):
                boost += NUMBER_BOOST
            if any(u.search(c.text) for u in units):
                boost += UNIT_BOOST
            if c.kind == "table_header":
                boost -= 0.05
            out[i] = s * boost
        return out
