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
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assistant.features import Candidate, candidates, elsewhere_gap
from assistant.model import Answer, Citation, Turn
from assistant.provision import ARTICLE, Provision, article_label, complete
from assistant.roles import assigns_responsibility, clause_units
from assistant.selector import AnswerModel, default_model, eligible
from corpus import DocumentStore
from corpus.model import Clause, Document
from corpus.sentences import best_sentence
from corpus.settings import Settings
from corpus.versions import versioned
from indexer import Hit, Retriever
from indexer.followup import question_parts
from indexer.model import Elsewhere
from indexer.query import Kind, Query

log = logging.getLogger(__name__)

REFUSAL = "根据现有文件，未找到能回答这个问题的规定。"
POOL = 8  # clauses whose sentences are candidates (10 for comparisons)
LIKELY = 0.5  # a further sentence joins the answer when the model finds it more likely than not
MAX_ANSWER_CHARS = 250
MAX_ENTRIES = 6  # comparison entries
MAX_QUESTION = 1000  # characters: real consultations run to ~150; work per question stays bounded
MAX_SUPPORT = 2  # provisions after the lead line: the answer first, then at most two that support it
NATIONAL = "全国"
MIN_SUBSTRING_WORD = 3  # an unseen word this long still counts as present when a text contains it


def marked_segments(text: str) -> list[tuple[str, int | None]]:
    """An answer text cut after each citation mark: (segment, its mark's n); a tail with no mark has None."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for m in re.finditer(r"\[(\d+)\]", text):
        out.append((text[pos : m.end()], int(m.group(1))))
        pos = m.end()
    if text[pos:].strip():
        out.append((text[pos:], None))
    return out


def joined(question: str, parts: Sequence[str], answers: Sequence[Answer]) -> Answer:
    """One answer to a several-question message: each answered part's lines with its citations
    renumbered after the earlier ones, a line an earlier part already gave left out (a part citing
    nothing new adds nothing), and an explicit "not found" for a part the texts do not answer.
    Refused only when every part is."""
    answered = [a for a in answers if not a.refused]
    if not answered:
        return replace(answers[0], question=question)
    texts: list[str] = []
    citations: list[Citation] = []
    seen: set[tuple[str, int, int]] = set()
    for part, a in zip(parts, answers, strict=True):
        if a.refused:
            texts.append(f"“{part.rstrip('？?')}”：根据现有文件，未找到相关规定。")
            continue
        by_n = {c.n: c for c in a.citations}
        earlier = set(seen)
        number: dict[int, int] = {}
        kept: list[str] = []
        for segment, n in marked_segments(a.text):
            c = by_n.get(n) if n is not None else None
            if n is None or c is None:
                kept.append(segment)
                continue
            if (c.clause_id, c.quote_start, c.quote_end) in earlier:
                continue
            if n not in number:
                number[n] = len(citations) + 1
                citations.append(replace(c, n=number[n]))
                seen.add((c.clause_id, c.quote_start, c.quote_end))
            kept.append(segment[: segment.rindex("[")] + f"[{number[n]}]")
        if number:
            texts.append("".join(kept).strip())
    first = answered[0]
    return replace(
        first,
        question=question,
        standalone_question=" ".join(a.standalone_question for a in answers),
        text="\n".join(texts),
        citations=tuple(citations),
        places=tuple(dict.fromkeys(p for a in answers for p in a.places)),
        used_history=any(a.used_history for a in answers),
    )


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
        self.doc_texts = {d.id: d.text for d in docs}

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
        res = self.retriever.search(query, k=10, region=region, doc_ids=doc_ids)
        hits = list(res.hits)
        pool = hits[:10] if query.kind is Kind.COMPARISON else hits[:POOL]
        sims = [self.retriever.similarity(query, h) for h in pool]
        return hits, candidates(query, pool, self.superseded, sims, self.doc_texts)

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

    def ask(
        self,
        question: str,
        history: Sequence[dict] = (),
        region: str | None = None,
        doc_ids: set[str] | None = None,
        query: Query | None = None,
    ) -> Answer:
        """Answer a message in the context of a {"role", "content"} history (the gold sets' and the
        API's form); a conversation kept as `Turn`s goes through `turn`."""
        if query is not None:
            return self._ask_one(question, query, region, doc_ids)
        last, last_answer = self.retriever.analyzer.replay(history) if history else (None, "")
        return self._answer(question, last, last_answer, region, doc_ids)[1]

    def turn(
        self,
        question: str,
        turns: Sequence[Turn] = (),
        region: str | None = None,
        doc_ids: set[str] | None = None,
    ) -> Turn:
        """The next turn of a conversation: the question read against the last turn's `Query` and its
        answer, answered, and kept as data for the turn after."""
        last = turns[-1] if turns else None
        query, answer = self._answer(
            question,
            last.query if last else None,
            last.answer.text if last else "",
            region,
            doc_ids,
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
            if scope and not answers and _asks_of_last(query, previous):
                answer = self._ask_one(part, query, region, scope, self._sections(last_clauses))
                answer = None if answer.refused else answer
            answers.append(answer or self._ask_one(part, query, region, doc_ids))
        assert query is not None
        if len(parts) == 1:
            return query, answers[0]
        return query, joined(question, parts, answers)

    def _sections(self, clause_ids: Sequence[str]) -> frozenset[tuple[str, tuple[str, ...]]]:
        """The (document, heading path) of each clause id that is still in the corpus."""
        wanted = set(clause_ids)
        return frozenset(
            (c.doc_id, c.heading_path)
            for d in self.docs.values()
            for c in d.clauses
            if wanted and c.id in wanted
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
            self._citation(i + 1, h, *best_sentence(h.clause.text, query.weights))
            for i, h in enumerate(hits[:3])
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
        if query.words and len(query.unseen_words) == len(query.words):
            # Not one word of the question's topic occurs in any document (个人所得税、起征点): whatever
            # retrieval returns is about something else.
            # A longer word may be cut otherwise in the texts (专职工作者 as 专职/工作者): look for it as
            # a substring. Two characters found only that way straddle two words (有效期|是).
            absent = [
                w
                for w in query.unseen_words
                if len(w) < MIN_SUBSTRING_WORD or not any(w in t for t in self.doc_texts.values())
            ]
            if len(absent) == len(query.words):
                return refuse(f"文件中没有出现“{'”“'.join(absent)}”")
        if not cands:
            return refuse("没有检索到相关条款")
        ok = eligible(query, cands)
        if not ok.any():
            # An answer to "how many people" must quote a number of people; none of the clauses has one.
            return refuse("检索到的条款中没有问题所问的数量")
        if query.kind is Kind.RESPONSIBLE:
            # "Who leads" is answered by a sentence naming a body, or a clause (or its section) listing
            # its units; a sentence of the topic that names nobody does not answer it.
            ok &= np.array([self._names_responsible(c) for c in cands], dtype=bool)
            if not ok.any():
                named = "、".join(query.places)
                return refuse(
                    "检索到的条款中没有写明负责或牵头的单位",
                    said=f"{named}的文件中，相关条款没有写明负责或牵头的单位" if named else "",
                )
        gap, closer = self.elsewhere(query, cands, region, doc_ids)
        if closer is not None and gap > self.model.elsewhere_margin:
            # "北京市业主委员会任期" when 北京's texts only set 居民委员会's: say where it is set instead.
            named = "、".join(query.places) or "所问文件"
            elsewhere = f"{closer.hit.region}《{closer.hit.title}》"
            nearest = (
                self._citation(1, closer.hit, closer.start, closer.end),
                *(replace(c, n=c.n + 1) for c in related[:2]),
            )
            return refuse(
                f"{named}的文件中没有针对这个问题的规定；{elsewhere}有更贴近的规定",
                nearest,
                said=f"{named}的文件中没有针对这个问题的规定；{closer.hit.region}的文件有更贴近的规定（见下）",
            )
        p = self.model.probabilities(cands)
        if prefer:
            # a follow-up of the last answer ("牵头单位是谁？"): its own sections answer when they can
            own = ok & np.array(
                [(c.hit.clause.doc_id, c.hit.clause.heading_path) in prefer for c in cands], dtype=bool
            )
            if own.any() and float(p[own].max()) >= self.model.threshold:
                ok = own
        probs = np.where(ok, p, 0.0)
        best = int(np.argmax(probs))
        if probs[best] < self.model.threshold:
            return refuse(
                f"最相关的句子可信度过低（{probs[best]:.2f} < {self.model.threshold:.2f}）",
                said="检索到的条款都不直接回答这个问题，下面是最接近的几条",
            )
        if query.kind is Kind.COMPARISON:
            chosen = self._per_document(query, cands, probs)
        else:
            chosen = self._best_sentences(cands, probs, best)
            if not (query.places or query.named_docs or query.referred_docs):
                # No place named: the national rule first, local ones after it, labelled with their place.
                chosen.sort(key=lambda c: c.hit.region != NATIONAL)
        citations: list[Citation] = []
        lines: list[str] = []
        # Entries from documents of one region ("全国": two central documents) are told apart by title.
        regions = Counter(region for _, region in {(c.hit.clause.doc_id, c.hit.region) for c in chosen})
        previous = ("", "")
        shown: set[str] = set()  # clauses the answer already quotes (a list with its items, an intro)
        units_given: set[str] = set()  # unit lists already given (one section's list serves its clauses)
        for cand in chosen:
            doc = self.docs.get(cand.hit.clause.doc_id)
            prov = complete(doc, cand.hit.clause, cand.start, cand.end)
            if len(prov.clause_ids) > 1 and set(prov.clause_ids) <= shown:
                continue  # an item of a list already given whole
            if prov.clause_ids[0] in shown and prov.clause_ids[0] != cand.hit.clause.id:
                prov = complete(doc, cand.hit.clause, cand.start, cand.end, with_intro=False)
            if query.kind is Kind.RESPONSIBLE and prov.text.strip().strip("（）()。") in units_given:
                continue  # the （牵头单位：…） trailer itself, already given as the answer
            shown.update(prov.clause_ids)
            titled = regions[cand.hit.region] > 1
            if query.kind is Kind.RESPONSIBLE:
                # "Who leads": the unit list the provision's clause or section states is the answer, first.
                extra = self._units_line(cand.hit, prov, len(citations) + 1)
                if extra and extra[2] not in units_given:
                    units_given.add(extra[2])
                    doc_part = self._heading(cand.hit, prov, titled)[0]
                    citations.append(extra[0])
                    lines.append(extra[1] if doc_part == previous[0] else f"{doc_part}：{extra[1]}")
                    previous = (doc_part, "")
            n = len(citations) + 1
            cit = self._provision_citation(n, cand.hit, prov, cand.start)
            citations.append(cit)
            line, heading = self._line(cand.hit, prov, n, titled, previous)
            lines.append(line)
            # Sentences of one answer read on from each other; a comparison's entries each stand alone.
            previous = heading if query.kind is not Kind.COMPARISON else ("", "")
        if query.kind is Kind.COMPARISON:
            covered = {c.region for c in citations} | {
                p for c in citations for p in self._doc_places(c.doc_id)
            }
            for place in query.places:
                if place not in covered:
                    lines.append(f"{place}：现有文件未找到相关规定。")
            # A document the question names (by title or as "2021年基层治理意见") gets its line too.
            cited = {c.title for c in citations}
            for doc_id in dict.fromkeys((*query.named_docs, *query.referred_docs)):
                doc = self.docs.get(doc_id)
                if doc and doc_id not in self.superseded and doc.title not in cited:
                    cited.add(doc.title)
                    lines.append(f"《{doc.title}》：未找到相关规定。")
        if query.kind is not Kind.COMPARISON and not query.places:
            differ = self._disagreement(query, citations)
            if differ:
                lines.insert(0, differ)
        text = "\n".join(lines) if query.kind is Kind.COMPARISON else "".join(lines)
        answer = Answer(
            question,
            query.text,
            text,
            tuple(citations),
            False,
            query.kind.value,
            query.places,
            used_history=query.used_history,
        )
        if self.llm is not None:
            from assistant.llm import generate_verified

            return generate_verified(self.llm, answer, question)
        return answer

    def _disagreement(self, query: Query, citations: Sequence[Citation]) -> str:
        """One line saying that the cited documents of different places set different figures for
        what was asked ("规定不一致：全国：五年[2]；北京市（办法）：三年[1]。"), national first, a local one
        labelled with its kind of document (its year is in its own line's version; a year here would be
        a number its clause does not state); "" when they agree, state no figure in the asked unit, or
        come from one place."""
        found: dict[str, tuple[str, int]] = {}
        for c in citations:
            figures = [m.group(0) for u in query.units for m in u.finditer(c.quote)]
            if figures and c.region and c.region not in found:
                found[c.region] = ("、".join(dict.fromkeys(figures)), c.n)
        if len(found) < 2 or len({f for f, _ in found.values()}) < 2:
            return ""
        parts = []
        for region in sorted(found, key=lambda r: r != NATIONAL):
            figure, n = found[region]
            doc = next((self.docs.get(c.doc_id) for c in citations if c.n == n), None)
            kind = f"（{doc.kind}）" if region != NATIONAL and doc and doc.kind else ""
            parts.append(f"{region}{kind}：{figure}[{n}]")
        return "规定不一致：" + "；".join(parts) + "。\n"

    def _doc_places(self, doc_id: str) -> tuple[str, ...]:
        d = self.docs.get(doc_id)
        return (d.region, *d.places) if d else ()

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
                o.hit.clause.id == c.hit.clause.id and o.start < c.end and c.start < o.end for o in chosen
            ):
                continue
            if any(o.text == c.text for o in chosen):
                continue
            chosen.append(c)
            length += len(c.text)
        return chosen

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

    def _line(
        self, hit: Hit, prov: Provision, n: int, titled: bool = False, previous: tuple[str, str] = ("", "")
    ) -> tuple[str, tuple[str, str]]:
        """One answer line: 'region《title》(version)第X条第Y款：text。[n]', the article number said once;
        outside articles 'region：text', or 'region《title》：text' when `titled`. After a line of the
        same document (`previous`: the heading the last line returned) the document is not named
        again: '第Y条：text' for another article, the bare text for the same one. Returns the line
        and its heading (region《title》(version), 第X条第Y款)."""
        doc_part, label, text = self._heading(hit, prov, titled)
        body = f"{text.rstrip('。；，、：')}。[{n}]"
        if previous == (doc_part, label):
            return body, previous
        if label and previous[0] == doc_part:
            return f"{label}：{body}", (doc_part, label)
        return f"{doc_part}{label}：{body}", (doc_part, label)

    def _heading(self, hit: Hit, prov: Provision, titled: bool) -> tuple[str, str, str]:
        """An answer line's heading as (region《title》(version), 第X条第Y款 or ""), and the provision's
        text without the article number the heading already says."""
        doc = self.docs.get(hit.clause.doc_id)
        version = f"（{doc.date}版）" if doc and doc.id in self.versioned and doc.date else ""
        text = prov.text.strip()
        if not prov.label:
            if titled and hit.title:
                return f"{hit.region}《{hit.title}》{version}", "", text
            return (hit.region or hit.title) + version, "", text
        article = ARTICLE.match(prov.label)
        if article and text.startswith(article.group(0)):
            text = text[len(article.group(0)) :].lstrip()
        doc_part = f"{hit.region}《{hit.title}》{version}" if hit.title else f"{hit.region}{version}"
        return doc_part, prov.label, text

    def _unit_list(self, hit: Hit) -> tuple[Clause, int, int] | None:
        """The clause (the hit's own, its continuation or its section's opening) that lists units
        (（牵头单位：…；责任单位：…）), with the list's span; None when none does."""
        doc = self.docs.get(hit.clause.doc_id)
        if doc is None:
            return None
        for clause in (hit.clause, *self._section_openers(doc, hit.clause)):
            units = clause_units(clause.text)
            if units.start >= 0 and (units.lead or units.support):
                return clause, units.start, units.end
        return None

    def _units_line(self, hit: Hit, prov: Provision, n: int) -> tuple[Citation, str, str] | None:
        """For 'who is responsible' questions: the unit list the clause (or its section's opening) states,
        when the chosen sentence does not already name it."""
        found = self._unit_list(hit)
        if found is None:
            return None
        clause, start, end = found
        span = clause.text[start:end]
        if span in prov.text:
            return None
        cit = self._citation(n, Hit(clause, hit.score, hit.title, hit.region, hit.origin), start, end)
        return cit, f"{span.strip('（）()')}。[{n}]", span.strip("（）()。")

    def _names_responsible(self, cand: Candidate) -> bool:
        """The sentence, read with its article's or list's opening (由民政部门依法查处：…（二）…), names the
        body responsible, or its clause or section lists units."""
        doc = self.docs.get(cand.hit.clause.doc_id)
        text = complete(doc, cand.hit.clause, cand.start, cand.end).text if doc else cand.text
        return assigns_responsibility(text) or self._unit_list(cand.hit) is not None

    def _section_openers(self, doc: Document, clause: Clause) -> list[Clause]:
        """Clauses that open the sections enclosing `clause` (where a unit list for the whole section sits),
        and the passages continuing `clause` itself."""
        out = [c for c in doc.clauses if c.heading_path == clause.heading_path and c.start > clause.start][:3]
        path = clause.heading_path
        for depth in range(len(path) - 1, 0, -1):
            out += [c for c in doc.clauses if c.heading_path == path[:depth]][:2]
        return out

    def _provision_citation(self, n: int, h: Hit, prov: Provision, start: int) -> Citation:
        if len(prov.clause_ids) == 1:
            return self._citation(n, h, start, start + len(prov.text))
        doc = self.docs.get(h.clause.doc_id)
        joined = "".join(c.text for cid in prov.clause_ids if doc and (c := doc.clause(cid)))
        s = max(joined.find(prov.text.split("……")[0]), 0)
        return self._cite(n, h, joined, s, min(s + len(prov.text), len(joined)), prov.label, prov.text)

    def _citation(self, n: int, h: Hit, start: int, end: int) -> Citation:
        c = h.clause
        return self._cite(n, h, c.text, start, end, article_label(self.docs.get(c.doc_id), c))

    def _cite(
        self, n: int, h: Hit, text: str, start: int, end: int, article: str, quote: str | None = None
    ) -> Citation:
        """A citation of `text` (the hit's clause, or the clauses of a provision joined) at start:end."""
        c = h.clause
        doc = self.docs.get(c.doc_id)
        return Citation(
            n,
            c.doc_id,
            h.title,
            h.region,
            doc.date if doc else "",
            c.section,
            c.id,
            text,
            text[start:end] if quote is None else quote,
            start,
            end,
            c.start,
            c.end,
            h.origin,
            article,
        )


def _asks_of_last(query: Query, last: Query | None) -> bool:
    """A follow-up that names no place or document of its own and asks another kind of thing than the
    last question (who leads, by when) asks it of what the last answer quoted. The places and documents
    its standalone form borrowed from the last question are not its own."""
    if last is None or not query.used_history or query.kind is last.kind:
        return False
    own_places = any(p in query.question for p in query.places)
    own_docs = set(query.named_docs) - set(last.named_docs) or set(query.referred_docs) - set(
        last.referred_docs
    )
    return not own_places and not own_docs


def _kept(query: Query, answer: str) -> Turn:
    """A turn known only by its analysed question and its answer's text (what a follow-up reads)."""
    return Turn(
        query.question, query, Answer(query.question, query.text, answer, (), False, query.kind.value)
    )


def answer_json(a: Answer) -> dict:
    """The JSON shape of an answer (CLI `ask --json/--jsonl`, web API)."""

    def cit(c: Citation) -> dict:
        return {
            "n": c.n,
            "doc_id": c.doc_id,
            "title": c.title,
            "region": c.region,
            "date": c.date,
            "section": c.section,
            "article": c.article,
            "clause_id": c.clause_id,
            "text": c.text,
            "quote": c.quote,
            "quote_start": c.quote_start,
            "quote_end": c.quote_end,
            "source": c.source,
        }

    return {
        "answer": a.text,
        "refused": a.refused,
        "standalone_question": a.standalone_question,
        "used_history": a.used_history,
        "kind": a.kind,
        "places": list(a.places),
        "citations": [cit(c) for c in a.citations],
        "related": [cit(c) for c in a.related],
        "reason": a.reason,
        "generator": a.generator,
    }
