"""Tables as text gives them: a row's cells parted by CELL, rows one per line, a plan's indicator lines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class _Texted(Protocol):
    @property
    def text(self) -> str: ...


L = TypeVar("L", bound=_Texted)


# a figure as tables write it: 18, 12.3, and with its thousands separated (1,400, 534,602.6)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# A line of an indicator table set out as lines of text, as a PDF's text gives it: its unit in brackets
# after its name, its target last, the target's sign before it and the indicator's kind after it
# ("1.残疾人家庭人均收入年均增长（%） >7.5 预期性"). A row of the table, never a heading.
INDICATOR_LINE = re.compile(
    r"^(?:\d{1,2}[.．、]\s*)?(?P<name>[^，。；：,;:]{2,60}?)\s*[（(](?P<unit>[^（）()\d]{1,8})[）)]\s*"
    rf"(?P<sign>[><≥≤]=?)?\s*(?P<value>{DIGITS})\s*(?:预期性|约束性)?$"
)

# What a plan or a report says is to be done or was done to a counted thing (one home for these verbs: a heading
# opening with one states a target, a figure after one alone is named by what follows it)
TARGET_VERBS = "新增|新建|新开工|建成|建设|完成|改造|实现|达到|培育|打造|开展|开设|提供|增加|增设|举办|创建|配备|设置|安装|实施|启动|开工"
# A numbered heading stating a target ("(二)新增养老床位250张", "(一)完成2家社区综合为老服务中心建设"): a list of projects
# heads each with what is to be done and says under it what was; the heading is a provision of its own as well.
HEADLINE_TARGET = re.compile(
    rf"^(?:{TARGET_VERBS})[^\d，。；：:]{{0,12}}{DIGITS}\s*(?:万|亿)?\s*"
    r"(?:张|个|家|所|台|户|人次|人|名|平方米|公里|千米|辆|套|处|座|场次|场|%|吨|亩|间|项|条|课时|件|只)"
)

# A table row as a .docx gives it: its cells on one line, parted by CELL (`corpus.load`).
CELL = "|"


def cells(text: str) -> list[str]:
    """A table row's cells ("1 |建立…|市民政局" → ["1", "建立…", "市民政局"])."""
    return [c.strip() for c in text.split(CELL)]


def filled(text: str) -> int:
    """How many of a row's cells hold anything ("| 单位：个 | |||" holds one)."""
    return sum(bool(c) for c in cells(text))


# A plan indicator table's cells: a value with its unit and comparator ("12.3年以上", "99%", ">7.5"), the
# indicator's kind, and the unit in brackets ending its name ("学前教育毛入园率（%）")
VALUE_CELL = re.compile(rf"[<>≤≥]?\s*{DIGITS}\s*(?:%|‰|[^\d\s]{{1,3}})?(?:以上|以下|左右)?")
ATTRIBUTE_CELL = re.compile(r"预期性|约束性")
# the column's unit a header ends with: "新开工小区数（个）", "比上年增长%"
UNIT_AT_END = re.compile(r"(?:[（(]([^（）()]{1,6})[）)]|(?<=[\u4e00-\u9fff])([%％‰]))$")


def column_unit(header: str) -> str:
    """The unit a column header gives its figures ('' when none)."""
    m = UNIT_AT_END.search(header)
    return (m.group(1) or m.group(2)) if m else ""


FIGURE = re.compile(rf"[<>≤≥]?\s*{DIGITS}\s*[%‰]?")  # a cell that is one bare figure
YEAR_CELL = re.compile(r"(?:19|20)\d\d年?")  # a cell naming a year: a column's or a row's label, no figure


def figures_row(text: str) -> bool:
    """A row with a cell that is a bare figure (not a year): a row of data, not a header ("指标 | 2025年" is one,
    "1.残疾人家庭人均收入年均增长（%） | >7.5 | 预期性" under a header line of its own is not)."""
    return any(FIGURE.fullmatch(c) and not YEAR_CELL.fullmatch(c) for c in cells(text))


def row_run(lines: Sequence[L], i: int) -> list[L]:
    """The rows of one table from line i: lines of as many cells as the first (two or more), and a last
    row of fewer (its first cells merged: "合计 | 42621 | 80.4%"; two or more such rows are the next table)."""
    width = len(cells(lines[i].text))
    run: list[L] = []
    while i < len(lines) and width >= 2 and len(cells(lines[i].text)) == width:
        run.append(lines[i])
        i += 1
    last = len(cells(lines[i].text)) if i < len(lines) else 0
    if (
        len(run) >= 2
        and 2 <= last < width
        and not (i + 1 < len(lines) and len(cells(lines[i + 1].text)) == last)
    ):
        run.append(lines[i])
    # lines none of which has two filled cells are no table: a web page's paragraph trailing its layout's "| |"
    # above a "| 上一篇 |" link is text
    return run if any(filled(r.text) >= 2 for r in run) else []


