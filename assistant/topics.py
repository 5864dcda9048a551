"""Indicators → topics: the editable taxonomy (rules/topics.toml) first, embedding similarity second."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from assistant.indicator import Indicator

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


def assign_topics(rows: Sequence[Indicator], embedder=None, floor: float = 0.885,  # noqa: ANN001
                  margin: float = 0.03) -> list[Indicator]:
    """Topic per row; rows the taxonomy misses go to the nearest topic by embedding, but only when
    confident. e5 similarities sit in a narrow band (0.85–0.91 on this corpus), so a row is placed
    only above `floor` and `margin` ahead of the runner-up; the rest stay 其他."""
    named = [topic_of(r) for r in rows]
    missing = [i for i, t in enumerate(named) if t is None]
    if embedder is not None and missing:
        topics = [n for n, _ in taxonomy()]
        tv = embedder.embed_passages([f"{n}：{'、'.join(w)}" for n, w in taxonomy()])
        rv = embedder.embed_queries([rows[i].quote for i in missing])
        sims = rv @ tv.T
        for k, i in enumerate(missing):
            order = np.argsort(sims[k])
            best, second = sims[k, order[-1]], sims[k, order[-2]]
            if best >= floor and best - second >= margin:
                named[i] = topics[int(order[-1])]
    return [dataclasses.replace(r, topic=t or OTHER) for r, t in zip(rows, named, strict=True)]
