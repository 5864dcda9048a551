"""Who a sentence makes responsible, by its grammar: 由X负责 / X牵头 / X应当… / X会同Y / 由X责令.

The subject of an obligation (X应当, X负责, X要) or the agent of 由X… is a lead unit; 会同 partners
are support units. A unit is kept only when the organisation grammar (`assistant/orgs.py`) accepts
it as a complete name; names that span levels ("市、区民政部门", "区、县人民政府房地产行政主管部门")
stay one unit. Labelled lists (（牵头单位：…；责任单位：…）, rules/roles.toml) are read as written.
One implementation, used by answers and extraction. Pure functions.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.orgs import PREPOSITION, clean_unit, has_unit, leading_unit

RULES = Path(__file__).parent / "rules" / "roles.toml"

OPEN, CLOSE = "（(﹝〔[【", "）)﹞〕]】"
AGENT_VERBS = (
    "负责|牵头|统筹|组织|实施|责令|审批|批准|核定|核准|决定|给予|处以|依法|按照|根据|会同|统一|设岗|管理|"
    "指导|监督|办理|确定|制定|承担|予以|没收|收回|作出|审核|认定|登记|受理|进行"
)
SUBJECT_VERBS = "应当|应|负责|牵头|要|可以|会同|统筹|指导|组织|履行|承担|按照各自职责|切实履行|发挥"
AGENT = re.compile(rf"由([^，。；：由]{{2,40}}?)(?:具体|统一|分别|共同)?(?:{AGENT_VERBS})")
PARTNER = re.compile(
    r"会同([^，。；]{2,60}?)(?=建立|制定|开展|负责|做好|推进|研究|确定|根据|按照|对|，|。|；|组织|编制|核定|划定|进行|共同|联合)"
)
OBLIGATION = re.compile(r"应当|必须|负责")
SUBJECT = re.compile(rf"(?:^|[，；：。])\s*([^，。；：]{{2,40}}?)(?:{SUBJECT_VERBS})")
VERB = re.compile(SUBJECT_VERBS)
ACTS = re.compile(r"应当|应|必须|可以|要|负责|统筹|按照|依照|依据|根据")


@dataclass(frozen=True)
class Roles:
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()


def _split(text: str, seps: str) -> list[tuple[str, str]]:
    """(piece, separator after it), splitting at `seps` outside brackets."""
    out: list[tuple[str, str]] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        depth += ch in OPEN
        depth -= ch in CLOSE
        if ch in seps and depth <= 0:
            out.append(("".join(cur), ch))
            cur = []
            continue
        cur.append(ch)
    out.append(("".join(cur), ""))
    return out


def split_names(text: str, *, listed: bool = False) -> tuple[str, ...]:
    """'镇人民政府、街道办事处' → both; '市、区民政部门' and '自然资源和规划部门' stay whole (their
    fragments are not names); never split inside brackets. A `listed` text comes after a label
    (牵头单位：…), so every piece is a unit as written, abbreviations (市扶贫办) included."""
    if listed:
        return tuple(dict.fromkeys(n for n in (_listed_name(p) for p, _ in _split(text, "、，,")) if n))
    out: list[str] = []
    pending = ""
    for piece, sep in _split(text, "、，,"):
        name = clean_unit(pending + piece)
        if name:
            parts = [clean_unit(p) for p, _ in _split(name, "和及与")]
            out.extend(parts if len(parts) > 1 and all(parts) else [name])
            pending = ""
        else:
            pending += piece.strip() + sep
    return tuple(dict.fromkeys(out))


def _listed_name(piece: str) -> str:
    p = re.sub(r"等(?:部门|单位)?$", "", piece.strip().strip("。；;：:"))
    while p.endswith(("）", ")")) and p.count("（") + p.count("(") < p.count("）") + p.count(")"):
        p = p[:-1]
    return p if 2 <= len(p) <= 30 else ""


def _subject(subject: str, rest: str) -> list[str]:
    """The units a clause's subject names. A verb may end a unit's name ("残疾人组织按照…组织残疾评定"
    first reads 残疾人 before 组织): when the shortest reading names no unit, the verb may end the name
    if what follows says what the body does ("加强社区党组织建设", "各地要组织开展" name no one)."""
    verb = VERB.match(rest)
    ends = [0]
    if verb and ACTS.match(rest[verb.end() :]):  # the name is followed by what it does
        ends.append(verb.end())
    for end in ends:
        head = re.split(r"由", subject + rest[:end])[-1]
        if len(head) > 40:
            break
        if PREPOSITION.match(head):
            return []  # "按照市委、市政府…部署": an adverbial, not who acts
        names = split_names(head)
        if names:
            return list(names)
    return []


def sentence_roles(sentence: str) -> Roles:
    """Lead and support units one sentence assigns."""
    lead: list[str] = []
    support: list[str] = []
    for m in AGENT.finditer(sentence):
        lead += split_names(m.group(1))
    for m in SUBJECT.finditer(sentence):
        lead += _subject(m.group(1), sentence[m.end(1) :])
    for m in PARTNER.finditer(sentence):
        support += split_names(m.group(1))
    if not lead and OBLIGATION.search(
        sentence
    ):  # "养老机构暂停服务的，应当…": the subject opens the sentence
        opener = leading_unit(sentence)
        lead += [opener] if opener else []
    lead = list(dict.fromkeys(lead))
    return Roles(tuple(lead), tuple(u for u in dict.fromkeys(support) if u not in lead))


# Whose a thing is ("…为公共收益，归业主共有", "依法属于业主的公共收益包括：", "著作权属于受托人。", "由作者享有"):
# what answers "归谁？" (an owner need not be a body).
OWNER = re.compile(
    r"(?:归|属于)[^，。；：]{1,16}?(?:所有|共有|享有)|属于[^，。；：]{1,8}?(?:的|[，。；]|$)|由[^，。；：]{1,10}?享有"
)

# What a body does when a text makes it answerable for a matter (负责人 is a person, not a duty).
ANSWERABLE = re.compile(r"负责(?!人)|牵头|主管|备案|审批|核准|批准|查处|处罚|责令|监督管理")


# A party a duty binds, named as a person rather than a body ("…危及公共安全的，房屋使用安全责任人应当委托进行房屋安全鉴定",
# "监护人应当…", "经营者负责…"): who does it, as "谁负责做安全鉴定" asks.
PARTY_BOUND = re.compile(r"(?:^|[，。；：])[^，。；：]{1,12}?(?:人|者|业主)(?:应当|必须|负责)")


def assigns_responsibility(text: str) -> bool:
    """The text says who is responsible: a lead unit by its grammar (由X负责, X应当…), a body named beside
    what it is answerable for (县级党委组织部门备案管理), or a party the duty binds (责任人应当…)."""
    return (
        bool(sentence_roles(text).lead)
        or (has_unit(text) and bool(ANSWERABLE.search(text)))
        or bool(PARTY_BOUND.search(text))
    )


@dataclass(frozen=True)
class Labels:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    responsible: tuple[str, ...]
    member: tuple[str, ...]


@cache
def labels() -> Labels:
    d = tomllib.loads(RULES.read_text(encoding="utf-8"))["labels"]
    return Labels(tuple(d["lead"]), tuple(d["support"]), tuple(d["responsible"]), tuple(d["member"]))


@cache
def next_label() -> re.Pattern[str]:
    """Where a labelled list begins: any label of rules/roles.toml and its colon."""
    lab = labels()
    words = sorted({*lab.lead, *lab.support, *lab.responsible, *lab.member}, key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")[：:]")


@dataclass(frozen=True)
class Units:
    """Lead and support units with the span of the statement that names them (-1 when none)."""

    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    start: int = -1
    end: int = -1


def _read_list(text: str, start: int) -> tuple[str, int]:
    """A unit list from `start` to the first ；/。/closing bracket at depth 0, or to a comma opening the
    next labelled list ("牵头单位：市教育局，配合单位：…")."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return text[start:i], i
            depth -= 1
        elif depth == 0 and (ch in "；;。" or (ch in "，," and next_label().match(text, i + 1))):
            return text[start:i], i
    return text[start:], len(text)


