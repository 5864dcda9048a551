"""Indicators → topics: the editable taxonomy (rules/topics.toml)."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.indicator import Indicator

OTHER = "其他"
RESPONSIBILITY = "职责分工"


@cache
def taxonomy() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((t["name"], tuple(t["keywords"])) for t in _topics())


@cache
def _topics() -> list[dict]:
    return tomllib.loads((Path(__file__).parent / "rules" / "topics.toml").read_text(encoding="utf-8"))[
        "topic"
    ]


def topic_of(row: Indicator) -> str | None:
    if row.value is None and row.deadline is None:
        return RESPONSIBILITY
    for t in _topics():
        if row.unit and row.unit in t.get("units", ()):
            return t["name"]
    text = row.indicator + " " + row.quote
    for name, words in taxonomy():
        if any(w in text for w in words):
            return name
    return None


def assign_topics(rows: Sequence[Indicator]) -> list[Indicator]:
    """Each row's topic from the editable taxonomy (rules/topics.toml); rows it misses stay 其他.
    (Placing those by embedding similarity was tried: on the bundled and dev corpora it only ever
    placed rows that were not indicators — "一个", "20" of 20XX — and none once those were gone.)"""
    return [dataclasses.replace(r, topic=topic_of(r) or OTHER) for r in rows]
