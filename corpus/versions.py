"""Versions of one instrument: documents with the same title and region; the newest is current."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol


class Dated(Protocol):
    id: str
    title: str
    region: str
    date: str


def instrument_key(title: str, region: str) -> tuple[str, str]:
    """What makes two documents versions of one instrument: the title (without a trailing
    （试行）/（修订）/year marker) and the region."""
    t = re.sub(r"[（(](?:试行|修订|修正|草案|\d{4}年?(?:修订|修正)?)[）)]$", "", title.strip())
    return t, region


def superseded(docs: Iterable[Dated]) -> frozenset[str]:
    """Ids of documents that an instrument's newer version replaces (dates compare as YYYY-MM-DD)."""
    groups: dict[tuple[str, str], list[Dated]] = defaultdict(list)
    for d in docs:
        if d.title:
            groups[instrument_key(d.title, d.region)].append(d)
    out: set[str] = set()
    for versions in groups.values():
        dated = [d for d in versions if re.match(r"\d{4}-\d{2}-\d{2}", d.date or "")]
        if len(dated) < 2:
            continue
        newest = max(dated, key=lambda d: d.date)
        out |= {d.id for d in dated if d.id != newest.id and d.date < newest.date}
    return frozenset(out)


def versioned(docs: Iterable[Dated]) -> frozenset[str]:
    """Ids of documents that have another version in the collection (their citations name the version)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in docs:
        if d.title:
            groups[instrument_key(d.title, d.region)].append(d.id)
    return frozenset(i for ids in groups.values() if len(ids) > 1 for i in ids)
