"""What a sentence states that a question asks: a sanction, a liability, who pays, where to complain, whether a thing
is free (each a pattern of how the texts say it), a definition, a text's closing words; and the question's words a
stated thing must be said of."""

from __future__ import annotations

import re

from corpus.outline import ARTICLE_NUMBER
from indexer.asking import Asked
from indexer.query import UNSEEN_IDF, Query

PENALTY = re.compile(r"罚款|罚金")
# What answers a question asking the sanction (`Asked.sanction`): a fine, a detention, a 处分, an order to
# correct, "依法处理", or "违反…的，依照…执行" — not the duty broken or the report a resident may make.
SANCTION = re.compile(
    r"罚款|罚金|处分|拘留|有期徒刑|拘役|吊销|没收|警告|追究[^，。；]{0,8}责任|依法(?:予以)?(?:处理|处罚|查处)|"
    r"予以处罚|给予[^，。；]{0,12}处罚|责令[^，。；]{0,12}(?:改正|停止|整改|整顿|停业)|"
    r"违反[^。；]{0,60}的，(?:由[^，。；]{0,20})?依照[^，。；]{0,30}(?:执行|处理|处罚)"
)
# A provision forbidding an act ("禁止任何单位和个人侵占、…挪用…"; a code's item "（七）不随地便溺、吐痰…"): a sanction elsewhere
# may be for breaking it
FORBIDS = re.compile(r"禁止|不得|严禁|^（[^）]{1,4}）不")
# A text's closing words ("本条例自2015年6月1日起施行", "…的规定同时废止") say when it applies and what it
# replaces; they answer only a question about that, whatever words of the topic they repeat.
COMMENCEMENT = re.compile(r"自.{0,30}(起|之日)(施行|实施|生效)|同时(废止|失效)|不再(执行|施行)")
# A definition ("本条例所称学前教育机构是指幼儿园、托儿所…", "前款所称…，是指…") says what a word of the text
# means: it answers what a thing is or which things count, never who does what, how, or how much. It
# holds the text's own term beside the everyday one, so it covers a resident's question best.
DEFINITION = re.compile(
    rf"^(?:{ARTICLE_NUMBER}\s*)?(?:[^，。；]{{0,6}}所称(?:的)?(?P<term>[^，。；]{{1,30}}?)[，,]?(?:是)?指"
    rf"|(?P<bare>[^，。；]{{2,12}}?)是指)"  # "华侨学生是指回国学习未在国内定居的华侨"
)
# What answers it: a sentence saying who bears the liability, compensates, or is at fault
LIABILITY = re.compile(r"承担[^，。；]{0,15}责任|赔偿|补偿|过错|追偿|免责|赔付")
# What answers "要负什么责任", "有什么后果" (`Asked.consequence`): a sanction or a liability
CONSEQUENCE = re.compile(f"{SANCTION.pattern}|{LIABILITY.pattern}")
# What answers who pays (`Asked.pays`): a sentence saying who bears, pays or budgets a cost ("费用由当事人承担",
# "所需经费列入年度预算", "由业主按照…分摊")
BEARS = "承担|负担|支付|分摊"  # what whoever pays a cost does (one home for who pays and whether a charge is borne)
COST_BORNE = re.compile(
    rf"(?:费用|资金|经费|费|款)[^。；]{{0,40}}(?:{BEARS}|列支|出资|筹集|缴纳|交纳|补偿|补助)|"
    rf"(?:{BEARS}|列支|出资|筹集)[^，。；]{{0,15}}(?:费用|资金|经费|费)|(?:列入|纳入)[^，。；]{{0,12}}预算"
)
# What answers where to take a complaint (`Asked.complaint`): a sentence naming a channel, or the body taking complaints
# ("可以通过“12345”政务服务热线…投诉举报", "向…部门举报", "…部门应当受理…投诉"), not "有权投诉举报"
COMPLAINT_TAKEN = re.compile(
    r"(?:向|通过|拨打|致电)[^，。；]{1,30}(?:投诉|举报|反映)|(?:热线|电话|信箱)[^。；]{0,30}(?:投诉|举报|反映)|"
    r"(?:受理|接受|处理|处置)[^，。；]{0,8}(?:投诉|举报)|(?:投诉|举报)(?:电话|热线|信箱|平台|方式|渠道)"
)
# What answers how to contest a decision (`Asked.remedy`): a sentence naming the way ("…不服的，可以依法申请行政复议或者提起行政
# 诉讼", "请求复查", "申请重新鉴定")
REMEDY_TAKEN = re.compile(r"复议|诉讼|起诉|申诉|复核|复查|复审|仲裁|重新(?:鉴定|认定|审查|处理)|再次鉴定")
# What answers whether a thing costs anything (`Asked.fee`): a sentence saying it is free, charged for or charged less
# ("优惠向…老年人…开放"); a surcharge is a charge ("超定额（计划）累进加价征收水费")
CHARGED = re.compile(
    r"免费|免收|免交|免缴|免除[^，。；]{0,6}费|无偿|不收费|不收取|不得[^，。；]{0,12}收取|收取[^，。；]{0,12}费|收费|减免|优惠|征收[^，。；]{0,12}[费税]"
)
# Or who bears a charge ("门楼牌的制作、安装…费用，纳入同级政府财政预算", "…费用由建筑物所有人承担"), not who funds a
# building ("公共体育设施建设资金列入本级财政预算" does not say whether the old pay to use it)
FEE_BORNE = re.compile(
    rf"费用[^。；]{{0,40}}(?:{BEARS}|缴纳|交纳|列入|纳入)|(?:{BEARS}|缴纳|交纳)[^，。；]{{0,15}}费用"
)
FEE_STATED = re.compile(f"{CHARGED.pattern}|{FEE_BORNE.pattern}")
# What answers what a thing takes (`Asked.conditions`): a sentence setting out conditions ("符合下列条件之一的，应当召开首次
# 业主大会会议", "申请人应当具备以下条件：", "…的条件是："), not one naming them as met ("符合…召开条件的，建设单位应当…")
CONDITIONS_SET = re.compile(
    r"(?:下列|以下|如下)[^，。；：:]{0,6}(?:条件|资格)|(?:条件|资格)(?:如下|是|为)[：:]|"
    r"应当(?:具备|符合|满足)[^，。；]{0,12}(?:条件|资格)[：:]"
)
# What does not answer whether a thing is required (`Asked.duty`): a sentence only encouraging it ("鼓励其他公共场所…配置自动体外
# 除颤器", "鼓励社区养老服务设施…转型成为社区养老院"), binding no one ("…应当配置", "必须", "不得")
ENCOURAGED = re.compile(r"鼓励|提倡|倡导|支持|引导")
BINDS = re.compile(r"应当|应该|必须|务必|须经|需经|不得|禁止|严禁")
# What a refusal says the clauses found do not state, for each of the above
STATED_NAMES = {
    SANCTION: "对所问行为的处罚",
    LIABILITY: "由谁承担责任",
    CONSEQUENCE: "处罚或责任",
    COST_BORNE: "费用由谁承担",
    COMPLAINT_TAKEN: "向谁投诉或举报",
    REMEDY_TAKEN: "不服时如何复议、申诉或诉讼",
    FEE_STATED: "是否收费",
}
# Preferred, not required: where no sentence the answer may open with says it, the likeliest sentence leads (where to
# complain is required: "消防通道被堵了打什么电话投诉" led by a duty to keep the passage clear told a resident nothing)
SOFTLY_STATED = (FEE_STATED,)


