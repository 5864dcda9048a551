"""Fit the question map (`indexer/rules/question_map.npz`, see `indexer/question_map.py`) on the
consultation questions and the articles marked for them.

The map is a residual linear map of the question vector, with a second one of the clause vectors
(shared by every clause), trained with a softmax over every clause of the corpus (the clauses of the
marked articles are the positives), an L2 penalty on both, full-batch Adam. The penalty and the
mapped dense list's fusion weight are chosen from `PENALTIES` × `DENSE_WEIGHTS` by cross-validation
by question: every question is searched (hybrid, as served, the map gated as served) under a map
fitted without its fold, for every pair; each fold's pair is the one best on the other folds. The
report gives two held-out figures beside the unmapped pipeline: **by question** (other questions
about the same laws: what the map is for) and **grouped by law** (questions about a law the map
never saw, all laws still indexed: what a user's own collection gets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from eval.consult import ArticleKey, ConsultItem, article_key, distinct_articles, score
from indexer.question_map import QuestionMap
from indexer.search import Retriever

PENALTIES = (0.003, 0.01, 0.03)  # L2 penalties tried (chosen by cross-validation)
DENSE_WEIGHTS = (1.0, 2.0, 3.0, 5.0)  # the mapped dense list's fusion weights tried (BM25 = 1)
EPOCHS = 40  # full-batch steps
LEARNING_RATE = 2e-3
SCALE = 30.0  # softmax inverse temperature over cosines (about e5's own training temperature)
FOLDS = 5
DEPTH = 40  # hits read per question (enough for 5 distinct articles)


def train_matrices(
    questions: np.ndarray, clauses: np.ndarray, positives: Sequence[Sequence[int]], penalty: float
) -> tuple[np.ndarray, np.ndarray]:
    """The residual maps (dim × dim) of questions and of clauses bringing each question nearest to its
    positive clauses."""
    import torch

    q = torch.tensor(questions, dtype=torch.float32)
    v = torch.tensor(clauses, dtype=torch.float32)
    pos = torch.zeros(len(questions), len(clauses), dtype=torch.bool)
    for r, rows in enumerate(positives):
        pos[r, list(rows)] = True
    w = torch.zeros(q.shape[1], q.shape[1], requires_grad=True)
    u = torch.zeros(q.shape[1], q.shape[1], requires_grad=True)
    opt = torch.optim.Adam([w, u], lr=LEARNING_RATE)
    for _ in range(EPOCHS):
        mq = q + q @ w
        mq = mq / mq.norm(dim=1, keepdim=True)
        mv = v + v @ u
        mv = mv / mv.norm(dim=1, keepdim=True)
        logits = SCALE * mq @ mv.T
        loss = (torch.logsumexp(logits, 1) - torch.logsumexp(logits.masked_fill(~pos, -1e9), 1)).mean()
        loss = loss + penalty * ((w**2).sum() + (u**2).sum())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return w.detach().numpy().astype(np.float32), u.detach().numpy().astype(np.float32)


@dataclass
class MapData:
    """What fitting reads: each question's vector, its positive clause rows, the documents of its
    marked articles, its law (the group) and its gold article keys; the clause vectors, read once."""

    items: list[ConsultItem]
    vectors: np.ndarray
    clauses: np.ndarray
    positives: list[list[int]]
    docs: list[set[str]]
    gold: dict[str, list[set[ArticleKey]]]


def map_data(
    retriever: Retriever, items: Sequence[ConsultItem], gold: dict[str, list[set[ArticleKey]]]
) -> MapData:
    keys = [article_key(c) for c in retriever.clauses]
    rows_of: dict[ArticleKey, list[int]] = {}
    for i, k in enumerate(keys):
        if k:
            rows_of.setdefault(k, []).append(i)
    kept = [it for it in items if any(gold[it.id])]
    vectors = np.array(
        [retriever.query_vector(retriever.analyze(it.question)) for it in kept], dtype=np.float32
    )
    positives = [sorted({r for g in gold[it.id] for k in g for r in rows_of.get(k, [])}) for it in kept]
    docs = [{k[0] for g in gold[it.id] for k in g} for it in kept]
    clauses = np.asarray(retriever.index.vectors, dtype=np.float32)
    return MapData(kept, vectors, clauses, positives, docs, gold)


def map_for(retriever: Retriever, data: MapData, rows: np.ndarray, penalty: float) -> QuestionMap:
    matrix, clause_matrix = train_matrices(
        data.vectors[rows], data.clauses, [data.positives[i] for i in rows], penalty
    )
    titles = {retriever.index.docs[d].title for i in rows for d in data.docs[i]}
    return QuestionMap(matrix, retriever.embedder.name, frozenset(titles), clause_matrix=clause_matrix)


def _rr(
    retriever: Retriever, data: MapData, rows: np.ndarray, qmap: QuestionMap | None
) -> tuple[np.ndarray, np.ndarray]:
    """hit@5 and reciprocal rank of each question in `rows`, searched as served with `qmap`."""
    saved = retriever.question_map
    retriever.use_question_map(qmap)
    try:
        out = np.zeros((len(rows), 2))
        for j, i in enumerate(rows):
            it = data.items[i]
            hits = retriever.search(retriever.analyze(it.question), k=DEPTH).hits
            s = score(distinct_articles(article_key(h.clause) for h in hits), data.gold[it.id])
            out[j] = (s.hit5, s.rr)
        return out[:, 0], out[:, 1]
    finally:
        retriever.use_question_map(saved)


def question_folds(n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The folds by question (other questions about the same laws)."""
    from sklearn.model_selection import KFold

    return [(tr, te) for tr, te in KFold(FOLDS, shuffle=True, random_state=0).split(np.zeros((n, 1)))]


