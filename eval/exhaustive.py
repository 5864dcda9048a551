"""Precision of the indicator table, against exhaustive labels (`data/extract_exhaustive.jsonl`).

Every quantitative item of a few documents is labelled from the text (two plans, two regulations),
so a row the table shows that is not an item counts against it: document numbers, meeting names,
years naming a period, slogans with numbers. An item is a figure stating a target, limit, threshold,
count, duration or frequency (with its comparator), or a dated commitment ("2020年底前全面完成…");
items a reader could argue either way are labelled `optional`: showing them is not an error,
missing them is not a miss. Half the documents are marked `tuned` (rules were written looking at
them), half `held_out` (never looked at while writing rules): report the two apart.

A valued row (a value or a calendar deadline) matches an item of its document when their quotes
overlap and it shows the item's value (or, for a dated commitment without a figure, its deadline).
Each item is matched once: a second row for the same item counts as an error (one row per item).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.compare import is_indicator
from assistant.indicator import Indicator
from eval.gold import DATA, match_form, read_jsonl

EXHAUSTIVE = DATA / "extract_exhaustive.jsonl"
MIN_OVERLAP = 6  # characters two quotes share to be about the same words


@dataclass(frozen=True)
class Item:
    doc: str  # origin file name
    quote: str
    value: str | None
    deadline: str | None
    optional: bool
    split: str  # "tuned" | "held_out"


@dataclass(frozen=True)
class DocScores:
    doc: str
    split: str
    rows: int  # valued rows the table shows for the document
    correct: int  # of them, rows matching an item
    items: int  # required items
    found: int  # of them, matched by a row
    wrong: tuple[str, ...]  # rows matching no item: "value ← quote"
    missed: tuple[str, ...] = ()  # required items no row shows: "value ← quote"

    @property
    def precision(self) -> float:
        return self.correct / self.rows if self.rows else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.items if self.items else 1.0


def load_items(path: Path = EXHAUSTIVE) -> list[Item]:
    return [
        Item(r["doc"], r["quote"], r.get("value"), r.get("deadline"), bool(r.get("optional")), r["split"])
        for r in read_jsonl(path)
    ]


def _overlap(a: str, b: str) -> int:
    """Length of the longest stretch two quotes share (0 when under `MIN_OVERLAP` and neither holds the other)."""
    if a in b or b in a:
        return min(len(a), len(b))
    best = 0
    for i in range(len(a)):
        n = best + 1
        while i + n <= len(a) and a[i : i + n] in b:
            best, n = n, n + 1
    return best if best >= MIN_OVERLAP else 0


def _shows(row: Indicator, item: Item) -> bool:
    if item.value is not None:
        forms = {match_form(v) for v in (row.value, row.value_text) if v}
        want = match_form(item.value)
        return any(want == f or want in f for f in forms)
    return bool(row.deadline) and match_form(item.deadline or "") == match_form(row.deadline or "")


def _labelled_as(doc_id: str, origin: str) -> str:
    """How the labels name a document: its source file, "file#n" for the nth of several documents one
    file holds (their ids end in "-n")."""
    m = re.search(r"-(\d+)$", doc_id)
    return f"{origin}#{m.group(1)}" if m else origin


def score_documents(
    items: Sequence[Item], rows: Sequence[Indicator], origins: dict[str, str]
) -> list[DocScores]:
    """Per labelled document: precision of its valued rows and recall of its required items."""
    out = []
    for doc in dict.fromkeys(i.doc for i in items):
        its = [i for i in items if i.doc == doc]
        forms = [match_form(i.quote) for i in its]
        mine = [
            r for r in rows if _labelled_as(r.doc_id, origins.get(r.doc_id, "")) == doc and is_indicator(r)
        ]
        taken: set[int] = set()
        correct = 0
        wrong = []
        for r in mine:
            q = match_form(r.quote)
            # the item it shares most words with, among those whose value it shows; an item it matches by
            # its figure or state before one it matches by deadline alone (a sentence holding both); of two
            # it matches as well, the required one (a table's target restated in its progress column)
            fits = [
                (i.value is not None, _overlap(f, q), not i.optional, k)
                for k, (i, f) in enumerate(zip(its, forms, strict=True))
                if k not in taken and _shows(r, i)
            ]
            k = max((x for x in fits if x[1]), default=(False, 0, False, None))[3]
            if k is None:
                wrong.append(f"{r.value or r.deadline} ← {r.quote[:40]}")
            else:
                taken.add(k)
                correct += 1
        required = [k for k, i in enumerate(its) if not i.optional]
        out.append(
            DocScores(
                doc,
                its[0].split,
                len(mine),
                correct,
                len(required),
                sum(k in taken for k in required),
                tuple(wrong),
                tuple(
                    f"{its[k].value or its[k].deadline} ← {its[k].quote[:40]}"
                    for k in required
                    if k not in taken
                ),
            )
        )
    return out


def format_documents(scores: Sequence[DocScores]) -> str:
    lines = ["| document | labels | rows shown | precision | items | recall |", "|---|---|---|---|---|---|"]
    for split in ("held_out", "tuned"):
        part = [s for s in scores if s.split == split]
        for s in part:
            lines.append(f"| {s.doc} | {split} | {s.rows} | {s.precision:.2f} | {s.items} | {s.recall:.2f} |")
        if part:
            rows, correct = sum(s.rows for s in part), sum(s.correct for s in part)
            items, found = sum(s.items for s in part), sum(s.found for s in part)
            lines.append(
                f"| **all {split}** | | {rows} | {correct / max(rows, 1):.2f} | {items} | {found / max(items, 1):.2f} |"
            )
    for s in scores:
        lines += [f"wrong row ({s.doc}): {w}" for w in s.wrong]
        lines += [f"missed ({s.doc}): {m}" for m in s.missed]
    return "\n".join(lines)
