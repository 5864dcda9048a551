"""Structured extraction: quantitative targets and responsible units → Indicator rows.

Works on clause groups (the passages of one long clause joined again), so a unit list at the
end of a clause applies to every target in it. Rules and lexicons: rules/extraction.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from assistant.quantity import Quantity, find_quantities
from assistant.roles import sentence_roles
from corpus.model import Clause, Document

RULES = Path(__file__).parent / "rules" / "extraction.toml"
OPEN, CLOSE = "（(﹝〔[【", "）)﹞〕]】"
CN_NUM = "一二两三四五六七八九十百千"


@dataclass(frozen=True)
class Indicator:
    """One commitment (or, with value None, one assignment of responsibility) with its source span."""

    doc_id: str
    region: str
    title: str
    indicator: str
    comparator: str | None
    value: str | None
    unit: str | None
    scope: str | None
    deadline: str | None
    lead_units: tuple[str, ...]
    support_units: tuple[str, ...]
    quote: str
    clause: str
    clause_id: str
    section: str
    start: int  # quote offsets in the document's normalised text
    end: int
    topic: str = field(default="")
    value_text: str = ""  # the whole phrase as written, comparator included: "不低于二十平方米"
    quantity_kind: str = ""  # count | area | money | time_limit | threshold | rate | multiple …


@dataclass(frozen=True)
class Rules:
    units: tuple[str, ...]
    suffixes: tuple[str, ...]
    comparators: tuple[str, ...]
    not_targets: tuple[re.Pattern[str], ...]
    lead_labels: tuple[str, ...]
    support_labels: tuple[str, ...]
    responsible_labels: tuple[str, ...]
    member_labels: tuple[str, ...]


@cache
def rules() -> Rules:
    d = tomllib.loads(RULES.read_text(encoding="utf-8"))
    u = d["units_rules"]
    return Rules(tuple(sorted(d["units"], key=len, reverse=True)), tuple(d["value_suffixes"]), tuple(d["comparators"]),
                 tuple(re.compile(p) for p in d["not_targets"]["patterns"]),
                 tuple(u["lead_labels"]), tuple(u["support_labels"]), tuple(u["responsible_labels"]), tuple(u["member_labels"]))


DEADLINE = re.compile(
    r"(?:到|于|力争|确保到|在)?\s*(?P<d>(?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底|末|年末)?(?:前|之前|以前)?"
    r"|每年\d{1,2}月(?:底|末|\d{1,2}日)(?:前|之前)?)"
)
SEGMENT_BREAKS = "，。；：,;:、且"
DETERMINERS = tuple("这那哪每某任")
COMPARATOR_WORDS = r"不得低于|不得少于|不得超过|原则上不超过|一般不超过|不少于|不低于|不超过|不高于|不多于|至少|最少|最多|达到|控制在|超过|高于|低于|少于|多于|满|提前"
SCOPE = re.compile(r"每个(?:城市|农村)?社区|城市社区|农村社区|每个村|各新城|每个新城|每个街道|每个区|每个乡镇")


def split_units(text: str) -> tuple[str, ...]:
    """'市民政局、市扶贫办﹝市生态移民局﹞，各县（市、区）政府等' → units as written; never split inside brackets."""
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += ch in OPEN
        depth -= ch in CLOSE
        if ch in "、，," and depth <= 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    out = []
    for p in parts:
        p = p.strip().strip("。；;：:")
        p = re.sub(r"等(?:部门|单位)?$", "", p)
        while p.endswith(("）", ")")) and p.count("（") + p.count("(") < p.count("）") + p.count(")"):
            p = p[:-1]
        if 2 <= len(p) <= 30:
            out.append(p)
    return tuple(out)


def _read_list(text: str, start: int) -> tuple[str, int]:
    """Read a unit list from `start` to the first ；/。/closing bracket at depth 0."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return text[start:i], i
            depth -= 1
        elif ch in "；;。" and depth == 0:
            return text[start:i], i
    return text[start:], len(text)


@dataclass(frozen=True)
class Units:
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    start: int = -1  # span of the explicit statement in the clause text
    end: int = -1


