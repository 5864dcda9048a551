"""One page carrying several numbered documents ("…方案1" … "…方案5") → one part each."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.normalize import Mapped

PART_TITLE = re.compile(r"^(\D{4,40}?)(\d{1,2})$")


@dataclass(frozen=True)
class Part:
    number: int
    title: str
    lines: tuple[Mapped, ...]


def split_parts(lines: Sequence[Mapped]) -> tuple[list[Part], list[Mapped]]:
    """Parts of a multi-document page, and the page preamble before the first part.

    A page is split when at least two lines read '<same title><1>', '<same title><2>', …
    in order. Otherwise the whole text is one part (number 0) and there is no preamble.
    """
    by_base: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, ln in enumerate(lines):
        m = PART_TITLE.match(ln.text)
        if m and re.search(r"[\u4e00-\u9fff]{4}", m.group(1)):
            by_base[m.group(1)].append((i, int(m.group(2))))
    for hits in by_base.values():
        numbers = [n for _, n in hits]
        if len(hits) >= 2 and numbers == list(range(1, len(hits) + 1)):
            starts = [i for i, _ in hits] + [len(lines)]
            parts = [
                Part(n, lines[starts[k]].text, tuple(lines[starts[k] + 1 : starts[k + 1]]))
                for k, n in enumerate(numbers)
            ]
            return parts, list(lines[: starts[0]])
    return [Part(0, "", tuple(lines))], []
