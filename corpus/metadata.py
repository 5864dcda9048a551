"""Metadata the text itself states: title, date, document number (文号), issuer, region."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.clean import furniture
from corpus.outline import marker_of

TITLE_WORDS = re.compile(r"关于|方案|意见|规划|办法|通知|条例|决定|规定|细则|纲要|计划|[^方]法$")
# A regulation's header: "2024年3月29日 …会议通过", "…国务院令第379号公布", "…第一次修订". One line may
# hold several dated events ("…批准根据2001年5月29日…修正").
EVENT_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
EVENTS = (
    ("通过", "adopted"),
    ("修订", "revised"),
    ("修正", "amended"),
    ("批准", "approved"),
    ("公布", "published"),
    ("发布", "published"),
    ("施行", "effective"),
)
# a regulation's header line ("2022年10月28日江门市第十六届人民代表大会常务委员会第八次会议通过"); a sentence that opens with a
# date and a comma is text ("2019年7月30日,民政部公布数据表明,目前中国注册志愿者超过1.2亿人。")
HEADER_LINE = re.compile(
    r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日(?![,，]).{0,200}?(?:通过|修订|修正|批准|公布|施行|发布)"
)
KINDS = (
    "法律",
    "行政法规",
    "条例",
    "办法",
    "规定",
    "细则",
    "意见",
    "方案",
    "规划",
    "通知",
    "决定",
    "纲要",
    "计划",
)
DATE_LABELLED = re.compile(
    r"(?:发布日期|发布时间|成文日期|印发日期|实施时间|发文日期|日期)[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
# a date alone on its line, or a news page's dateline: "2020年11月16日17:02  来源:人民网-人民日报"
DATE_LINE = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[|｜]?\s*来源[:：].*)?$"
)
HEADLINE_CHARS = 4  # Chinese characters a headline has at least
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［（(]\d{4}[〕\]］）)]\s*\d{1,4}\s*号$")
# words ending like a place that name no place: "渭南将为老旧小区…", "郑州老旧小区…" are headlines, not regions;
# "自治区“十四五”…规划" is a title that drops its region's name
NOT_A_PLACE = re.compile(r"(?:小|园|景|校|辖|片|城|街|郊|山|营)区$|^(?:自治|特别行政)区$|^自治州$")
PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|州|县|新区|区|街道|镇))")
NATIONAL = re.compile(
    r"^(?:中华人民共和国|我国|中共中央|国务院|中办|国办|民政部|中共中央办公厅|国务院办公厅|最高人民法院|最高人民检察院)"
)
NATIONAL_BODY = re.compile(
    r"全国人民代表大会|国务院令|中华人民共和国主席令|国务院办公厅|中共中央办公厅|最高人民法院|最高人民检察院"
)
# A code published in parts names each part under the code's title: "# 中华人民共和国民法典" / "# 合同编".
PART_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{0,10}(?:编|卷|篇|部分)|总则|附则)$")


@dataclass(frozen=True)
class Identity:
    """What names a document: its title, issuer, region, date (of this version) and number (文号)."""

    title: str = ""
    date: str = ""
    number: str = ""
    issuer: str = ""
    region: str = ""


@dataclass(frozen=True)
class Metadata(Identity):
    """A document's identity as its text states it, with what else its header says."""

    kind: str = ""
    dates: tuple[
        tuple[str, str], ...
    ] = ()  # (event, YYYY-MM-DD): adopted, revised, amended, approved, published, effective
    header_lines: tuple[str, ...] = ()  # the dated header lines, which are metadata, not provisions

    @property
    def version_date(self) -> str:
        """The latest adoption, revision or amendment (else publication) date: which version this is."""
        own = [d for e, d in self.dates if e in ("adopted", "revised", "amended")]
        return max(own or [d for e, d in self.dates if e == "published"] or [""])


def markdown_title(lines: Sequence[str]) -> tuple[str, str]:
    """(title, part) from a Markdown file's leading level-1 headings: "# 中华人民共和国民法典" then
    "# 合同编" → ("中华人民共和国民法典", "合同编"); ("", "") when the file opens otherwise."""
    h1: list[str] = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if not s.startswith("# "):
            break
        h1.append(re.sub(r"\s+", "", s[2:]))
    if not h1:
        return "", ""
    part = h1[1] if len(h1) == 2 and PART_NAME.match(h1[1]) else ""
    return h1[0], part


def join_header_lines(lines: Sequence[str]) -> list[tuple[str, ...]]:
    """Lines grouped so that a dated header line broken before its verb ("2019年8月26日 …《关于修改〈…〉"
    + "〈…〉的决定》第三次修正") is one group with the line that ends it; other lines stand alone. A sentence
    is no such end: a news item's first paragraph after its dateline ("…今日在官网发布…。") is text."""
    out: list[tuple[str, ...]] = []
    for ln in lines:
        last = "".join(out[-1]) if out else ""
        if (
            len(out[-1] if out else ()) == 1
            and EVENT_DATE.match(last)
            and not HEADER_LINE.match(last)
            and not EVENT_DATE.match(ln)
            and "。" not in ln
            and HEADER_LINE.match(last + ln)
        ):
            out[-1] = (*out[-1], ln)
        else:
            out.append((ln,))
    return out


