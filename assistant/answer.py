"""The assistant: a question (and the conversation so far) in, a short cited answer out.

Default is extractive and needs no language model: the answer is made of sentences copied
from the best supporting clauses, each marked [n], so every figure and unit name is the
document's own. When the texts don't support an answer it says so and lists the nearest
clauses as 可能相关. An optional OpenAI-compatible model may rephrase; its answer is checked
against the cited clauses and dropped in favour of the extractive one when it strays.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

from assistant.followup import standalone_question
from assistant.intent import Kind, detect_kind
from assistant.model import Answer, Citation
from assistant.support import UNITS_SPAN, Candidate, candidates, term_weights
from corpus import DocumentStore
from corpus.model import Document
from corpus.normalize import normalize_query
from corpus.settings import Settings
from indexer import Hit, Retriever
from indexer.search import unit_rules
from indexer.tokenize import expand_query

log = logging.getLogger(__name__)

# Calibrated on the dev set (eval/data/qa_dev.jsonl): answered questions have best coverage
# ≥ 0.28, while the adversarial negatives fail the unit or place checks below.
MIN_COVERAGE = 0.22
MIN_SCORE = 0.30
REFUSAL = "根据现有文件，未找到能回答这个问题的规定。"


class Assistant:
    """Answers questions over one corpus and its index."""

    def __init__(self, retriever: Retriever, docs: Sequence[Document], llm=None) -> None:  # noqa: ANN001
        self.retriever = retriever
        self.docs = {d.id: d for d in docs}
        self.llm = llm
        self.place_names = sorted({p for d in docs for p in (d.region, *d.places) if p})
        self._df: dict[str, int] = {}

    @classmethod
    def open(cls, settings: Settings, store: DocumentStore | None = None, show_progress: bool = True) -> Assistant:
        store = store or DocumentStore(settings)
        store.ensure_bundled()
        docs = store.documents()
        llm = None
        if settings.llm_base_url:
            from assistant.llm import LLMClient

            llm = LLMClient(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout)
        return cls(Retriever.open(settings, docs, show_progress=show_progress), docs, llm)

    def standalone(self, question: str, history: Sequence[dict] = ()) -> str:
        return standalone_question(question, history, self.place_names)

    def ask(self, question: str, history: Sequence[dict] = (), region: str | None = None,
            doc_ids: set[str] | None = None) -> Answer:
        """Answer one question in the context of the conversation so far."""
        query = normalize_query(self.standalone(question, history))
        kind = detect_kind(query)
        res = self.retriever.search(query, k=10, region=region, doc_ids=doc_ids)
        hits = list(res.hits)
        related = tuple(self._citation(i + 1, h, 0, min(len(h.clause.text), 80)) for i, h in enumerate(hits[:3]))

        def refuse(reason: str) -> Answer:
            return Answer(question, query, REFUSAL, (), True, kind.value, res.places, related, reason)

        if res.unknown_places and not res.places:
            return refuse(f"语料中没有关于{'、'.join(res.unknown_places)}的文件")
        if not hits:
            return refuse("没有检索到相关条款")

        weights = self._weights(query, res.places)
        units = [u for asks, u in unit_rules() if asks.search(query)]
        pool = hits[:10] if kind is Kind.COMPARISON else hits[:8]
        cands = [c for r, h in enumerate(pool, 1) for c in candidates(r, h.clause.text, weights, kind, units)]
        if not cands:
            return refuse("没有可引用的句子")
        best = max(cands, key=lambda c: c.score)
        if best.coverage < MIN_COVERAGE or best.score < MIN_SCORE:
            return refuse(f"最相关条款与问题重合度过低（{best.coverage:.2f}）")
        if kind is Kind.NUMBER and units and not any(u.search(pool[c.hit_rank - 1].clause.text[c.start : c.end]) for c in cands if c.coverage >= MIN_COVERAGE for u in units):
            return refuse("检索到的条款中没有问题所问的数量")

        chosen = self._choose(kind, cands, pool, best, named_places=len(res.places) >= 2)
        citations, sentences = [], []
        for n, (hit, cand) in enumerate(chosen, 1):
            start, end = cand.start, cand.end
            if kind is Kind.RESPONSIBLE:
                start, end, hit = self._units_span(hit, start, end)
            cit = self._citation(n, hit, start, end)
            citations.append(cit)
            sentences.append(f"{hit.region}：{cit.quote.rstrip('。；，、')}。[{n}]")
        text = "".join(sentences) if kind is not Kind.COMPARISON else "\n".join(sentences)
        answer = Answer(question, query, text, tuple(citations), False, kind.value, res.places)
        if self.llm is not None:
            from assistant.llm import generate_verified

            return generate_verified(self.llm, answer, question)
        return answer

    def _weights(self, query: str, places: Sequence[str]) -> dict[str, float]:
        expanded, substituted = expand_query(query)
        # Colloquial words that were mapped to document words do not count against coverage.
        toks = self.retriever.tokenizer.tokens(substituted + " " + expanded[len(query):])
        drop = set(places) | set(self.place_names)
        return term_weights((t for t in toks if t not in drop and not any(t in p for p in drop)), self._idf)

    def _idf(self, term: str) -> float:
        """log(N/df) over clauses, df counted by substring (Chinese terms have no word boundaries)."""
        if term not in self._df:
            self._df[term] = sum(1 for c in self.retriever.clauses if term in c.text)
        n = len(self.retriever.clauses)
        return math.log((n + 1) / (self._df[term] + 1)) + 0.5

    def _choose(self, kind: Kind, cands: list[Candidate], pool: list[Hit], best: Candidate,
                named_places: bool = False) -> list[tuple[Hit, Candidate]]:
        """The supporting sentences: one per document for comparisons, else the best one or two."""
        ordered = sorted(cands, key=lambda c: -c.score)
        if kind is Kind.COMPARISON:
            per_doc: dict[str, tuple[Hit, Candidate]] = {}
            for c in ordered:
                h = pool[c.hit_rank - 1]
                good = named_places or (c.score >= 0.6 * best.score and c.coverage >= MIN_COVERAGE)
                if h.clause.doc_id not in per_doc and good:
                    per_doc[h.clause.doc_id] = (h, c)
            return list(per_doc.values())[:6]
        out = [(pool[best.hit_rank - 1], best)]
        for c in ordered[1:4]:
            if c.score >= 0.85 * best.score and (c.hit_rank, c.start) != (best.hit_rank, best.start) and kind is not Kind.RESPONSIBLE:
                h = pool[c.hit_rank - 1]
                if not (h.clause.id == out[0][0].clause.id and c.start < best.end and best.start < c.end):
                    out.append((h, c))
                break
        return out

    def _units_span(self, hit: Hit, start: int, end: int) -> tuple[int, int, Hit]:
        """For 'who leads' questions: the clause's own unit list, else the one its parent section states."""
        text = hit.clause.text
        m = UNITS_SPAN.search(text, start) or UNITS_SPAN.search(text)
        if m:
            return m.start(), m.end(), hit
        parent = self._inherited_units(hit)
        if parent is not None:
            return parent
        return start, end, hit

    def _inherited_units(self, hit: Hit) -> tuple[int, int, Hit] | None:
        """Sub-items that state no units inherit the list at the end of their section's opening paragraph."""
        doc = self.docs.get(hit.clause.doc_id)
        if doc is None:
            return None
        path = hit.clause.heading_path
        for depth in range(len(path) - 1, 0, -1):
            prefix = path[:depth]
            for c in doc.clauses:
                if c.heading_path == prefix:
                    m = UNITS_SPAN.search(c.text)
                    if m:
                        h = Hit(c, hit.score, hit.title, hit.region, hit.origin)
                        return m.start(), m.end(), h
        return None

    def _citation(self, n: int, h: Hit, start: int, end: int) -> Citation:
        c = h.clause
        doc = self.docs.get(c.doc_id)
        return Citation(n, c.doc_id, h.title, h.region, doc.date if doc else "", c.section, c.id, c.text,
                        c.text[start:end], start, end, c.start, c.end, h.origin)


def answer_json(a: Answer) -> dict:
    """The JSON shape of an answer (CLI `ask --json/--jsonl`, web API)."""
    def cit(c: Citation) -> dict:
        return {"n": c.n, "doc_id": c.doc_id, "title": c.title, "region": c.region, "date": c.date, "section": c.section,
                "clause_id": c.clause_id, "text": c.text, "quote": c.quote, "quote_start": c.quote_start,
                "quote_end": c.quote_end, "source": c.source}

    return {"answer": a.text, "refused": a.refused, "standalone_question": a.standalone_question, "kind": a.kind,
            "places": list(a.places), "citations": [cit(c) for c in a.citations], "related": [cit(c) for c in a.related],
            "reason": a.reason, "generator": a.generator}


