"""Sentences of a clause: the unit BM25 scores, sentence vectors embed and answers quote."""

from __future__ import annotations

import re

SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences (ending at 。；！？) of a clause, as offsets; punctuation-only runs are not sentences."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group(0).strip("。；！？ ")]
