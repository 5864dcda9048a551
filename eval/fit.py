"""Fit the answer selector and its refusal cut-off on the dev sets, cross-validated by document.

Every candidate sentence of every dev question is labelled: it answers when its clause covers a
gold quote and it overlaps that quote, or when it states a gold fact inside a gold document.
A logistic regression (standardised features, balanced classes) is fitted on whole folds of
documents (GroupKFold); the refusal cut-off is the highest one whose out-of-fold false refusals
stay within `MAX_FALSE_REFUSALS`; the elsewhere margin is the largest an answerable question needed
(`elsewhere_margin`). `policyqa eval fit` writes the model fitted on all data, with
the cross-validated report, to assistant/rules/answer_model.json.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.answer import Assistant
from assistant.features import FEATURES, Candidate
from assistant.selector import AnswerModel, Featured, may_lead, open_inputs
from corpus.normalize import nfkc_for_match
from eval.gold import QAItem, covers, match_form

MAX_FALSE_REFUSALS = 0.05  # the product's promise: at most 1 answerable question in 20 refused
FOLDS = 5


@dataclass(frozen=True)
class Labelled:
    """One dev question with its candidates, their labels and its cross-validation group."""

    item: QAItem
    cands: tuple[Featured, ...]  # `Candidate`s, or saved feature rows (`eval.snapshot`)
    labels: np.ndarray
    group: str
    eligible: np.ndarray  # candidates that may lead an answer (`selector.may_lead`)
    gap: float = 0.0  # how much closer a sentence outside the documents it names is (`Assistant.elsewhere`)
    corpus: str = "dev"  # which question set: "dev" (policies and regulations) or "consult" (laws)

    @property
    def answerable(self) -> bool:
        return bool(self.item.gold)


def label(item: QAItem, cand: Candidate, script: str) -> int:
    """1 when the sentence answers the item (overlaps a covered gold quote, or states a gold fact in a gold document)."""
    h = cand.hit
    sent = match_form(cand.text)
    gold_docs = {g.doc for g in item.gold}
    for g in item.gold:
        if covers(h.clause.text, h.origin, g, script):
            q = match_form(g.quote, script)
            if q in sent or sent in q or _overlap(q, sent) >= min(8, len(q)):
                return 1
    if h.origin in gold_docs and any(nfkc_for_match(f) in sent for f in item.facts):
        return 1
    return 0


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring (short strings; a simple dynamic programme)."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def collect(assistant: Assistant, items: Sequence[QAItem], scripts: dict[str, str]) -> list[Labelled]:
    """Candidates and labels for every item, retrieved once."""
    out = []
    for it in items:
        query = assistant.analyze(it.question, list(it.history))
        _, cands = assistant.candidates(query)
        labels = np.array(
            [label(it, c, scripts.get(c.hit.clause.doc_id, "simplified")) for c in cands], dtype=int
        )
        group = it.gold[0].doc if it.gold else f"negative:{it.id}"
        gap, _ = assistant.elsewhere(query, cands)
        out.append(Labelled(it, tuple(cands), labels, group, may_lead(query, cands), gap))
    return out


def fit_selector(data: Sequence[Labelled], threshold: float = 0.5) -> AnswerModel:
    """Logistic regression on the candidates of the dev questions in `data` (standardised, classes
    balanced). Consultation questions are marked by article, not by sentence: any sentence of the
    article counts, so they say whether an answer is among the candidates (they set the cut-off,
    `fit_with_threshold`) but not which sentence answers. Weighting them in at 0.1 to 1 times the dev
    questions moved the mean of the two sets' share handled right by under 0.005 (docs/answers.md)."""
    from sklearn.linear_model import LogisticRegression

    data = [d for d in data if d.corpus == "dev"]
    x = np.array([c.features for d in data for c in d.cands], dtype=np.float64)
    y = np.concatenate([d.labels for d in data]) if data else np.zeros(0)
    is_open = x[:, FEATURES.index("q_open")] == 1.0
    x[:, FEATURES.index("q_open")] = 0.0  # the sentence model does not read it (`AnswerModel`)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    clf.fit((x - mean) / scale, y)
    model = AnswerModel(FEATURES, mean, scale, clf.coef_[0], float(clf.intercept_[0]), threshold)
    if not (is_open.any() and 0 < y[is_open].sum() < is_open.sum()):
        return model
    # Open questions: z weighed again with the retrieval and wording signals, on their candidates.
    inputs = open_inputs(model, x[is_open], model.logits(x[is_open]))
    second = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(inputs, y[is_open])
    return replace(model, open_coef=second.coef_[0], open_intercept=float(second.intercept_[0]))


