"""Rank fusion, and the fused lists' weights (fitted by `policyqa eval fit-retrieval`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).parent / "rules" / "fusion.json"


def rrf(
    rankings: Sequence[Sequence[int]],
    k: int = 60,
    weights: Sequence[float] | None = None,
    missing_at_depth: bool = False,
) -> dict[int, float]:
    """Reciprocal rank fusion: score(d) = Σ w_i / (k + rank_i(d)), ranks from 1.

    Cormack, Clarke & Büttcher (SIGIR 2009), "Reciprocal Rank Fusion outperforms Condorcet and
    individual rank learning methods". k=60 is the paper's constant: it damps the head so one
    retriever's first place cannot outvote agreement lower down.

    With `missing_at_depth`, an item absent from a truncated ranking counts as ranked just past
    its end rather than not at all: the list was cut, not the item judged irrelevant.
    """
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    if missing_at_depth:
        for ranking, w in zip(rankings, weights, strict=True):
            present = set(ranking)
            for item in scores:
                if item not in present and ranking:
                    scores[item] += w / (k + len(ranking) + 1)
    return scores


@dataclass(frozen=True)
class FusionWeights:
    """How much each ranked list counts in the fusion (BM25 is the unit). Fitted, never hand-set:
    `policyqa eval fit-retrieval` picks the dense weight on the consultation and dev questions
    and writes it, with its cross-validated report, to `rules/fusion.json`."""

    bm25: float = 1.0
    dense: float = 1.0

    def as_tuple(self) -> tuple[float, float]:
        return self.bm25, self.dense

    def to_json(self, extra: dict | None = None) -> str:
        return json.dumps(
            {"bm25": self.bm25, "dense": self.dense, **(extra or {})}, ensure_ascii=False, indent=1
        )


def load_weights(path: Path = WEIGHTS_FILE) -> FusionWeights:
    """The fitted weights; equal weights when no file was fitted."""
    if not path.exists():
        return FusionWeights()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return FusionWeights(float(raw["bm25"]), float(raw["dense"]))


@cache
def default_weights() -> FusionWeights:
    return load_weights()
