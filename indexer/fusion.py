"""Rank fusion."""

from __future__ import annotations

from collections.abc import Sequence


def rrf(rankings: Sequence[Sequence[int]], k: int = 60, weights: Sequence[float] | None = None,
        missing_at_depth: bool = False) -> dict[int, float]:
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
