"""A map of question vectors towards the clauses that answer them, learned from real questions
and the articles a legal team marked for them (`policyqa eval fit-question-map` writes
`rules/question_map.npz`).

People ask "老板不给加班费" where the law writes "安排劳动者延长工作时间的，支付不低于工资的百分之一百五十
的工资报酬". The map is a residual linear map of the embedder's question vector, q' = q + qW,
fitted so that q' is nearest to the marked articles' clauses among all clauses of the laws asked
about, the clauses read through a second residual map, d' = d + dU (fitted with it, shared by every
clause: it moves no article towards the questions asked about it, it changes what clause vectors
weigh). What it learns is tied to those laws: it pulls a question towards articles people asked
about, which helps other questions about the same laws and hurts a question about a law nobody
asked about (grouped cross-validation shows both). So it applies only when the question's first
search result is already one of those laws; a collection of other documents never sees it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MAP_FILE = Path(__file__).parent / "rules" / "question_map.npz"


@dataclass(frozen=True)
class QuestionMap:
    matrix: np.ndarray  # dim × dim, float32: q' = q + q @ matrix, then unit length
    embedder: str  # the embedder whose vectors it maps (another model's vectors are not mapped)
    titles: frozenset[str]  # the documents whose questions it was fitted on, by title
    dense_weight: float = 1.0  # the mapped dense list's weight in the fusion (BM25 = 1), fitted with it
    clause_matrix: np.ndarray | None = None  # dim × dim, float32: d' = d + d @ clause_matrix, unit length

    def __call__(self, vector: np.ndarray) -> np.ndarray:
        v = np.asarray(vector, dtype=np.float32)
        out = v + v @ self.matrix
        norm = float(np.linalg.norm(out))
        return out / norm if norm > 0 else v

    def clause_side(self, vectors: np.ndarray, chunk: int = 8192) -> np.ndarray:
        """Every stored clause vector divided by |d + dU| (float32, in chunks; a clause without a vector
        stays zeros): with `query_side`, q'·(d + dU) / |d + dU| = (q'(I + U)ᵀ)·(d / |d + dU|), the cosine of
        the mapped question and the mapped clause, searched as any vectors are."""
        rows = np.zeros((len(vectors), self.matrix.shape[0]), dtype=np.float32)
        for s in range(0, len(vectors), chunk):
            d = np.asarray(vectors[s : s + chunk], dtype=np.float32)
            mapped = d if self.clause_matrix is None else d + d @ self.clause_matrix
            rows[s : s + chunk] = d / np.maximum(np.linalg.norm(mapped, axis=1), 1e-12)[:, None]
        return rows

    def query_side(self, vector: np.ndarray) -> np.ndarray:
        """The mapped question read against `clause_side`'s rows: q'(I + U)ᵀ."""
        q = self(vector)
        return q if self.clause_matrix is None else q + q @ self.clause_matrix.T

    def save(self, path: Path, report: dict) -> None:
        """The matrix (float16) and what it was fitted on; `report` (cross-validation, data version)
        goes beside it as JSON, readable without numpy."""
        meta = {
            "embedder": self.embedder,
            "dense_weight": self.dense_weight,
            "titles": sorted(self.titles),
            **report,
        }
        arrays: dict[str, np.ndarray] = {
            "meta": np.array(json.dumps(meta, ensure_ascii=False)),
            "matrix": self.matrix.astype(np.float16),
        }
        if self.clause_matrix is not None:
            arrays["clause_matrix"] = self.clause_matrix.astype(np.float16)
        np.savez_compressed(path, allow_pickle=False, **arrays)
        path.with_suffix(".json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def load_question_map(path: Path = MAP_FILE) -> QuestionMap | None:
    """The fitted map, or None when none was fitted."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(str(z["meta"]))
        return QuestionMap(
            z["matrix"].astype(np.float32),
            meta["embedder"],
            frozenset(meta["titles"]),
            float(meta.get("dense_weight", 1.0)),
            z["clause_matrix"].astype(np.float32) if "clause_matrix" in z.files else None,
        )


@cache
def default_question_map() -> QuestionMap | None:
    return load_question_map()
