"""The assistant: a question (and the conversation so far) in, a short cited answer out.

Default is extractive and needs no language model. The question is analysed once (`Query`),
retrieval ranks clauses, and a learned model (`assistant/selector.py`) scores every sentence of
the top clauses; the answer is the best sentences verbatim, completed into provisions (a list
intro brings its items), each marked [n] with its document, article and version. When no
sentence is likely enough to answer, it says so and lists the nearest clauses as 可能相关.
An optional OpenAI-compatible model may rephrase; its answer is checked against the cited
clauses and dropped in favour of the extractive one when it strays.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assistant.features import Candidate, candidates, elsewhere_gap, with_own_references
from assistant.model import Answer, Citation, Scope, Turn
from assistant.parts import joined
from assistant.pool import POOL, answer_pool
from assistant.provision import list_intro, referred_text
from assistant.selector import (
    AnswerModel,
    asked_thing,
    closing_words,
    default_model,
    eligible,
    lead_scores,
    states_asked,
)
from assistant.writing import NATIONAL, Writer
from corpus import DocumentStore, with_alternatives
from corpus.model import Document
from corpus.sentences import best_sentence
from corpus.settings import Settings
from corpus.versions import versioned
from indexer import Hit, Retriever
from indexer.followup import question_parts
from indexer.model import Elsewhere
from indexer.query import Kind, Query

log = logging.getLogger(__name__)

REFUSAL = "根据现有文件，未找到能回答这个问题的规定。"
LIKELY = 0.5  # a further sentence joins the answer when the model finds it more likely than not
MAX_ANSWER_CHARS = 250
MAX_ENTRIES = 6  # comparison entries
MAX_QUESTION = 1000  # characters: real consultations run to ~150; work per question stays bounded
MAX_SUPPORT = 2  # provisions after the lead line: the answer first, then at most two that support it
MIN_SUBSTRING_WORD = 3  # an unseen word this long still counts as present when a text contains it


class Assistant:
    """Answers questions over one corpus and its index."""

    def __init__(
        self,
        retriever: Retriever,
        docs: Sequence[Document],
        llm=None,
        model: AnswerModel | None = None,
    ) -> None:
        self.retriever = retriever
        self.docs = {d.id: d for d in docs}
        self.llm = llm
        self.model = model or default_model()
        self.superseded: frozenset[str] = retriever.superseded
        self.versioned = versioned(self.docs.values())  # instruments with several versions: name the version
        self.doc_texts = {d.id: with_alternatives(d.text) for d in docs}  # 村（居）民委员会 holds 居民委员会
        self.writer = Writer(self.docs, self.versioned, self.superseded)

    @classmethod
    def open(
        cls, settings: Settings, store: DocumentStore | None = None, show_progress: bool = True
    ) -> Assistant:
        store = store or DocumentStore(settings)
        store.ensure_bundled()
        docs = store.documents()
        from assistant.llm import client_from

        return cls(Retriever.open(settings, docs, show_progress=show_progress), docs, client_from(settings))

    def analyze(
        self, question: str, history: Sequence[dict] = (), last: Query | None = None, last_answer: str = ""
    ) -> Query:
        """The question analysed once (a follow-up read against the last question as analysed, or
        against a {"role", "content"} `history`)."""
        return self.retriever.analyze(question, history, last, last_answer)

    def candidates(
        self, query: Query, region: str | None = None, doc_ids: set[str] | None = None
    ) -> tuple[list[Hit], list[Candidate]]:
        """Retrieved hits and every candidate sentence of the top ones (also what the model is fitted on)."""
        hits, pool, ranks = answer_pool(self.retriever, self.docs, query, region, doc_ids)
        sims = [self.retriever.similarity(query, h) for h in pool]
        intros = {h.clause.id: list_intro(self.docs.get(h.clause.doc_id), h.clause) for h in pool}
        referred = {h.clause.id: referred_text(self.docs.get(h.clause.doc_id), h.clause) for h in pool}
        found = candidates(
            query, pool, self.superseded, sims, self.doc_texts, intros=intros, ranks=ranks, referred=referred
        )
        return hits, with_own_references(found, self.docs)

    def elsewhere(
        self,
        query: Query,
        cands: Sequence[Candidate],
        region: str | None = None,
        doc_ids: set[str] | None = None,
    ) -> tuple[float, Elsewhere | None]:
        """How much closer the nearest sentence outside the documents the question names is than its
        candidates (`features.elsewhere_gap`), and that sentence's clause. A comparison names several
        places on purpose and gives each its own entry: (0, None)."""
        if query.kind is Kind.COMPARISON:
            return 0.0, None
        closer = self.retriever.closest_elsewhere(query, region, doc_ids)
        return elsewhere_gap(cands, closer), closer

    def ask(self, question: str, history: Sequence[dict] = (), scope: Scope = Scope()) -> Answer:
        """Answer a message in the context of a {"role", "content"} history (the gold sets' and the
        API's form); a conversation kept as `Turn`s goes through `turn`."""
        last, last_answer = self.retriever.analyzer.replay(history) if history else (None, "")
        return self._answer(question, last, last_answer, scope.region, scope.ids)[1]

    def turn(self, question: str, turns: Sequence[Turn] = (), scope: Scope = Scope()) -> Turn:
        """The next turn of a conversation: the question read against the last turn's `Query` and its
        answer, answered, and kept as data for the turn after."""
        last = turns[-1] if turns else None
        query, answer = self._answer(
            question,
            last.query if last else None,
            last.answer.text if last else "",
            scope.region,
            scope.ids,
            last.docs if last else (),
            last.clauses if last else (),
        )
        return Turn(
            question,
            query,
            answer,
            tuple(dict.fromkeys(c.doc_id for c in answer.citations)),
            tuple(dict.fromkeys(c.clause_id for c in answer.citations)),
        )

    def restore(self, record: dict) -> Turn:
        """A turn kept as data (`Turn.record`: a browser's storage, an export) as a `Turn` again."""
        docs = tuple(str(d) for d in record.get("docs") or () if str(d) in self.docs)
        clauses = tuple(str(c) for c in record.get("clauses") or ())
        turn = _kept(self.retriever.analyzer.restore(record), str(record.get("answer", "")))
        return replace(turn, docs=docs, clauses=clauses)

    def replay(self, history: Sequence[dict]) -> Turn | None:
        """The last turn of a {"role", "content"} history, each follow-up read against the one before."""
        last, answer = self.retriever.analyzer.replay(history)
        return _kept(last, answer) if last is not None else None

    def _answer(
        self,
        question: str,
        last: Query | None,
        last_answer: str,
        region: str | None,
        doc_ids: set[str] | None,
        last_docs: Sequence[str] = (),
        last_clauses: Sequence[str] = (),
    ) -> tuple[Query, Answer]:
        """A message asking several things ("公示几天？对名单有意见找谁？") is answered part by part, each
        later part read as a follow-up of the earlier ones, and the answers joined. Returns the last
        part's query (what a follow-up of this message is read against) and the answer. A follow-up
        asking something new of the last answer ("牵头单位是谁？" after a staffing figure) is answered
        from the documents that answer cited (`last_docs`) when they answer it, by the sections of the
        clauses it cited (`last_clauses`) when one of their sentences may answer."""
        question = question.encode("utf-8", "replace").decode("utf-8")  # lone surrogates from a client
        if len(question) > MAX_QUESTION:
            cut = self.analyze(question[:MAX_QUESTION])
            reason = f"问题过长（{len(question)} 字）：请控制在 {MAX_QUESTION} 字以内，或分几次提问"
            return cut, Answer(question, cut.text, reason + "。", (), True, cut.kind.value, reason=reason)
        parts = question_parts(question)
        answers: list[Answer] = []
        query = last
        for part in parts:
            previous = query
            query = self.analyze(part, last=query, last_answer=answers[-1].text if answers else last_answer)
            answer = None
            scope = set(last_docs) & doc_ids if doc_ids else set(last_docs)
            if scope and not answers and query.asks_of_last(previous):
                answer = self._ask_one(part, query, region, scope, self._sections(scope, last_clauses))
                answer = None if answer.refused else answer
            answers.append(answer or self._ask_one(part, query, region, doc_ids))
        assert query is not None
        if len(parts) == 1:
            return query, answers[0]
        return query, joined(question, parts, answers)

    def _sections(
        self, doc_ids: set[str], clause_ids: Sequence[str]
    ) -> frozenset[tuple[str, tuple[str, ...]]]:
        """The (document, heading path) of each clause id still in those documents (the last answer's:
        only their clauses are read, not the whole collection's)."""
        wanted = set(clause_ids)
        return frozenset(
            (c.doc_id, c.heading_path)
            for d in doc_ids
            if d in self.docs
            for c in self.docs[d].clauses
            if c.id in wanted
        )

    def _ask_one(
        self,
        question: str,
        query: Query,
        region: str | None,
        doc_ids: set[str] | None,
        prefer: frozenset[tuple[str, tuple[str, ...]]] = frozenset(),
    ) -> Answer:
        """Answer one question, analysed (follow-ups resolved) into `query`; when a sentence of a
        `prefer`red section (the last answer's) may answer, the answer comes from those sections."""
        hits, cands = self.candidates(query, region, doc_ids)
        # 可能相关: each clause's whole sentence closest to the question
        related = tuple(
            self.writer.citation(i + 1, h, *best_sentence(h.clause.text, query.weights))
            for i, h in enumerate([h for h in hits if not closing_words(query, h.clause.text)][:3])
        )

        def refuse(reason: str, shown: tuple[Citation, ...] = related, said: str = "") -> Answer:
            """`reason` for the record (the eval's spot check prints it), `said` (or the reason) in the answer."""
            return Answer(
                question,
                query.text,
                f"{REFUSAL}原因：{said or reason}。",
                (),
                True,
                query.kind.value,
                query.places,
                shown,
                reason,
                used_history=query.used_history,
            )

        if query.unknown_places and not query.places:
            return refuse(f"语料中没有关于{'、'.join(query.unknown_places)}的文件")
        subject = query.subject_words
        if subject and set(subject) <= set(query.unseen_words):
            # Not one word of the question's topic occurs in any document (个人所得税、起征点): whatever retrieval
            # returns is about something else. A longer word may be cut otherwise in the texts (专职工作者 as 专职/工作者):
            # a substring counts (two characters straddle two words: 有效期|是), as does a compound's head (签合同: 合同).
            absent = [
                w
                for w in subject
                if (len(w) < MIN_SUBSTRING_WORD or not any(w in t for t in self.doc_texts.values()))
                and not self.retriever.vocabulary.head_word(w)
            ]
            if len(absent) == len(subject):
                return refuse(f"文件中没有出现“{'”“'.join(absent)}”")
        places = "、".join(query.places)

        def unstated(reason: str, what: str, shown: tuple[Citation, ...] = related) -> Answer:
            """The clauses found do not state what is asked; said of the named place's documents."""
            return refuse(reason, shown, said=f"{places}的文件中，相关条款没有写明{what}" if places else "")

        if not cands:
            return refuse("没有检索到相关条款")
        ok = eligible(query, cands)
        if not ok.any():
            # An answer to "how many people" must quote a number of people; none of the clauses has one.
            return unstated("检索到的条款中没有问题所问的数量", "所问的数量")
        if query.kind is Kind.RESPONSIBLE and not (query.asked.liability or query.asked.pays):
            # "Who leads" is answered by a sentence naming a body, or a clause (or its section) listing
            # its units; a sentence of the topic that names nobody does not answer it.
            ok &= np.array([self.writer.names_responsible(c, query.asked.owner) for c in cands], dtype=bool)
            if not ok.any():
                return unstated("检索到的条款中没有写明负责或牵头的单位", "负责或牵头的单位")
        gap, closer = self.elsewhere(query, cands, region, doc_ids)
        if closer is not None and gap > self.model.elsewhere_margin:
            # "北京市业主委员会任期" when 北京's texts only set 居民委员会's: say where it is set instead.
            named = places or "所问文件"
            elsewhere = f"{closer.hit.region}《{closer.hit.title}》"
            nearest = (
                self.writer.citation(1, closer.hit, closer.start, closer.end),
                *(replace(c, n=c.n + 1) for c in related[:2]),
            )
            return refuse(
                f"{named}的文件中没有针对这个问题的规定；{elsewhere}有更贴近的规定",
                nearest,
                # a document without a place is named by its title ("；的文件有…" read as a broken sentence)
                said=f"{named}的文件中没有针对这个问题的规定；"
                f"{f'{closer.hit.region}的文件' if closer.hit.region else f'《{closer.hit.title}》'}有更贴近的规定（见下）",
            )
        p = self.model.answer_probabilities(cands)
        stated = states_asked(query, cands)  # sentences that may lead: a "how long" answer states a time
        if prefer:
            # a follow-up of the last answer ("牵头单位是谁？"): its own sections answer when they can
            own = (
                ok
                & stated
                & np.array(
                    [(c.hit.clause.doc_id, c.hit.clause.heading_path) in prefer for c in cands], dtype=bool
                )
            )
            if own.any() and float(p[own].max()) >= self.model.threshold:
                ok = own
        probs = np.where(ok, p, 0.0)
        leads = lead_scores(query, cands, probs, stated, self.model.threshold)
        best = int(np.argmax(leads))
        if leads[best] < self.model.threshold <= probs.max():
            # "物业费多久调一次": on the topic, none stating a time likely to answer; those that state one shown first
            what, shown = asked_thing(query), self.writer.likeliest_first(cands, leads, related)
            return unstated(f"检索到的条款中没有写明{what}", what, shown)
        if leads[best] < self.model.threshold:
            if query.kind is Kind.NUMBER and all(c.rank > POOL for c, m in zip(cands, ok, strict=True) if m):
                # only the clauses looked for further down hold the asked unit, and none answers
                return unstated("检索到的条款中没有问题所问的数量", "所问的数量")
            return refuse(
                f"最相关的句子可信度过低（{probs.max():.2f} < {self.model.threshold:.2f}）",
                said="检索到的条款都不直接回答这个问题，下面是最接近的几条",
            )
        if query.kind is Kind.COMPARISON:
            chosen = self._per_document(query, cands, probs)
        else:
            chosen = self._best_sentences(cands, probs, best)
            if not (query.places or query.named_docs or query.referred_docs):
                # No place named: the national rule first, local ones after it, labelled with their place.
                chosen = self._with_national(chosen, cands, probs)
                chosen.sort(key=lambda c: c.hit.region != NATIONAL)
        text, citations = self.writer.write(query, chosen)
        answer = Answer(
            question,
            query.text,
            text,
            citations,
            False,
            query.kind.value,
            query.places,
            used_history=query.used_history,
        )
        if self.llm is not None:
            from assistant.llm import generate_verified

            return generate_verified(self.llm, answer, question)
        return answer

    def _best_sentences(self, cands: list[Candidate], probs: np.ndarray, best: int) -> list[Candidate]:
        """The best sentence, then others the model finds more likely than not, while the answer stays short."""
        chosen = [cands[best]]
        length = len(cands[best].text)
        for i in np.argsort(-probs)[1:4]:
            if len(chosen) > MAX_SUPPORT:
                break
            c = cands[int(i)]
            if probs[i] < max(LIKELY, self.model.threshold) or length + len(c.text) > MAX_ANSWER_CHARS:
                continue
            if any(
                o.text == c.text
                or (o.hit.clause.id == c.hit.clause.id and o.start < c.end and c.start < o.end)
                for o in chosen
            ):
                continue
            chosen.append(c)
            length += len(c.text)
        return chosen

    def _with_national(
        self, chosen: list[Candidate], cands: list[Candidate], p: np.ndarray
    ) -> list[Candidate]:
        """A question naming no place is answered by the national rule too when one is likely enough to
        answer: it takes the place of the weakest local line ("居委会主任、委员是怎么选出来的？" is not only
        北京's 办法)."""
        likely = [cands[int(i)] for i in np.argsort(-p) if p[i] >= max(LIKELY, self.model.threshold)]
        national = [
            c for c in likely if c.hit.region == NATIONAL and c.hit.clause.doc_id not in self.superseded
        ]
        if not national or any(c.hit.region == NATIONAL for c in chosen):
            return chosen
        return [national[0], *chosen][: MAX_SUPPORT + 1]

    def _per_document(self, query: Query, cands: list[Candidate], probs: np.ndarray) -> list[Candidate]:
        """One entry per document that answers (best sentence above the cut-off), best first."""
        per_doc: dict[str, Candidate] = {}
        named = {*query.place_docs, *query.named_docs, *query.referred_docs}
        for i in np.argsort(-probs):
            c = cands[int(i)]
            doc = c.hit.clause.doc_id
            if doc in per_doc or doc in self.superseded:
                continue
            if probs[i] >= self.model.threshold or (doc in named and probs[i] >= self.model.threshold / 2):
                per_doc[doc] = c
        return list(per_doc.values())[:MAX_ENTRIES]


def _kept(query: Query, answer: str) -> Turn:
    """A turn known only by its analysed question and its answer's text (what a follow-up reads)."""
    return Turn(
        query.question, query, Answer(query.question, query.text, answer, (), False, query.kind.value)
    )
