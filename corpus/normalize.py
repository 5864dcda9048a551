"""Pure text normalisation that keeps a map back to the source characters.

Every function here takes a `Mapped` text (characters plus, for each, its index in the source)
and returns a new one, so a clause found in normalised text can be highlighted in the original.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus.choice import Choice

RULES = Path(__file__).parent / "rules"
CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
# Characters between which whitespace is never meaningful in Chinese text.
_TIGHT = f"{CJK}，。、；：？！“”‘’（）《》〈〉【】〔〕﹝﹞—…·"


class Script(Choice):
    """Which conversion a document needs. Parse errors list the valid values."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"


@dataclass(frozen=True)
class Mapped:
    """Text plus, per character, the index of the source character it came from."""

    text: str
    src: tuple[int, ...]

    @classmethod
    def of(cls, text: str, offset: int = 0) -> Mapped:
        return cls(text, tuple(range(offset, offset + len(text))))


@cache
def _converter(config: str) -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC(config).convert


@cache
def domain_terms() -> dict[str, dict[str, str]]:
    """The editable table of conversions OpenCC cannot know, per script (rules/domain_terms.toml)."""
    return tomllib.loads((RULES / "domain_terms.toml").read_text(encoding="utf-8"))


def detect_script(text: str) -> Script:
    """Simplified, traditional, or traditional with Taiwan phrasing (needs tw2sp).

    Traditional when more than 2% of CJK characters change under t2s; Taiwan-style when words
    only Taiwan writes occur (透過, 資訊, 網路, 專案: rules/domain_terms.toml `taiwan_markers`). Not
    when tw2sp merely changes more than t2s: its phrases rewrite mainland words a mainland page in
    traditional characters uses too (新增 → 添加, 建立 → 创建, 指標 → 指针, 蚌埠 → 蚌端口)."""
    sample = text[:60000]
    n_cjk = len(_CJK_RE.findall(sample))
    if n_cjk == 0:
        return Script.SIMPLIFIED
    t2s = _converter("t2s")(sample)
    changed = sum(1 for a, b in zip(sample, t2s, strict=False) if a != b)
    if changed / n_cjk < 0.02:
        return Script.SIMPLIFIED
    markers = sum(t2s.count(k) for k in domain_terms().get("taiwan_markers", {}).get("words", []))
    return Script.TAIWAN if markers >= 3 else Script.TRADITIONAL


def convert_script(m: Mapped, script: Script) -> Mapped:
    """Traditional → simplified (phrase-aware for Taiwan text), then the domain table."""
    if script is Script.SIMPLIFIED:
        return m
    config = "tw2sp" if script is Script.TAIWAN else "t2s"
    out = _convert_mapped(m, _converter(config))
    for old, new in domain_terms().get(script.value, {}).items():
        out = replace_mapped(out, old, new)
    return out


def _convert_mapped(m: Mapped, convert: Callable[[str], str]) -> Mapped:
    """Apply a converter piecewise; pieces whose length changes map proportionally."""
    pieces = re.split(r"([，。、；：,.;:！？!?\s])", m.text)
    text: list[str] = []
    src: list[int] = []
    pos = 0
    for piece in pieces:
        if not piece:
            continue
        conv = convert(piece)
        span = m.src[pos : pos + len(piece)]
        text.append(conv)
        src.extend(_stretch(span, len(conv)))
        pos += len(piece)
    return Mapped("".join(text), tuple(src))


