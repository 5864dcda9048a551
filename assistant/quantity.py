"""Quantities as documents write them: 5人, 三分之二以上, 百分之五十, 十五日内, 二倍以上五倍以下, 300—500平方米.

Each is found with its verbatim text (for display and citation) and parsed into a number, a unit,
a comparator and a kind. Chinese numerals go through `cn2an`; fractions and percentages are read
here (cn2an does not take them). Units, comparators and kinds: rules/quantity.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus.cells import DIGITS

RULES = Path(__file__).parent / "rules" / "quantity.toml"
CN = "零〇一二两三四五六七八九十百千万亿"
# "1万3432元" is 13432元: ten thousands and the rest, as speech writes a figure
NUMBER = rf"(?:\d+万\d{{1,4}}(?![\d.])|{DIGITS}|[{CN}]+(?:点[{CN}]+)?)"  # DIGITS: 1,400 as tables write it
MULTIPLIERS = ("万亿", "万", "亿")  # written between a figure and its unit: 10.8万部, 1.16亿平方米, 1.3万亿斤
# a scaled unit saying "and more": 1万余户 is more than 1万户
APPROX_SCALED = re.compile(r"(?<=[万亿])[余多]")
UNITS_ALONE = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10000.0, "半": 0.5}
# 三成以上, 七成: tenths ("成员", "成为", "一成不变", "建成" are words)
TENTHS = r"[两二三四五六七八九]成(?![员为立果本效功熟绩不就型长年])"
FRACTION = rf"(?:[{CN}]+分之[{CN}]+(?:点[{CN}]+)?|\d+/\d+|百分之{NUMBER}|{TENTHS})"  # 万分之九点三
# A ratio of two figures, as plans write 医护比 or 师生比: 1:1.2, 1∶10 (after 比, never a time of day).
_FIGURE = r"\d+(?:\.\d+)?"
RATIO = rf"{_FIGURE}\s*[:：∶]\s*{_FIGURE}"
RATIO_PARTS = re.compile(rf"({_FIGURE})\s*[:：∶]\s*({_FIGURE})")  # the same, its two figures held
RATIO_AFTER = re.compile(r"比(?:例)?(?:为|达到?|不低于|不高于|不超过|控制在)?\s*$")
# A time of day: 中午12:00前, 每日8时至18时 (时间, 时限, 时段 are words, not an hour).
CLOCK = re.compile(r"\d{1,2}[:：]\d{2}(?!\d)|(?<!\d)\d{1,2}时(?![间期限效段候])")


def _ratio_alone(parts: re.Match[str]) -> bool:
    """A ratio read without 比 just before it: so many to one ("生师比从…的23.4:1降低到…13.3:1"), which no time of
    day (its minutes take two digits) and no map's scale (1:500) is."""
    return parts.group(2) == "1" and parts.group(1) != "1"


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text: verbatim, and parsed."""

    text: str  # as written, comparator included: "三分之二以上"
    start: int
    end: int
    value: float | None  # normalised number (fractions as ratios: 三分之二 → 0.667, 50% → 0.5)
    high: float | None  # upper end of a range
    unit: str  # "人", "日", "%", "ratio", "平方米" … ("" when none)
    comparator: str  # "≥", "≤", ">", "<", "=" or ""
    kind: str  # count | area | money | time_limit | threshold | rate | frequency | other


@dataclass(frozen=True)
class QuantityRules:
    pattern: re.Pattern[str]
    comparators: dict[str, str]
    unit_kinds: dict[str, str]


@cache
def _data() -> dict:
    return tomllib.loads(RULES.read_text(encoding="utf-8"))


@cache
def comparator_words() -> str:
    """The comparator words before a figure (rules/quantity.toml) as one regex alternation, longest
    first. 满 after 届 or 期 ends a term ("期满三十日前"): it compares nothing; 超 compares only right before a figure
    ("超4.8万个", not 超出)."""
    before = sorted(_data()["comparators_before"], key=len, reverse=True)
    special = {"满": "(?<![届期])满", "超": "超(?=[\\d一二三四五六七八九十两百千万])"}
    return "|".join(special.get(w, re.escape(w)) for w in before)


@cache
def rules() -> QuantityRules:
    data = _data()
    kinds = dict(data["unit_kinds"])
    # a count, an area, a length, a weight, an amount or hours in ten thousands or hundred millions: 10.8万部,
    # 29.6万公里, 1.16亿平方米, 1亿人, 4.2亿小时 (the listed 万元, 万户… keep their own kinds)
    # and about so many: 1万余户, 2亿多元, 3万多人 (a floor, as 300余户 is: `APPROX_SCALED`)
    scaled = {
        m + a + u: k
        for u, k in kinds.items()
        for m in MULTIPLIERS
        for a in ("", *data["approximate"])
        if (
            k in ("count", "area", "volume", "distance", "weight", "money", "capacity")
            or u in ("小时", "分钟")
        )
        and not u.startswith(MULTIPLIERS)
    }
    kinds = {**scaled, **kinds}
    units = sorted({*data["units"], *scaled}, key=len, reverse=True)
    unit = "(?:" + "|".join(map(re.escape, units)) + ")"
    after = sorted(data["comparators_after"], key=len, reverse=True)
    pre = f"(?:{comparator_words()})"
    post = "(?:" + "|".join(map(re.escape, after)) + ")"
    one = rf"(?:{RATIO}|{FRACTION}|{NUMBER}\s*(?:%|％|‰)?)"
    rng = rf"{one}(?:\s*{unit}?\s*(?:{post})?\s*(?:至|到|-|—|－|～|~)\s*{one})?"
    words = "|".join(map(re.escape, data["word_values"]))
    approx = "|".join(map(re.escape, data["approximate"]))
    pattern = re.compile(
        rf"(?P<every>每)?(?P<pre>{pre})?\s*(?:(?P<num>{rng})\s*(?:(?P<approx>{approx})(?={unit}))?"
        rf"\s*(?P<unit>{unit})?|(?P<word>{words}))\s*(?P<post>{post})?"
    )
    comparators = {**data["comparator_signs"]}
    return QuantityRules(pattern, comparators, kinds)


def parse_number(text: str) -> float | None:
    """'三分之二' → 0.667, '百分之五十' → 0.5, '50%' → 0.5, '2/3' → 0.667, '十五' → 15, '1.5' → 1.5."""
    t = text.strip().replace("％", "%")
    if re.fullmatch(TENTHS, t):
        v = parse_number(t[0])
        return None if v is None else v / 10
    m = re.fullmatch(r"百分之(.+)", t)
    if m:
        v = parse_number(m.group(1))
        return None if v is None else v / 100
    m = re.fullmatch(r"(.+)分之(.+)", t)
    if m:
        den, num = parse_number(m.group(1)), parse_number(m.group(2))
        return None if not den or num is None else num / den
    m = RATIO_PARTS.fullmatch(t)
    if m:  # a ratio a:b as the share a/b
        return float(m.group(1)) / float(m.group(2)) if float(m.group(2)) else None
    m = re.fullmatch(r"(\d+)/(\d+)", t)
    if m:
        return int(m.group(1)) / int(m.group(2)) if int(m.group(2)) else None
    if t.endswith("‰"):  # per mille: 婴儿死亡率4.5‰
        v = parse_number(t[:-1])
        return None if v is None else v / 1000
    if t.endswith("%"):
        v = parse_number(t[:-1])
        return None if v is None else v / 100
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if m := re.fullmatch(r"(\d+)万(\d{1,4})", t):
        return int(m.group(1)) * 10000 + float(m.group(2))
    if t in UNITS_ALONE:
        return UNITS_ALONE[t]
    if re.fullmatch(rf"[{CN}]+(?:点[{CN}]+)?", t):
        import cn2an

        try:
            return float(cn2an.cn2an(t, "smart"))
        except (ValueError, KeyError, IndexError):
            return None
    return None


def _range(num: str) -> tuple[float | None, float | None]:
    if RATIO_PARTS.fullmatch(num.strip()):
        return parse_number(num), None
    parts = re.split(r"\s*(?:至|到|-|—|－|～|~)\s*", num)
    lo = parse_number(re.sub(r"[^\d.%‰/分之百成" + CN + "点]", "", parts[0])) if parts else None
    hi = parse_number(re.sub(r"[^\d.%‰/分之百成" + CN + "点]", "", parts[-1])) if len(parts) > 1 else None
    return lo, hi


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right. Bare Chinese numerals without a unit, comparator or
    fraction form ("一", "十") are words, not quantities, and are skipped."""
    r = rules()
    out: list[Quantity] = []
    clocks = [c.span() for c in CLOCK.finditer(text)]
    for m in r.pattern.finditer(text):
        num, unit, word = m.group("num"), m.group("unit") or "", m.group("word")
        end = m.end()
        word_sign = ""
        pre, post = m.group("pre") or "", m.group("post") or ""
        if num is None and word is None:
            continue
        if unit == "月" and not (pre or post) and re.fullmatch(r"\d{1,2}", (num or "").strip()):
            continue  # "每年3月，10月两次": a month of the calendar, when, not how long (months: 3个月)
        parts = RATIO_PARTS.fullmatch(num.strip()) if num is not None else None
        ratio = parts is not None
        if parts and not RATIO_AFTER.search(text[: m.start("num")]) and not _ratio_alone(parts):
            continue  # 12:30 without 比 before it is no ratio, nor a map's scale (1:500)
        if not ratio and num is not None and any(s <= m.start("num") < e for s, e in clocks):
            continue  # a time of day (中午12:00前) is when, not how much
        if num is not None:
            is_fraction = ratio or bool(re.search(r"分之|%|％|‰|/|成", num))
            if not unit and not is_fraction and not (pre or post) and not re.search(r"\d", num):
                continue
            if not unit and not is_fraction and not re.search(r"\d", num) and not post:
                continue
            if re.fullmatch(rf"[{CN}]", num) and not unit:
                continue
            lo, hi = _range(num)
            if lo is None:
                continue
            if unit and unit != "倍" and re.search(r"分之|%|％|‰", re.split(r"至|到|-|—|－|～|~", num)[-1]):
                # "按日工资收入的300%支付", "百分之六十支付": a share takes no counter; the character after it
                # opens the next word (支付)
                end, unit, post = m.end("num"), "", ""
            if is_fraction:
                unit = unit or "ratio"
        else:
            value, unit, word_sign = _data()["word_value"][word]
            lo, hi = float(value), None
        sign = (
            r.comparators.get(pre, "")
            or r.comparators.get(post, "")
            or (">" if m.group("approx") or APPROX_SCALED.search(unit) else "")
            or ("=" if num else word_sign)
        )
        kind = r.unit_kinds.get(unit, "other")
        unit = APPROX_SCALED.sub("", unit)  # 1万余户: 万户, its comparator saying more
        if m.group("every"):
            kind = "frequency" if unit in ("年", "月", "周", "季度", "日", "天") else kind
        out.append(Quantity(text[m.start() : end].strip(), m.start(), end, lo, hi, unit, sign, kind))
    return _years_and_months(out)


def _years_and_months(found: list[Quantity]) -> list[Quantity]:
    """ "一年零三个月", "2年6个月": one duration, in months, not a year and a stray number of months."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.unit == "年"
            and not last.text.startswith("每")  # "每两年不少于两个月": how often, then how long
            and q.unit == "个月"
            and re.match(rf"[\d{CN}]", q.text) is not None
            and last.end == q.start
            and last.value is not None
            and last.value < 100
            and last.high is None
            and q.value is not None
            and q.value < 12
        ):
            text = last.text + q.text
            months = last.value * 12 + q.value
            sign = q.comparator if q.comparator not in ("", "=") else last.comparator
            out[-1] = Quantity(text, last.start, q.end, months, None, "个月", sign, q.kind)
            continue
        out.append(q)
    return out


def has_quantity(text: str, kinds: tuple[str, ...] = ()) -> bool:
    """True when the text states a quantity (of one of `kinds`, when given)."""
    return any(not kinds or q.kind in kinds for q in find_quantities(text))