def fit(retriever: Retriever, data: MapData) -> tuple[QuestionMap, dict]:
    """The map fitted on every question, and the cross-validated report."""
    from sklearn.model_selection import GroupKFold

    n = len(data.items)
    everything = np.arange(n)
    base_hit, base_rr = _rr(retriever, data, everything, None)
    # by question: every (penalty, weight)'s held-out scores, each fold's pair chosen on the other folds
    folds = question_folds(n)
    pairs = [(p, w) for p in PENALTIES for w in DENSE_WEIGHTS]
    hit = np.zeros((n, len(pairs)))
    rr = np.zeros((n, len(pairs)))
    for train, test in folds:
        for penalty in PENALTIES:
            fitted = map_for(retriever, data, train, penalty)
            for k, (p, w) in enumerate(pairs):
                if p == penalty:
                    hit[test, k], rr[test, k] = _rr(retriever, data, test, replace(fitted, dense_weight=w))
    chosen = []
    q_hit, q_rr = np.zeros(n), np.zeros(n)
    for train, test in folds:
        k = int(np.argmax(rr[train].mean(axis=0)))
        chosen.append(pairs[k])
        q_hit[test], q_rr[test] = hit[test, k], rr[test, k]
    best_penalty, best_weight = pairs[int(np.argmax(rr.mean(axis=0)))]
    # grouped by law, at the pair chosen for the shipped map
    law_hit, law_rr = np.zeros(n), np.zeros(n)
    groups = [it.group for it in data.items]
    for train, test in GroupKFold(FOLDS).split(data.vectors, groups=groups):
        fitted = replace(map_for(retriever, data, train, best_penalty), dense_weight=best_weight)
        law_hit[test], law_rr[test] = _rr(retriever, data, test, fitted)
    qmap = replace(map_for(retriever, data, everything, best_penalty), dense_weight=best_weight)
    in_hit, in_rr = _rr(retriever, data, everything, qmap)

    def figures(h: np.ndarray, r: np.ndarray) -> dict:
        return {"hit5": round(float(h.mean()), 4), "mrr": round(float(r.mean()), 4)}

    report = {
        "penalties": list(PENALTIES),
        "dense_weights": list(DENSE_WEIGHTS),
        "mrr_by_pair_by_question": {
            f"{p}/{w}": round(float(v), 4) for (p, w), v in zip(pairs, rr.mean(axis=0), strict=True)
        },
        "fold_pairs": [list(pw) for pw in chosen],
        "penalty": best_penalty,
        "dense_weight": best_weight,
        "questions": n,
        "without_map": figures(base_hit, base_rr),
        "cross_validated_by_question": figures(q_hit, q_rr),
        "cross_validated_by_law": figures(law_hit, law_rr),
        "in_sample": figures(in_hit, in_rr),
    }
    return qmap, report
