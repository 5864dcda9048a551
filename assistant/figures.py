"""How figures are read in a policy sentence: quantities merged into values with their comparator
(不少于、不超过…), numbers that are not targets masked (years in titles, document numbers, 5G…), the
indicator named before a value, the calendar deadline nearest to it, dated commitments and the states
they reach (where sentences and their stretches begin and end: `assistant/sentences.py`). Rules and
lexicons: rules/extraction.toml."""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.quantity import Quantity, find_quantities
from assistant.respective import CHANGES, PARALLEL, RESPECTIVE_LEAD
from assistant.roles import Units, sentence_units
from assistant.sentences import CLAUSE_BREAKS, COMPARATOR_WORDS, sentences_of
from indexer.tokenize import domain_tokenizer

RULES = Path(__file__).parent / "rules" / "extraction.toml"


@dataclass(frozen=True)
class Rules:
    comparators: tuple[str, ...]
    not_targets: tuple[re.Pattern[str], ...]


@cache
def rules() -> Rules:
    d = tomllib.loads(RULES.read_text(encoding="utf-8"))
    comparators = sorted(d["comparators"], key=len, reverse=True)  # longest first: 不低于 before 低于
    return Rules(tuple(comparators), tuple(re.compile(p) for p in d["not_targets"]["patterns"]))


