"""What extraction reads: a document's clause groups as passages, each with the units it states or
inherits (a section's 牵头单位, an item's own unit lines) and the opening of the list it is an item of."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.indicator import Indicator
from assistant.provision import FIRST_ITEM, ITEM, article_labels
from assistant.roles import Units, clause_units
from corpus.articles import article_context
from corpus.model import Clause, Document


def clause_groups(doc: Document) -> list[list[Clause]]:
    """Passages cut from one long clause, joined again (each continues where the last one ends)."""
    groups: list[list[Clause]] = []
    for c in doc.clauses:
        if groups and groups[-1][-1].end == c.start and groups[-1][-1].heading_path == c.heading_path:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


@dataclass(frozen=True)
class Passage:
    """One clause group as extraction reads it: its text, where it starts, the units it states or
    inherits from its section's opening paragraph."""

    doc: Document
    first: Clause
    text: str
    units: Units
    article: str
    # the sentence opening the list this passage is an item of, with "……" when items come between
    intro: str = ""

    def row(self, s: int, e: int, units: Units | None = None, **fields: Any) -> Indicator:
        """An Indicator quoting text[s:e]; `units` default to the passage's own."""
        # A list the passage itself states ("（牵头单位：…；责任单位：…）") names who answers for every figure
        # in it; otherwise a sentence's own subject does ("各县（市、区）要…").
        listed = self.units.lead and 0 <= self.units.start
        u = self.units if units is None or not units.lead or listed else units
        base = Indicator(
            doc_id=self.doc.id,
            region=self.doc.region,
            title=self.doc.title,
            lead_units=u.lead,
            support_units=u.support,
            quote=self.text[s:e],
            clause=self.text,
            clause_id=self.first.id,
            section=self.first.section,
            start=self.first.start + s,
            end=self.first.start + e,
            version_date=self.doc.date,
            article=self.article,
            intro=self.intro,
        )
        return dataclasses.replace(base, **fields)


def passages(doc: Document) -> Iterable[Passage]:
    """The document's clause groups with their units; a section whose opening paragraph lists
    牵头单位 passes them on to the paragraphs under it."""
    inherited: dict[tuple[str, ...], Units] = {}
    labels = article_labels(doc)
    openings = article_context(doc.clauses)
    groups = clause_groups(doc)
    texts = ["".join(c.text for c in g) for g in groups]
    listed = [clause_units(t) for t in texts]
    follows: list[bool] = []
    for i, g in enumerate(groups):
        follows.append(i > 0 and _labels_after_item(groups[i - 1], g, texts[i], listed[i], follows[i - 1]))
    for i, group in enumerate(groups):
        first = group[0]
        text = texts[i]
        units = listed[i]
        path = first.heading_path
        # "1.…增长6.2%左右。" then lines "牵头单位：区发改局" / "责任单位：…": the item's own units, not the next item's
        after = [texts[j] for j in itertools.takewhile(follows.__getitem__, range(i + 1, len(groups)))]
        if after and units.start < 0:
            own = clause_units("；".join(after))
            units = Units(own.lead, own.support, len(text), len(text)) if own.lead else units
        elif units.start >= 0 and "牵头单位" in text[units.start : units.end] and not follows[i]:
            inherited[path] = units
        if units.start < 0:
            units = next(
                (inherited[path[:d]] for d in range(len(path) - 1, 0, -1) if path[:d] in inherited), Units()
            )
        intro = openings.get(first.id, "") if ITEM.match(first.text) else ""
        if intro and not FIRST_ITEM.match(first.text):
            intro += "……"  # items left out between the list's opening and this one
        yield Passage(doc, first, text, units, labels.get(first.id, ""), intro)


def _labels_after_item(
    before: list[Clause], group: list[Clause], text: str, units: Units, before_too: bool
) -> bool:
    """`group` (its `units`) is only unit labels ("牵头单位：区发改局", "责任单位：…") and follows an item heading of
    its section (`before` sits one level deeper) or such labels (`before_too`): it names that item's units."""
    path, prev = group[0].heading_path, before[0].heading_path
    only = units.start == 0 and units.end >= len(text.rstrip("。；; ")) - 1
    item = len(prev) == len(path) + 1 and prev[: len(path)] == path
    return only and (item or (before_too and prev == path))
