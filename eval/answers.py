"""Answer metrics: fact recall, citation hit, negatives refused, false refusals, line precision, per
question type."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer import Assistant
from assistant.model import Answer, Citation
from corpus.normalize import nfkc_for_match
from eval.gold import QAItem, covers

if TYPE_CHECKING:
    from eval.fit import Labelled


@dataclass(frozen=True)
class Scored:
    item: QAItem
    answer: Answer
    fact_recall: float | None  # None for negatives
    citation_hit: float | None
    refused: bool
    lines: int = 0  # the answer's cited lines as shown (0 for a refusal)
    lines_right: int = 0  # of them, those holding a gold clause or stating a gold fact


def _line_right(c: Citation, item: QAItem, scripts: dict[str, str]) -> bool:
    """A cited line is right when its clause holds a gold quote or its sentence states a fact the
    answer must give. Strict: a line that supports the answer from another clause counts wrong; on a
    question no text answers, every line shown is wrong."""
    script = scripts.get(c.doc_id, "simplified")
    quote = nfkc_for_match(c.quote)
    return any(covers(c.text, c.source, g, script) for g in item.gold) or any(
        nfkc_for_match(f) in quote for f in item.facts
    )


def score_answer(item: QAItem, answer: Answer, scripts: dict[str, str]) -> Scored:
    shown = () if answer.refused else answer.citations
    right = sum(_line_right(c, item, scripts) for c in shown) if item.gold else 0
    if not item.gold:
        return Scored(item, answer, None, None, answer.refused, len(shown), right)
    text = nfkc_for_match(answer.text)
    facts = sum(1 for f in item.facts if nfkc_for_match(f) in text) / len(item.facts) if item.facts else 1.0
    hit = any(
        covers(c.text, c.source, g, scripts.get(c.doc_id, "simplified"))
        for c in answer.citations
        for g in item.gold
    )
    return Scored(item, answer, facts, float(hit), answer.refused, len(shown), right)


def evaluate_answers(items: Sequence[QAItem], assistant: Assistant, scripts: dict[str, str]) -> list[Scored]:
    return [score_answer(it, assistant.ask(it.question, list(it.history)), scripts) for it in items]


def by_type(s: Scored) -> str:
    return s.item.type


def by_corpus(s: Scored) -> str:
    """The part of the dev corpus the question's gold comes from; negatives have none."""
    from eval.corpus import corpus_of

    return corpus_of(s.item.gold[0].doc) if s.item.gold else "negative (no gold)"


def format_answer_table(
    scored: Sequence[Scored], group: Callable[[Scored], str] = by_type, label: str = "type"
) -> str:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        groups[group(s)].append(s)
        groups["ALL"].append(s)
    lines = [
        f"| {label} | n | fact recall | citation hit | negatives refused | false refusals | median length "
        "| line precision (lines) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in sorted(groups, key=lambda t: (t != "ALL", t)):
        fact, cite, false_refusals, refused = (
            "—" if math.isnan(x) else f"{x:.2f}" for x in summary(groups[t])
        )
        length = median_length(groups[t])
        shown = sum(s.lines for s in groups[t])
        precision = f"{sum(s.lines_right for s in groups[t]) / shown:.2f} ({shown})" if shown else "—"
        lines.append(
            f"| {t} | {len(groups[t])} | {fact} | {cite} | {refused} | {false_refusals} | "
            f"{'—' if length is None else length} | {precision} |"
        )
    return "\n".join(lines)


def median_length(scored: Sequence[Scored]) -> int | None:
    """Median characters of the answers given (refusals left out), as the user reads them: the
    cited sentences with their document, article and [n] marks."""
    lengths = sorted(len(s.answer.text) for s in scored if not s.answer.refused)
    return lengths[len(lengths) // 2] if lengths else None


def evaluate_answers_cv(
    items: Sequence[QAItem],
    assistant: Assistant,
    scripts: dict[str, str],
    seed: int | None = None,
    data: Sequence[Labelled] | None = None,
    extra: Sequence[Labelled] = (),
) -> list[Scored]:
    """Each question answered by a model fitted without its document (grouped cross-validation;
    `seed` draws another assignment of documents to folds; `data`: the items' candidates, when
    already collected; `extra`: questions over another corpus, in every fold's training)."""
    from eval.fit import collect, cross_validated_models

    data = data if data is not None else collect(assistant, items, scripts)
    scored: list[Scored | None] = [None] * len(items)
    for model, test in cross_validated_models(data, seed=seed, extra=extra):
        fold = Assistant(assistant.retriever, list(assistant.docs.values()), assistant.llm, model)
        fold.superseded = assistant.superseded
        for i in test:
            it = items[i]
            scored[i] = score_answer(it, fold.ask(it.question, list(it.history)), scripts)
    return [s for s in scored if s is not None]


def summary(scored: Sequence[Scored]) -> tuple[float, float, float, float]:
    """(fact recall, citation hit, false refusals) over the answerable questions, and negatives refused."""
    pos = [s for s in scored if s.fact_recall is not None]
    neg = [s for s in scored if s.fact_recall is None]

    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else float("nan")

    return (
        mean([s.fact_recall for s in pos if s.fact_recall is not None]),
        mean([s.citation_hit for s in pos if s.citation_hit is not None]),
        mean([float(s.refused) for s in pos]),
        mean([float(s.refused) for s in neg]),
    )


def repeated_cv(
    items: Sequence[QAItem],
    assistant: Assistant,
    scripts: dict[str, str],
    repeats: int,
    data: Sequence[Labelled] | None = None,
    extra: Sequence[Labelled] = (),
) -> list[tuple[float, float, float, float]]:
    """`summary` of the grouped cross-validation under `repeats` random assignments of documents
    to folds: with 27 documents, which ones share a fold moves the figures by a few points."""
    from eval.fit import collect

    data = data if data is not None else collect(assistant, items, scripts)
    return [
        summary(evaluate_answers_cv(items, assistant, scripts, seed, data, extra)) for seed in range(repeats)
    ]


def format_repeats(rows: Sequence[tuple[float, float, float, float]]) -> str:
    import numpy as np

    m = np.array(rows)
    cells = " | ".join(
        f"{mu:.2f} ± {sd:.2f} ({lo:.2f}–{hi:.2f})"
        for mu, sd, lo, hi in zip(m.mean(0), m.std(0), m.min(0), m.max(0), strict=True)
    )
    return (
        "| repeats | fact recall | citation hit | false refusals | negatives refused |\n"
        "|---|---|---|---|---|\n"
        f"| {len(rows)} | {cells} |"
    )
