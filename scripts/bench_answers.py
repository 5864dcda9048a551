"""Answer and extraction benchmark (a script, not a test) on a corpus of at least 4,000 clauses:
the development corpus (seeds, extra documents, regulations) topped up with real laws.

    .venv/bin/python scripts/bench_answers.py --laws ../shared/corpora/laws.tar.xz [--clauses 4000] [--home DIR]

Prints: corpus size, index build time, warm answer latency without an LLM (p50/p95 over the dev
questions, after a warm-up), extraction time (rules; topic placement by embedding separately),
peak RSS. Laws are drawn in a fixed order (sorted paths, seeded shuffle), so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answer import Assistant  # noqa: E402
from assistant.extract import extract_all  # noqa: E402
from corpus import DocumentStore, load_settings  # noqa: E402
from eval.corpus import dev_store, eval_settings  # noqa: E402
from eval.gold import DATA, load_qa  # noqa: E402
from indexer import Retriever  # noqa: E402
from scripts.bench_retrieval import percentiles, rss_mb  # noqa: E402


def top_up(store: DocumentStore, laws: Path, target: int, work: Path) -> int:
    """Ingest laws (Markdown members of the tarball) until the store holds `target` clauses."""
    have = sum(len(d.clauses) for d in store.documents())
    if have >= target:
        return have
    with tarfile.open(laws, "r:xz") as tar:
        members = sorted(
            (m for m in tar.getmembers() if m.isfile() and m.name.endswith(".md")), key=lambda m: m.name
        )
        random.Random(7).shuffle(members)
        for i, m in enumerate(members):
            f = tar.extractfile(m)
            if f is None:
                continue
            path = work / f"law-{i:05d}.md"
            path.write_bytes(f.read())
            have += sum(r.clauses for r in store.ingest([path]) if r.ok)
            if have >= target:
                break
    return have


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--laws", type=Path, help="laws.tar.xz (../shared/corpora/laws.tar.xz) to reach --clauses"
    )
    ap.add_argument("--clauses", type=int, default=4000)
    ap.add_argument("--home", type=Path, help="data dir to build in (kept; reuses its embedding cache)")
    args = ap.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="pq-bench-"))
    settings = eval_settings(load_settings(data_dir=home), home)
    store = dev_store(settings)
    if args.laws:
        with tempfile.TemporaryDirectory() as work:
            top_up(store, args.laws, args.clauses, Path(work))
    docs = store.documents()
    n_clauses = sum(len(d.clauses) for d in docs)

    t0 = time.perf_counter()
    retriever = Retriever.open(settings, docs, show_progress=False)
    build_s = time.perf_counter() - t0
    assistant = Assistant(retriever, docs)

    items = load_qa(DATA / "qa_dev.jsonl") + load_qa(DATA / "qa_dev_more.jsonl")
    for it in items[:5]:  # warm-up: models loaded, caches filled
        assistant.ask(it.question, it.history)
    times = []
    for it in items:
        t = time.perf_counter()
        assistant.ask(it.question, it.history)
        times.append((time.perf_counter() - t) * 1000)
    p50, p95 = percentiles(times)

    t = time.perf_counter()
    rows = extract_all(docs)
    extract_s = time.perf_counter() - t

    print(f"| corpus | {len(docs)} documents, {n_clauses} clauses |")
    print("|---|---|")
    print(
        f"| index build ({'embedding cache of --home reused' if args.home else 'cold: every clause embedded'}) | {build_s:.1f} s |"
    )
    print(
        f"| warm answer, no LLM, {len(items)} questions | p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
        f"{len(items) / (sum(times) / 1000):.1f} answers/s |"
    )
    print(
        f"| extraction with topics (rules) | {extract_s:.2f} s, {len(rows)} rows, {n_clauses / extract_s:.0f} clauses/s |"
    )
    print(f"| peak RSS | {rss_mb():.0f} MB |")
    print(f"(median of {statistics.median(times):.1f} ms; home {home})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
