"""The embedding cache keeps finished work when a long build dies."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.cache import EmbeddingCache


def test_work_is_saved_as_it_goes_so_a_crash_keeps_it(tmp_path):
    calls = [0]

    def embed(texts):
        calls[0] += 1
        if calls[0] == 3:
            raise KeyboardInterrupt  # the build is killed during its third batch
        return np.ones((len(texts), 4), dtype=np.float32) * calls[0]

    texts = [f"条款{i}" for i in range(10)]
    with pytest.raises(KeyboardInterrupt):
        EmbeddingCache(tmp_path, "e").embed(texts, embed, batch=4, save_every_s=0)
    again = EmbeddingCache(tmp_path, "e")
    vectors, computed = again.embed(texts, lambda ts: np.zeros((len(ts), 4), dtype=np.float32), batch=4)
    assert computed == 2  # the 8 vectors of the two finished batches came from the cache
    assert vectors[:8].sum() > 0 and vectors[8:].sum() == 0


@pytest.mark.parametrize("keys", ["5", "{}", "[1, 2", '["a"]'])
def test_a_damaged_cache_costs_only_re_embedding(tmp_path, keys):
    cache = EmbeddingCache(tmp_path, "m")
    cache.embed(["甲", "乙"], lambda t: np.ones((len(t), 4), dtype=np.float32))
    cache.save()
    (cache.dir / "keys.json").write_text(keys, encoding="utf-8")
    again = EmbeddingCache(tmp_path, "m")
    assert again.missing(["甲", "乙"]) == 2


def test_a_save_that_fails_leaves_no_temp_file(tmp_path, monkeypatch):
    cache = EmbeddingCache(tmp_path, "m")
    cache.embed(["甲"], lambda t: np.ones((len(t), 4), dtype=np.float32))
    cache.dir.mkdir(parents=True)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("indexer.cache.os.replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        cache.save()
    assert not [f for f in cache.dir.iterdir() if ".tmp" in f.name]


def test_temp_files_of_a_writer_that_died_are_removed(tmp_path):
    import os
    import subprocess

    cache = EmbeddingCache(tmp_path, "m")
    cache.dir.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid no process has now
    left = cache.dir / f"vectors.{dead.pid}.tmp.npy"
    left.write_bytes(b"half")
    mine = cache.dir / f"vectors.{os.getpid()}.tmp.npy"
    mine.write_bytes(b"in progress")
    EmbeddingCache(tmp_path, "m")
    assert not left.exists() and mine.exists()
