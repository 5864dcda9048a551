"""Retrieval metrics: recall@1/5/10 and MRR for BM25, dense and fused rankings, per question type."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eval.gold import QAItem, covers
from indexer.model import Hit
from indexer.query import Query
from indexer.search import Mode, Retriever


@dataclass(frozen=True)
class Row:
    mode: str
    type: str
    n: int
    r1: float
    r5: float
    r10: float
    mrr: float


def score_hits(item: QAItem, hits: Sequence[Hit], scripts: dict[str, str]) -> tuple[list[float], float]:
    """recall@1/5/10 (share of gold quotes covered in the top k) and reciprocal rank of the first covering hit."""
    covered_at: dict[int, int] = {}
    first = 0
    for rank, h in enumerate(hits, 1):
        for gi, g in enumerate(item.gold):
            if gi not in covered_at and covers(
                h.clause.text, h.origin, g, scripts.get(h.clause.doc_id, "simplified")
            ):
                covered_at[gi] = rank
                first = first or rank
    recalls = [sum(1 for r in covered_at.values() if r <= k) / len(item.gold) for k in (1, 5, 10)]
    return recalls, (1.0 / first if first else 0.0)


def evaluate_retrieval(
    items: Sequence[QAItem],
    retriever: Retriever,
    rewrite: Callable[[QAItem], Query | str],
    scripts: dict[str, str],
) -> list[Row]:
    rows: list[Row] = []
    for mode in (Mode.BM25, Mode.DENSE, Mode.HYBRID):
        per_type: dict[str, list[tuple[list[float], float]]] = defaultdict(list)
        for item in items:
            if not item.gold:
                continue
            res = retriever.search(rewrite(item), k=10, mode=mode)
            scored = score_hits(item, res.hits, scripts)
            per_type[item.type].append(scored)
            per_type["ALL"].append(scored)
        for t, vals in sorted(per_type.items(), key=lambda kv: (kv[0] != "ALL", kv[0])):
            n = len(vals)
            rows.append(
                Row(
                    mode.value,
                    t,
                    n,
                    sum(v[0][0] for v in vals) / n,
                    sum(v[0][1] for v in vals) / n,
                    sum(v[0][2] for v in vals) / n,
                    sum(v[1] for v in vals) / n,
                )
            )
    return rows


def format_rows(rows: Sequence[Row]) -> str:
    out = [
        "| type | n | "
        + " | ".join(f"{m} R@1 | {m} R@5 | {m} R@10 | {m} MRR" for m in ("bm25", "dense", "hybrid"))
        + " |"
    ]
    out.append("|---" * (2 + 12) + "|")
    by = {(r.mode, r.type): r for r in rows}
    for t in dict.fromkeys(r.type for r in rows):
        cells = []
        n = 0
        for m in ("bm25", "dense", "hybrid"):
            r = by.get((m, t))
            if r:
                n = r.n
                cells += [f"{r.r1:.2f}", f"{r.r5:.2f}", f"{r.r10:.2f}", f"{r.mrr:.3f}"]
        out.append(f"| {t} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(out)
