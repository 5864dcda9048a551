"""Source text → clean normalised lines, with what was dropped and why."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from corpus.cells import CELL, SPACES, UNIT_ALONE, cell_per_line_rows, spaced_table_lines
from corpus.normalize import (
    RULES,
    Mapped,
    Script,
    collapse_space,
    convert_script,
    delete_mapped,
    sub_mapped,
    unify_width,
)

MARKDOWN_MARKUP = r"^#{1,6}\s*|\*\*|__|^>\s+"
INLINE_TAG = r"</?[a-zA-Z][^<>]*>"
# A tag broken over lines ("<span\nclass=…>五、…"): its line breaks become spaces (same length, so
# offsets hold) and the tag goes with the line's other markup.
SPLIT_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,300}(?:\r?\n[^<>\n]{0,300}){1,5}>")


@dataclass(frozen=True)
class ClutterRule:
    name: str
    pattern: re.Pattern[str]
    continues: bool = False  # also drop the short unpunctuated lines that follow
    # the line says something about the document (when it was printed): read for metadata
    metadata: bool = False
    # every line after it is dropped too: what follows is not the document (readers' comments)
    rest: bool = False


@cache
def clutter_rules() -> tuple[ClutterRule, ...]:
    """The editable clutter rules (rules/clutter.toml)."""
    data = tomllib.loads((RULES / "clutter.toml").read_text(encoding="utf-8"))
    return tuple(
        ClutterRule(
            r["name"],
            re.compile(r["pattern"]),
            r.get("continues", False),
            r.get("metadata", False),
            r.get("rest", False),
        )
        for r in data["rule"]
    )


def furniture(text: str) -> bool:
    """A normalised line a clutter rule drops that says nothing about the document either (a page's
    navigation, a site's section label, a sidebar's heading): never its title."""
    return any(r.pattern.search(text) for r in clutter_rules() if not r.metadata)


@dataclass(frozen=True)
class CleanText:
    """Kept lines (normalised, each mapped to the source) and the dropped ones as 'rule: line'."""

    lines: tuple[Mapped, ...]
    dropped: tuple[str, ...]

    def joined(self) -> Mapped:
        """All kept lines joined by newlines; each newline maps to the end of its line."""
        text: list[str] = []
        src: list[int] = []
        for i, ln in enumerate(self.lines):
            if i:
                text.append("\n")
                src.append(src[-1] + 1 if src else 0)
            text.append(ln.text)
            src.extend(ln.src)
        return Mapped("".join(text), tuple(src))


# Control characters are no text: a PDF whose font maps each character to two bytes gives "\x00第\x00一…".
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
# A page's ruby annotations copied as text: "關(guān)于印發(fā)" — a character's pinyin with its tone mark, in brackets
# after it. Not a word of the text ("（mg/L）", "（PM2.5）" carry no tone mark and stay).
TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
RUBY = rf"(?<=[\u4e00-\u9fff])[（(](?=[a-zü]*[{TONE}])[a-zü{TONE}]{{1,7}} ?[）)]"
# The same without tone marks ("托(tuo)育服务需(xu)求"): a syllable of pinyin in brackets after a character, dropped
# only where a line holds two or more (one could be a bracketed word of the text).
SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v|ü)"
)
PLAIN_RUBY = rf"(?<=[\u4e00-\u9fff])[（(]{SYLLABLE} ?[）)]"


# A figure whose thousands are parted by a space ("幼儿园项目1 122个", "在2 083所农村小学"): the space is no word break.
# Only after a Chinese character and before three digits that end the figure, so that a row's cells ("3 100 95%")
# and a date ("2020 年") keep theirs.
DIGIT_GROUP_SPACE = "|".join(
    rf"(?<=[\u4e00-\u9fff]{d}) (?=\d{{3}}(?![\d.\s]))" for d in (r"\d", r"\d\d", r"\d\d\d")
)


def normalize_line(line: Mapped, script: Script) -> Mapped:
    """One source line → without control characters or ruby pinyin, simplified, width-unified, whitespace-collapsed."""
    plain = ("(" in line.text or "（" in line.text) and len(re.findall(PLAIN_RUBY, line.text)) >= 2
    ruby = f"{RUBY}|{PLAIN_RUBY}" if plain else RUBY
    collapsed = collapse_space(unify_width(convert_script(delete_mapped(line, f"{CONTROL}|{ruby}"), script)))
    return delete_mapped(collapsed, DIGIT_GROUP_SPACE)


def strip_markup(line: Mapped) -> Mapped:
    """Drop inline HTML tags and Markdown markers (#, **, >) from a normalised line. Tags are removed
    until none is left, so a tag hidden inside another ("<im<b>g onerror=…>") cannot reassemble."""
    while (stripped := delete_mapped(line, INLINE_TAG)) is not line:
        line = stripped
    return collapse_space(delete_mapped(line, MARKDOWN_MARKUP))


def clean(source: str, script: Script) -> CleanText:
    """Normalise every line of `source`, dropping clutter and blank lines."""
    kept: list[Mapped] = []
    dropped: list[str] = []
    rules = clutter_rules()
    offset = 0
    continuing: ClutterRule | None = None
    rest: ClutterRule | None = None
    source = SPLIT_TAG.sub(lambda m: m.group().replace("\r", " ").replace("\n", " "), source)
    raws = source.splitlines(keepends=True)
    table = spaced_table_lines([raw.rstrip("\r\n") for raw in raws])
    for k, raw in enumerate(raws):
        body = Mapped.of(raw.rstrip("\r\n"), offset)
        line = normalize_line(sub_mapped(body, SPACES, f" {CELL} ") if k in table else body, script)
        offset += len(raw)
        if not line.text:
            continue
        rule = rest or next((r for r in rules if r.pattern.search(line.text)), None)
        rest = rule if rule is not None and rule.rest else None
        if (
            rule is None
            and continuing is not None
            and len(line.text) <= 30
            and not re.search(r"[，。；：]", line.text)
        ):
            rule = continuing
        continuing = rule if rule is not None and rule.continues else None
        if rule is not None:
            dropped.append(f"{rule.name}: {line.text[:120]}")
            continue
        line = strip_markup(line)
        if line.text and re.search(r"\w", line.text):
            kept.append(line)
    return CleanText(tuple(kept), tuple(dropped))


def table_rows_joined(lines: Sequence[Mapped]) -> tuple[Mapped, ...]:
    """A table set out a cell per line (`cells.cell_per_line_rows`) as one line per row, its cells parted by CELL
    (as a .docx table's are); the border maps to the line break before the cell."""
    rows = {r[0]: r for r in cell_per_line_rows(lines)}
    out: list[Mapped] = []
    k = 0
    while k < len(lines):
        row = rows.get(k)
        if row is None:
            out.append(lines[k])
            k += 1
            continue
        text, src = lines[row[0]].text, list(lines[row[0]].src)
        for j in row[1:]:
            border = f" {CELL} " if not UNIT_ALONE.fullmatch(lines[j].text) else ""
            text += border + lines[j].text
            src += [src[-1]] * len(border) + list(lines[j].src)
        out.append(Mapped(text, tuple(src)))
        k = row[-1] + 1
    return tuple(out)