DEADLINE = re.compile(
    r"(?:到|于|力争|确保到|在)?\s*(?P<d>(?>(?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底|末|年末)?(?:前|之前|以前)?"
    r"|每年\d{1,2}月(?:底|末|\d{1,2}日)(?:前|之前)?|[今明当]年(?:年底|底|年末|末)(?:前|之前)))"
    r"(?!前?后|[以之]后)"  # "始于2010年前后", "2025年(以)后": about then, or after it; nothing is due by it (read whole, atomic)
)
DETERMINERS = "这那哪每某任新上下本同另首"
# A calendar deadline with the state to reach by it ("于2020年底前，全面完成…建设", "确保2020年完成…",
# "到2025年…实现全覆盖"): a dated commitment, its value the state.
# The deadline needs 到/于/在/确保/力争 before it or 前 after it; "到2025年实现…" with no 前 is left to STATE,
# which keeps what is reached (实现全覆盖).
COMPLETION = re.compile(
    r"(?P<d>(?:\d{4}|20XX)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底)?(?:前|之前)?)[，,]?\s*"
    r"(?P<state>(?:全面|基本|全部)?(?:完成|建成|制定|实现))"
)
# A deadline and what is due by it, later in the sentence: yearly ("每年2月底前，镇人民政府、街道办事处
# 应当完成上年度…清算工作"), weekly ("于每周五中午12:00前报领导小组办公室"), or a calendar day ("20XX年8月
# 30日前分地块和项目完成…"): completed, built, drawn up, or handed over (拨付, 报送, 报, 通报, 配套到位).
RECURRING = re.compile(
    r"(?P<d>(?:每年\d{1,2}月(?:底|末|\d{1,2}日)?|(?:\d{4}|20XX)年\d{1,2}月(?:底|末|\d{1,2}日)"
    r"|每(?:周|星期)[一二三四五六日天](?:[上中下]午|下班|上班)?(?:\d{1,2}[:：]\d{2})?)(?:前|之前))[^。；;]{0,40}?"
    r"(?P<state>(?:全面|基本|全部|足额)?(?:完成|建成|制定|实现|拨付|报送|上报|提交|公布|通报|报(?![告道名])|(?:配套)?到位))"
)
DEADLINE_LEAD = ("于", "在", "到", "确保", "力争")
# A dated state that describes a noun ("2000年底前建成的小区", "…建成需改造的…"), not a commitment
ATTRIBUTE = re.compile(r"(?:[需待应要][\u4e00-\u9fff]{1,3})?的")
# A whole state reached (全覆盖, 全面完成): a dated commitment even in a sentence that also gives figures
# ("决胜全面建成小康社会": the goal a struggle is named for, not a state reached)
WHOLE_STATE = re.compile(r"(?:实现|达到)?全覆盖|(?<!决胜)全面(?:完成|建成|实现)")
# "基本实现全覆盖" is the whole state, basically reached (not "基本实现" of something)
STATE = re.compile(
    rf"(?:基本)?(?:{WHOLE_STATE.pattern})|基本(?:建成|形成|实现|完成)|初步(?:建成|形成)|(?:均|全部)(?:建立|建成|完成)"
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
    qs = [q for q in find_quantities(text) if is_target(text, q)]
    # "5年内重点引进100名…": a span of time ending in 内 before a count in the same stretch of the sentence
    # is the time the count is to be reached in, not a figure of its own
    qs = [
        q
        for q, nxt in itertools.zip_longest(qs, qs[1:])
        if nxt is None
        or not (q.kind == "time_limit" and q.text.endswith("内") and nxt.kind == "count")
        or re.search(r"[，,；;。：:]", text[q.end : nxt.start])
    ]
    # "每五年进行一次评估" is one figure, how often: the count of times carries it, its period stays in
    # the row's name
    carried = {
        id(q)
        for q, nxt in itertools.pairwise(qs)
        if q.kind == "frequency"
        and nxt.unit == "次"
        # a list of whom ("对县（市、区）、街道（乡镇）分管负责同志培训一次") stays in the same clause
        and not re.search(f"[{CLAUSE_BREAKS}]", text[q.end : nxt.start])
    }
    qs = [q for q in qs if id(q) not in carried]
    groups: list[list[Quantity]] = []
    for q in qs:
        between = text[groups[-1][-1].end : q.start].strip() if groups else None
        if (
            groups
            and (
                (between in ("", "至", "到", "或者", "或", *PARALLEL) and q.unit == groups[-1][-1].unit)
                # "提高了17.2、2.4和3.8个百分点": bare figures listed before the one that gives their unit
                or (between in PARALLEL and q.unit and not any(x.unit for x in groups[-1]))
                # "…和人均受教育年限分别达到90%、99%和13.5年", "分别从2015年的20.1/10万、8.1‰、10.7‰降至…": a 分别
                # list pairs its figures whatever their units
                or (between in PARALLEL and RESPECTIVE_LEAD.search(text[: groups[-1][0].start]))
            )
        ):
            groups[-1].append(q)
        else:
            groups.append([q])
    out = []
    for g in groups:
        if (
            not g[-1].unit
            and g[-1].kind == "other"
            and not re.match(COMPARATOR_WORDS, g[0].text)
            and not comparator_before(text, max(g[0].start - 6, 0), g[0].start)
            and not _coefficient(text, g)
        ):
            continue  # a bare figure: a street number (1668号), a postcode, "等3类人员"; a target gives its unit
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
            Value(
                s, e, value.strip(), full, comparator, g[-1].unit if g[-1].unit != "ratio" else "", g[-1].kind
            )
        )
    return out


# A measure without a unit is written with decimals and reached, or is or moves by one: "灌溉水有效利用系数从0.565
# 提升到0.583", "达0.60以上", "分别达0.573和0.576", "收入之比为2.34，比2020年下降0.22" (a coefficient, an index, a
# ratio); a bare whole number is a street number, a code or a count of things left unnamed.
REACHING = r"(?<![送到抵下传表通直转发])达|达到|提高到|提升到|提高至|提升至|增至|降至|降到|下降到|下降至|控制在|保持在|稳定在"
REACHED = re.compile(rf"(?:{REACHING})$")
SAID = rf"为|是|实现|{REACHING}"
STATED = re.compile(rf"(?:{SAID})$")  # what a figure after it is said to be or reach
# what a count after 每 has set for it, the figure right after: "每250户配备1名", "每300户设置1个"
PER_WHAT_SET = re.compile(
    r"(?:应当|应)?(?:配备|配置|设置|设立|设|建设|建|安排|选派|聘用|聘请)(?:不少于|不低于|至少)?"
)
# what a figure after an age is said to be or pass: "60岁及以上人口占全市人口比重将突破20%", "65岁及以上人口超过14%"
SAID_OF_THEM = re.compile(rf"(?:{SAID}|突破|超过)$")
# a measure named right before its figure, as summaries and tables write it: "托位数4.5个", "人均体育场地面积2.6平方米"
MEASURE_NAMED = re.compile(r"(?:数|率|量|面积|比例|比重|占比)$")
DATED_REACH = re.compile(
    rf"[，,]?(?:到|至|力争|确保|力争到|确保到)?\d{{4}}年(?:年底|底|末)?(?:前)?[，,]?{REACHED.pattern}"
)


