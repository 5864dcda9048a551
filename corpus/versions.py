"""Versions of one instrument: documents with the same title and region; the newest is current."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol, TypeVar


class Dated(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def region(self) -> str: ...

    @property
    def date(self) -> str: ...


D = TypeVar("D", bound=Dated)


def instrument_key(title: str, region: str) -> tuple[str, str]:
    """What makes two documents versions of one instrument: the title (without a trailing
    （试行）/（修订）/year marker) and the region."""
    t = re.sub(r"[（(](?:试行|修订|修正|草案|\d{4}年?(?:修订|修正)?)[）)]$", "", title.strip())
    return t, region


def instruments(docs: Iterable[D]) -> list[list[D]]:
    """Documents grouped into instruments (same title and region), each group oldest first. The parts
    of a code published in parts (民法典 合同编, 侵权责任编) are not versions of each other."""
    groups: dict[tuple[str, ...], list[D]] = defaultdict(list)
    for d in docs:
        if d.title:
            groups[(*instrument_key(d.title, d.region), getattr(d, "part", ""))].append(d)
    return [sorted(g, key=lambda d: d.date or "") for g in groups.values()]


def _dated(group: Sequence[D]) -> list[D]:
    return [d for d in group if re.match(r"\d{4}-\d{2}-\d{2}", d.date or "")]


def superseded(docs: Iterable[Dated]) -> frozenset[str]:
    """Ids of documents that an instrument's newer version replaces (dates compare as YYYY-MM-DD)."""
    out: set[str] = set()
    for group in instruments(docs):
        dated = _dated(group)
        if len(dated) >= 2:
            out |= {d.id for d in dated if d.date < dated[-1].date}
    return frozenset(out)


def versioned(docs: Iterable[Dated]) -> frozenset[str]:
    """Ids of documents that have another version in the collection (their citations name the version)."""
    return frozenset(d.id for group in instruments(docs) if len(group) > 1 for d in group)


def version_pairs(docs: Iterable[D]) -> list[tuple[D, D]]:
    """(previous, next) for every document that has an older dated version, oldest pairs first."""
    return [
        (a, b)
        for group in instruments(docs)
        for a, b in zip(_dated(group), _dated(group)[1:], strict=False)
        if a.date < b.date
    ]


def versions_of(docs: Iterable[D], doc: D) -> list[D]:
    """Every version of `doc`'s instrument in the collection (itself included), oldest first."""
    return next((g for g in instruments(docs) if any(d.id == doc.id for d in g)), [doc])


def in_order(a: D, b: D) -> tuple[D, D]:
    """Two versions, the older first whatever order they were given in (undated: as given)."""
    return (b, a) if a.date and b.date and a.date > b.date else (a, b)


def current(docs: Iterable[D], named: Collection[str] = ()) -> list[D]:
    """What a comparison or a handout reads: the current version of each instrument, or, when
    documents are named, the named ones whatever their version (an old version picked on purpose)."""
    docs = list(docs)
    if named:
        return [d for d in docs if d.id in named]
    old = superseded(docs)
    return [d for d in docs if d.id not in old]


def previous_version(docs: Iterable[D], new: D) -> D | None:
    """The newest older version of the same instrument, if any."""
    return next((a for a, b in version_pairs(docs) if b.id == new.id), None)
