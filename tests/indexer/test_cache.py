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