def _coefficient(text: str, figures: list[Quantity]) -> bool:
    """Decimal figures without a unit that a sentence says are reached or kept at; an index's whole ones too
    ("数字中国发展指数从2020年的85提高到95": its base and its target)."""
    before = re.sub(r"分别$", "", text[: figures[0].start])
    reached = bool(STATED.search(before) or re.search(rf"(?:{CHANGES})$", before))
    if all(re.fullmatch(r"\d+\.\d+(?:以上|以下|左右)?", q.text) for q in figures):
        return reached
    whole = all(re.fullmatch(r"\d+(?:以上|以下|左右)?", q.text) for q in figures)
    index = whole and "指数" in re.split(f"[{CLAUSE_BREAKS}]", before)[-1]
    return index and (reached or bool(re.search(r"从(?:\d{4}年(?:底|末)?的?)?$", before)))


def comparator_before(text: str, seg_start: int, value_start: int) -> str:
    """A comparator word earlier in the value's segment: "不低于每百户30平方米", "至少设立一处"."""
    found = list(re.finditer(COMPARATOR_WORDS, text[seg_start:value_start]))
    return found[-1].group(0) if found else ""


def earlier_subject(text: str, pos: int) -> Units:
    """An obligation whose subject is elided ("符合条件的，应当在三十日内…", "逾期不改正的，处…罚款")
    takes the nearest unit named earlier in the same provision."""
    for s, e in reversed([se for se in sentences_of(text) if se[0] < pos]):
        own = sentence_units(text[s:e])
        if own.lead:
            return own
    return Units()


