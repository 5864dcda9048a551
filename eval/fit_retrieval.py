"""Fit the fusion weights (`indexer/rules/fusion.json`) on the consultation and dev questions.

Each question is searched once per candidate dense weight (BM25 is the unit) and scored by its
reciprocal rank: of the first marked article for a consultation question, of the first clause
covering a gold quote for a dev question. The weight kept maximises the mean of the two sets'
mean reciprocal ranks. Cross-validation is grouped (consultations by law, dev questions by
document): each fold's weight is chosen on the other folds and scored on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from eval.consult import ArticleKey, ConsultItem, article_key, distinct_articles, score
from eval.gold import QAItem
from eval.retrieval import score_hits
from indexer.fusion import FusionWeights
from indexer.search import Retriever

GRID = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)  # dense weights tried
FOLDS = 5
DEPTH = 40  # hits read per question (enough for 5 distinct articles)


@dataclass(frozen=True)
class GridScores:
    """Reciprocal rank of every question under every weight of `GRID`, with its set and group."""

    rr: np.ndarray  # questions × len(GRID)
    consult: np.ndarray  # bool: a consultation question (else a dev question)
    groups: tuple[str, ...]


def grid_scores(
    consult_retriever: Retriever,
    consult_items: Sequence[ConsultItem],
    consult_gold: dict[str, list[set[ArticleKey]]],
    dev_retriever: Retriever | None = None,
    dev_items: Sequence[QAItem] = (),
    scripts: dict[str, str] | None = None,
) -> GridScores:
    """Every question searched under every grid weight (the retrievers' weights are restored)."""
    rows: list[list[float]] = []
    consult: list[bool] = []
    groups: list[str] = []
    saved = consult_retriever.weights
    try:
        for it in consult_items:
            q = consult_retriever.analyze(it.question)
            row = []
            for w in GRID:
                consult_retriever.weights = FusionWeights(1.0, w)
                hits = consult_retriever.search(q, k=DEPTH).hits
                row.append(
                    score(distinct_articles(article_key(h.clause) for h in hits), consult_gold[it.id]).rr
                )
            rows.append(row)
            consult.append(True)
            groups.append("law:" + it.group)
    finally:
        consult_retriever.weights = saved
    if dev_retriever is not None:
        saved = dev_retriever.weights
        try:
            for item in dev_items:
                if not item.gold:
                    continue
                q = dev_retriever.analyze(item.question, list(item.history))
                row = []
                for w in GRID:
                    dev_retriever.weights = FusionWeights(1.0, w)
                    row.append(score_hits(item, dev_retriever.search(q, k=10).hits, scripts or {})[1])
                rows.append(row)
                consult.append(False)
                groups.append("doc:" + item.gold[0].doc)
        finally:
            dev_retriever.weights = saved
    return GridScores(np.array(rows, dtype=np.float64), np.array(consult), tuple(groups))


def _objective(g: GridScores, rows: np.ndarray) -> np.ndarray:
    """Per grid weight: the mean of the consultation and dev mean reciprocal ranks over `rows`."""
    parts = [g.rr[rows & mask].mean(axis=0) for mask in (g.consult, ~g.consult) if (rows & mask).any()]
    return np.mean(parts, axis=0)


def fit(g: GridScores) -> tuple[FusionWeights, dict]:
    """The weight fitted on all questions, and the grouped cross-validated report."""
    from sklearn.model_selection import GroupKFold

    everything = np.ones(len(g.rr), dtype=bool)
    best = int(np.argmax(_objective(g, everything)))
    held_out = np.zeros(len(g.rr))
    chosen = []
    for train, test in GroupKFold(FOLDS).split(g.rr, groups=list(g.groups)):
        rows = np.zeros(len(g.rr), dtype=bool)
        rows[train] = True
        k = int(np.argmax(_objective(g, rows)))
        chosen.append(GRID[k])
        held_out[test] = g.rr[test, k]
    report = {
        "grid": list(GRID),
        "mrr_by_weight": {
            "consult": [round(float(v), 4) for v in g.rr[g.consult].mean(axis=0)],
            **(
                {"dev": [round(float(v), 4) for v in g.rr[~g.consult].mean(axis=0)]}
                if (~g.consult).any()
                else {}
            ),
        },
        "fold_weights": chosen,
        "mrr_cross_validated": {
            "consult": round(float(held_out[g.consult].mean()), 4),
            **({"dev": round(float(held_out[~g.consult].mean()), 4)} if (~g.consult).any() else {}),
        },
        "mrr_in_sample": {
            "consult": round(float(g.rr[g.consult, best].mean()), 4),
            **({"dev": round(float(g.rr[~g.consult, best].mean()), 4)} if (~g.consult).any() else {}),
        },
        "questions": {"consult": int(g.consult.sum()), "dev": int((~g.consult).sum())},
    }
    return FusionWeights(1.0, GRID[best]), report
