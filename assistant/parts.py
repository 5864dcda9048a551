"""A message asking several things ("公示几天？对名单有意见找谁？"): its parts' answers joined into one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.model import Answer, Citation


def marked_segments(text: str) -> list[tuple[str, int | None]]:
    """An answer text cut after each citation mark: (segment, its mark's n); a tail with no mark has None."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for m in re.finditer(r"\[(\d+)\]", text):
        out.append((text[pos : m.end()], int(m.group(1))))
        pos = m.end()
    if text[pos:].strip():
        out.append((text[pos:], None))
    return out


def joined(question: str, parts: Sequence[str], answers: Sequence[Answer]) -> Answer:
    """One answer to a several-question message: each answered part's lines with its citations
    renumbered after the earlier ones, a line an earlier part already gave left out (a part citing
    nothing new adds nothing), and an explicit "not found" for a part the texts do not answer.
    Refused only when every part is."""
    answered = [a for a in answers if not a.refused]
    if not answered:
        return replace(answers[0], question=question)
    texts: list[str] = []
    citations: list[Citation] = []
    seen: set[tuple[str, int, int]] = set()
    for part, a in zip(parts, answers, strict=True):
        if a.refused:
            texts.append(f"“{part.rstrip('？?')}”：根据现有文件，未找到相关规定。")
            continue
        by_n = {c.n: c for c in a.citations}
        earlier = set(seen)
        number: dict[int, int] = {}
        kept: list[str] = []
        for segment, n in marked_segments(a.text):
            c = by_n.get(n) if n is not None else None
            if n is None or c is None:
                kept.append(segment)
                continue
            if (c.clause_id, c.quote_start, c.quote_end) in earlier:
                continue
            if n not in number:
                number[n] = len(citations) + 1
                citations.append(replace(c, n=number[n]))
                seen.add((c.clause_id, c.quote_start, c.quote_end))
            kept.append(segment[: segment.rindex("[")] + f"[{number[n]}]")
        if number:
            texts.append("".join(kept).strip())
    first = answered[0]
    return replace(
        first,
        question=question,
        standalone_question=" ".join(a.standalone_question for a in answers),
        text="\n".join(texts),
        citations=tuple(citations),
        places=tuple(dict.fromkeys(p for a in answers for p in a.places)),
        used_history=any(a.used_history for a in answers),
    )
