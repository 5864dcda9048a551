"""Gold sets and the quote matching their README prescribes (normalise both sides, then contain)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus.clean import normalize_line
from corpus.normalize import Mapped, Script, nfkc_for_match

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class GoldQuote:
    doc: str  # origin file name
    quote: str


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    history: tuple[dict, ...]
    gold: tuple[GoldQuote, ...]
    facts: tuple[str, ...]
    type: str


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON-lines gold file (blank lines skipped)."""
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def load_qa(path: Path | None = None) -> list[QAItem]:
    return [
        QAItem(
            r["id"],
            r["question"],
            tuple(r.get("history", [])),
            tuple(GoldQuote(g["doc"], g["quote"]) for g in r.get("gold", [])),
            tuple(r.get("facts", [])),
            r.get("type", ""),
        )
        for r in read_jsonl(path or DATA / "qa_dev.jsonl")
    ]


@cache
def match_form(text: str, script: str = "simplified") -> str:
    """Both sides of a comparison go through this: the document's conversion, then NFKC and unified punctuation."""
    converted = normalize_line(Mapped.of(text), Script.parse(script)).text if script != "simplified" else text
    return nfkc_for_match(converted)


def covers(clause_text: str, clause_origin: str, gold: GoldQuote, script: str) -> bool:
    """A clause covers a gold quote when it is from the gold file and contains the normalised quote."""
    return clause_origin == gold.doc and match_form(gold.quote, script) in match_form(clause_text)
