"""Passage embeddings cached by text hash, per embedder: unchanged clauses are never re-embedded."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _remove_dead_writers_files(folder: Path) -> None:
    """Temp files of a save whose process died mid-write (`vectors.<pid>.tmp.npy`): removed."""
    for f in folder.glob("*.tmp.*") if folder.is_dir() else ():
        parts = f.name.split(".")
        if len(parts) >= 3 and parts[1].isdigit() and not pid_alive(int(parts[1])):
            f.unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (a writer's temp files name their pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddingCache:
    """`keys.json` + `vectors.npy` under `<cache_dir>/<embedder hash>/`; plain files, no pickle."""

    def __init__(self, cache_dir: Path, embedder_name: str) -> None:
        self.dir = cache_dir / hashlib.sha1(embedder_name.encode()).hexdigest()[:12]
        self._vectors: dict[str, np.ndarray] = {}
        _remove_dead_writers_files(self.dir)
        keys_f, vec_f = self.dir / "keys.json", self.dir / "vectors.npy"
        if keys_f.is_file() and vec_f.is_file():
            try:
                keys = json.loads(keys_f.read_text(encoding="utf-8"))
                vecs = np.load(vec_f, allow_pickle=False)
                if len(keys) == len(vecs):
                    self._vectors = dict(zip(keys, vecs, strict=True))
            except (ValueError, TypeError, OSError):
                self._vectors = {}  # a damaged cache only costs re-embedding

    def missing(self, texts: Sequence[str]) -> int:
        """How many distinct texts are not cached yet."""
        return len({k for k in map(text_key, texts) if k not in self._vectors})

    def lookup(self, texts: Sequence[str], dim: int) -> tuple[np.ndarray, int]:
        """Cached vectors for `texts`, a zero row for each text not cached yet, and how many those are."""
        out = np.zeros((len(texts), dim), dtype=np.float32)
        missing = 0
        for i, t in enumerate(texts):
            v = self._vectors.get(text_key(t))
            if v is None:
                missing += 1
            else:
                out[i] = v
        return out, missing

    def embed(
        self,
        texts: Sequence[str],
        embed_fn: Callable[[Sequence[str]], np.ndarray],
        batch: int = 32,
        progress: Callable[[int], None] | None = None,
        save_every_s: float = 60.0,
    ) -> tuple[np.ndarray, int]:
        """Vectors for `texts` (cached or computed in batches) and how many were computed. Work is
        saved every `save_every_s` seconds, so a crash in a long build loses at most that much."""
        keys = [text_key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        by_key = dict(zip(keys, texts, strict=True))
        saved_at = time.monotonic()
        for i in range(0, len(missing), batch):
            chunk = missing[i : i + batch]
            vecs = embed_fn([by_key[k] for k in chunk])
            self._vectors.update(zip(chunk, vecs, strict=True))
            if progress:
                progress(len(chunk))
            if time.monotonic() - saved_at >= save_every_s:
                self.save()
                saved_at = time.monotonic()
        if not keys:
            return np.zeros((0, 0), dtype=np.float32), 0
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32), len(missing)

    def save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        keys = list(self._vectors)
        tmp_v, tmp_k = self.dir / f"vectors.{os.getpid()}.tmp.npy", self.dir / f"keys.{os.getpid()}.tmp.json"
        try:
            np.save(
                tmp_v, np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, 1), np.float32)
            )
            tmp_k.write_text(json.dumps(keys), encoding="utf-8")
            os.replace(tmp_v, self.dir / "vectors.npy")
            os.replace(tmp_k, self.dir / "keys.json")
        finally:  # a full disk leaves no half-written temp file behind
            tmp_v.unlink(missing_ok=True)
            tmp_k.unlink(missing_ok=True)
