"""Rows read from a table's cells: an indicator table's target (and base) column, a series' figure per year, a
statistics table's figure per cell (`assistant.extract` decides which table a row is of)."""

from __future__ import annotations

import re
from typing import Any

from assistant.figures import masked, merged_quantities
from assistant.indicator import Indicator
from assistant.naming import WORDED
from assistant.passage import Passage
from corpus.cells import CELL, DIGITS, UNIT_AT_END, cells, column_unit

INDICATOR_HEADER = re.compile(r"指标|目标|基期|现状|预期|属性|数值|标准|\d{4}\s*年")
# header words of a plan's indicator table: a base, a target, the indicator's kind
PLAN_COLUMN = re.compile(r"基期|基准|现状|目标|预期|属性")


def table_row(p: Passage, deadline: str | None, header: str) -> list[Indicator]:
    """The target column is the last figure of the row; cells may be bare numbers ("… 18 预期性").
    The year comes from the header ("2025年目标值"), which the row then quotes as its context; a
    base-year column ("2020年基期值") gives the figure before the target as the baseline; a header of three or more
    years and no target is a series, a row per year. A table of
    cells whose header names no indicator, target or year is read column by column (`column_rows`)."""
    if CELL in header and (not INDICATOR_HEADER.search(header) or _measured_columns(header)):
        return column_rows(p, header)
    values = _values(p.text)
    if not values:
        return []
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", header)
    if len(years) >= 3 and len(values) == len(years) and not PLAN_COLUMN.search(header):
        # a series, a figure per year ("指标 2006 … 2013" over "床位数 204.5 … 526.7"): a row per figure
        name = _name(p.text, values[0].start())
        return [
            p.row(0, len(p.text), indicator=f"{name} {year}", context=header, **_figure(m))
            for year, m in zip(years, values, strict=True)
        ]
    v = values[-1]
    if not INDICATOR_HEADER.search(header) and not re.search(r"[^\d.\s]", v.group(0)):
        return []  # a bare number under a heading that names no indicator ("1煤18锌" in a list of minerals)
    # a base-year column before the target ("2020年基期值 2025年目标值", or two years and no word: "2020年 2025年")
    base = re.search(r"(\d{4})\s*年?\s*(?:基期|基准|现状)", header)
    two = sorted(set(re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年", header)))
    base_year = base.group(1) if base else (two[0] if len(two) == 2 else "")
    if base_year and len(values) >= 4 and len(values) % 2 == 0:
        # sub-rows ("义务教育标准班额比例（%） 其中：小学 初中 34.52% 77.34% 80%以上 85%以上"): the bases, then the targets
        return _sub_rows(p, values, base_year, deadline, header)
    baseline = f"{values[-2].group(0).strip()}（{base_year}年）" if base_year and len(values) >= 2 else ""
    name = _name(p.text, values[0].start())
    if not WORDED.search(name):
        return []  # a line opening with its figure ("2025年我国将基本实现…" read as a row of a page's menu) names nothing
    return [
        p.row(
            0,
            len(p.text),
            indicator=name,
            deadline=deadline,
            context=header if deadline or baseline else "",
            baseline=baseline,
            **_figure(v),
        )
    ]


ROW_NUMBER = re.compile(r"^\d{1,2}[.．、]\s*(?=\D)")  # "1.学前教育毛入园率（%）": the row's number, no figure
# a figure in an indicator table's row, its sign, unit and comparator word kept apart ("12.3年以上", ">7.5", "99%")
TABLE_VALUE = re.compile(
    rf"(?P<sign>[<>≤≥])?\s*(?P<num>{DIGITS})\s*"
    r"(?P<unit>%|‰|平方米|万人|万元|亿元|户|人|名|个|元|年|张|所|家|岁)?(?P<post>以上|以下|左右)?"
)


def _figure(m: re.Match[str]) -> dict[str, Any]:
    """A row's fields for one figure of `TABLE_VALUE`: its comparator, value with unit, as written, where."""
    return {
        "comparator": m.group("sign") or m.group("post") or None,
        "value": m.group("num") + (m.group("unit") or ""),
        "unit": m.group("unit") or None,
        "value_text": m.group(0).strip(),
        "value_at": m.start(),
    }


def _values(text: str) -> list[re.Match[str]]:
    """The figures of a row after its number and its name's bracketed unit ("4.…年限（年） 11.4年 12.3年以上")."""
    masked_text = masked(text)
    start = m.end() if (m := ROW_NUMBER.match(masked_text)) else 0
    if unit := re.search(r"[（(][^（）()\d]{1,6}[）)]\s", masked_text[start:]):
        start += unit.end()
    return list(TABLE_VALUE.finditer(masked_text, start))


def _name(text: str, end: int) -> str:
    return ROW_NUMBER.sub("", text[:end]).strip()


def _sub_rows(
    p: Passage, values: list[re.Match[str]], base_year: str, deadline: str | None, header: str
) -> list[Indicator]:
    """A row of k sub-rows: k bases then k targets, named by the words between the name and the figures
    ("其中：小学 初中", k names) or by the row's own name and them ("其中：本科及以上学历比例（%）", k − 1)."""
    k = len(values) // 2
    head = p.text[: values[0].start()]
    main, _, rest = head.partition("其中")
    subs = [w for w in re.split(r"\s+", rest.strip("：: ")) if w]
    main_name = _name(main, len(main))
    names = [f"{main_name} {w}" for w in subs] if len(subs) == k else [main_name] + subs
    if len(names) != k:
        names = [main_name] * k
    return [
        p.row(
            0,
            len(p.text),
            indicator=name,
            deadline=deadline,
            context=header,
            baseline=f"{b.group(0).strip()}（{base_year}年）",
            **_figure(t),
        )
        for name, b, t in zip(names, values[:k], values[k:], strict=True)
    ]


# columns that name or number a row, or say when: no figure of theirs is a quantity
ID_COLUMN = re.compile(
    r"^(?:序号|编号|序|代码|编码|号码|文号|电话|邮编|No\.?)$|年份|年度|日期|时间|时限|期限", re.I
)
# 2023, 2022.06: when, unless the column gives a unit (1988个)
YEAR_CELL = re.compile(r"(?:19|20)\d\d(?:\.\d{1,2}){0,2}")
BARE = re.compile(rf"[<>≤≥]?\s*{DIGITS}")


def _measured_columns(header: str) -> bool:
    """A header whose figure columns each give their unit and no year, target or attribute ("指标 | 绝对数（亿元） |
    比上年增长%"): a statistics table, read column by column however its first column is headed."""
    heads = [h for h in cells(header) if h][1:]
    return bool(heads) and all(
        column_unit(h) and not PLAN_COLUMN.search(h) and not re.search(r"\d{4}\s*年", h) for h in heads
    )


def column_rows(p: Passage, header: str) -> list[Indicator]:
    """A table of figures under named columns ("序号 | 省份 | 新开工小区数（个） | 开工率"): a row per cell that is
    one figure, named by the row's first cell of text and the column ("湖北 新开工小区数"), in the column's unit
    when the cell gives none, quoting the row with the header as its context. A row of fewer cells than the
    header lines up from the right (its first cells merged: "合计 | 42621 | 80.4%"). A page's particulars
    ("索引号：| … |发文日期：| …") have no figure cells."""
    heads, row = cells(header), cells(p.text)
    if len(row) > len(heads):
        return []
    spans, at = [], 0  # each cell's text and where it starts in the row
    for part in p.text.split(CELL):
        spans.append((at + len(part) - len(part.lstrip()), part.strip()))
        at += len(part) + 1
    pairs = list(zip(heads[len(heads) - len(row) :], spans, strict=True))
    name = next(
        (
            c
            for h, (_, c) in pairs
            if c and not ID_COLUMN.search(h) and not BARE.fullmatch(c) and not merged_quantities(masked(c))
        ),
        "",
    )
    rows = []
    for h, (at, c) in pairs:
        unit = column_unit(h)
        if not c or ID_COLUMN.search(h) or (YEAR_CELL.fullmatch(c) and not unit):
            continue
        bare = BARE.fullmatch(c)
        qs = merged_quantities(masked(c + (unit if bare else "")))
        if len(qs) > 1 or (
            qs and (qs[0].end < len(c) or c[: qs[0].start].strip() not in ("", "<", ">", "≤", "≥"))
        ):
            continue
        if not qs and not bare:
            continue
        q = qs[0] if qs else None
        sign = c[: q.start].strip() if q else re.sub(r"[\d.\s]", "", c)
        measure = UNIT_AT_END.sub("", h).strip()
        rows.append(
            p.row(
                0,
                len(p.text),
                indicator=f"{name} {measure}".strip(),
                comparator=(sign if sign in ("<", ">", "≤", "≥") else None)
                or (q.comparator if q else None)
                or None,
                value=q.value if q else c.lstrip("<>≤≥ "),
                unit=(q.unit if q else None) or None,
                value_text=c,
                quantity_kind=q.kind if q else "",
                value_at=at,
                context=header,
            )
        )
    return rows
