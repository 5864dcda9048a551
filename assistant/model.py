"""What the assistant returns: an Answer made of sentences that each cite a clause."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from corpus.model import Document
from indexer.query import Query


@dataclass(frozen=True)
class Scope:
    """Which documents a question is asked of: one region's, the named ones, or (the default) all."""

    region: str | None = None
    doc_ids: frozenset[str] = frozenset()

    @property
    def ids(self) -> set[str] | None:
        return set(self.doc_ids) or None

    @classmethod
    def chosen(
        cls, docs: Iterable[Document], regions: Iterable[str] = (), doc_ids: Iterable[str] = ()
    ) -> Scope:
        """What a user picked in the web app: documents, regions, or both (the documents of those regions)."""
        allowed, regions = set(doc_ids), set(regions)
        if regions:
            in_regions = {d.id for d in docs if d.region in regions}
            allowed = allowed & in_regions if allowed else in_regions
        return cls(doc_ids=frozenset(allowed))


@dataclass(frozen=True)
class Citation:
    """A clause that supports the answer, and the quoted span inside it (offsets into the clause text)."""

    n: int
    doc_id: str
    title: str
    region: str
    date: str
    section: str
    clause_id: str
    text: str
    quote: str
    quote_start: int
    quote_end: int
    clause_start: int  # offsets of the clause in the document's normalised text
    clause_end: int
    source: str = ""
    article: str = ""  # 第X条第Y款, when the clause sits in an article

    def as_json(self) -> dict:
        """The citation as JSON (CLI `ask --json/--jsonl`, web API): every field but the clause's offsets
        in its document."""
        return {k: v for k, v in asdict(self).items() if k not in ("clause_start", "clause_end")}


@dataclass(frozen=True)
class Answer:
    question: str
    standalone_question: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool
    kind: str
    places: tuple[str, ...] = ()
    related: tuple[Citation, ...] = field(default=())  # 可能相关: nearest clauses when refused
    reason: str = ""  # why refused, or why the LLM answer was not used
    generator: str = "extractive"
    used_history: bool = False  # the question was rewritten from the conversation

    def as_json(self) -> dict:
        """The JSON shape of an answer (CLI `ask --json/--jsonl`, web API)."""
        return {
            "answer": self.text,
            "refused": self.refused,
            "standalone_question": self.standalone_question,
            "used_history": self.used_history,
            "kind": self.kind,
            "places": list(self.places),
            "citations": [c.as_json() for c in self.citations],
            "related": [c.as_json() for c in self.related],
            "reason": self.reason,
            "generator": self.generator,
        }


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept as data: the question as typed, as analysed (its
    standalone text, kind, asked units, places and documents) and the answer it got. The next
    follow-up is read against `query`, never re-derived from rendered text."""

    question: str
    query: Query
    answer: Answer
    docs: tuple[
        str, ...
    ] = ()  # the documents the answer cites (a follow-up asking "牵头单位是谁？" asks of them)
    clauses: tuple[str, ...] = ()  # the clauses it cites (their sections answer such a follow-up first)

    def record(self) -> dict:
        """The turn as JSON (a browser's storage, an export): what `QueryAnalyzer.restore` needs."""
        return {
            "question": self.question,
            "standalone": self.query.text,
            "kind": self.query.kind.value,
            "asks": self.query.asks,
            "answer": self.answer.text,
            "docs": list(self.docs),
            "clauses": list(self.clauses),
        }
