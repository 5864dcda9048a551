"""Alternatives a text writes in brackets inside a word, spelled out each way for matching (never
for display): 村（居）民委员会 is 村民委员会 and 居民委员会, 居（村）务公开栏 居务公开栏 and 村务公开栏,
电动（汽）车 电动车 and 汽车. Written so, neither word is in the text as a string, and a question
asking about 居委会 finds no clause that names it."""

from __future__ import annotations

import re

# A bracket of one or two characters between two Chinese characters; the word before it and the
# characters after it (up to the next punctuation) are read around it.
_ALTERNATIVE = re.compile(r"([\u4e00-\u9fff]{1,3})（([\u4e00-\u9fff]{1,2})）(?=([\u4e00-\u9fff]{1,6}))")
# 第（四）项 numbers an item; 乡（镇）人民政府's 镇 is an alternative.
_NUMERAL = frozenset("一二三四五六七八九十百零")


def spelled_alternatives(text: str) -> str:
    """Each bracketed alternative of `text` read both ways, space-separated ("" when it has none):
    "辖区内的村（居）民委员会应当" → "内的村民委员会应当 居民委员会应当"."""
    if "（" not in text:  # most sentences: every answer reads its candidates' sentences through here
        return ""
    out: list[str] = []
    for m in _ALTERNATIVE.finditer(text):
        before, alternative, after = m.groups()
        if all(ch in _NUMERAL for ch in alternative) or before.endswith("第"):
            continue
        out += [before + after, alternative + after]
    return " ".join(out)


def with_alternatives(text: str) -> str:
    """`text` followed by its `spelled_alternatives`, for whatever matches words against it."""
    extra = spelled_alternatives(text)
    return f"{text} {extra}" if extra else text
