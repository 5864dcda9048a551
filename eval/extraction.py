"""Extraction metrics: value recall/precision, deadline accuracy, lead- and support-unit F1.

A gold row is matched by the extracted rows whose quote contains its quote (else whose clause
does), after the README's normalisation of both sides. Precision counts extracted value rows
whose quote contains a gold quote: their value must be that gold row's value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.indicator import Indicator
from eval.gold import DATA, match_form, read_jsonl


@dataclass(frozen=True)
class GoldRow:
    doc: str
    quote: str
    value: str | None
    deadline: str | None
    lead: tuple[str, ...]
    support: tuple[str, ...]


@dataclass(frozen=True)
class ExtractionScores:
    value_recall: float
    value_precision: float
    deadline_accuracy: float
    lead_f1: float
    support_f1: float
    n_gold: int
    n_rows: int


def load_extract_gold(path: Path | None = None) -> list[GoldRow]:
    return [
        GoldRow(
            r["doc"],
            r["quote"],
            r.get("value"),
            r.get("deadline"),
            tuple(r.get("lead_units") or ()),
            tuple(r.get("support_units") or ()),
        )
        for r in read_jsonl(path or DATA / "extract_dev.jsonl")
    ]


def _value_forms(r: Indicator) -> set[str]:
    """The gold sets write a value with its comparator word ("不低于二十平方米") or without ("5人");
    a row matches either way, never a different figure."""
    return {match_form(v) for v in (r.value, r.value_text) if v}


def _f1(pred: set[str], gold: set[str]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred), len(gold)


def evaluate_extraction(
    gold: Sequence[GoldRow], rows: Sequence[Indicator], origins: dict[str, str], scripts: dict[str, str]
) -> ExtractionScores:
    """`origins`/`scripts` map doc ids to their source file and script, to compare like with like."""
    norm_rows = [
        (
            r,
            match_form(r.quote),
            match_form(r.clause),
            origins.get(r.doc_id, ""),
            scripts.get(r.doc_id, "simplified"),
        )
        for r in rows
    ]
    v_hit = v_total = d_hit = d_total = 0
    prec_ok = prec_total = 0
    lead = [0, 0, 0]
    sup = [0, 0, 0]
    for g in gold:
        script = next((s for _, _, _, o, s in norm_rows if o == g.doc), "simplified")
        q = match_form(g.quote, script)
        by_quote = [r for r, rq, _, o, _ in norm_rows if o == g.doc and q in rq]
        cands = by_quote or [r for r, _, rc, o, _ in norm_rows if o == g.doc and q in rc]
        gv = match_form(g.value) if g.value else None
        if gv:
            v_total += 1
            same = [r for r in cands if r.value and gv in _value_forms(r)]
            v_hit += bool(same)
            best = same[0] if same else (cands[0] if cands else None)
        else:
            units_rows = [r for r in cands if r.value is None] or cands
            best = units_rows[0] if units_rows else None
        for r in by_quote:
            if r.value is not None and gv is not None:
                prec_total += 1
                prec_ok += gv in _value_forms(r)
        if g.deadline:
            d_total += 1
            d_hit += bool(best and best.deadline and match_form(best.deadline) == match_form(g.deadline))
        for acc, pred, gset in (
            (lead, best.lead_units if best else (), g.lead),
            (sup, best.support_units if best else (), g.support),
        ):
            tp, np_, ng = _f1({match_form(u) for u in pred}, {match_form(u, script) for u in gset})
            acc[0] += tp
            acc[1] += np_
            acc[2] += ng

    def f1(a: list[int]) -> float:
        p = a[0] / a[1] if a[1] else 1.0
        r = a[0] / a[2] if a[2] else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return ExtractionScores(
        v_hit / max(v_total, 1),
        prec_ok / max(prec_total, 1),
        d_hit / max(d_total, 1),
        f1(lead),
        f1(sup),
        len(gold),
        len(rows),
    )


def format_extraction(s: ExtractionScores) -> str:
    return (
        "| metric | value |\n|---|---|\n"
        f"| value recall | {s.value_recall:.2f} |\n| value precision | {s.value_precision:.2f} |\n"
        f"| deadline accuracy | {s.deadline_accuracy:.2f} |\n| lead-unit F1 | {s.lead_f1:.2f} |\n"
        f"| support-unit F1 | {s.support_f1:.2f} |\n| gold rows | {s.n_gold} |\n| extracted rows | {s.n_rows} |"
    )
