"""Organisation names by grammar: an optional level, a name, and a suffix that makes it a body.

"县级以上地方人民政府民政部门", "区房屋行政管理部门", "街道办事处", "市委组织部", "业主委员会",
"物业服务企业": a unit name ends in one of a closed set of suffixes (局, 委员会, 办事处, 人民政府,
部门, 机构, 中心, 组织, 单位, 企业 …). Persons and individual owners are not units. The lexicon
is data (rules/orgs.toml); the functions here are pure.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules" / "orgs.toml"
PREPOSITION = re.compile(
    r"通过|根据|按照|依照|依据|为了|为|对于|对|在|以|把|将|经过|由于|随着|围绕|针对|结合"
)
NOT_AREAS = ("社区", "小区", "园区", "景区", "城区", "辖区", "片区")


@dataclass(frozen=True)
class OrgGrammar:
    suffix: re.Pattern[str]  # a complete unit name ends here
    name: re.Pattern[str]  # a whole unit name (anchored at both ends)
    find: re.Pattern[str]  # unit names inside running text
    not_units: frozenset[str]
    strip_prefix: re.Pattern[str]
    areas: re.Pattern[str]  # "各新城", "各县（市、区）", "各区": the governments of each area act as units


@cache
def grammar() -> OrgGrammar:
    data = tomllib.loads(RULES.read_text(encoding="utf-8"))
    suffixes = sorted(data["suffixes"], key=len, reverse=True)
    suffix = "(?:" + "|".join(map(re.escape, suffixes)) + ")"
    body = r"[\u4e00-\u9fff（）()、]"
    return OrgGrammar(
        suffix=re.compile(suffix + "$"),
        name=re.compile(rf"^{body}{{0,24}}?{suffix}$"),
        find=re.compile(rf"{body}{{0,20}}?{suffix}"),
        not_units=frozenset(data["not_units"]),
        strip_prefix=re.compile("^(?:" + "|".join(data["strip_prefixes"]) + ")+"),
        areas=re.compile(
            "^各[\u4e00-\u9fff]{0,6}?(?:" + "|".join(data["area_suffixes"]) + ")(?:[（(][^）)]{1,8}[）)])?$"
        ),
    )


def clean_unit(text: str) -> str:
    """A candidate unit without leading connectives ("并由", "原则上由", "各级") — empty if no unit is left."""
    g = grammar()
    t = g.strip_prefix.sub("", text.strip(" ，,。；;：:、")).strip()
    t = re.sub(r"^[）)]+", "", t)
    if not t or t in g.not_units or not (g.name.match(t) or (g.areas.match(t) and not t.endswith(NOT_AREAS))):
        return ""
    if t.count("（") + t.count("(") != t.count("）") + t.count(")"):
        return ""
    return t


def is_unit(text: str) -> bool:
    """True when the text is one complete unit name."""
    return bool(clean_unit(text)) and clean_unit(text) == text.strip()


def has_unit(text: str) -> bool:
    """True when the text names some body (an organisation, not a person)."""
    return any(clean_unit(m.group(0)) for m in grammar().find.finditer(text))


def leading_unit(text: str, reach: int = 24, extend: int = 4) -> str:
    """The unit a text opens with ("养老机构暂停…的" → 养老机构, "城乡规划部门在…" → 城乡规划部门): the
    shortest complete name at the start, lengthened while a few more characters still make one."""
    head = grammar().strip_prefix.sub("", text.lstrip())[:reach]
    if PREPOSITION.match(head):
        return ""  # "通过举办…", "根据…": the sentence opens with an adverbial, not its subject
    for end in range(2, len(head) + 1):
        if is_unit(head[:end]):
            best = end
            for longer in range(end + 1, min(end + extend, len(head)) + 1):
                if is_unit(head[:longer]):
                    best = longer
            return head[:best]
    return ""
