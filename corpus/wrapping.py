"""Lines a layout broke: a PDF's text (and text copied from one) ends a line wherever the page did
("…与国家和自" / "治区发展远景目标相适应。"). Such lines are joined again before the outline reads them,
so a clause is a paragraph, not a printed line.

A document is read as hard-wrapped only when its lines show it: most of its lines that end without a
sentence's end, and a quarter of all its lines, are as long as its longest lines (the page's width),
from 85% of it to a character or two over, and hardly any line is longer. A line that long and not
ending a sentence is continued by the next one unless the next opens a heading, an item, an article
or a dated record. Nothing here is tuned to documents: the width is each document's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from corpus.cells import INDICATOR_LINE
from corpus.metadata import KINDS
from corpus.normalize import Mapped
from corpus.outline import marker_of

# A line ending in one of these ends a sentence, a clause or a bracket: the next line starts afresh.
ENDS = tuple("。！？；：…”’）)」』》】!?;:")
MIN_LINE = 10  # a line shorter than this (a heading, a cell, a date) says nothing about the width
MIN_OPEN_LINES = 5  # open-ended lines a document needs before its width is read from them
FULL = 0.85  # a full line's share of the width at least (half-width digits, spaces dropped around them)
OVER = 2.0  # and at most this many characters over it (punctuation hanging past the margin)
REPEATS = 2  # a line printed on two pages or more, inside a paragraph, is the page's, not the text's
SENTENCE_MARKS = re.compile(r"[，。；：！？,;:]")
DATED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def display_width(text: str) -> float:
    """A line's printed width in Chinese characters: a half-width character counts a half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def wrap_width(lines: Sequence[Mapped]) -> float | None:
    """The page width a hard-wrapped document's lines share, or None when its lines are paragraphs."""
    long = [ln.text for ln in lines if len(ln.text) >= MIN_LINE]
    # (an indicator table's lines end open, with a figure: rows, not prose)
    open_ended = sorted(
        display_width(t) for t in long if not t.endswith(ENDS) and not INDICATOR_LINE.match(t)
    )
    if len(open_ended) < MIN_OPEN_LINES:
        return None
    width = open_ended[int(0.9 * (len(open_ended) - 1))]
    full = sum(FULL * width <= w <= width + OVER for w in open_ended)
    # most open-ended lines at the width, and a good share of all lines (a page's lines, not a few
    # lines of a law's adoption history that happen to be as long as each other), and hardly a line
    # past the width (a printed line never runs past the page; a paragraph on one line does)
    over = sum(display_width(t) > width + OVER for t in long)
    return width if full * 2 > len(open_ended) and full * 4 >= len(long) and over * 10 <= len(long) else None


def unwrapped(lines: Sequence[Mapped]) -> tuple[tuple[Mapped, ...], tuple[str, ...]]:
    """The lines with every hard-wrapped line joined to the line that continues it, and the running
    headers dropped from inside a paragraph (a short line without sentence punctuation the document
    repeats on two pages or more: "某市人民政府办公室文件"), logged as the cleaner logs clutter."""
    width = wrap_width(lines)
    if width is None:
        return tuple(lines), ()
    seen = Counter(ln.text for ln in lines)
    out: list[Mapped] = []
    dropped: list[str] = []
    last_width = 0.0  # the printed width of the last physical line joined into out[-1]
    for ln in lines:
        continues = (
            out
            and last_width >= FULL * width
            and not out[-1].text.endswith(ENDS + KINDS)  # nor a title ("…规划的通知")
            and marker_of(ln.text) is None
            and not DATED.match(ln.text)  # a date opens a record ("2018年10月12日…会议通过")
        )
        if continues and seen[ln.text] >= REPEATS and not SENTENCE_MARKS.search(ln.text):
            dropped.append(f"running-header: {ln.text}")
            continue  # the paragraph goes on after it
        if continues:
            out[-1] = Mapped(out[-1].text + ln.text, out[-1].src + ln.src)
        else:
            out.append(ln)
        last_width = display_width(ln.text)
    return tuple(out), tuple(dropped)
