"""What a figure of a policy sentence measures, named from the words around it."""

from __future__ import annotations

import re

from assistant.figures import DATED_REACH, MEASURE_NAMED, REACHED, rules
from assistant.quantity import rules as quantity_rules
from assistant.respective import CHANGES
from corpus.cells import TARGET_VERBS
from corpus.outline import BULLET_GLYPHS
from indexer.tokenize import domain_tokenizer, is_noun, is_qualifier

# a segment naming nothing but a change: "，增长", "，年均增长", "，比上年下降"
CHANGE_ONLY = re.compile(rf"[，,]?(?P<change>(?:同比|比上年|年均|平均)?(?:{CHANGES})了?)")


YEAR = r"(?:\d{4}|20XX)年(?:底|末)?"  # the year a figure is reached by ("2025年", "2022年底")
# "完成 155公里 河道综合整治", "新增 41.04万 平方米 立体绿化": a verb alone before the figure, what it measures after it
BARE_VERB = re.compile(rf"(?:{TARGET_VERBS}|累计|共|已|安排|投入|下达|拨付|筹集)+")
# "…养老床位，为计划的101%", "完成全年任务数的30%": a share of the plan, of what the figure before it measures
PLAN_SHARE = re.compile(r"(?:为|占|达到?|完成)?(?:全年|年度|当年)?(?:计划|任务|目标)(?:数|量)?")
# a figure and its unit closing an item of a list before the figure named ("325万个、", "3800多万户、")
LISTED_BEFORE = re.compile(r"\d+(?:\.\d+)?(?:余|多)?[^\d、，。；：]{0,4}?、")
# "建成1个老年食堂、18个社区老年助餐点，23个村级老年助餐点": a count listed after another with its own noun; what it counts
# follows it, and what the list opens with (建成) is all it shares. The counting words are rules/quantity.toml's.
COUNTERS = "".join(
    sorted(
        u for u, k in quantity_rules().unit_kinds.items() if k == "count" and len(u) == 1 and u not in "万亿"
    )
)
LISTED_LEAD = re.compile(rf"(?:\d+(?:余|多)?[{COUNTERS}][^\d、，。；：]{{1,12}}?[、，,])+$")


def indicator_name(
    text: str,
    seg_start: int,
    value_start: int,
    after: str = "",
    count: bool = False,
    elided: str = "",
    share_of: bool = False,
) -> str:
    """What a figure measures: its segment's words before it, and for a count (or when nothing comes
    before it) the words after it, the figure's place shown by "…": "培育和打造…城乡社区治理创新试点",
    "…成员提出召开物业管理委员会会议的". A segment naming nothing but its date and verb ("…提升到0.583，
    到2030年达0.60以上") measures what the figure before it in the sentence measures (`elided`); one naming nothing but a
    change ("485.2亿元，增长9.2%") how that changed, one naming the plan ("，为计划的101%") how much of it was done. A share
    `share_of` what follows it ("50%的城市社区…") is named by that too, and a figure after a bare verb ("完成 155公里 河道综合整治")
    by what follows it, as a count is."""
    # "数据显示，三成以上…", "住房和城乡建设部最新数据显示，…", "据统计，…": who reports the figure names nothing it measures
    name = raw = REPORTED.sub("", text[seg_start:value_start])
    # "培育3家以上品牌化员工制家政企业（员工制家政服务员占比超过50%）": a figure in brackets after a measure's name measures
    # that, and the words after a figure stop where such a bracket opens ("（不含…）", "（≥91dB HL）" qualify the figure)
    opened = max(name.rfind("（"), name.rfind("("))
    if opened > max(name.rfind("）"), name.rfind(")")) and MEASURE_NAMED.search(
        _without_comparators(name[opened + 1 :])
    ):
        name = raw = name[opened + 1 :]
    if bracketed := BRACKETED_MEASURE.search(after):
        after = after[: bracketed.start()]
    # "…覆盖率达到90%以上，10%的家政从业人员接受过…": a share opening its clause is named by what follows it alone (not a
    # word too short to name who or what: "…574.0亿元，8.8%的增速")
    if share_of and re.search(r"[，,；;]\s*$", name) and len(after.removeprefix("的")) > 3:
        name = raw = ""
    # "增设停车位325万个、电动汽车充电桩10.4万个": a figure listed after another is named by what follows that one, and when
    # nothing new does ("惠及居民3800多万户、约1亿人", "比例到2020年超过建制村总数的35%、2022年超过建制村总数的50%") by what that
    # one measures
    if count and after and (counted := LISTED_LEAD.search(name)):
        name = raw = name[: counted.start()]
    elif listed := list(LISTED_BEFORE.finditer(name))[-1:]:
        before, rest = name[: listed[0].start()], _without_comparators(name[listed[0].end() :])
        rest = re.sub(rf"^{YEAR}", "", rest.strip("，、：；的 ")).strip("，、：；的 ")
        name = name[listed[0].end() :] if rest and rest not in before else elided or before
    name = re.sub(
        r"^(?:到|力争|确保|其中|并|但(?!是)|要(?!求)|应当|应|提出了)?\s*(?:\d{4}年(?:年底|底|末)?(?:前)?)?[，,]?",
        "",
        name,
    )
    name = _after_its_noun(_without_comparators(name))
    # "系数从“十三五”末的0.565提升到": what rises to the figure, not where it rose from
    name = re.sub(r"从(?!事)[^，。；]*?\d+(?:\.\d+)?[%％]?$", "", REACHED.sub("", name)) or name
    if elided and DATED_REACH.fullmatch(text[seg_start:value_start].strip()):
        return elided
    if elided and (change := CHANGE_ONLY.fullmatch(text[seg_start:value_start].strip())):
        # "城镇消费485.2亿元，增长9.2%", "物流业增加值将达到1200亿元，年均增长15%": how what the figure before it measures changed
        return re.sub(r"(?:将|已|要|还|已经)$", "", elided) + change.group("change")
    # "·常住人口城镇化率2025年", "- 服务覆盖率": a bullet (a Markdown one too) and the year the figure is reached by are no
    # part of what it measures
    name = re.sub(rf"^[{BULLET_GLYPHS}\s*\-]+|{YEAR}$", "", name.strip("，、：；的 "))
    bare = name.strip("，、：；的 ")
    name = bare or raw.strip()
    if elided and PLAN_SHARE.fullmatch(bare):
        return f"{elided}（{bare}）"
    after = re.sub(r"[（(](?:详见|见)[^）)]*[）)]", "", after).strip("，。；、 ")
    count = count or bool(BARE_VERB.fullmatch(bare))
    if bare.endswith("了") and after.startswith(
        "的"
    ):  # "翻新了16.5公里的盲路和10处坡道": what was done, what it was done to
        after, count = re.split(r"[和及与、]", after[1:], maxsplit=1)[0], True
    if share_of:  # "到2025年，50%的城市社区建成完整社区": what the share is of; "处合同价款2%以上4%以下的罚款": what it is
        after, count = after.removeprefix("的"), True
        if not bare:
            return after
    if PER_WHAT_ENDS.search(name) and (built := BUILT_TO.match(after)):
        return f"{name}…{built.group('what')}"  # "按每百户不少于30平方米的标准配套建设社区养老服务设施": that facility's area
    return f"{name}…{after}" if after and len(after) <= 30 and (count or not name) else name