def clause_units(text: str) -> Units:
    """The responsible units a clause states, explicit labels first, then 由…负责 / …牵头 phrasing."""
    r = rules()
    lead: list[str] = []
    support: list[str] = []
    span = [len(text), -1]

    def mark(s: int, e: int) -> None:
        span[0], span[1] = min(span[0], s), max(span[1], e)

    for label in r.lead_labels:
        for m in re.finditer(label + r"[：:]", text):
            body, end = _read_list(text, m.end())
            lead += split_units(body)
            mark(m.start() - (1 if m.start() and text[m.start() - 1] in "（(" else 0), end + 1)
            for sl in r.support_labels:
                m2 = re.match(r"[；;]\s*" + sl + r"[：:]", text[end:])
                if m2:
                    body2, end2 = _read_list(text, end + m2.end())
                    support += split_units(body2)
                    mark(end, end2 + 1)
    # Without a 牵头 label: 责任部门/责任单位 lists are all leads; else work-group 成员 are support.
    for labels, role in ((r.responsible_labels, lead), (r.member_labels, support)):
        if lead:
            break
        for label in labels:
            for m in re.finditer(label + r"[：:]", text):
                body, end = _read_list(text, m.end())
                role += split_units(body)
                mark(m.start(), end)
    lead = list(dict.fromkeys(lead))
    support = [u for u in dict.fromkeys(support) if u not in lead]
    if span[1] < 0:
        return Units()
    return Units(tuple(lead), tuple(support), span[0], span[1])


def sentence_units(sentence: str) -> Units:
    """Units a single sentence assigns by its grammar (assistant/roles.py)."""
    roles = sentence_roles(sentence)
    if not roles.lead:
        return Units()
    return Units(roles.lead, roles.support, 0, len(sentence))


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
        if groups and text[groups[-1][-1].end : q.start] in ("", "、", "至", "到", "或者", "或") and q.unit == groups[-1][-1].unit:
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
        comparator = pre.group(0) if pre else next((w for w in ("以上", "以下", "以内", "左右") if full.endswith(w)), "")
        out.append(Value(s, e, value.strip(), full, comparator, g[0].unit if g[0].unit != "ratio" else "", g[0].kind))
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
    if q.text.startswith(("一个", "一次", "一项", "一批", "一家")) and before in DETERMINERS:
        return False  # "这一个", "每一次": a determiner, not a count
    after = text[q.end : q.end + 1]
    if after == "的" and q.text.endswith(("以上", "以下")) and q.kind == "count":
        return False  # "人口5000人以下的社区": a qualifier of the subject, not a target
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


def _deadline(text: str, s: int, e: int, value_at: int) -> str | None:
    found = [m for m in DEADLINE.finditer(text, s, e) if m.group("d")]
    found = [m for m in found if not re.match(r"\d{4}年$", m.group("d")) or re.search(r"(?:到|于)\s*$", text[max(s, m.start() - 2) : m.start("d")])]
    before = [m for m in found if m.start() < value_at]
    m = (before or found or [None])[-1 if before else 0]
    return m.group("d") if m else None


def _comparator(text: str, seg_start: int, value_start: int, suffix: str | None) -> str | None:
    window = text[seg_start:value_start]
    best = None  # the comparator ending last wins; among those, the longest (不得低于 over 低于)
    for c in rules().comparators:
        i = window.rfind(c)
        if i >= 0 and (best is None or (i + len(c), len(c)) > (best[0], len(best[1]))):
            best = (i + len(c), c)
    if best:
        return best[1]
    return suffix


def _indicator(text: str, seg_start: int, value_start: int) -> str:
    name = text[seg_start:value_start]
    name = re.sub(r"^(?:到|力争|确保|其中|并|要|应)?\s*(?:\d{4}年(?:年底|底|末)?(?:前)?)?[，,]?", "", name)
    for c in sorted(rules().comparators, key=len, reverse=True):
        name = name.replace(c, "")
    return name.strip("，、：；的 ") or text[seg_start:value_start]