def is_target(text: str, q: Quantity) -> bool:
    if q.unit == "年" and q.value is not None and q.value >= 1900:
        return False  # a year, not a duration
    if q.text.endswith("人") and re.match(r"口及?(?:以上|以下)", text[q.end :]):
        return False  # "20万人口以上城市在市区至少建成3个": which cities, a condition
    if _denominator(text, q):
        return False  # "工贸商贸10万就业人员生产安全事故死亡率下降32%": what the rate is per, as 每10万人 would say
    if (
        q.unit == "年"
        and q.text[-1] == "年"
        and not q.text.startswith("每")
        and not text[: q.start].endswith(("每", "满"))
    ):
        rest = rest_of_clause(text, q.end)
        following = find_quantities(rest)
        if following and following[0].start == 0 and re.match(r"[\d二两三四五六七八九十百千]", rest):
            return False  # "完成全市农村“3年50万户”无害化厕改": the years a figure is reached in (not "1年一次有效")
    if q.unit in WORD_OPENING_UNITS and not _unit_ends_a_word(text, q):
        return False  # "两场所", "十条例": the unit's character opens a word, it counts nothing
    if "□" in q.text:
        return False
    # "当年完成不少于2000个（计入3万个内）": the total a figure counts towards, stated before it
    counted_in = re.search(r"(?:计入|纳入|算入|含在|包含在|包括在)$", text[: q.start])
    if counted_in and (q.text.endswith("内") or text[q.end : q.end + 1] == "内"):
        return False
    if q.unit == "种" and q.comparator == "=":
        return False  # "两种补偿方式", "一个国家、两种制度": how many kinds a text names (300多种, 两种以上 are figures)
    if q.unit in ("字", "页") and not re.search(r"\d", q.text):
        return False  # 红十字会, 一页纸: a text's length is written in digits (不超过500字, 142页)
    if re.fullmatch(r"[百千万]+", re.sub(r"[^\d零〇一二两三四五六七八九十百千万]", "", q.text)):
        return False  # "百人计划", "千名…项目", "百会进千企": a name; a target writes 一百名 or 100名
    before = text[max(q.start - 1, 0) : q.start]
    if re.match(r"一[个次项批家届轮代条场座台]", q.text) and before and before in DETERMINERS:
        return False  # "这一个", "每一次", "新一届": a determiner, not a count
    if text[q.end : q.end + 1] == "性" and q.text.startswith("一"):
        return False  # "一次性": an adverb
    after = text[q.end : q.end + 1]
    share = q.unit in ("ratio", "%") or "分之" in q.text
    # the figure is what is had, reached or set up ("每个城市社区拥有10个以上的社区社会组织"), not a
    # condition on the subject ("人口5000人以下的社区")
    predicate = text[: q.start].endswith(
        ("在", "为", "以上", "以上、", "拥有", "达到", "配备", "建成", "建有", "培育", "设立", "设置")
    ) or re.search(r"\d$|[十百千万]$", text[: q.start])
    if (
        after == "的"
        and not share
        and not predicate
        and (q.text.endswith(("以上", "以下")) or q.text.startswith("满") or text[: q.start].endswith("不足"))
    ):
        return False  # "人口5000人以下的社区", "十八周岁以上的居民", "年满十八周岁的": a condition on the subject
    if (
        q.kind == "age"
        and after == "的"
        and re.fullmatch(r"[\d一二三四五六七八九十百两]+周?岁", q.text)
        and not re.search(r"(?:满|超过|不足|低于|高于|[、和至到])$", text[: q.start])
    ):
        return False  # "70岁的村民李大爷": a person described by their age (a bound says 以上, 满, 不足…)
    if (q.kind == "age" and re.match(r"[\u4e00-\u9fff]", after)) or (
        q.kind == "time_limit" and re.match(r"婴|幼儿|儿童|新生儿", text[q.end :])
    ):
        # "每千人口拥有3岁以下婴幼儿托位数为2.03个" (or "…托位数4.5个"), "16至59岁劳动年龄人口为85798万人", "12岁儿童龋患率控制在25%以内",
        # "6个月内婴儿纯母乳喂养率达到50%以上": an age inside an indicator its clause gives a figure says who is counted
        # ("为七十周岁以上老年人提供养老服务补贴": the bound is the provision's figure; "14周岁以上不满16周岁": a range);
        # a range of ages before a noun says who whatever follows ("开展0-6岁儿童家长培训", "0-3岁早期教育体制"),
        # unless it is what is stated ("年龄范围为14-35周岁的青年")
        rest = rest_of_clause(text, q.end)
        ranged = q.kind == "age" and re.search(r"\d\s*[-—~～至到]\s*\d", q.text)
        if (
            (ranged and not STATED.search(text[: q.start]))
            or any(
                x.kind != "age"  # "已满十四周岁不满十六周岁": a range of ages
                and not (x.unit == "年" and (x.value or 0) >= 1900)  # "提高到2018年的77.0岁": a year
                # the figure is reached or is ("控制在5%以下", "降至2019年的17.8‰"), not a second condition ("或低于1米")
                and (
                    SAID_OF_THEM.search(re.sub(r"[从由]?\d{4}年(?:底|末)?的?$", "", _lead(rest, x)))
                    or MEASURE_NAMED.search(rest[: x.start])  # not "村民的过半数": a figure in words
                )
                for x in find_quantities(rest)
            )
        ):
            return False
    if re.fullmatch(r"一(?:个|套|批|支|项|系列|种|条|场|座|台|份)", q.text) and not comparator_before(
        text, max(q.start - 6, 0), q.start
    ):
        return False  # "形成一套制度", "培养一批骨干", "设立一个居民小组": an article, not a count
    if q.text == "一次":
        seg = text[max(text.rfind("，", 0, q.start), text.rfind("。", 0, q.start), 0) : q.start]
        if "每" not in seg and not comparator_before(seg, 0, len(seg)):
            return False  # "实现一次采集": once, not a frequency ("每年举行一次" keeps it)
    # "每百户", "每万人", "每一户籍": the denominator of a rate ("每十五户至五十户" is a size); so is any count
    # a figure is set for right after it ("每250户配备1名")
    if q.text.startswith("每") and q.kind == "count":
        if q.value in (1, 10, 100, 1000, 10000):
            return False
        rest = rest_of_clause(text, q.end)
        ranged = re.search(r"[至到\-—~～]", q.text)  # "每十五户至五十户设立一个居民小组": a group's size
        if (
            not ranged
            and (m := PER_WHAT_SET.match(rest))
            and any(x.start == m.end() for x in find_quantities(rest))
        ):
            return False
    if (
        q.text.startswith("每")
        and q.kind in ("area", "distance")
        and find_quantities(rest_of_clause(text, q.end))
    ):
        return False  # "每三百三十三公顷林地应当聘用一名护林员": what the figure is per
    if q.value == 1 and re.search(
        r"每(?:超[\u4e00-\u9fff]?|逾期|迟延|延迟|增加|减少|多|少)$", text[: q.start]
    ):
        return False  # "每超养一只处一千元", "每逾期一日": what a fine or charge is per, not a figure
    if text.count("《", 0, q.start) > text.count("》", 0, q.start):
        return False  # inside a title
    return True


