"""Normalised lines → clauses with heading paths (pure; no I/O).

Outline markers, from outer to inner as Chinese documents usually nest them:
第X章, 一、, （一）, 1./1、, （1）, ①, plus 第X条 (an article is a clause) and 专栏N boxes.
Nesting is decided by a stack, not fixed levels: a marker kind already on the stack closes
everything below it, a new kind opens a level. So documents that skip levels still parse.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.cells import (
    CELL,
    DIGITS,
    FIGURE,
    HEADLINE_TARGET,
    INDICATOR_LINE,
    cjk_count,
    figures_row,
    filled,
    indicator_cells,
    indicator_header,
    numbered_from,
    row_run,
)
from corpus.model import Clause

CN_NUM = "一二三四五六七八九十百千零〇两"
# An article number as laws write it: 第一千二百一十五条, 第13条, and an inserted 第一百三十四条之一.
ARTICLE_NUMBER = rf"第[{CN_NUM}\d]+条(?:之[{CN_NUM}]+)?"
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A code's parts nest: 第一编 › 第一分编 › 第一章 › 第一节 (the Civil Code, the Criminal Law).
    ("part", re.compile(rf"^第[{CN_NUM}\d]+编")),
    ("subpart", re.compile(rf"^第[{CN_NUM}\d]+分编")),
    ("chapter", re.compile(rf"^第[{CN_NUM}\d]+章")),
    ("section", re.compile(rf"^第[{CN_NUM}\d]+节")),
    ("article", re.compile("^" + ARTICLE_NUMBER)),
    ("cn", re.compile(rf"^[{CN_NUM}]+[、，.．]")),
    ("paren_cn", re.compile(rf"^（[{CN_NUM}]+）")),
    ("num", re.compile(r"^\d{1,2}(?:[、]|\.(?!\d))")),
    ("paren_num", re.compile(r"^（\d{1,2}）")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("box", re.compile(r"^专栏\s*\d+")),
)
PREAMBLE = "（前言）"
TITLE_MAX = 30


@dataclass(frozen=True)
class Line:
    """A normalised line and where it starts in the document's normalised text."""

    text: str
    start: int


def marker_of(text: str) -> tuple[str, str] | None:
    """(kind, marker text) when the line opens with an outline marker."""
    for kind, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            return kind, m.group(0)
    return None


def split_heading(text: str, marker: str) -> tuple[str, bool]:
    """The heading label of a marked line, and whether the line carries body text too.

    "（二）合理确定社区规模。各类社区规模原则上…" → ("（二）合理确定社区规模", True);
    "一、总体要求" → ("一、总体要求", False).
    """
    rest = text[len(marker) :]
    m = re.search(r"[。；：:]", rest)
    if m is None:
        if len(rest) <= TITLE_MAX:
            return text.rstrip("。"), False
        return marker + rest[:18] + "…", True
    title, body = rest[: m.start()], rest[m.end() :].strip()
    if not body:
        return text.rstrip("。；：:"), False
    if len(title) <= TITLE_MAX:
        return marker + title, True
    return marker + rest[:18] + "…", True


def is_item_sentence(kind: str, rest: str) -> bool:
    """A numbered line with no separate body that is itself content, not a heading:
    "（一）每个社区配备专职网格员不少于7名。", "（3）对小区外道路两侧车辆乱停乱放进行整治；", an
    indicator table's line."""
    if INDICATOR_LINE.match(rest):
        return True
    if not rest.endswith(("。", "；", ";")):
        return False
    return kind in ("paren_num", "circled") or bool(re.search(r"\d", rest)) or len(rest) > 25


# A line a bullet glyph opens that holds a figure ("●经济增长6%左右") is a list item: content, never a table cell or
# header matter (a site's list of headlines, "•·习近平会见…", stays header matter).
BULLET_GLYPHS = "●•·◆◇▲△■□★☆▪▸►◎"
BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}].*\d")


# "5G用户普及率将达到56%" on a line of its own after a paragraph: a sentence saying a figure is reached, not a cell
STATED_FIGURE = re.compile(
    rf"(?:达到?|提高到|提升到|增至|降至|降到|下降到?|控制在|稳定在)\s*{DIGITS}\s*(?:%|‰|个百分点)$"
)


def _is_cell(text: str) -> bool:
    """A short line with no sentence punctuation: a flattened table cell (or a header line)."""
    return (
        len(text) <= 30
        and not re.search(r"[，。；：:,;]", text)
        and not marker_of(text)
        and not BULLET.match(text)
    )


@dataclass
class _Draft:
    path: tuple[str, ...]
    start: int
    end: int
    kind: str


def parse_outline(lines: Sequence[Line], skip: Sequence[str] = (), top: tuple[str, ...] = ()) -> list[_Draft]:
    """Cut lines into clause drafts carrying heading paths.

    `skip` holds lines that are not content (the document's title lines): they never
    become clauses. Before the first heading, short unpunctuated lines (issuer, date) are
    header matter and skipped too, unless six or more follow a paragraph (a table; `corpus.ingest.uncovered`
    lists the lines skipped). `top` heads every path (the part of a code: 合同编).
    """
    drafts = _parse(lines, skip)
    if top:
        for d in drafts:
            d.path = top + tuple(p for p in d.path if p != PREAMBLE)
    return drafts


