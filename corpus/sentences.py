"""Sentences of a clause: the unit BM25 scores, sentence vectors embed and answers quote."""

from __future__ import annotations

from collections.abc import Mapping

OPEN, CLOSE = "（(〔﹝【「《", "）)〕﹞】」》"
ENDS = "。；！？"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences (ending at 。；！？ outside brackets) of a clause, as offsets; punctuation-only runs
    are not sentences. "（牵头单位：市民政局；责任单位：市财政局）" stays inside its sentence: cut at its
    "；", the second half would be shown as a sentence starting "责任单位：…）"."""
    spans: list[tuple[int, int]] = []
    start, depth = 0, 0
    # An unclosed bracket (a clause cut mid-parenthesis) would swallow every later sentence end.
    nested = sum(map(text.count, OPEN)) == sum(map(text.count, CLOSE))
    for i, ch in enumerate(text):
        if not nested:
            pass
        elif ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(depth - 1, 0)
        if ch in ENDS and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(ENDS + " ")]


def best_sentence(text: str, weights: Mapping[str, float]) -> tuple[int, int]:
    """The span of the sentence of `text` holding the most weight of the given terms (the whole text
    when it has no sentence end)."""
    spans = sentence_spans(text) or [(0, len(text))]
    return max(spans, key=lambda se: sum(w for t, w in weights.items() if t in text[se[0] : se[1]]))