def extract_metadata(lines: Sequence[str]) -> Metadata:
    """Read metadata from a document's first lines (normalised, clutter not yet removed)."""
    groups = join_header_lines(lines[:40])
    head = ["".join(g) for g in groups]
    date = number = ""
    for ln in head:
        m = DATE_LABELLED.search(ln)
        if m and not date:
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        if DOC_NUMBER.match(ln) and not number:
            number = ln
    dateline: tuple[str, ...] = ()
    if not date:
        for ln in head:
            m = DATE_LINE.match(ln)
            if m:
                date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                # a news page's dateline says when and where it was published: metadata, not a provision
                dateline = (ln,) if m.end(3) + 1 < len(ln) else ()
                break
    header = tuple(ln for ln in head if HEADER_LINE.match(ln))
    dates = header_dates(header)
    pieces = tuple(p for g in groups if HEADER_LINE.match("".join(g)) for p in g) + dateline
    # a page's navigation ("•手机版|网站导航", "观察家网 要闻 >") is no title; its dates are still read above
    title = _title([ln for ln in head if ln not in header and not furniture(ln)])
    issuer = title.split("关于", 1)[0] if "关于" in title and not title.startswith("关于") else ""
    title = _inner_title(title)
    region = guess_region(title, issuer) or ("全国" if any(NATIONAL_BODY.search(ln) for ln in header) else "")
    meta = Metadata(
        title=title,
        date=date,
        number=number,
        issuer=issuer,
        region=region,
        kind=doc_kind(title, header),
        dates=dates,
        header_lines=pieces,
    )
    if meta.version_date and not date:
        meta = Metadata(**{**meta.__dict__, "date": meta.version_date})
    return meta


def header_dates(lines: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Every dated event in a regulation's header lines, in order."""
    out: list[tuple[str, str]] = []
    for ln in lines:
        found = list(EVENT_DATE.finditer(ln))
        for i, m in enumerate(found):
            stretch = ln[m.end() : found[i + 1].start() if i + 1 < len(found) else len(ln)]
            hits = [(stretch.rfind(word), event) for word, event in EVENTS if word in stretch]
            if hits:
                event = max(hits)[1]  # the verb nearest the end of the stretch is what happened that day
                out.append((event, f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"))
    return tuple(out)


def doc_kind(title: str, header: Sequence[str] = ()) -> str:
    """法律 / 行政法规 / 条例 / 办法 / 规定 / 意见 / 方案 / 规划 / 通知 … from the title (and header)."""
    if title.startswith("中华人民共和国") and title.endswith(("法", "法典")):
        return "法律"
    if any("国务院令" in ln for ln in header):
        return "行政法规"
    return next((k for k in KINDS if k in title[-8:]), next((k for k in KINDS if k in title), ""))


def _title(head: Sequence[str]) -> str:
    for i, ln in enumerate(head):
        if (
            TITLE_WORDS.search(ln)
            and len(ln) <= 80
            and "。" not in ln
            and not ln.startswith("《")
            and not EVENT_DATE.match(ln)
        ):
            nxt = head[i + 1] if i + 1 < len(head) else ""
            # A title broken over two lines: "…关于印发…建设" + "“十四五”规划的通知".
            if (
                nxt
                and len(ln) + len(nxt) <= 80
                and re.search(r"(的通知|意见|方案|规划|办法)$", nxt)
                and "。" not in nxt
            ):
                return ln + nxt
            return ln
    # a file with no such line (a news item, a list of projects): its first line that reads as a headline,
    # short, without a sentence's punctuation, with text after it, and words (a page's "CN", "A+" or "注册" is a button)
    for first in head[:3] if len(head) > 1 else ():
        if len(re.findall(r"[\u4e00-\u9fff]", first)) < HEADLINE_CHARS:
            continue
        if (
            len(first) <= 40
            and not re.search(r"[。，,；;：:！？!?]", first)
            and not marker_of(first)
            and not EVENT_DATE.match(first)
        ):
            return first
        break
    return ""


def _inner_title(title: str) -> str:
    """'…关于印发《X》的通知' → 'X': the document the notice carries is the document."""
    m = re.search(r"关于印发(?:《(.+?)》|(.+?))的通知$", title)  # “十四五”…方案 keeps its quotes
    return (m.group(1) or m.group(2)) if m else title


def guess_region(title: str, issuer: str = "") -> str:
    """The place a document governs, from its title or issuer ('凯里市…' → '凯里市')."""
    for text in (title, issuer):
        if NATIONAL.match(text):
            return "全国"
        m = PLACE.match(text)
        if m and "社区" not in m.group(1) and not NOT_A_PLACE.search(m.group(1)):
            return m.group(1)
    return ""


MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")  # provincial-level cities


def region_level(region: str) -> str:
    """全国 / 省 / 市 / 区县 / 街道 for a region name ("" when it says nothing): '山东省' → 省,
    '上海市' → 省 (a municipality), '凯里市' → 市, '成都市金牛区' → 区县, '屏襄门街道' → 街道."""
    if not region:
        return ""
    if region == "全国":
        return "全国"
    if region.endswith(("街道", "镇", "乡")):
        return "街道"
    if region in MUNICIPALITIES or region.endswith(("省", "自治区")):
        return "省"
    if (
        region.endswith(("区", "县", "旗"))
        and not region.endswith("新区")
        or re.search(r"[市州].+[区县]", region)
    ):
        return "区县"
    if region.endswith(("市", "州", "盟", "新区")):
        return "市"
    return ""


def place_aliases(region: str) -> list[str]:
    """Names a question may use for a region: '凯里市' → ['凯里市', '凯里']."""
    names = [region] if region else []
    m = re.match(r"^(.{2,})(?:省|市|自治区|自治州|州|县|街道)$", region)
    if m and len(m.group(1)) >= 2:
        names.append(m.group(1))
    return names
