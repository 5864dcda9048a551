"""Indicators → topics: the editable taxonomy (rules/topics.toml) first, embedding similarity second."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from assistant.extract import Indicator

OTHER = "其他"
RESPONSIBILITY = "职责分工"


@cache
def taxonomy() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((t["name"], tuple(t["keywords"])) for t in _topics())


@cache
def _topics() -> list[dict]:
    return tomllib.loads((Path(__file__).parent / "rules" / "topics.toml").read_text(encoding="utf-8"))["topic"]


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


def assign_topics(rows: Sequence[Indicator], embed: Callable[[list[str]], np.ndarray] | None = None,
                  threshold: float = 0.82) -> list[Indicator]:
    """Topic per row; rows the taxonomy misses go to the nearest topic by embedding (if an embedder is given)."""
    named = [topic_of(r) for r in rows]
    if embed is not None and any(t is None for t in named):
        topics = [n for n, _ in taxonomy()]
        tv = embed([f"{n}：{'、'.join(w)}" for n, w in taxonomy()])
        missing = [i for i, t in enumerate(named) if t is None]
        rv = embed([rows[i].indicator or rows[i].quote for i in missing])
        sims = rv @ tv.T
        for k, i in enumerate(missing):
            j = int(np.argmax(sims[k]))
            named[i] = topics[j] if sims[k, j] >= threshold else None
    return [dataclasses.replace(r, topic=t or OTHER) for r, t in zip(rows, named, strict=True)]