def extract_document(doc: Document) -> list[Indicator]:
    """Every indicator (and every unit-only assignment) in one document."""
    rows: list[Indicator] = []
    inherited: dict[tuple[str, ...], Units] = {}
    table_deadline = None
    for group in clause_groups(doc):
        first = group[0]
        text = "".join(c.text for c in group)
        base = first.start
        units = clause_units(text)
        path = first.heading_path
        if units.start >= 0 and "牵头单位" in text[units.start : units.end]:
            inherited[path] = units
        if units.start < 0:
            units = next((inherited[path[:d]] for d in range(len(path) - 1, 0, -1) if path[:d] in inherited), Units())
        if first.kind == "table_header":
            m = re.search(r"(\d{4})\s*年?\s*(?:目标|预期)", text)
            table_deadline = f"{m.group(1)}年" if m else None
            continue
        common = dict(doc_id=doc.id, region=doc.region, title=doc.title, clause=text, clause_id=first.id,
                      section=first.section, lead_units=units.lead, support_units=units.support)
        valued_sentences: set[int] = set()
        if first.kind == "table_row":
            # The target column is the last figure of the row; cells may be bare numbers ("… 18 预期性").
            values = list(re.finditer(r"\d+(?:\.\d+)?\s*(?:%|平方米|户|人|名|个|万元|元)?", _masked(text)))
            if values:
                v = values[-1]
                unit = re.sub(r"[\d.\s]", "", v.group(0)) or None
                rows.append(Indicator(indicator=text[: values[0].start()].strip(), comparator=None,
                                      value=v.group(0).strip(), unit=unit, scope=None,
                                      deadline=table_deadline, quote=text, start=base, end=base + len(text), **common))
            continue
        masked = _masked(text)
        for q in merged_quantities(masked):
            vs, ve = q.start, q.end
            seg_s, seg_e = _segment(text, vs, ve)
            sent_s, sent_e = _sentence(text, vs)
            own = sentence_units(text[sent_s:sent_e])
            if not own.lead and not units.lead:
                own = _earlier_subject(text, sent_s)
            row_units = own if own.lead else units
            scope = SCOPE.search(text, sent_s, sent_e)
            rows.append(Indicator(
                indicator=_indicator(text, seg_s, vs),
                comparator=q.comparator or _comparator_before(text, seg_s, vs) or None,
                value=q.value, unit=q.unit or None, scope=scope.group(0) if scope else None,
                deadline=_deadline(text, sent_s, sent_e, vs), quote=text[seg_s:seg_e], start=base + seg_s, end=base + seg_e,
                value_text=q.text, quantity_kind=q.kind,
                **(common | {"lead_units": row_units.lead, "support_units": row_units.support})))
            valued_sentences.add(sent_s)
        for m in re.finditer(r"(?:于|在|到)?((?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底)?(?:前|之前))(?:完成|制定|建成|实现)", text):
            s, e = _segment(text, m.start(), m.end())
            sent_s, sent_e = _sentence(text, m.start())
            own = sentence_units(text[sent_s:sent_e])
            rows.append(Indicator(indicator=text[m.end() - 2 : e].strip("，。"), comparator=None, value=None, unit=None, scope=None,
                                  deadline=m.group(1), quote=text[s:e], start=base + s, end=base + e,
                                  **(common | {"lead_units": own.lead or units.lead, "support_units": own.support if own.lead else units.support})))
            valued_sentences.add(sent_s)
        for sent_s, sent_e in _sentences(text):
            own = sentence_units(text[sent_s:sent_e])
            if own.lead and sent_s not in valued_sentences:
                rows.append(Indicator(indicator=_heading_name(path), comparator=None, value=None, unit=None, scope=None,
                                      deadline=None, quote=text[sent_s:sent_e], start=base + sent_s, end=base + sent_e,
                                      **(common | {"lead_units": own.lead, "support_units": own.support})))
        if units.start >= 0 and (units.lead or units.support) and clause_units(text).start >= 0:
            own = clause_units(text)
            if own.start >= 0:
                rows.append(Indicator(indicator=_heading_name(path), comparator=None, value=None, unit=None, scope=None,
                                      deadline=None, quote=text[own.start : own.end], start=base + own.start,
                                      end=base + own.end, **common))
    return rows


def _heading_name(path: Sequence[str]) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.]?", "", path[-1]) if path else ""


def extract_all(docs: Iterable[Document], embedder=None) -> list[Indicator]:  # noqa: ANN001
    """All rows of all documents with topics; an `embedder` places rows the taxonomy misses."""
    from assistant.topics import assign_topics

    return assign_topics([row for d in docs for row in extract_document(d)], embedder)


def indicator_json(i: Indicator) -> dict:
    return {"doc_id": i.doc_id, "region": i.region, "title": i.title, "indicator": i.indicator, "topic": i.topic,
            "comparator": i.comparator, "value": i.value, "unit": i.unit, "scope": i.scope, "deadline": i.deadline,
            "lead_units": list(i.lead_units), "support_units": list(i.support_units), "quote": i.quote,
            "clause": i.clause, "clause_id": i.clause_id, "section": i.section, "start": i.start, "end": i.end}
