"""Vectors in FAISS: exact inner product by default (float32, or float16 at half the memory), HNSW
or IVF for large corpora.

The index takes vectors computed elsewhere (minsearch); filters arrive as an id set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from corpus.choice import Choice


class IndexKind(Choice):
    FLAT = "flat"
    FLAT16 = "flat16"  # exact search over float16 vectors: half the memory, near-ties may swap
    HNSW = "hnsw"
    IVF = "ivf"


class DenseIndex:
    """A FAISS index over L2-normalised vectors (so inner product = cosine)."""

    def __init__(self, index) -> None:  # faiss.Index has no stubs
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, kind: IndexKind = IndexKind.FLAT) -> DenseIndex:
        import faiss

        n, dim = vectors.shape
        index: Any
        if kind is IndexKind.HNSW:
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 96
        elif kind is IndexKind.FLAT16:
            index = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
            index.train(vectors)
        elif kind is IndexKind.IVF and n >= 4000:
            nlist = int(4 * np.sqrt(n))
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
            index.train(vectors)
            index.nprobe = 16
        else:
            index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return cls(index)

    @property
    def dim(self) -> int:
        return int(self.index.d)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (ids, scores) for one query vector, optionally only among `allowed` ids."""
        import faiss

        q = np.asarray(query, dtype=np.float32).reshape(1, -1)
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        params: Any = None
        if allowed is not None:
            sel = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
            # faiss's type stubs do not list the SWIG keyword constructors used below.
            if isinstance(self.index, faiss.IndexHNSW):
                params = faiss.SearchParametersHNSW(sel=sel, efSearch=max(96, k))  # type: ignore[attr-defined]
            elif isinstance(self.index, faiss.IndexIVF):
                params = faiss.SearchParametersIVF(sel=sel, nprobe=self.index.nprobe)  # type: ignore[call-arg]
            else:
                params = faiss.SearchParameters(sel=sel)  # type: ignore[call-arg]
        scores, ids = self.index.search(q, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        import faiss

        return cls(faiss.read_index(str(path)))
