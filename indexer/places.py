"""Places named in a question: known ones narrow retrieval; unknown ones are reported."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"


@cache
def gazetteer() -> frozenset[str]:
    """Well-known place names (rules/places.txt), for spotting places the corpus lacks."""
    words: set[str] = set()
    for ln in (RULES / "places.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("#"):
            words.update(ln.split())
    return frozenset(words)


@dataclass(frozen=True)
class PlaceMatch:
    names: tuple[str, ...]  # known place names found in the question
    doc_ids: tuple[str, ...]  # documents those names select
    unknown: tuple[str, ...]  # place names the corpus has no document for


def match_places(question: str, doc_places: Mapping[str, Iterable[str]]) -> PlaceMatch:
    """Find the places a question names, longest names first so '西咸新区' beats '西咸'."""
    alias_docs: dict[str, set[str]] = {}
    for doc_id, names in doc_places.items():
        for name in names:
            alias_docs.setdefault(name, set()).add(doc_id)
    found: list[str] = []
    docs: set[str] = set()
    masked = question
    for alias in sorted(alias_docs, key=len, reverse=True):
        if alias and alias in masked:
            found.append(alias)
            docs |= alias_docs[alias]
            masked = masked.replace(alias, "□" * len(alias))
    unknown = tuple(
        sorted(name for name in gazetteer() if name in masked and not any(name in a for a in alias_docs))
    )
    return PlaceMatch(tuple(found), tuple(sorted(docs)), unknown)
