"""Ranked retrieval results."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.model import Clause


@dataclass(frozen=True)
class Hit:
    """One retrieved clause, with the document facts a citation needs."""

    clause: Clause
    score: float
    title: str
    region: str
    origin: str
    bm25_rank: int | None = None
    dense_rank: int | None = None
    row: int = -1  # the clause's row in the index it came from (-1: not from an index)


@dataclass(frozen=True)
class Elsewhere:
    """The sentence closest to a question in the documents it does not name (another city's rule)."""

    similarity: float  # the question's cosine with that sentence
    hit: Hit  # its clause
    start: int  # the sentence's offsets in the clause text
    end: int


@dataclass(frozen=True)
class SearchResult:
    """Hits for a query, and the places the query named (known ones narrow the search)."""

    query: str
    hits: tuple[Hit, ...]
    places: tuple[str, ...] = ()
    unknown_places: tuple[str, ...] = ()
    doc_filter: tuple[str, ...] = field(default=())
