"""Hybrid retrieval: jieba BM25 + dense FAISS, fused by RRF, re-scored by cheap features."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import numpy as np

from corpus.articles import article_context
from corpus.choice import Choice
from corpus.model import Document
from corpus.sentences import best_sentence
from corpus.settings import Settings
from corpus.versions import superseded
from indexer.dense import DenseIndex
from indexer.embed import Embedder, make_embedder
from indexer.fusion import FusionWeights, default_weights, rrf
from indexer.model import Elsewhere, Hit, SearchResult
from indexer.persist import LoadedIndex, build_index, index_problem, load_index
from indexer.query import Kind, Query, QueryAnalyzer
from indexer.question_map import QuestionMap, default_question_map
from indexer.references import DocRef
from indexer.tokenize import Tokenizer
from indexer.units import passage_text
from indexer.vocabulary import Vocabulary

log = logging.getLogger(__name__)
DEPTH = 60  # candidates taken from each retriever before fusion
# Re-scoring of fused candidates: small multiplicative nudges that move near-ties only (RRF gaps
# are about 1% per rank). The answer layer's learned model does the real re-ranking.
UNIT_BOOST = 0.05
ELSEWHERE_CLAUSES = 10  # clauses outside the named documents whose sentences `closest_elsewhere` reads
HAS_UNITS = re.compile(r"牵头单位|责任单位|责任部门|牵头部门")


class Mode(Choice):
    BM25 = "bm25"
    DENSE = "dense"
    HYBRID = "hybrid"


class Retriever:
    """Searches one loaded index. Build with `Retriever.open(settings, docs)`."""

    def __init__(self, index: LoadedIndex, embedder: Embedder, weights: FusionWeights | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.weights = weights or default_weights()
        self.tokenizer = Tokenizer(index.manifest.get("extra_terms", []))
        self.clauses = index.clauses
        # Each clause's document as a small integer (a filter is one np.isin over them).
        self._doc_code = {d: i for i, d in enumerate(index.docs)}
        self._doc_of = np.array([self._doc_code[c.doc_id] for c in self.clauses], dtype=np.int32)
        vocab = getattr(index.bm25, "vocab_dict", None) or {}
        self._vocab = set(vocab)
        self._doc_places = {d.id: (d.region, *d.places) for d in index.docs.values()}
        self.superseded = superseded(index.docs.values())
        titles = {d.id: d.title for d in index.docs.values()}
        refs = {d.id: DocRef(d.title, d.date, d.region, d.origin) for d in index.docs.values()}
        # how these clauses write a question's words they never hold (业委会, 停水, 签合同)
        self.vocabulary = Vocabulary(self.tokenizer, self.clauses, self._doc_freq)
        self.analyzer = QueryAnalyzer(
            self.tokenizer,
            self._doc_places,
            self._doc_freq,
            titles,
            refs,
            self.vocabulary.full_form,
            self.vocabulary.writes,
            self.vocabulary.written_apart,
        )
        # A passage cut from a long clause continues exactly where the previous one ends.
        self._continuation = {(c.doc_id, c.start): i for i, c in enumerate(self.clauses)}
        self._last_query: tuple[str, np.ndarray] | None = None
        # A version built before its vectors (`build_index(embed=False)`): the clauses still waiting
        # have zero vectors, which dense search must not return.
        self.pending = int(index.manifest.get("pending", 0))
        self._has_vector: np.ndarray | None = (
            np.asarray(np.asarray(index.vectors, dtype=np.float32).any(axis=1)) if self.pending else None
        )
        self._on_demand: dict[int, np.ndarray] = {}
        self._contexts: dict[int, dict[str, str]] = {}
        self._row_of: dict[str, int] | None = None
        self.question_map: QuestionMap | None = None
        self._mapped_docs: set[str] = set()
        self.use_question_map(default_question_map())

    def use_question_map(self, qmap: QuestionMap | None) -> None:
        """Map questions (`indexer/question_map.py`) when the map was fitted on this embedder's
        vectors and on questions about some of these documents; otherwise never."""
        fits = qmap is not None and qmap.embedder == self.embedder.name
        self._mapped_docs = {
            d.id for d in self.index.docs.values() if fits and qmap and d.title in qmap.titles
        }
        self.question_map = qmap if self._mapped_docs else None
        self._mapped_index: DenseIndex | None = None  # the map's clause side (flat), on first use

    @classmethod
    def open(
        cls,
        settings: Settings,
        docs: list[Document],
        embedder: Embedder | None = None,
        show_progress: bool = True,
    ) -> Retriever:
        """Load the index, (re)building it first when missing or out of date with the documents."""
        embedder = embedder or make_embedder(
            settings.embedder, settings.st_query_prompt, settings.st_passage_prompt
        )
        problem = index_problem(settings, docs, embedder.name)
        if problem.startswith("index damaged"):
            log.warning("%s; rebuilding it from the documents", problem)
        if problem:
            build_index(docs, settings, embedder, show_progress=show_progress)
        return cls(load_index(settings, embedder.name), embedder)

    def place_names(self) -> list[str]:
        """Every name a question may use for a document's place."""
        return sorted({n for names in self._doc_places.values() for n in names if n})

    def doc_ids_for_region(self, region: str) -> set[str]:
        return {
            d for d, names in self._doc_places.items() if any(region in n or n in region for n in names if n)
        }

    def _doc_freq(self, term: str) -> float:
        """Share of indexed sentences holding a token (from the BM25 matrix; 0 for unseen tokens)."""
        tid = self.index.bm25.vocab_dict.get(term)
        if tid is None:
            return 0.0
        indptr = self.index.bm25.scores["indptr"]
        return float(indptr[tid + 1] - indptr[tid]) / max(int(self.index.bm25.scores["num_docs"]), 1)

    def analyze(
        self, question: str, history: Sequence[dict] = (), last: Query | None = None, last_answer: str = ""
    ) -> Query:
        """The question analysed once, against this index's vocabulary and places; a follow-up read
        against the last question as analysed (`last`), or against a {"role", "content"} history."""
        return self.analyzer.analyze(question, history, last, last_answer)

    def search(
        self,
        query: Query | str,
        k: int = 10,
        region: str | None = None,
        doc_ids: set[str] | None = None,
        mode: Mode = Mode.HYBRID,
        use_places: bool = True,
    ) -> SearchResult:
        """Top-k clauses for a query. A place named in the query narrows to that place's documents."""
        if isinstance(query, str):
            query = self.analyze(query)
        allowed_docs = self._allowed_docs(query, region, doc_ids)
        named = _named(query)
        if use_places and named:
            narrowed = allowed_docs & named
            allowed_docs = narrowed or allowed_docs
        mask = (
            np.isin(self._doc_of, [self._doc_code[d] for d in allowed_docs])
            if len(allowed_docs) < len(self.index.docs)
            else None
        )
        places, unknown = (query.places, query.unknown_places) if use_places else ((), ())
        if mask is not None and not mask.any():
            return SearchResult(query.text, (), places, unknown)
        bm25_ids = self._bm25(list(query.bm25_tokens), mask) if mode is not Mode.DENSE else []
        dense_ids = self._dense(query, mask) if mode is not Mode.BM25 else []
        scores = self._fuse(query, mode, bm25_ids, dense_ids)
        if self.question_map is not None and dense_ids and scores:
            # the question's first result is in a document the map knows: search with the map
            if self.clauses[max(scores, key=scores.__getitem__)].doc_id in self._mapped_docs:
                dense_ids = self._dense(query, mask, mapped=True)
                scores = self._fuse(query, mode, bm25_ids, dense_ids, self.question_map.dense_weight)
        ranked = sorted(scores, key=lambda i: -scores[i])
        if mode is Mode.HYBRID and query.kind is Kind.COMPARISON:
            ranked = self._diversify(ranked, scores)
        if query.kind is Kind.RESPONSIBLE:
            ranked = self._with_unit_trailers(ranked)
        ranked = ranked[:k]
        b_rank = {i: r for r, i in enumerate(bm25_ids, 1)}
        d_rank = {i: r for r, i in enumerate(dense_ids, 1)}
        hits = tuple(self._hit(i, scores.get(i, 0.0), b_rank.get(i), d_rank.get(i)) for i in ranked)
        return SearchResult(
            query.text, hits, places, unknown, tuple(sorted(allowed_docs)) if mask is not None else ()
        )

    def _fuse(
        self,
        query: Query,
        mode: Mode,
        bm25_ids: list[int],
        dense_ids: list[int],
        dense_weight: float | None = None,
    ) -> dict[int, float]:
        """The two lists fused (RRF, the fitted weights; a mapped dense list with its own weight)."""
        if mode is Mode.BM25:
            return {i: 1.0 / (60 + r) for r, i in enumerate(bm25_ids, 1)}
        if mode is Mode.DENSE:
            return {i: 1.0 / (60 + r) for r, i in enumerate(dense_ids, 1)}
        weights = self.weights.as_tuple()
        if dense_weight is not None:
            # the mapped list's own weight against BM25's, the sum kept: a fused score reads on the same
            # scale either way (the answer selector was fitted on it); RRF's order depends on the ratio only
            scale = sum(weights) / (self.weights.bm25 + dense_weight)
            weights = (self.weights.bm25 * scale, dense_weight * scale)
        scores = rrf([bm25_ids, dense_ids], weights=weights, missing_at_depth=True)
        return self._rescore(query, scores)

    def _diversify(self, ranked: list[int], scores: dict[int, float]) -> list[int]:
        """For 'each place…' questions: each document's best clause first (among clauses scoring at
        least half the top), then the rest in order, so one city cannot fill the whole list."""
        if not ranked:
            return ranked
        top = scores[ranked[0]]
        firsts: list[int] = []
        seen: set[str] = set()
        for i in ranked:
            doc = self.clauses[i].doc_id
            if doc not in seen and scores[i] >= 0.5 * top:
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
        return Hit(c, float(score), doc.title, doc.region, doc.origin, b, d, i)

    def beside(self, hit: Hit, clause_id: str) -> Hit | None:
        """Another clause of the index as a hit ranked and scored like `hit` (an article's opening,
        brought in by a later paragraph of it)."""
        if self._row_of is None:
            self._row_of = {c.id: i for i, c in enumerate(self.clauses)}
        row = self._row_of.get(clause_id)
        return None if row is None else self._hit(row, hit.score, hit.bm25_rank, hit.dense_rank)

    def query_vector(self, query: Query) -> np.ndarray:
        """The question's vector (the last one is kept: search and answering embed it once)."""
        last = self._last_query
        if last is not None and last[0] == query.dense_text:
            return last[1]
        v = self.embedder.embed_queries([query.dense_text])[0]
        self._last_query = (query.dense_text, v)
        return v

    def similarity(self, query: Query, hit: Hit) -> float:
        """The question's cosine with the hit's clause (one vector per clause is what the index
        embeds); 0 for a hit not from this index."""
        if not 0 <= hit.row < len(self.clauses) or self.clauses[hit.row].id != hit.clause.id:
            return 0.0
        return self._similarity(hit.row, self.query_vector(query))

    def _similarity(self, row: int, qv: np.ndarray) -> float:
        """Cosine of a question vector with the vector of the clause at `row` (embedded now, once,
        while the index is still waiting for it)."""
        if self._has_vector is None or self._has_vector[row]:
            return float(np.asarray(self.index.vectors[row], dtype=np.float32) @ qv)
        if row not in self._on_demand:
            code = int(self._doc_of[row])
            if code not in self._contexts:  # a document's article openings, read once
                self._contexts[code] = article_context(
                    [self.clauses[i] for i in np.flatnonzero(self._doc_of == code)]
                )
            text = passage_text(self.clauses[row], self._contexts[code].get(self.clauses[row].id, ""))
            self._on_demand[row] = self.embedder.embed_passages([text])[0]
        return float(self._on_demand[row] @ qv)

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

    def _allowed_docs(self, query: Query, region: str | None, doc_ids: set[str] | None) -> set[str]:
        """The documents a search may return before the question's own names narrow them."""
        allowed_docs = set(self.index.docs)
        if doc_ids:
            allowed_docs &= set(doc_ids)
        if region:
            allowed_docs &= self.doc_ids_for_region(region)
        if not doc_ids and not query.wants_old_version:
            allowed_docs -= self.superseded  # current versions unless the question asks for the old rule
        return allowed_docs

    def closest_elsewhere(
        self, query: Query, region: str | None = None, doc_ids: set[str] | None = None
    ) -> Elsewhere | None:
        """The clause closest to the question (by cosine) in the documents it does not name, among the
        clauses nearest to it there; None when it names no place or document. A question another
        city's text says better than anything of the named city's may ask what that city never set.
        A follow-up's earlier places are not "elsewhere" when it asks something of its own ("那衡水呢？
        对考证有什么支持？"): the last question's words it borrows match the last place's text by
        construction. A bare "那衡水呢？" asks the last question again, and the last place is a fair
        comparison."""
        named = _named(query)
        if not named:  # most questions: nothing to compare with, no document set built
            return None
        outside = self._allowed_docs(query, region, doc_ids) - named - set(query.earlier_docs)
        if not outside:
            return None
        # The nearest clauses of the whole index, less the named documents': no filter listing every
        # other document (a country's collection has thousands).
        codes = {self._doc_code[d] for d in outside}
        nearest = [i for i in self._dense(query, None) if self._doc_of[i] in codes][:ELSEWHERE_CLAUSES]
        qv = self.query_vector(query)
        best: Elsewhere | None = None
        for i in nearest:
            sim = self._similarity(i, qv)
            if best is None or sim > best.similarity:
                text = self.clauses[i].text
                # the clause's sentence holding most of the question's terms is the one shown
                start, end = best_sentence(text, query.weights)
                best = Elsewhere(sim, self._hit(i, 0.0, None, None), start, end)
        return best

    def _dense(self, query: Query, mask: np.ndarray | None, mapped: bool = False) -> list[int]:
        if self.pending >= len(self.clauses):  # no vectors yet: BM25 alone, no question embedded
            return []
        qv, index = self.query_vector(query), self.index.dense
        if mapped and self.question_map is not None:
            # the mapped question against the mapped clause vectors (`QuestionMap.clause_side`), exactly
            if self._mapped_index is None:
                self._mapped_index = DenseIndex.build(self.question_map.clause_side(self.index.vectors))
            qv, index = self.question_map.query_side(qv), self._mapped_index
        if self._has_vector is not None:
            mask = self._has_vector if mask is None else mask & self._has_vector
        allowed = np.flatnonzero(mask) if mask is not None else None
        ids, _ = index.search(qv, DEPTH, allowed)
        return [int(i) for i in ids]

    def _rescore(self, query: Query, scores: dict[int, float]) -> dict[int, float]:
        """A clause holding a quantity in the unit the question asks for moves up a little; a table's
        header row (captions, column names) moves down a little."""
        out = {}
        for i, s in scores.items():
            c = self.clauses[i]
            boost = 1.0
            if query.units and any(u.search(c.text) for u in query.units):
                boost += UNIT_BOOST
            if c.kind == "table_header":
                boost -= UNIT_BOOST
            out[i] = s * boost
        return out


def _named(query: Query) -> set[str]:
    """The documents a question names: by place, by title, by year and short name."""
    return set(query.place_docs) | set(query.named_docs) | set(query.referred_docs)