def _stretch(span: tuple[int, ...], n: int) -> list[int]:
    if len(span) == n:
        return list(span)
    return [span[min(len(span) - 1, i * len(span) // max(n, 1))] for i in range(n)]


def replace_mapped(m: Mapped, old: str, new: str) -> Mapped:
    """str.replace that keeps the source map."""
    return sub_mapped(m, re.escape(old), new) if old in m.text else m


def sub_mapped(m: Mapped, pattern: str, new: str) -> Mapped:
    """re.sub with a fixed replacement that keeps the source map (the replacement spans its match's source)."""
    text: list[str] = []
    src: list[int] = []
    hits = list(re.finditer(pattern, m.text))
    if not hits:
        return m
    i = 0
    for hit in hits:
        text.append(m.text[i : hit.start()])
        src.extend(m.src[i : hit.start()])
        text.append(new)
        src.extend(_stretch(m.src[hit.start() : hit.end()], len(new)))
        i = hit.end()
    text.append(m.text[i:])
    src.extend(m.src[i:])
    return Mapped("".join(text), tuple(src))


# Full-width ASCII (digits, letters, ％, ．) → half-width; brackets unified to full-width.
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)}
_WIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)}
_WIDTH |= {
    "％": "%",
    "．": ".",
    "＋": "+",
    "－": "-",
    "／": "/",
    "＜": "<",
    "＞": ">",
    "＝": "=",
    "(": "（",
    ")": "）",
}
_CN_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def unify_width(m: Mapped) -> Mapped:
    """Digits/letters half-width, brackets full-width, ASCII ,;:?! after Chinese → Chinese punctuation."""
    chars = [_WIDTH.get(ch, ch) for ch in m.text]
    tight = re.compile(f"[{_TIGHT}]")
    for i, ch in enumerate(chars):
        if ch not in _CN_PUNCT:
            continue
        prev = chars[i - 1] if i > 0 else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if prev.isdigit() and nxt.isdigit():  # 12:00, 1,000
            continue
        if (prev and tight.match(prev)) or (nxt and tight.match(nxt)):
            chars[i] = _CN_PUNCT[ch]
    return Mapped("".join(chars), m.src)


def collapse_space(m: Mapped) -> Mapped:
    """Strip the line; drop whitespace between Chinese characters; other runs become one space."""
    text, src = m.text, m.src
    keep_t: list[str] = []
    keep_s: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch in "\u200b\ufeff":
            j = i
            while j < n and (text[j].isspace() or text[j] in "\u200b\ufeff"):
                j += 1
            prev = keep_t[-1] if keep_t else ""
            nxt = text[j] if j < n else ""
            tight = (not prev or not nxt) or (re.match(f"[{_TIGHT}]", prev) or re.match(f"[{_TIGHT}]", nxt))
            if not tight:
                keep_t.append(" ")
                keep_s.append(src[i])
            i = j
            continue
        keep_t.append(ch)
        keep_s.append(src[i])
        i += 1
    return Mapped("".join(keep_t), tuple(keep_s))


def nfkc_for_match(text: str) -> str:
    """The comparison form used by eval and citation checks: NFKC, unified punctuation, no spaces."""
    t = unicodedata.normalize("NFKC", text)
    t = t.translate(_MATCH_TABLE)
    return re.sub(r"\s+", "", t)


_MATCH_TABLE = str.maketrans(
    {
        "〔": "(",
        "〕": ")",
        "﹝": "(",
        "﹞": ")",
        "［": "(",
        "］": ")",
        "【": "(",
        "】": ")",
        "[": "(",
        "]": ")",
        "，": ",",
        "、": ",",
        "；": ";",
        "：": ":",
        "。": ".",
        "“": '"',
        "”": '"',
        "「": '"',
        "」": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "－": "-",
        "～": "~",
        "\u3000": "",
        "\xa0": "",
        "|": "",  # a table's cell border (`corpus.cells.CELL`) is not a word of it
    }
)


def delete_mapped(m: Mapped, pattern: str) -> Mapped:
    """Remove every match of a regex, keeping the source map."""
    keep = [True] * len(m.text)
    for hit in re.finditer(pattern, m.text):
        for i in range(hit.start(), hit.end()):
            keep[i] = False
    if all(keep):
        return m
    return Mapped(
        "".join(c for c, k in zip(m.text, keep, strict=True) if k),
        tuple(s for s, k in zip(m.src, keep, strict=True) if k),
    )


def normalize_query(text: str) -> str:
    """A user's question in the documents' form: simplified (phrase-aware when Taiwan-styled), unified widths."""
    m = Mapped.of(text.strip())
    script = detect_script(text)
    if script is Script.SIMPLIFIED and _converter("t2s")(text) != text:
        script = Script.TRADITIONAL  # short questions fall under the detector's ratio threshold
    return collapse_space(unify_width(convert_script(m, script))).text
