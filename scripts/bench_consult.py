"""Answer latency on the consultation corpus (a script, not a test): the 61 laws of
`eval/data/consult_laws.tar.xz` (~16,000 clauses) and the real consultation questions.

    .venv/bin/python scripts/bench_consult.py [--home DIR] [--questions N]

Prints: corpus size, index build time (cold unless --home holds an embedding cache), warm answer
latency without an LLM (p50/p95 over N questions, after a warm-up), answers/s, and the floor it
compares with: retrieval alone (the question analysed and searched, no answer built) over the same
questions; peak RSS.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answer import Assistant  # noqa: E402
from corpus import load_settings  # noqa: E402
from eval.consult import consult_settings, consult_store, load_consult  # noqa: E402
from indexer import Retriever  # noqa: E402
from scripts.bench_retrieval import percentiles, rss_mb  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, help="data dir to build in (kept; reuses its embedding cache)")
    ap.add_argument("--questions", type=int, default=300, help="questions timed (default 300)")
    args = ap.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="pq-bench-consult-"))
    settings = consult_settings(load_settings(data_dir=home))
    docs = consult_store(settings).documents()
    n_clauses = sum(len(d.clauses) for d in docs)
    t0 = time.perf_counter()
    retriever = Retriever.open(settings, docs, show_progress=False)
    build_s = time.perf_counter() - t0
    assistant = Assistant(retriever, docs)
    items = load_consult()
    warm, timed = items[:10], items[10 : 10 + args.questions]
    for it in warm:
        assistant.ask(it.question)

    floor = []
    for it in timed:
        t = time.perf_counter()
        retriever.search(retriever.analyze(it.question), k=10)
        floor.append((time.perf_counter() - t) * 1000)
    times = []
    for it in timed:
        t = time.perf_counter()
        assistant.ask(it.question)
        times.append((time.perf_counter() - t) * 1000)
    p50, p95 = percentiles(times)
    f50, f95 = percentiles(floor)

    print(f"| corpus | {len(docs)} documents, {n_clauses} clauses |")
    print("|---|---|")
    print(
        f"| index build ({'embedding cache of --home reused' if args.home else 'cold'}) | {build_s:.1f} s |"
    )
    print(
        f"| warm answer, no LLM, {len(timed)} consultation questions | p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
        f"{len(timed) / (sum(times) / 1000):.1f} answers/s |"
    )
    print(
        f"| floor: retrieval alone (analyse + search), same questions | p50 {f50:.0f} ms, p95 {f95:.0f} ms |"
    )
    print(f"| peak RSS | {rss_mb():.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
