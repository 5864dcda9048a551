"""Where a policy text's sentences, and the comma-delimited stretches of them that hold a figure and
what it measures, begin and end."""

from __future__ import annotations

import re

from assistant.quantity import comparator_words

CLAUSE_BREAKS = "，。；：,;:|"  # what ends a clause of a sentence
SEGMENT_BREAKS = CLAUSE_BREAKS + "、且"  # and a list's items
# The quantity grammar's comparator words (rules/quantity.toml; 满 of 届满/期满 compares nothing).
COMPARATOR_WORDS = comparator_words()


def segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the sentence that holds the value (and its subject)."""
    breaks = _open_breaks(text)
    s = max((i for i in breaks if i < start), default=-1) + 1
    e = min((i for i in breaks if i >= end), default=len(text))
    # a segment that names nothing before its figure continues the one before ("…面积不低于30平方米且
    # 不少于800平方米"), as does the last item of a list ("社区综合整治、安监…3支"); one that names
    # something is its own ("社区党组织配备3-5人，社区居委会5-9人")
    own = re.sub(COMPARATOR_WORDS + r"|[且并和及或每\s]", "", text[s:start])
    if (len(own) < 2 or text[s - 1 : s] == "、") and s > 0 and text[s - 1] not in "。；;":
        s = max((i for i in breaks if i < s - 1), default=-1) + 1
    return s, e


def _open_breaks(text: str) -> list[int]:
    """Where `SEGMENT_BREAKS` stand, less the 、 of a list in brackets: "对县（市、区）…培训一次" is one stretch."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch in SEGMENT_BREAKS and (depth == 0 or ch != "、") and not _between_figures(text, i):
            out.append(i)
    return out


def _between_figures(text: str, i: int) -> bool:
    """A colon or comma between two digits is inside a figure (生师比23.4:1, 1,234人), not a break."""
    return text[i] in ":：∶,，" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；;") if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def sentences_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^。；;]+[。；;]?", text)]
