"""Writes the development corpus's clause vectors for the test suite (`tests/data/dev_vectors/`).

The session fixture that indexes the whole development corpus with the real default embedder (`tests/conftest.py`,
`dev_settings`) starts its embedding cache from these files instead of embedding ~2,900 clauses (about 4 minutes on
two cores). They are the embedder's own vectors, read through the index's ordinary cache (`indexer.cache`): a clause
whose text has changed since they were written is not found there and is embedded as before, so a stale file costs
time, never a wrong vector. Rerun after a change to how clauses read or to the corpus:

    .venv/bin/python scripts/test_vectors.py [--out tests/data/dev_vectors]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import DocumentStore, load_settings  # noqa: E402
from eval.corpus import dev_store  # noqa: E402
from indexer import Retriever  # noqa: E402
from indexer.cache import EmbeddingCache  # noqa: E402
from indexer.embed import make_embedder  # noqa: E402

FILES = ("keys.json", "vectors.npy")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "tests/data/dev_vectors"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp))
        dev_store(settings)
        # building the index embeds every clause into the cache
        Retriever.open(settings, DocumentStore(settings).documents())
        cache = EmbeddingCache(settings.cache_dir, make_embedder(settings.embedder).name).dir
        args.out.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(cache / name, args.out / name)
    print(f"wrote {', '.join(FILES)} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
