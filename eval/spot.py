"""The refusal spot check: questions the dev corpus does not answer, asked one by one.

Not a gold set and nothing is fitted on it: each question is asked as a user would, and the
report says which were refused (with the reason) and which were answered (with the start of the
answer), so a change to refusal can be read question by question.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assistant.answer import Answer, Assistant
from eval.gold import DATA

SPOT_CHECK = DATA / "spot_check_uncovered.txt"


def load_questions(path: Path = SPOT_CHECK) -> list[str]:
    """One question per line; blank lines and `#` comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def spot_check(assistant: Assistant, questions: Iterable[str]) -> list[Answer]:
    return [assistant.ask(q) for q in questions]


def format_spot_check(answers: list[Answer]) -> str:
    rows = ["| | question | reason or answer |", "|---|---|---|"]
    for a in answers:
        said = a.reason if a.refused else a.text[:80].replace("\n", " ").replace("|", "｜")
        rows.append(f"| {'refused' if a.refused else '**answered**'} | {a.question} | {said} |")
    refused = sum(a.refused for a in answers)
    rows.append(f"\n{refused} of {len(answers)} refused")
    return "\n".join(rows)
