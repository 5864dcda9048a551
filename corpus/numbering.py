"""Word's automatic numbering, as the reader sees it.

A regulation typed in Word often has its "第一条", "一、", "（一）" or "1." drawn by Word from the
document's list definitions (word/numbering.xml) rather than typed: the paragraph's text starts with
what follows the number. Without the number the outline finds no article or section, and an answer
cites none. `Numbering.label` gives each numbered paragraph its label, counted in body order as Word
counts it: a list's level advances, the levels below it start again, and "%1.%2" shows the levels'
counters in their own formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVEL_REF = re.compile(r"%([1-9])")
IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
STEMS = "甲乙丙丁戊己庚辛壬癸"


def _chinese(n: int, mode: str = "low") -> str:
    import cn2an  # ~0.1 s to import: only for a document that numbers in Chinese

    return str(cn2an.an2cn(n, mode))


def _roman(n: int) -> str:
    out = ""
    for value, numeral in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"),
        strict=True,
    ):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# Word's number formats (ST_NumberFormat) a Chinese document uses; any other is read as decimal.
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": str,
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, "up"),
    "ideographDigital": lambda n: "".join(IDEOGRAPH_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: STEMS[(n - 1) % 10],
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "bullet": lambda n: "",
    "none": lambda n: "",
}


@dataclass(frozen=True)
class Level:
    fmt: str  # a key of FORMATS
    text: str  # "第%1条", "（%2）", "%1.%2"
    start: int
    legal: bool  # w:isLgl: the other levels' counters shown as decimals
    space: bool  # a tab or space between the label and the text (w:suff), not "nothing"


def _val(el: Any, tag: str, default: str = "") -> str:
    child = el.find(f"{W}{tag}") if el is not None else None
    return default if child is None else child.get(f"{W}val", default)


def _level(lvl: Any) -> Level:
    return Level(
        _val(lvl, "numFmt", "decimal"),
        _val(lvl, "lvlText"),
        int(_val(lvl, "start", "1") or 1),
        lvl.find(f"{W}isLgl") is not None,
        _val(lvl, "suff", "tab") != "nothing",
    )


class Numbering:
    """The numbering definitions of one document, and the counters of its lists as read so far."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, Level]] = {}  # numId → ilvl → Level
        self.styles: dict[str, tuple[str, int]] = {}  # paragraph style id → (numId, ilvl)
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return  # no numbering part: nothing is numbered
        abstract = {
            a.get(f"{W}abstractNumId"): {int(lv.get(f"{W}ilvl", "0")): _level(lv) for lv in a.iter(f"{W}lvl")}
            for a in root.iter(f"{W}abstractNum")
        }
        for num in root.iter(f"{W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                start = _val(override, "startOverride")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                elif start and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, int(start), old.legal, old.space)
            self.levels[num.get(f"{W}numId")] = levels
        for style in document.styles.element.iter(f"{W}style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.styles[style.get(f"{W}styleId")] = (
                    _val(num_pr, "numId"),
                    int(_val(num_pr, "ilvl", "0")),
                )

    def label(self, paragraph: Any) -> str:
        """The label Word draws before this paragraph (a `w:p` element), "" when it has none; counted,
        so paragraphs must be given in body order, each once."""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), int(_val(num_pr, "ilvl", "0") or 0)
        else:
            style = _val(paragraph.find(f"{W}pPr"), "pStyle")
            num_id, ilvl = self.styles.get(style, ("", 0))
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""  # numId 0 (numbering switched off) or an undefined list
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        here = levels[ilvl]
        if here.fmt in ("bullet", "none"):
            return ""  # a bullet's glyph is a symbol font's character, not a number

        def shown(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k)
            n = counts.get(k, lvl.start if lvl else 1)
            fmt = "decimal" if here.legal and k != ilvl else (lvl.fmt if lvl else "decimal")
            return FORMATS.get(fmt, str)(n)

        text = LEVEL_REF.sub(shown, here.text)
        if text and here.space and re.search(r"[\w]$", text):
            text += " "  # "第一条 为了…"; none after "一、", "（一）", "1."
        return text
