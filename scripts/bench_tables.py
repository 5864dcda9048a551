"""Comparison-table benchmark (a script, not a test): `extract` (every indicator row of a corpus) and
`compare --format xlsx` (the overview and the per-indicator sheets written), p50/p95 over repeated
runs in one process (warm: documents loaded once), rows/s, peak RSS, and the floor they compare with
(reading every clause once with one regular expression: what any extractor must at least do).

    .venv/bin/python scripts/bench_tables.py --home DATA_DIR [--runs 5]

DATA_DIR is a data directory with ingested documents (e.g. the 4,083-clause corpus of
`policyqa eval retrieval --home DIR`).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.compare import build_table, split_rows, valued  # noqa: E402
from assistant.export import to_xlsx  # noqa: E402
from assistant.extract import extract_all  # noqa: E402
from corpus import DocumentStore, load_settings  # noqa: E402
from corpus.versions import superseded  # noqa: E402

NUMBER = re.compile(r"\d+|[一二三四五六七八九十百千万]+")


def rss_mb() -> float:
    for ln in Path("/proc/self/status").read_text().splitlines():
        if ln.startswith("VmHWM:"):
            return int(ln.split()[1]) / 1024
    return 0.0


def timed(fn, runs: int) -> tuple[list[float], object]:
    out, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        out.append(time.perf_counter() - t)
    return out, result


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=20)[int(q * 20) - 1] if len(values) >= 2 else values[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", required=True, help="data directory with ingested documents")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    t = time.perf_counter()
    docs = DocumentStore(load_settings(args.home)).documents()
    load = time.perf_counter() - t
    clauses = sum(len(d.clauses) for d in docs)
    print(f"{len(docs)} documents, {clauses} clauses; documents loaded in {load:.2f} s")

    floor, _ = timed(lambda: sum(len(NUMBER.findall(c.text)) for d in docs for c in d.clauses), args.runs)
    ext, rows = timed(lambda: extract_all(docs), args.runs)
    old = superseded(docs)

    def compare() -> int:
        current = [r for r in extract_all(docs) if r.doc_id not in old]
        table = build_table(valued(current))
        indicators, duty_rows = split_rows(current)
        with tempfile.TemporaryDirectory() as tmp:
            to_xlsx(indicators, Path(tmp) / "对比.xlsx", table, duty_rows)
        return len(indicators)

    cmp, shown = timed(compare, args.runs)
    n = len(rows)  # type: ignore[arg-type]
    print("| step | p50 s | p95 s | throughput |")
    print("|---|---|---|---|")
    print(
        f"| floor: every clause read once (one regex) | {p(floor, 0.5):.3f} | {p(floor, 0.95):.3f} | {clauses / p(floor, 0.5):,.0f} clauses/s |"
    )
    print(
        f"| extract (every row) | {p(ext, 0.5):.3f} | {p(ext, 0.95):.3f} | {clauses / p(ext, 0.5):,.0f} clauses/s, {n} rows |"
    )
    print(
        f"| compare --format xlsx (current versions) | {p(cmp, 0.5):.3f} | {p(cmp, 0.95):.3f} | {shown} indicator rows |"
    )
    print(f"peak RSS {rss_mb():.0f} MB; extract = {p(ext, 0.5) / max(p(floor, 0.5), 1e-9):.0f}x the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
