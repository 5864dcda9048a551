"""Metadata the text itself states: title, date, document number (文号), issuer, region."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

TITLE_WORDS = re.compile(r"关于|方案|意见|规划|办法|通知|条例|决定|规定|细则|纲要|计划")
DATE_LABELLED = re.compile(
    r"(?:发布日期|发布时间|成文日期|印发日期|实施时间|发文日期|日期)[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［（(]\d{4}[〕\]］）)]\s*\d{1,4}\s*号$")
PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|州|县|新区|区|街道|镇))")
NATIONAL = re.compile(r"^(?:中共中央|国务院|中办|国办|民政部|中共中央办公厅|国务院办公厅)")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    date: str = ""
    number: str = ""
    issuer: str = ""
    region: str = ""


def extract_metadata(lines: Sequence[str]) -> Metadata:
    """Read metadata from a document's first lines (normalised, clutter not yet removed)."""
    head = list(lines[:40])
    date = number = ""
    for ln in head:
        m = DATE_LABELLED.search(ln)
        if m and not date:
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        if DOC_NUMBER.match(ln) and not number:
            number = ln
    if not date:
        for ln in head:
            m = DATE_LINE.match(ln)
            if m:
                date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    title = _title(head)
    issuer = title.split("关于", 1)[0] if "关于" in title and not title.startswith("关于") else ""
    title = _inner_title(title)
    return Metadata(title=title, date=date, number=number, issuer=issuer, region=guess_region(title, issuer))


def _title(head: Sequence[str]) -> str:
    for i, ln in enumerate(head):
        if TITLE_WORDS.search(ln) and len(ln) <= 80 and "。" not in ln and not ln.startswith("《"):
            nxt = head[i + 1] if i + 1 < len(head) else ""
            # A title broken over two lines: "…关于印发…建设" + "“十四五”规划的通知".
            if nxt and len(ln) + len(nxt) <= 80 and re.search(r"(的通知|意见|方案|规划|办法)$", nxt) and "。" not in nxt:
                return ln + nxt
            return ln
    return ""


def _inner_title(title: str) -> str:
    """'…关于印发《X》的通知' → 'X': the document the notice carries is the document."""
    m = re.search(r"关于印发[《“]?(.+?)[》”]?的通知$", title)
    return m.group(1) if m else title


def guess_region(title: str, issuer: str = "") -> str:
    """The place a document governs, from its title or issuer ('凯里市…' → '凯里市')."""
    for text in (title, issuer):
        if NATIONAL.match(text):
            return "全国"
        m = PLACE.match(text)
        if m and "社区" not in m.group(1):
            return m.group(1)
    return ""


def place_aliases(region: str) -> list[str]:
    """Names a question may use for a region: '凯里市' → ['凯里市', '凯里']."""
    names = [region] if region else []
    m = re.match(r"^(.{2,})(?:省|市|自治区|自治州|州|县|街道)$", region)
    if m and len(m.group(1)) >= 2:
        names.append(m.group(1))
    return names