# a rate named right after a round count of people, written without 每: "10万人口死亡率", "十万从业人员事故死亡率"
ROUND_COUNTS = {10.0**k for k in range(1, 9)}
RATE_PER_PEOPLE = re.compile(r"(?:人口|人|[\u4e00-\u9fff]{0,4}人员)[\u4e00-\u9fff]{0,10}?率")


def _denominator(text: str, q: Quantity) -> bool:
    """A round count of people (10, 1,000, 10万…) a rate right after it is per, where the clause gives the rate's figure."""
    if q.value not in ROUND_COUNTS or q.comparator not in ("", "="):
        return False
    rest = rest_of_clause(text, q.end) if q.text[-1] in "人万" else ""
    rate = RATE_PER_PEOPLE.match(("人" if q.text.endswith("人") else "") + rest)
    return rate is not None and bool(find_quantities(rest[rate.end() :]))


def rest_of_clause(text: str, at: int) -> str:
    """The text from `at` to the end of its clause."""
    return re.split(f"[{CLAUSE_BREAKS}]", text[at:], maxsplit=1)[0]


def _lead(text: str, q: Quantity) -> str:
    """The words before a figure, with the comparator it opens with ("控制在5%以下" → "…控制在"), less a 分别."""
    opening = re.split(r"[\d零〇一二两三四五六七八九十百千万]", q.text, maxsplit=1)[0]
    return re.sub(r"分别$", "", text[: q.start] + opening)


# Counters whose character also opens words (场所, 条例, 台账, 部门): one counts only where the words of the
# text end with it.
WORD_OPENING_UNITS = frozenset("台栋座场条部")


def _unit_ends_a_word(text: str, q: Quantity) -> bool:
    unit_end = text.find(q.unit, q.start) + len(q.unit)
    at = q.start
    for word in domain_tokenizer().precise(text[q.start : unit_end + 4]):
        at += len(word)
        if at >= unit_end:
            return at == unit_end
    return True


def masked(text: str) -> str:
    """The text with non-target numbers blanked out (same length, so offsets hold)."""
    for p in rules().not_targets:
        text = p.sub(lambda m: "□" * len(m.group(0)), text)
    return text
