"""When a figure in a policy text is due: the calendar deadline of its sentence, told apart from dates that say which
things are meant, when they came to be or were counted, or when a body acted."""

from __future__ import annotations

import re

from assistant.figures import ATTRIBUTE, DEADLINE, REACHING

# "建成于2000年底前": when, not by when; "截至2014年12月底，共完成…": when it was counted
BUILT_IN = re.compile(r"(?:(?:建成|建|成立|建立|出生|竣工|投用|始)于|截至|截止)\s*$")
# "2020年底国家进一步要求…": when a body asked or issued something, not a date anything is due by
ISSUED_AT = re.compile(r"\s*[\u4e00-\u9fff]{0,8}?(?:进一步)?(?:要求|提出|印发|出台|发布|召开|部署)")
DATED_NOUN = re.compile(rf"[\u4e00-\u9fff]{{2}}{ATTRIBUTE.pattern}")
# a stretch naming nothing but when and that a figure is reached: "，到2030年达"
REACHED_AFTER = re.compile(rf"(?:将|要)?(?:{REACHING})")
# a clause break right after a deadline: the deadline opens the clause after it
OPENS_CLAUSE = re.compile(r"\s*[，,]")


def deadline_of(text: str, s: int, e: int, value_at: int) -> re.Match[str] | None:
    """The calendar deadline of the sentence [s, e) nearest before the value (else the first after)."""
    found = [m for m in DEADLINE.finditer(text, s, e) if m.group("d")]
    found = [
        m
        for m in found
        if (
            not re.match(r"\d{4}年$", m.group("d"))
            or re.search(r"(?:到|于)\s*$", text[max(s, m.start() - 2) : m.start("d")])
            or REACHED_AFTER.match(text, m.end("d"))  # "城镇化率2025年达到65%": the year it is reached by
        )
        # "2000年底前建成的小区": the date says which estates, nothing is due by it
        and not (m.group("d").endswith("前") and DATED_NOUN.match(text, m.end("d")))
        # "建成于2000年底前的住宅小区", "成立于2015年", "截至2014年12月底": when a thing came to be or was counted
        and not BUILT_IN.search(text, max(s, m.start("d") - 3), m.start("d"))
        and not (m.start() == m.start("d") and ISSUED_AT.match(text, m.end("d")))
    ]
    before = [m for m in found if m.start() < value_at]
    if before:
        return before[-1]
    # "再打造22个试点社区，力争2025年底前，全市城区80%以上社区实现…覆盖": a deadline opening a later clause is that clause's
    after = [m for m in found if not OPENS_CLAUSE.match(text, m.end())]
    return after[0] if after else None