def _parse(lines: Sequence[Line], skip: Sequence[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    stack: list[tuple[str, str]] = []  # (kind, label)
    items: set[int] = set()  # stack depths holding a list item that is content, not a heading
    last_item_kind = ""
    seen_heading = False
    skip_set = set(skip)
    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        end = ln.start + len(text)
        rows = row_run(lines, i) if CELL in text else []
        if len(rows) >= 2:
            # a table with its header row: the header a clause of its own, each row one clause
            path = tuple(lbl for _, lbl in stack) or (PREAMBLE,)
            # caption and unit lines set out as rows of one filled cell ("| 单位：个 | |||") are text
            head = 0
            while head < len(rows) - 2 and filled(rows[head].text) <= 1:
                head += 1
            for k, row in enumerate(rows):
                kind = "text" if k < head else "table_row"
                kind = "table_header" if k == head and not figures_row(row.text) else kind
                drafts.append(_Draft(path, row.start, row.start + len(row.text), kind))
            i += len(rows)
            continue
        mk = marker_of(text)
        if (
            mk is not None
            and mk[0] == "num"
            and (n := indicator_cells(lines, i, lambda t: marker_of(t) is not None))
        ):
            # a plan's indicator table set out a cell per line: the numbered name ("1.") and its cells are one row
            path = tuple(lbl for _, lbl in stack) or (PREAMBLE,)
            last = lines[i + n]
            drafts.append(_Draft(path, ln.start, last.start + len(last.text), "table_row"))
            i += n + 1
            continue
        if mk is not None:
            kind, marker = mk
            label, has_body = split_heading(text, marker)
            kinds = [k for k, _ in stack]
            if kind in kinds:
                del stack[kinds.index(kind) :]
            elif kind == "box":  # a box closes the numbered items before it, like a sibling
                while stack and stack[-1][0] in ("num", "paren_num", "circled"):
                    stack.pop()
            items = {d for d in items if d < len(stack)}
            seen_heading = True
            is_item = False
            if kind == "article":  # 第X条: the label is the number; the text is the clause
                label, has_body = marker, True
            elif not has_body and (
                is_item_sentence(kind, text[len(marker) :])
                or _childless(lines, i, [k for k, _ in stack])
                or (
                    kind == last_item_kind
                    and text.endswith(("。", "；"))
                    and not _opens_level(lines, i, [k for k, _ in stack])
                )
            ):
                # The last item of a list ("（二）调解纠纷。") is an item like its siblings, even when a
                # paragraph follows it.
                has_body = is_item = True
            elif not has_body and HEADLINE_TARGET.match(text[len(marker) :]):
                # a heading stating a target: a provision too, and still the heading of what follows
                has_body = True
            last_item_kind = kind if is_item else last_item_kind
            stack.append((kind, label))
            if is_item:
                items.add(len(stack) - 1)
            if has_body:
                drafts.append(_Draft(tuple(lbl for _, lbl in stack), ln.start, end, "text"))
            i += 1
            continue
        if not seen_heading and _is_cell(text) and indicator_header(head_cells := _cell_run(lines, i)):
            # an indicator table's header set out a cell per line ("指 标", "2020年", "2025年", "属性")
            path = tuple(lbl for _, lbl in stack) or (PREAMBLE,)
            n = len(head_cells)
            last = lines[i + n - 1]
            drafts.append(_Draft(path, ln.start, last.start + len(last.text), "table_header"))
            i += n
            continue
        # short lines in a document without headings are its header or signature (title, issuer, date),
        # unless a paragraph came first and they run on as a table (six or more: one cell or row per line) or
        # head a table of cells (its caption)
        if text in skip_set or (
            not seen_heading
            and _is_cell(text)
            and not (drafts and (_tabular(lines, i) or STATED_FIGURE.search(text)))
        ):
            i += 1
            continue
        if stack and len(stack) - 1 in items:
            # A paragraph after a list of item sentences ("（一）…；（二）…。") is the next paragraph
            # (款) of the enclosing provision, not part of the last item.
            stack.pop()
            items.discard(len(stack))
        run = _cell_run(lines, i)
        if len(run) >= 6:
            drafts.extend(_table(run, tuple(lbl for _, lbl in stack) or (PREAMBLE,)))
            i += len(run)
            continue
        path = tuple(lbl for _, lbl in stack) or (PREAMBLE,)
        drafts.append(_Draft(path, ln.start, end, "text"))
        i += 1
    return drafts


def _childless(lines: Sequence[Line], i: int, open_kinds: Sequence[str]) -> bool:
    """A marked line that nothing nests under is an item, not a heading: the next line is a sibling
    or closes an outer level, or there is no next line. ("（一）制定本市物业管理相关政策；" in a list.)"""
    if lines[i].text.endswith(("；", ";")):
        return True
    if i + 1 >= len(lines):
        return True
    nxt = marker_of(lines[i + 1].text)
    own = marker_of(lines[i].text)
    return nxt is not None and own is not None and (nxt[0] == own[0] or nxt[0] in open_kinds)


def _opens_level(lines: Sequence[Line], i: int, open_kinds: Sequence[str]) -> bool:
    """The next line opens a deeper level under line i (a marker kind not yet open)."""
    nxt = marker_of(lines[i + 1].text) if i + 1 < len(lines) else None
    own = marker_of(lines[i].text)
    return nxt is not None and own is not None and nxt[0] != own[0] and nxt[0] not in open_kinds


def _cell_run(lines: Sequence[Line], i: int) -> list[Line]:
    """Short lines from line i, one cell (or a row of a table set out one row per line) each: up to a row of cells."""
    run: list[Line] = []
    while i < len(lines) and _is_cell(lines[i].text) and CELL not in lines[i].text:
        run.append(lines[i])
        i += 1
    return run


def _tabular(lines: Sequence[Line], i: int) -> bool:
    """Line i starts a table of flattened cells (six or more) or the caption of a table of cells."""
    run = _cell_run(lines, i)
    after = i + len(run)
    return len(run) >= 6 or (after < len(lines) and len(row_run(lines, after)) >= 2)


def _table(run: list[Line], path: tuple[str, ...]) -> list[_Draft]:
    """Flattened table cells → one clause per row; a row starts at a cell with ≥4 Chinese characters, or, in a
    series (three years in a row among the cells), at a cell of words after a figure ("床位数" after "… 2013").

    The first row (caption and column headers) becomes the path of the others and a clause of its own.
    """
    rows: list[list[Line]] = []
    numbered = numbered_from(run)
    years = [bool(re.fullmatch(r"(?:19|20)\d\d年?", ln.text)) for ln in run]
    series = any(all(years[k : k + 3]) for k in range(len(run) - 2))  # three years in a row: a series
    for k, ln in enumerate(run):
        if numbered is not None:
            # a row per line, 序号 first ("2河北1816全部开工"); the lines above them the header
            if k >= numbered or not rows:
                rows.append([ln])
            else:
                rows[0].append(ln)
        elif (
            not rows
            or (cjk_count(ln.text) >= 4 and len(rows[-1]) > 1)
            or (series and FIGURE.fullmatch(run[k - 1].text) and not FIGURE.fullmatch(ln.text))
        ):
            rows.append([ln])
        else:
            rows[-1].append(ln)
    caption = rows[0][0].text
    out = [
        _Draft(path + (caption,), rows[0][0].start, rows[0][-1].start + len(rows[0][-1].text), "table_header")
    ]
    for row in rows[1:]:
        out.append(_Draft(path + (caption,), row[0].start, row[-1].start + len(row[-1].text), "table_row"))
    return out


def split_long(start: int, text: str, max_chars: int) -> list[tuple[int, int]]:
    """Bounded passages of an overlong clause, cut at sentence ends (。；！？) outside brackets.

    A cut never falls inside （…）, so "（牵头单位：…；责任单位：…）" stays with its sentence,
    and a short tail (< max/4) joins the passage before it. Offsets are relative to the doc.
    """
    if len(text) <= max_chars:
        return [(start, start + len(text))]
    cuts, depth = [], 0
    for i, ch in enumerate(text):
        depth += ch in "（(〔﹝【" and 1 or 0
        depth -= ch in "）)〕﹞】" and 1 or 0
        depth = max(depth, 0)
        if ch in "。；！？" and depth == 0 and i + 1 < len(text):
            cuts.append(i + 1)
    spans: list[tuple[int, int]] = []
    begin = 0
    last_cut = 0
    for cut in [*cuts, len(text)]:
        if cut - begin > max_chars and last_cut > begin:
            spans.append((begin, last_cut))
            begin = last_cut
        last_cut = cut
    spans.append((begin, len(text)))
    if len(spans) > 1 and spans[-1][1] - spans[-1][0] < max_chars // 4:
        spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return [(start + s, start + e) for s, e in spans]


def build_clauses(
    doc_id: str, text: str, src: Sequence[int], drafts: Sequence[_Draft], max_chars: int
) -> tuple[Clause, ...]:
    """Drafts → Clause objects with content-derived ids and source offsets."""
    clauses: list[Clause] = []
    used: set[str] = set()
    for d in drafts:
        for s, e in split_long(d.start, text[d.start : d.end], max_chars):
            body = text[s:e].replace("\n", " ").strip()
            if not body:
                continue
            digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:8]
            cid, n = f"{doc_id}:{digest}", 1
            while cid in used:
                n += 1
                cid = f"{doc_id}:{digest}-{n}"
            used.add(cid)
            orig_end = src[e - 1] + 1 if e > s else src[s]
            clauses.append(
                Clause(cid, doc_id, d.path, text[s:e].replace("\n", " "), s, e, src[s], orig_end, d.kind)
            )
    return tuple(clauses)


ARTICLE = re.compile("^" + ARTICLE_NUMBER)