def is_unit_column(heading: str) -> bool:
    """A table column that lists units: its heading is one of the labels (牵头单位, 责任单位, 成员…)."""
    lab = labels()
    return heading in {*lab.lead, *lab.support, *lab.responsible, *lab.member}


def column_units(header: Sequence[str], row: Sequence[str], row_text: str) -> Units:
    """The units a task table's row names under its header's unit columns ("牵头单位 | 责任单位": the
    first leads, the second supports; a 责任单位 column alone leads), spanning those cells of
    `row_text`; no units when the header has no such column or the row another number of cells."""
    lab = labels()
    if len(header) != len(row):
        return Units()
    has_lead = any(h in lab.lead for h in header)
    lead: list[str] = []
    support: list[str] = []
    spans: list[int] = []
    for h, cell in zip(header, row, strict=True):
        if not cell:
            continue
        if h in lab.lead or (not has_lead and h in lab.responsible):
            lead.extend(split_names(cell, listed=True))
        elif h in lab.support or h in lab.member:
            support.extend(split_names(cell, listed=True))
        else:
            continue
        at = row_text.find(cell)
        spans += [at, at + len(cell)]
    if not lead and not support:
        return Units()
    return Units(tuple(dict.fromkeys(lead)), tuple(dict.fromkeys(support)), min(spans), max(spans))


def clause_units(text: str) -> Units:
    """The units a clause lists under labels: 牵头单位 (with 责任单位 after it as support); without a
    牵头 label, 责任部门/责任单位 lists are all leads, else work-group 成员 are support."""
    lab = labels()
    lead: list[str] = []
    support: list[str] = []
    span = [len(text), -1]

    def mark(s: int, e: int) -> None:
        span[0], span[1] = min(span[0], s), max(span[1], e)

    for label in lab.lead:
        for m in re.finditer(label + r"[：:]", text):
            body, end = _read_list(text, m.end())
            lead += split_names(body, listed=True)
            mark(m.start() - (1 if m.start() and text[m.start() - 1] in "（(" else 0), end + 1)
            for sl in lab.support:
                m2 = re.match(r"[；;，,]\s*" + sl + r"[：:]", text[end:])
                if m2:
                    body2, end2 = _read_list(text, end + m2.end())
                    support += split_names(body2, listed=True)
                    mark(end, end2 + 1)
    for group, role in ((lab.responsible, lead), (lab.member, support)):
        if lead:
            break
        for label in group:
            for m in re.finditer(label + r"[：:]", text):
                body, end = _read_list(text, m.end())
                role += split_names(body, listed=True)
                mark(m.start(), end)
    if span[1] < 0:
        return Units()
    lead = list(dict.fromkeys(lead))
    return Units(tuple(lead), tuple(u for u in dict.fromkeys(support) if u not in lead), span[0], span[1])


def sentence_units(sentence: str) -> Units:
    """The units one sentence assigns by its grammar, spanning the sentence."""
    roles = sentence_roles(sentence)
    return Units(roles.lead, roles.support, 0, len(sentence)) if roles.lead else Units()
