"""Structured extraction: quantitative targets and responsible units → Indicator rows.

Works on clause groups (the passages of one long clause joined again), so a unit list at the
end of a clause applies to every target in it. Quantities: assistant/quantity.py; responsible
units: assistant/roles.py; rules and lexicons: rules/extraction.toml.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant.indicator import Indicator
from assistant.provision import article_labels
from assistant.quantity import Quantity, find_quantities
from assistant.roles import Units, clause_units, sentence_units
from assistant.topics import assign_topics
from corpus.model import Clause, Document

RULES = Path(__file__).parent / "rules" / "extraction.toml"


@dataclass(frozen=True)
class Rules:
    comparators: tuple[str, ...]
    not_targets: tuple[re.Pattern[str], ...]


@cache
def rules() -> Rules:
    d = tomllib.loads(RULES.read_text(encoding="utf-8"))
    return Rules(tuple(d["comparators"]), tuple(re.compile(p) for p in d["not_targets"]["patterns"]))


DEADLINE = re.compile(
    r"(?:到|于|力争|确保到|在)?\s*(?P<d>(?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底|末|年末)?(?:前|之前|以前)?"
    r"|每年\d{1,2}月(?:底|末|\d{1,2}日)(?:前|之前)?)"
)
SEGMENT_BREAKS = "，。；：,;:、且"
DETERMINERS = "这那哪每某任新上下本同另首"
COMPARATOR_WORDS = r"不得低于|不得少于|不得超过|原则上不超过|一般不超过|不少于|不低于|不超过|不高于|不多于|至少|最少|最多|达到|控制在|超过|高于|低于|少于|多于|满|提前"
# A calendar deadline with the state to reach by it ("于2020年底前，全面完成…建设", "确保2020年完成…",
# "到2025年…实现全覆盖"): a dated commitment, its value the state.
# The deadline needs 到/于/在/确保/力争 before it or 前 after it; "到2025年实现…" with no 前 is left to STATE,
# which keeps what is reached (实现全覆盖).
COMPLETION = re.compile(
    r"(?P<d>(?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底)?(?:前|之前)?)[，,]?\s*"
    r"(?P<state>(?:全面|基本|全部)?(?:完成|建成|制定|实现))"
)
DEADLINE_LEAD = ("于", "在", "到", "确保", "力争")
STATE = re.compile(
    r"(?:实现|达到)?全覆盖|全面(?:完成|建成|实现)|基本(?:建成|形成|实现|完成)|(?:均|全部)(?:建立|建成|完成)"
)
SCOPE = re.compile(
    r"每个(?:城市|农村)?社区|城市社区|农村社区|每个村|各新城|每个新城|每个街道|每个区|每个乡镇"
)


@dataclass(frozen=True)
class Value:
    """A target as an indicator row shows it: the figure as written (with 以上/以下, without the
    leading comparator word or a time limit's 内/前), the whole phrase, the comparator word."""

    start: int
    end: int
    value: str
    text: str
    comparator: str
    unit: str
    kind: str


def merged_quantities(text: str) -> list[Value]:
    """Quantities that state targets, with ranges ("一千元以上一万元以下") and parallel figures
    ("60万元、40万元、5万元") joined into one value. Years, qualifiers of a subject ("5000人以下的")
    and determiners ("这一个") are not targets."""
    qs = [q for q in find_quantities(text) if _is_target(text, q)]
    groups: list[list[Quantity]] = []
    for q in qs:
        if (
            groups
            and text[groups[-1][-1].end : q.start] in ("", "、", "至", "到", "或者", "或")
            and q.unit == groups[-1][-1].unit
        ):
            groups[-1].append(q)
        else:
            groups.append([q])
    out = []
    for g in groups:
        s, e = g[0].start, g[-1].end
        full = text[s:e].strip()
        pre = re.match(COMPARATOR_WORDS, full)
        value = full[pre.end() :] if pre and pre.end() < len(full) else full
        if value.startswith("每") and g[0].kind != "frequency":
            value = value[1:]
        if g[0].kind == "time_limit":
            value = re.sub(r"(?:之内|以内|内|之前|以前|前|后)$", "", value)
        comparator = (
            pre.group(0)
            if pre
            else next((w for w in ("以上", "以下", "以内", "左右") if full.endswith(w)), "")
        )
        out.append(
            Value(s, e, value.strip(), full, comparator, g[0].unit if g[0].unit != "ratio" else "", g[0].kind)
        )
    return out


def _comparator_before(text: str, seg_start: int, value_start: int) -> str:
    """A comparator word earlier in the value's segment: "不低于每百户30平方米", "至少设立一处"."""
    found = list(re.finditer(COMPARATOR_WORDS, text[seg_start:value_start]))
    return found[-1].group(0) if found else ""


def _earlier_subject(text: str, pos: int) -> Units:
    """An obligation whose subject is elided ("符合条件的，应当在三十日内…", "逾期不改正的，处…罚款")
    takes the nearest unit named earlier in the same provision."""
    for s, e in reversed([se for se in _sentences(text) if se[0] < pos]):
        own = sentence_units(text[s:e])
        if own.lead:
            return own
    return Units()


def _is_target(text: str, q: Quantity) -> bool:
    if q.unit == "年" and q.value is not None and q.value >= 1900:
        return False  # a year, not a duration
    if "□" in q.text:
        return False
    before = text[max(q.start - 1, 0) : q.start]
    if re.match(r"一[个次项批家届轮代]", q.text) and before and before in DETERMINERS:
        return False  # "这一个", "每一次", "新一届": a determiner, not a count
    if text[q.end : q.end + 1] == "性" and q.text.startswith("一"):
        return False  # "一次性": an adverb
    after = text[q.end : q.end + 1]
    share = q.unit in ("ratio", "%") or "分之" in q.text
    predicate = text[: q.start].endswith(("在", "为", "以上", "以上、")) or re.search(
        r"\d$|[十百千万]$", text[: q.start]
    )
    if (
        after == "的"
        and not share
        and not predicate
        and (q.text.endswith(("以上", "以下")) or q.text.startswith("满") or text[: q.start].endswith("不足"))
    ):
        return False  # "人口5000人以下的社区", "十八周岁以上的居民", "年满十八周岁的": a condition on the subject
    if re.fullmatch(r"一(?:个|套|批|支|项|系列|种)", q.text) and not _comparator_before(
        text, max(q.start - 6, 0), q.start
    ):
        return False  # "形成一套制度", "培养一批骨干", "设立一个居民小组": an article, not a count
    if q.text == "一次":
        seg = text[max(text.rfind("，", 0, q.start), text.rfind("。", 0, q.start), 0) : q.start]
        if "每" not in seg and not _comparator_before(seg, 0, len(seg)):
            return False  # "实现一次采集": once, not a frequency ("每年举行一次" keeps it)
    if q.text.startswith("每") and q.kind == "count" and q.value in (10, 100, 1000, 10000):
        return False  # "每百户", "每万人": the denominator of a rate
    if text.count("《", 0, q.start) > text.count("》", 0, q.start):
        return False  # inside a title
    return True


def clause_groups(doc: Document) -> list[list[Clause]]:
    """Passages cut from one long clause, joined again (each continues where the last one ends)."""
    groups: list[list[Clause]] = []
    for c in doc.clauses:
        if groups and groups[-1][-1].end == c.start and groups[-1][-1].heading_path == c.heading_path:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _masked(text: str) -> str:
    """The text with non-target numbers blanked out (same length, so offsets hold)."""
    for p in rules().not_targets:
        text = p.sub(lambda m: "□" * len(m.group(0)), text)
    return text


def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the sentence that holds the value (and its subject)."""
    s = max(text.rfind(ch, 0, start) for ch in SEGMENT_BREAKS) + 1
    e_candidates = [i for i in (text.find(ch, end) for ch in SEGMENT_BREAKS) if i >= 0]
    e = min(e_candidates) if e_candidates else len(text)
    if start - s < 6 and s > 0 and text[s - 1] not in "。；;":  # "…面积不低于30平方米且不少于800平方米"
        s = max(text.rfind(ch, 0, s - 1) for ch in SEGMENT_BREAKS + "且") + 1
    return s, e


def _sentence(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；;") if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^。；;]+[。；;]?", text)]


def _deadline(text: str, s: int, e: int, value_at: int) -> re.Match[str] | None:
    """The calendar deadline of the sentence [s, e) nearest before the value (else the first after)."""
    found = [m for m in DEADLINE.finditer(text, s, e) if m.group("d")]
    found = [
        m
        for m in found
        if not re.match(r"\d{4}年$", m.group("d"))
        or re.search(r"(?:到|于)\s*$", text[max(s, m.start() - 2) : m.start("d")])
    ]
    before = [m for m in found if m.start() < value_at]
    if before:
        return before[-1]
    return found[0] if found else None


def _indicator(text: str, seg_start: int, value_start: int) -> str:
    name = text[seg_start:value_start]
    name = re.sub(
        r"^(?:到|力争|确保|其中|并|要|应当|应)?\s*(?:\d{4}年(?:年底|底|末)?(?:前)?)?[，,]?", "", name
    )
    for c in sorted(rules().comparators, key=len, reverse=True):
        name = name.replace(c, "")
    return name.strip("，、：；的 ") or text[seg_start:value_start]


@dataclass(frozen=True)
class Passage:
    """One clause group as extraction reads it: its text, where it starts, the units it states or
    inherits from its section's opening paragraph."""

    doc: Document
    first: Clause
    text: str
    units: Units
    article: str

    def row(self, s: int, e: int, units: Units | None = None, **fields: Any) -> Indicator:
        """An Indicator quoting text[s:e]; `units` default to the passage's own."""
        # A list the passage itself states ("（牵头单位：…；责任单位：…）") names who answers for every figure
        # in it; otherwise a sentence's own subject does ("各县（市、区）要…").
        listed = self.units.lead and 0 <= self.units.start
        u = self.units if units is None or not units.lead or listed else units
        base = Indicator(
            doc_id=self.doc.id,
            region=self.doc.region,
            title=self.doc.title,
            indicator="",
            comparator=None,
            value=None,
            unit=None,
            scope=None,
            deadline=None,
            lead_units=u.lead,
            support_units=u.support,
            quote=self.text[s:e],
            clause=self.text,
            clause_id=self.first.id,
            section=self.first.section,
            start=self.first.start + s,
            end=self.first.start + e,
            version_date=self.doc.date,
            article=self.article,
        )
        return dataclasses.replace(base, **fields)


def passages(doc: Document) -> Iterable[Passage]:
    """The document's clause groups with their units; a section whose opening paragraph lists
    牵头单位 passes them on to the paragraphs under it."""
    inherited: dict[tuple[str, ...], Units] = {}
    labels = article_labels(doc)
    for group in clause_groups(doc):
        first = group[0]
        text = "".join(c.text for c in group)
        units = clause_units(text)
        path = first.heading_path
        if units.start >= 0 and "牵头单位" in text[units.start : units.end]:
            inherited[path] = units
        if units.start < 0:
            units = next(
                (inherited[path[:d]] for d in range(len(path) - 1, 0, -1) if path[:d] in inherited), Units()
            )
        yield Passage(doc, first, text, units, labels.get(first.id, ""))


def extract_document(doc: Document) -> list[Indicator]:
    """Every indicator (and every unit-only assignment) in one document."""
    rows: list[Indicator] = []
    table_deadline, header = None, ""
    for p in passages(doc):
        if p.first.kind == "table_header":
            header = p.text
            m = re.search(r"(\d{4})\s*年?\s*(?:目标|预期)", p.text)
            table_deadline = f"{m.group(1)}年" if m else None
        elif p.first.kind == "table_row":
            rows += _table_row(p, table_deadline, header)
        else:
            targets, valued = _target_rows(p)
            dated, dated_sentences = _completion_rows(p, valued)
            rows += targets + dated + _assignment_rows(p, valued | dated_sentences)
    return rows


def _table_row(p: Passage, deadline: str | None, header: str) -> list[Indicator]:
    """The target column is the last figure of the row; cells may be bare numbers ("… 18 预期性").
    The year comes from the header ("2025年目标值"), which the row then quotes as its context; a
    base-year column ("2020年基期值") gives the figure before the target as the baseline."""
    values = list(re.finditer(r"\d+(?:\.\d+)?\s*(?:%|平方米|户|人|名|个|万元|元)?", _masked(p.text)))
    if not values:
        return []
    v = values[-1]
    # a base-year column before the target ("2020年基期值 2025年目标值"): the figure before the target
    base = re.search(r"(\d{4})\s*年?\s*(?:基期|基准|现状)", header)
    baseline = f"{values[-2].group(0).strip()}（{base.group(1)}年）" if base and len(values) >= 2 else ""
    return [
        p.row(
            0,
            len(p.text),
            indicator=p.text[: values[0].start()].strip(),
            value=v.group(0).strip(),
            unit=re.sub(r"[\d.\s]", "", v.group(0)) or None,
            deadline=deadline,
            context=header if deadline or baseline else "",
            baseline=baseline,
        )
    ]


def _target_rows(p: Passage) -> tuple[list[Indicator], set[int]]:
    """One row per quantity that states a target, with the units its own sentence (or an earlier
    one, when the subject is elided) assigns; and the starts of the sentences used."""
    text, rows, used = p.text, [], set()
    for q in merged_quantities(_masked(text)):
        seg_s, seg_e = _segment(text, q.start, q.end)
        sent_s, sent_e = _sentence(text, q.start)
        own = sentence_units(text[sent_s:sent_e])
        if not own.lead and not p.units.lead:
            own = _earlier_subject(text, sent_s)
        scope = SCOPE.search(text, sent_s, sent_e)
        dl = _deadline(text, sent_s, sent_e, q.start)
        rows.append(
            p.row(
                min(seg_s, dl.start("d")) if dl else seg_s,  # the quote holds the deadline too
                max(seg_e, dl.end("d")) if dl else seg_e,
                own,
                indicator=_indicator(text, seg_s, q.start),
                comparator=q.comparator or _comparator_before(text, seg_s, q.start) or None,
                value=q.value,
                unit=q.unit or None,
                scope=scope.group(0) if scope else None,
                deadline=dl.group("d") if dl else None,
                value_text=q.text,
                quantity_kind=q.kind,
            )
        )
        used.add(sent_s)
    return rows, used


def _completion_rows(p: Passage, valued: set[int]) -> tuple[list[Indicator], set[int]]:
    """Dated commitments without a figure: "2025年底前完成…", "到2025年…实现全覆盖". The row's value is
    the state (全面完成, 全覆盖); sentences that already gave a figure's row (`valued`) give none."""
    text, rows, used = p.text, [], set()
    for m in COMPLETION.finditer(text):
        deadline, state = m.group("d"), m.group("state")
        before = deadline.endswith("前")
        if not (before or (text[: m.start()].endswith(DEADLINE_LEAD) and not state.endswith("实现"))):
            continue
        sent_s, sent_e = _sentence(text, m.start())
        if sent_s in valued:
            continue
        s, e = _segment(text, m.start(), m.end())
        rows.append(
            p.row(
                s,
                e,
                sentence_units(text[sent_s:sent_e]),
                indicator=text[m.end() - len(state) : e].strip("，。"),
                deadline=deadline,
                value=state,
                value_text=state,
                quantity_kind="state",
            )
        )
        used.add(sent_s)
    for sent_s, sent_e in _sentences(text):
        if sent_s in valued or sent_s in used:
            continue
        found = STATE.search(text, sent_s, sent_e)
        dl = _deadline(text, sent_s, sent_e, found.start()) if found else None
        if found and dl:
            s, e = _segment(text, found.start(), found.end())
            rows.append(
                p.row(
                    min(s, dl.start("d")),
                    max(e, dl.end("d")),
                    sentence_units(text[sent_s:sent_e]),
                    indicator=text[s : found.start()].strip("，。 "),
                    deadline=dl.group("d"),
                    value=found.group(0),
                    value_text=found.group(0),
                    quantity_kind="state",
                )
            )
            used.add(sent_s)
    return rows, used


def _assignment_rows(p: Passage, valued: set[int]) -> list[Indicator]:
    """Sentences that assign responsibility without a figure, and the clause's own unit list."""
    name = _heading_name(p.first.heading_path)
    rows = []
    for sent_s, sent_e in _sentences(p.text):
        own = sentence_units(p.text[sent_s:sent_e])
        if own.lead and sent_s not in valued:
            rows.append(p.row(sent_s, sent_e, own, indicator=_duty(p.text[sent_s:sent_e], own.lead) or name))
    listed = clause_units(p.text)
    if listed.start >= 0 and (listed.lead or listed.support):
        rows.append(p.row(listed.start, listed.end, indicator=name))
    return rows


DUTY_LEAD = re.compile(
    r"^(?:应当|应|负责|要|可以|必须|统一|具体|依法|按照各自职责|会同[^，。；]*?(?=建立|制定|开展|做好|推进))+"
)


def _duty(sentence: str, units: Sequence[str]) -> str:
    """What a sentence makes its units do, for a row without a figure: "区民政局应当建立台账，…" → 建立台账."""
    end = max((sentence.rfind(u) + len(u) for u in units if u in sentence), default=-1)
    if end < 0:
        return ""
    duty = DUTY_LEAD.sub("", sentence[end:])
    duty = re.split(r"[，。；：,;:]", duty, maxsplit=1)[0].strip()
    return duty if 2 <= len(duty) <= 40 else ""


def _heading_name(path: Sequence[str]) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.]?", "", path[-1]) if path else ""


def extract_all(docs: Iterable[Document]) -> list[Indicator]:
    """All rows of all documents with their topics."""
    return assign_topics([row for d in docs for row in extract_document(d)])