def cjk_count(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def numbered_from(run: Sequence[_Texted]) -> int | None:
    """Where a table set out one row per line starts: three lines in a row opening with 1, 2, 3."""
    opening = [re.match(r"\d{1,3}(?!\d)", ln.text) for ln in run]
    for k in range(len(run) - 2):
        if [int(m.group(0)) if m else 0 for m in opening[k : k + 3]] == [1, 2, 3]:
            return k
    return None


# A table set out with spaces between its cells, as text copied from a page or a PDF gives it ("序号 省份
# 新开工小区数(个) 开工率" over "1 贵州 1071 全部开工"): three or more lines in a row (blank lines aside) of as
# many space-parted words, three or more, short, with no sentence punctuation, a word that is a figure in most
# of them. Their spaces become cell borders (CELL, as a .docx table's cells are): spaces between Chinese
# characters are dropped later, and "3湖北4284 99%" is no longer a row of four cells.
SPACES = r"(?<=\S)[ \t\u3000\xa0]+(?=\S)"
NOT_A_ROW = re.compile(r"[，。；：,;！？]|^[•·*\-]")  # a sentence, a "key：value" line, a list item


def _has_figure(body: str) -> bool:
    """A word of the line is one figure ("1071", "99%", "4.26万个"), not a date or a sentence holding one."""
    return any(VALUE_CELL.fullmatch(w) for w in re.split(SPACES, body.strip()))


def spaced_table_lines(bodies: Sequence[str]) -> set[int]:
    """The indices of the source lines that are rows of a table set out with spaces."""

    def width(body: str) -> int:
        text = body.strip()
        return 0 if len(text) > 100 or CELL in text or NOT_A_ROW.search(text) else len(re.split(SPACES, text))

    rows: set[int] = set()
    filled = [(k, width(b)) for k, b in enumerate(bodies) if b.strip()]
    at = 0
    for n, group in itertools.groupby(filled, key=lambda kw: kw[1]):
        run = [k for k, _ in group]
        at += len(run)
        if n >= 3 and len(run) >= 3 and 2 * sum(_has_figure(bodies[k]) for k in run) > len(run):
            rows.update(run)
            # a last row of fewer cells, merged ones to its left ("合计 42621 80.4%" under four columns)
            if at < len(filled) and 2 <= filled[at][1] < n and _has_figure(bodies[filled[at][0]]):
                rows.add(filled[at][0])
    return rows


def indicator_cells(lines: Sequence[_Texted], i: int, is_marker: Callable[[str], bool]) -> int:
    """How many lines after numbered line i are its cells in a plan's indicator table set out a cell per line
    ("1.学前教育毛入园率（%）" over "99%", "99%以上", "约束性"; a sub-row's name "其中：小学" among them): short lines
    without a sentence or a marker, a figure among them, and the name's unit in brackets or a 预期性/约束性 cell.
    0 when line i is no such row."""
    j = i + 1
    while j < len(lines) and len(lines[j].text) <= 30 and not re.search(r"[，。；]", lines[j].text):
        if is_marker(lines[j].text):
            break
        j += 1
    after = [ln.text for ln in lines[i + 1 : j]]
    if indicator_header(lines[i + 1 : j]):
        return 0  # a heading over a table's header and rows
    figure = any(VALUE_CELL.fullmatch(c) for c in after)
    attribute = any(ATTRIBUTE_CELL.fullmatch(c) for c in after) or bool(UNIT_AT_END.search(lines[i].text))
    return len(after) if len(after) >= 2 and figure and attribute else 0


def indicator_header(run: Sequence[_Texted]) -> bool:
    """Short lines that are an indicator table's header set out a cell per line: a 指标 cell and a year cell
    ("指 标", "2020年", "2025年", "属性")."""
    cells_ = [re.sub(r"\s", "", ln.text) for ln in run]
    return "指标" in cells_ and any(re.fullmatch(r"(?:19|20)\d\d年\S{0,4}", t) for t in cells_)


# A table set out a cell per line, as text copied from a web page's table gives it ("火灾起数（起）", "亡人数（人）"
# over "2016", "9321", "47"…): a header of k short lines that are no figures (a unit alone in brackets, "（万元）",
# belongs to the name above it), then three or more rows of k lines: a name or a year, and k-1 figures.
SHORT_CELL = 24  # characters: a cell, not a sentence
UNIT_ALONE = re.compile(r"[（(][^（）()\d]{1,6}[）)]")


def _cells_of(lines: Sequence[_Texted], i: int) -> list[list[int]]:
    """The run of cell-like lines from line i, each cell as its line indices (a unit line joined to its name)."""
    out: list[list[int]] = []
    while i < len(lines):
        t = lines[i].text.strip()
        if len(t) > SHORT_CELL or CELL in t or NOT_A_ROW.search(t):
            break
        if UNIT_ALONE.fullmatch(t) and out and not VALUE_CELL.fullmatch(lines[out[-1][-1]].text.strip()):
            out[-1].append(i)
        else:
            out.append([i])
        i += 1
    return out


def cell_per_line_rows(lines: Sequence[_Texted]) -> list[list[int]]:
    """The line indices of each row (the header first) of the tables set out a cell per line."""

    def text(cell: list[int]) -> str:
        return "".join(lines[k].text.strip() for k in cell)

    def figure(cell: list[int]) -> bool:
        return bool(VALUE_CELL.fullmatch(text(cell)))

    rows: list[list[int]] = []
    i = 0
    while i < len(lines):
        run = _cells_of(lines, i)
        best: tuple[int, int, int] = (0, 0, 0)  # (rows, k, where the first row starts)
        for k in range(2, 11):
            for p in range(k, len(run) - 2 * k + 1):
                if any(figure(c) for c in run[p - k : p]):
                    continue  # a header is names
                n = 0
                while p + (n + 1) * k <= len(run):
                    row = run[p + n * k : p + (n + 1) * k]
                    labelled = bool(YEAR_CELL.fullmatch(text(row[0]))) or not figure(row[0])
                    if not labelled or not all(map(figure, row[1:])):
                        break
                    n += 1
                if n >= 3 and n * k > best[0] * best[1]:
                    best = (n, k, p)
        n, k, p = best
        if n:
            for r in range(-1, n):
                rows.append([x for c in run[p + r * k : p + (r + 1) * k] for x in c])
        i = run[-1][-1] + 1 if run else i + 1
    return rows
