"""The consultation questions' answer candidates, saved as fitting data.

`policyqa eval fit` fits the answer selector on the dev questions and on the consultation questions
(`data/consult_dev.jsonl`, over the 61 laws). Collecting the latter needs the laws indexed (a quarter
of an hour of embedding on a fresh machine), so the fit also writes what it collected, the feature
rows with their labels and groups, to `data/consult_candidates.npz`: the golden tests and
`policyqa eval answers` cross-validate with it exactly as the shipped model was fitted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answer import Assistant
from assistant.features import FEATURES
from assistant.selector import may_lead
from eval.consult import ArticleKey, ConsultItem, article_key
from eval.fit import Labelled
from eval.gold import DATA, GoldQuote, QAItem

SNAPSHOT = DATA / "consult_candidates.npz"


@dataclass(frozen=True)
class FeatureRow:
    """A saved candidate: its feature vector only (what fitting and scoring read)."""

    features: tuple[float, ...]

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)]


def _item(it: ConsultItem) -> QAItem:
    return QAItem(
        it.id, it.question, (), tuple(GoldQuote(g.doc, g.quote) for g in it.gold), (), "consultation"
    )


def collect_consult(
    assistant: Assistant, items: Sequence[ConsultItem], gold: dict[str, list[set[ArticleKey]]]
) -> list[Labelled]:
    """Every consultation question's candidates, labelled 1 when the sentence's article is marked."""
    out = []
    for it in items:
        query = assistant.analyze(it.question)
        _, cands = assistant.candidates(query)
        labels = np.array(
            [int(any(article_key(c.hit.clause) in g for g in gold[it.id])) for c in cands], dtype=int
        )
        out.append(
            Labelled(
                _item(it), tuple(cands), labels, "law:" + it.group, may_lead(query, cands), 0.0, "consult"
            )
        )
    return out


def save_snapshot(data: Sequence[Labelled], version: str, path: Path = SNAPSHOT) -> None:
    """Feature rows, labels, eligibility and each row's question, compressed, with the feature names."""
    rows = [
        (i, c.features, int(lab), bool(ok))
        for i, d in enumerate(data)
        for c, lab, ok in zip(d.cands, d.labels, d.eligible, strict=True)
    ]
    meta = {
        "features": list(FEATURES),
        "data_version": version,
        "questions": [
            {
                "id": d.item.id,
                "question": d.item.question,
                "group": d.group,
                "gold": [[g.doc, g.quote] for g in d.item.gold],
            }
            for d in data
        ],
    }
    np.savez_compressed(
        path,
        features=np.array([r[1] for r in rows], dtype=np.float32).reshape(len(rows), len(FEATURES)),
        labels=np.array([r[2] for r in rows], dtype=np.int8),
        eligible=np.array([r[3] for r in rows], dtype=bool),
        question=np.array([r[0] for r in rows], dtype=np.int32),
        meta=np.array(json.dumps(meta, ensure_ascii=False)),
    )


class StaleSnapshot(ValueError):
    """The saved candidates were collected with other features: run `policyqa eval fit`."""


def load_snapshot(path: Path = SNAPSHOT) -> list[Labelled]:
    """The saved consultation candidates as `Labelled` questions (feature rows for candidates)."""
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(str(z["meta"]))
        if meta["features"] != list(FEATURES):
            raise StaleSnapshot(
                f"{path} was collected with features {meta['features']}: run `policyqa eval fit`"
            )
        feats, labels, ok, question = z["features"], z["labels"], z["eligible"], z["question"]
    out = []
    for i, q in enumerate(meta["questions"]):
        rows = np.flatnonzero(question == i)
        gold = tuple(GoldQuote(doc, quote) for doc, quote in q["gold"])
        out.append(
            Labelled(
                QAItem(q["id"], q["question"], (), gold, (), "consultation"),
                tuple(FeatureRow(tuple(float(x) for x in feats[r])) for r in rows),
                labels[rows].astype(int),
                q["group"],
                ok[rows],
                0.0,
                "consult",
            )
        )
    return out
