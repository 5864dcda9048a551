"""Load check (a script, not a test): N concurrent questions against a running server.

    .venv/bin/policyqa serve &   # then
    .venv/bin/python scripts/load_check.py [--url http://127.0.0.1:7860/] [-n 20]

Prints latency p50/p95 and errors. Loopback only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

QUESTIONS = ["每个社区至少配几名专职工作者？", "各地对社区规模（户数）有什么要求？", "衡水的城市社区综合服务设施覆盖率目标是多少？",
             "凯里推行一村一法律顾问，归哪个部门牵头？", "西咸新区新建小区入住率达到多少要成立居委会？"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:7860/")
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    if not args.url.startswith(("http://127.", "http://localhost")):
        raise SystemExit("load checks target loopback only")
    from gradio_client import Client

    def one(i: int) -> tuple[float, str | None]:
        t = time.perf_counter()
        try:
            client = Client(args.url, verbose=False)
            out = client.predict(QUESTIONS[i % len(QUESTIONS)], api_name="/ask")
            err = None if out.get("answer") else "empty answer"
        except Exception as e:  # a load check reports every failure, whatever its kind
            err = f"{type(e).__name__}: {e}"
        return (time.perf_counter() - t) * 1000, err

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.n) as pool:
        results = list(pool.map(one, range(args.n)))
    lat = sorted(ms for ms, _ in results)
    errors = [e for _, e in results if e]
    print(f"{args.n} concurrent questions in {time.perf_counter() - t0:.1f}s: p50 {statistics.median(lat):.0f} ms, "
          f"p95 {lat[int(0.95 * (len(lat) - 1))]:.0f} ms, errors {len(errors)}")
    for e in errors[:5]:
        print("  ", e)


if __name__ == "__main__":
    main()