BRACKETED_MEASURE = re.compile(
    rf"[（(][^（）()\d]{{2,16}}?{MEASURE_NAMED.pattern.removesuffix('$')}[^（）()\d]{{0,4}}\d"
)
# a standard set per so many ("按每百户不少于30平方米的标准配套建设社区养老服务设施") names what is built or equipped to it
PER_WHAT_ENDS = re.compile(r"每[一二三四五六七八九十百千万\d]*[户人名个]$")
BUILT_TO = re.compile(
    r"^(?:的)?(?:标准|建筑面积|面积)?(?:配套建设|配套|建设|配建|配置|配备|设置)(?P<what>[^，。；、]{2,20})$"
)
WORDED = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a name holds a word, not only bullets, signs and "…"
REPORTED = re.compile(
    r"^\s*(?:据统计|据了解|据悉|[\u4e00-\u9fff]{0,12}?(?:数据|统计|调查|监测)(?:显示|表明))[，,]?"
)


def _without_comparators(text: str) -> str:
    """The text without the comparators of rules/extraction.toml (不低于, 至少…), longest first; a comparator of one
    character (约, 超) only at the text's end, right before the figure: elsewhere it is part of a word (签约, 约定, 超出)."""
    for c in rules().comparators:
        if len(c) == 1:
            text = text.removesuffix(c)
        elif not is_qualifier(c):
            text = text.replace(c, "")
        elif c in text:  # 一般: gone where it bounds a figure, kept before the noun it qualifies
            parts = text.split(c)
            text = "".join(
                part + (c if i < len(parts) - 1 and _qualifies_a_noun(parts[i + 1]) else "")
                for i, part in enumerate(parts)
            )
    return text


def _qualifies_a_noun(after: str) -> bool:
    """An adjective among the comparators qualifies the noun `after` opens with ("一般工作人员岗位工资标准为2300元": ordinary
    staff, not "generally"; 一般公共预算), where it bounds no figure."""
    words = domain_tokenizer().precise(after[:8])
    return bool(words) and (is_noun(words[0]) or is_qualifier(words[0]))


def _after_its_noun(name: str) -> str:
    """The name without a copula or preposition after the noun naming what the figure measures ("有效期为" → 有效期,
    "面积一般在" → 面积, "入托率仅为" → 入托率: by the dictionary's tags, an adverb of degree or time between them going
    with it); one after a verb or another adverb stays ("应当在", "分别为")."""
    if not name.endswith(("为", "在")):
        return name
    words = domain_tokenizer().precise(name)
    if len(words) < 2 or words[-1] not in ("为", "在"):
        return name
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in LINKING_ADVERBS:
        cut -= 1
    return "".join(words[:cut]) if is_noun(words[cut - 1]) or words[cut - 1] in MEASURES else name


# what may stand between a noun and the copula before its figure ("入托率仅为", "平均每户均为"), and go with the copula
LINKING_ADVERBS = frozenset({"仅", "仅仅", "只", "均", "已", "已经", "将", "也", "还", "现", "目前", "一般"})
# what a measure's name ends in when the dictionary cuts it off its noun ("入托|率", "人|数")
MEASURES = frozenset({"率", "数", "量", "额"})


def after_figure(text: str, end: int, seg_end: int) -> str:
    """The words after a figure its name may read: its segment's, or, when a list of what qualifies a noun follows
    it ("每年至少组织开展1次有持续时间、有活动深度、有积极效果的全民阅读活动"), that noun."""
    after = text[end:seg_end]
    # not when the figure's own words end in a noun already: "两至三家备选的物业服务企业基本情况、…"
    if text[seg_end : seg_end + 1] != "、" or "的" in after:
        return after
    clause = re.match(r"[^，。；：,;:]*", text[end:]).group()  # type: ignore[union-attr]
    head = clause.rsplit("的", 1)[1] if "的" in clause[len(after) :] else ""
    return head if head and "、" not in head else after
