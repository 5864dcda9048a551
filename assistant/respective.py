"""Figures listed side by side and the names a 分别 gives them: "A、B和C分别达到90%、99%和13.5年" is one
figure per name, "A、B分别下降10%以上" one figure each."""

from __future__ import annotations

import os
import re

from indexer.tokenize import domain_tokenizer

# "取得A、B和C证书者，分别给予5000元、3000元、2000元": each of the listed names takes the figure in
# its place. The names are the enumeration nearest before 分别, cut at 、/和/及/与/或.
RESPECTIVELY = re.compile(r"[，,]?\s*分别")
# "分别达到", "分别从2015年的", "分别从…降至2019年的": a 分别 earlier in the clause that lists the figures
RESPECTIVE_LEAD = re.compile(r"分别[^，,；;。：:]*$")
# "A、B较2025年分别下降10%以上", "局级正职、局级副职分别为5年": one figure each of the names reaches ("分别或者合计达到"
# sums them, "分别与两个以上保险人" is a preposition's)
RESPECTIVE_ONE = re.compile(
    r"分别(?:为|是|达|达到|下降|增长|提高|提高到|提升到|降低|降至|减少|增加|超过|不低于|不少于|不超过|控制在)?$"
)

# How a figure says a thing changed by it ("增长9.2%", "下降10%以上"; one home for these verbs)
CHANGES = "增长|下降|增加|减少|上升|提高|提升|降低"
# "火灾起数、亡人数较“十二五”时期分别下降3.7%、12.2%": the figures are how much each changed, said once for all
CHANGED_BY = re.compile(rf"分别(?:[比较][^，,；;。]*?)?({CHANGES})$")


PARALLEL = ("、", "和", "以及", "及", "与")  # between figures listed side by side
# 和, 及, 与, 或 joining two names, not inside a word (普及率, 涉及, 及时, 和谐, 参与率, 或者 whole)
CONJUNCTION = (
    r"以及|(?<![缓温柔谐总])和(?![谐睦])|(?<![普涉危波顾企来])及(?!以[上下]|时)|(?<![参给赋])与|或者|或"
)
PARALLEL_SPLIT = re.compile("|".join(PARALLEL))
# alternatives side by side, "50%、40%或者30%" (not a bound, "两个或者两个以上")
ALTERNATIVES_SPLIT = re.compile("|".join((*PARALLEL, "或者", "或")))
BOUND = re.compile("以[上下内]")  # "100元以上、500元以下": a range's bounds, not figures side by side


def parallel_figures(value: str, unit: str) -> list[str]:
    """The figures of a parallel value, each with the unit the list gives once: "17.2、2.4和3.8个百分点"."""
    split = PARALLEL_SPLIT if BOUND.search(value) else ALTERNATIVES_SPLIT
    figures = [f for f in split.split(value) if f]
    return [f if not unit or not re.fullmatch(r"[\d.]+", f) else f + unit for f in figures]


def _head(text: str, sent_start: int, value_start: int) -> str:
    """The sentence up to the figures: the clause holding them and those before it."""
    return text[text.rfind("。", 0, sent_start) + 1 : value_start]


def respective_names(text: str, sent_start: int, value_start: int, count: int | None) -> list[str] | None:
    """The `count` names a "分别" list pairs with parallel figures, in order; None when the sentence
    does not list exactly that many before its 分别. With `count` None, the names a 分别 right before one
    figure gives it to, each ("A、B较2025年分别下降10%以上": each falls by 10%), when it lists two or more."""
    head = _head(text, sent_start, value_start)
    m = list(RESPECTIVELY.finditer(head))
    if not m:
        return None
    # the nearest 分别 whose names are listed; a second list that names none pairs with the first's
    # ("A、B和C分别达到90%、99%和13.5年；2020年分别达到98%、99%和15年以上")
    for lead in reversed(m):
        clauses = re.split(r"[，,；;：:]", head[: lead.start()])
        listing = clauses[-1]
        if (
            count
            and len(clauses) > 1
            and not re.search(rf"、|{CONJUNCTION}", listing)
            and not re.search(r"\d", clauses[-2])
        ):
            # "化学需氧量、氨氮…的排放总量，预计将分别比2020年减少8%、8%…": the names are the clause before
            listing = clauses[-2]
        if "分别" in listing:
            continue  # "…分别为14.1/10万和18.5/10万，分别比2010年降低52.5%和38.5%": the earlier 分别's names
        # "三级及以上" is one name; one figure goes to names its own 分别 lists with 、, outside brackets
        # ("县（市、区）" is one name)
        cut = rf"、|{CONJUNCTION}" if count else r"、(?![^（(]*[）)])"
        parts = [x for x in re.split(cut, listing) if x]
        if len(parts) > 1 or count is None:
            break
    if len(parts) != count and (count is not None or len(parts) < 2):
        return None
    # the first name carries what leads into the list ("…中取得高级社会工作师"): cut after its last verb or
    # preposition; the last carries what follows it ("…证书者", "二等奖的"): a closing 的 goes
    parts[0] = re.split(r"取得|获得|对于|对|给予|向|为|中|按照|其中", parts[0])[-1]
    # the year the list is for is no part of its name ("2015年学前三年幼儿教育毛入园率")
    parts[0] = re.sub(r"^(?:到|至)?\d{4}年(?:底|末)?", "", parts[0])
    parts[-1] = re.sub(r"的$", "", parts[-1])
    # what the names share at their end ("…级", "…社会工作师") closes the last name too; the words after
    # it there belong to every name ("社区（村）级|社区养老服务设施", "助理社会工作师|职业资格证书者")
    shared = os.path.commonprefix([x[::-1] for x in parts[:-1]])[::-1]
    at = parts[-1].find(shared) if shared else -1
    if at >= 0 and at + len(shared) < len(parts[-1]):
        tail = parts[-1][at + len(shared) :]
        parts = [x + tail for x in parts[:-1]] + [parts[-1]]
    elif len(parts) > 1 and all(len(domain_tokenizer().precise(x)) == 1 for x in parts[:-1]):
        # "村、社区“一肩挑”比例分别为97.5%、94.6%": names of one word each, and what follows the last one's word is
        # what every name's figure measures
        last = parts[-1].strip()
        words = domain_tokenizer().precise(last)
        if len(words) > 1:
            parts = [x + last[len(words[0]) :] for x in parts[:-1]] + [last]
    names = [x.strip() for x in parts]
    return names if all(names) else None


def names_listed(text: str, sent_start: int, value_start: int) -> bool:
    """The sentence lists names for the 分别 before the figures at `value_start`: an enumeration in the clause
    holding it, or, when that clause is its 分别 alone, in the clause before ("对获得一等奖、二等奖、三等奖的，分别奖励…"),
    unless that clause counts things of its own ("2200多个县…中心、2.8万多个乡镇…工作站，覆盖率分别达到…": no names)."""
    head = _head(text, sent_start, value_start)
    lead = head.rfind("分别")
    if lead < 0:
        return False
    clauses = re.split(r"[，,；;：:]", head[:lead])
    enumerates = [bool(re.search(rf"、|{CONJUNCTION}", c)) for c in clauses]
    if clauses[-1].strip() or len(clauses) < 2:
        return enumerates[-1]
    return enumerates[-2] and not re.search(r"\d", clauses[-2])
