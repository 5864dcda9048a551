"""Load check (a script, not a test): N concurrent questions against a running server.

    .venv/bin/policyqa serve &   # then
    .venv/bin/python scripts/load_check.py [--url http://127.0.0.1:7860/] [-n 20] [--per-user 5]

Prints latency p50/p95 and errors. Loopback only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

QUESTIONS = [
    "每个社区至少配几名专职工作者？",
    "各地对社区规模（户数）有什么要求？",
    "衡水的城市社区综合服务设施覆盖率目标是多少？",
    "凯里推行一村一法律顾问，归哪个部门牵头？",
    "西咸新区新建小区入住率达到多少要成立居委会？",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:7860/")
    ap.add_argument("-n", type=int, default=20, help="concurrent users")
    ap.add_argument("--per-user", type=int, default=1, help="questions each user asks after connecting")
    args = ap.parse_args()
    if not args.url.startswith(("http://127.", "http://localhost")):
        raise SystemExit("load checks target loopback only")
    from gradio_client import Client

    def user(i: int) -> tuple[float, list[float], list[str]]:
        """Connect (as a page load would), then ask; connect time, answer times, errors."""
        t = time.perf_counter()
        try:
            client = Client(args.url, verbose=False)
        except Exception as e:  # a load check reports every failure, whatever its kind
            return (time.perf_counter() - t) * 1000, [], [f"connect: {type(e).__name__}: {e}"]
        connect = (time.perf_counter() - t) * 1000
        times, errors = [], []
        for k in range(args.per_user):
            t = time.perf_counter()
            try:
                out = client.predict(QUESTIONS[(i + k) % len(QUESTIONS)], api_name="/ask")
                if not out.get("answer"):
                    errors.append("empty answer")
            except Exception as e:  # noqa: BLE001
                errors.append(f"{type(e).__name__}: {e}")
            times.append((time.perf_counter() - t) * 1000)
        return connect, times, errors

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.n) as pool:
        results = list(pool.map(user, range(args.n)))
    wall = time.perf_counter() - t0
    connects = sorted(c for c, _, _ in results)
    lat = sorted(t for _, ts, _ in results for t in ts)
    errors = [e for _, _, es in results for e in es]

    def p(xs: list[float], q: float) -> float:
        return xs[int(q * (len(xs) - 1))] if xs else float("nan")

    print(
        f"{args.n} concurrent users × {args.per_user} questions in {wall:.1f}s ({len(lat) / wall:.1f} answers/s): "
        f"connect p50 {statistics.median(connects):.0f} ms; answer p50 {p(lat, 0.5):.0f} ms, p95 {p(lat, 0.95):.0f} ms; "
        f"errors {len(errors)}"
    )
    for e in errors[:5]:
        print("  ", e)


if __name__ == "__main__":
    main()
