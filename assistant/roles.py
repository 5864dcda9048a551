"""Who a sentence makes responsible, by its grammar: 由X负责 / X牵头 / X应当… / X会同Y / 由X责令.

The subject of an obligation (X应当, X负责, X要) or the agent of 由X… is a lead unit; 会同 partners
are support units. A unit is kept only when the organisation grammar (`assistant/orgs.py`) accepts
it as a complete name; names that span levels ("市、区民政部门", "区、县人民政府房地产行政主管部门")
stay one unit. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.orgs import clean_unit

OPEN, CLOSE = "（(﹝〔[【", "）)﹞〕]】"
AGENT_VERBS = (
    "负责|牵头|统筹|组织|实施|责令|审批|批准|核定|核准|决定|给予|处以|依法|按照|根据|会同|统一|设岗|管理|"
    "指导|监督|办理|确定|制定|承担|予以|没收|收回|作出|审核|认定|登记|受理|进行"
)
SUBJECT_VERBS = "应当|应|负责|牵头|要|可以|会同|统筹|指导|组织|履行|承担|按照各自职责|切实履行|发挥"
AGENT = re.compile(rf"由([^，。；：由]{{2,40}}?)(?:具体|统一|分别|共同)?(?:{AGENT_VERBS})")
PARTNER = re.compile(r"会同([^，。；]{2,60}?)(?=建立|制定|开展|负责|做好|推进|研究|确定|根据|按照|对|，|。|；|组织|编制|核定|划定|进行|共同|联合)")
SUBJECT = re.compile(rf"(?:^|[，；：。])\s*([^，。；：]{{2,40}}?)(?:{SUBJECT_VERBS})")


@dataclass(frozen=True)
class Roles:
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()


def _split(text: str, seps: str) -> list[tuple[str, str]]:
    """(piece, separator after it), splitting at `seps` outside brackets."""
    out, depth, cur = [], 0, []
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


def split_names(text: str) -> tuple[str, ...]:
    """'镇人民政府、街道办事处' → both; '市、区民政部门' and '自然资源和规划部门' stay whole (their
    fragments are not names); never split inside brackets."""
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


def sentence_roles(sentence: str) -> Roles:
    """Lead and support units one sentence assigns."""
    lead: list[str] = []
    support: list[str] = []
    for m in AGENT.finditer(sentence):
        lead += split_names(m.group(1))
    for m in SUBJECT.finditer(sentence):
        subject = m.group(1)
        subject = re.split(r"由", subject)[-1]
        lead += split_names(subject)
    for m in PARTNER.finditer(sentence):
        support += split_names(m.group(1))
    lead = list(dict.fromkeys(lead))
    return Roles(tuple(lead), tuple(u for u in dict.fromkeys(support) if u not in lead))