def defined_term(text: str) -> str:
    """The word a sentence defines ("本条例所称家庭暴力，是指…": 家庭暴力); a character no question holds when
    it defines none."""
    m = DEFINITION.search(text)
    return (m.group("term") or m.group("bare")) if m else "\0"


def topic_words(query: Query) -> tuple[str, ...]:
    """The question's topic words the index holds."""
    return tuple(w for w, v in query.words if v < UNSEEN_IDF and len(w) > 1)


def weightiest_word(query: Query, topic: tuple[str, ...]) -> str:
    """The question's weightiest topic word that names no sanction or charge (喧哗 in "大声喧哗会被罚款吗", 志愿 in
    "志愿服务组织可以收费吗"); "" when none."""
    weights = dict(query.words)
    return max((w for w in topic if not names_sanction(w)), key=lambda w: weights[w], default="")


def names_sanction(word: str) -> bool:
    """A word naming a sanction or a charge (罚款, 处罚, 收费), not the act or thing it is for."""
    return bool(SANCTION.search(word) or "罚" in word or CHARGED.search(word))


def stated_things(asked: Asked) -> list[re.Pattern[str]]:
    """What a sentence leading the answer states, for each of a sanction, who answers for a harm, what befalls the
    doer, who pays, where to complain, how to contest a decision and whether a thing costs anything the question asks, in
    that order (the first decides which sentences may lead)."""
    wanted = (
        (asked.sanction, SANCTION),
        (asked.liability, LIABILITY),
        (asked.consequence, CONSEQUENCE),
        (asked.pays, COST_BORNE),
        (asked.complaint, COMPLAINT_TAKEN),
        (asked.remedy, REMEDY_TAKEN),
        (asked.fee, FEE_STATED),
    )
    return [p for on, p in wanted if on]


def stated_thing(asked: Asked) -> re.Pattern[str] | None:
    """The first of `stated_things`; None when the question asks none of them."""
    return next(iter(stated_things(asked)), None)