def folds(
    data: Sequence[Labelled], k: int = FOLDS, seed: int | None = None
) -> list[tuple[list[int], list[int]]]:
    """(train, test) index lists, grouped by document: no document is in both. `seed` shuffles which
    documents share a fold (None: sklearn's balanced, deterministic assignment)."""
    from sklearn.model_selection import GroupKFold

    groups = [d.group for d in data]
    k = min(k, len(set(groups)))
    split = (
        GroupKFold(n_splits=k) if seed is None else GroupKFold(n_splits=k, shuffle=True, random_state=seed)
    )
    return [(list(tr), list(te)) for tr, te in split.split(np.zeros(len(data)), groups=groups)]


def out_of_fold_best(data: Sequence[Labelled], k: int = FOLDS) -> np.ndarray:
    """Each question's best candidate probability under a model that never saw its document, among
    the candidates that may answer (as `Assistant.ask` decides; 0 when none may)."""
    best = np.zeros(len(data))
    for train, test in folds(data, k):
        model = fit_selector([data[i] for i in train])
        for i in test:
            p = np.where(data[i].eligible, model.probabilities(data[i].cands), 0.0)
            best[i] = float(p.max()) if len(p) else 0.0
    return best


def choose_threshold(
    best: np.ndarray, answerable: np.ndarray, max_false: float = MAX_FALSE_REFUSALS
) -> float:
    """The highest cut-off whose false-refusal rate on answerable questions stays within `max_false`
    (refusing more negatives costs answerable ones; the product promises few false refusals)."""
    pos = np.sort(best[answerable])
    if len(pos) == 0:
        return 0.5
    allowed = int(np.floor(max_false * len(pos)))
    return float(pos[allowed]) - 1e-6 if allowed < len(pos) else float(pos[-1])


def elsewhere_margin(data: Sequence[Labelled]) -> float:
    """The largest gap (`Labelled.gap`) an answerable question of `data` has: a question whose named
    city's texts fall further behind another city's than any answerable one did is refused."""
    gaps = [d.gap for d in data if d.answerable]
    return max(gaps) if gaps else math.inf


def fit_with_threshold(data: Sequence[Labelled], k: int = FOLDS) -> tuple[AnswerModel, dict]:
    """The model on all of `data`, its cut-off from out-of-fold probabilities, the elsewhere margin,
    and that curve's figures (the margin's own out-of-fold share: each fold's from the others)."""
    best = out_of_fold_best(data, k)
    answerable = np.array([d.answerable for d in data])
    # The cut-off keeps false refusals within the promise among questions whose candidates hold an
    # answer: where retrieval found none, refusing is right (answering would cite a wrong clause).
    # A third of the consultation questions have no marked article among their candidates; counting
    # them would pull the cut-off down until a wrong sentence passes for every question.
    t = choose_threshold(best, answerable & np.array([bool((d.labels * d.eligible).any()) for d in data]))
    margin_out = np.zeros(len(data), dtype=bool)
    for train, test in folds(data, k):
        m = elsewhere_margin([data[i] for i in train])
        margin_out[test] = [data[i].gap > m for i in test]
    model = replace(fit_selector(data, threshold=t), elsewhere_margin=elsewhere_margin(data))
    refused = (best < t) | margin_out
    report = {
        "oof_false_refusals": float(refused[answerable].mean()) if answerable.any() else 0.0,
        "oof_negatives_refused": float(refused[~answerable].mean()) if (~answerable).any() else None,
    }
    return model, report


def cross_validated_models(
    data: Sequence[Labelled], k: int = FOLDS, seed: int | None = None, extra: Sequence[Labelled] = ()
) -> list[tuple[AnswerModel, list[int]]]:
    """Per outer fold: a model (with its own inner cross-validated cut-off) and the test questions it
    answers. `extra`: questions over another corpus (the consultations' laws), in every fold's training."""
    out = []
    for train, test in folds(data, k, seed):
        model, _ = fit_with_threshold([data[i] for i in train] + list(extra), k)
        out.append((model, test))
    return out


def data_version(paths: Sequence[Path]) -> str:
    """A short hash of the gold files, recorded with the weights."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:12]
