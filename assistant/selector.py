"""The learned answer selector: logistic regression over candidate features, with a refusal cut-off.

Weights, the feature standardisation and the cut-off live in `rules/answer_model.json`, written by
`policyqa eval fit` (eval/fit.py) from the dev sets with cross-validation grouped by document.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.features import FEATURES, Candidate
from corpus.outline import CN_NUM
from indexer.query import Kind, Query

PENALTY = re.compile(r"罚款|罚金")
ASKS_PENALTY = re.compile(r"罚|违反|违规|违法|法律责任|后果|处理|处分")
MODEL_FILE = Path(__file__).parent / "rules" / "answer_model.json"


class Featured(Protocol):
    """Anything with a candidate's feature vector (a `Candidate`, or a row of saved fitting data)."""

    @property
    def features(self) -> tuple[float, ...]: ...


class ModelMismatch(ValueError):
    """The weights file was fitted on another feature set: refit with `policyqa eval fit`."""


@dataclass(frozen=True)
class AnswerModel:
    """P(sentence answers the question) = σ(w · standardised features + b)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # refuse when no candidate reaches it
    # refuse when a sentence outside the documents a question names is closer to it than every
    # candidate by more than this (`features.elsewhere_gap`): the named city does not say it
    elsewhere_margin: float = math.inf

    def probabilities(self, cands: Sequence[Featured]) -> np.ndarray:
        if not cands:
            return np.zeros(0)
        x = np.array([c.features for c in cands], dtype=np.float64)
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self, extra: dict | None = None) -> str:
        data = {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "elsewhere_margin": self.elsewhere_margin if math.isfinite(self.elsewhere_margin) else None,
            **(extra or {}),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> AnswerModel:
        d = json.loads(text)
        if tuple(d["features"]) != FEATURES:
            raise ModelMismatch(
                f"answer model features {d['features']} != code {list(FEATURES)}: run `policyqa eval fit`"
            )
        return cls(
            tuple(d["features"]),
            np.array(d["mean"]),
            np.array(d["scale"]),
            np.array(d["coef"]),
            float(d["intercept"]),
            float(d["threshold"]),
            math.inf if d.get("elsewhere_margin") is None else float(d["elsewhere_margin"]),
        )


def eligible(query: Query, cands: Sequence[Candidate]) -> np.ndarray:
    """Which sentences may answer at all: an answer to "how many 元" quotes a number in 元, and
    is not the fine for breaking a rule unless the question asks about breaking it (a penalty
    article states 元 for every money question: "每月补贴多少元" is never "处五千元以上罚款")."""
    ok = np.ones(len(cands), dtype=bool)
    if query.kind is Kind.NUMBER and query.units:
        ok &= np.array([bool(c.feature("unit_match")) for c in cands], dtype=bool)
        if any("元" in u.pattern for u in query.units) and not ASKS_PENALTY.search(query.text):
            ok &= np.array([not PENALTY.search(c.text) for c in cands], dtype=bool)
    asked = {(m.group(2), m.group(1)) for m in ORDINAL.finditer(query.question or query.text)}
    if asked:
        ok &= np.array([_names_the_asked_item(asked, c.text) for c in cands], dtype=bool)
    return ok


# "第三类资助对象" asks for that item: a sentence listing 第一类 and 第二类 but not 第三类 does not answer it.
ORDINAL = re.compile(rf"第([{CN_NUM}\d]+)(类|档|级|项|种|批|等|期|阶段)")


def _names_the_asked_item(asked: set[tuple[str, str]], text: str) -> bool:
    listed = {(m.group(2), m.group(1)) for m in ORDINAL.finditer(text)}
    return all((kind, n) in listed or not any(k == kind for k, _ in listed) for kind, n in asked)


@cache
def default_model() -> AnswerModel:
    """The shipped model (rules/answer_model.json)."""
    return AnswerModel.from_json(MODEL_FILE.read_text(encoding="utf-8"))
