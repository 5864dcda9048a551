"""What a question asks, read from its words once (`Query.asked`): the members of a set, whose a thing is, a
sanction, who answers for a harm, what befalls the doer, who pays, where to complain, whether a thing costs anything,
who sets a matter, what a word means or whether a thing is one, when a text applies, what a thing takes, whether
a thing is required.

The question's side of each lives here; what answers it (a sentence stating a sanction, a liability, a
definition) lives with the answer (`assistant/selector.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A question asking for the members of a set ("有哪些事不能做", "包括哪几类"): a list answers it whole.
ASKS_LIST = re.compile(r"哪些|哪几|包括什么|包括哪")
# "归谁？" asks whose a thing is: "…为公共收益，归业主共有" answers it (an owner need not be a body).
ASKS_OWNER = re.compile(r"归谁|归哪|属于谁|归属")
# Whose a thing is, asked outright ("广告收入归谁"; not who manages it: "归谁管")
ASKS_WHOSE = re.compile(r"(?:归谁|属于谁|归属)(?!管|负责|监管|主管)")
# "骗取低保会怎么处罚", "没登记就营业罚多少钱", "会判刑吗": what befalls whoever does a thing
ASKS_SANCTION = re.compile(
    r"(?:怎么|怎样|如何|会|要|将|被|该)被?(?:处罚|罚)|罚(?:多少|几|款多少)|(?:什么|哪些|啥)(?:处罚|处分)|"
    r"受到.{0,4}处罚|判(?:几年|多久|多少年|刑)|坐牢|被(?:怎么|怎样|如何)?(?:处理|处置|追究)"
)
# A question about breaking a rule at all (a fine in 元 may answer it; a sanction may answer its procedure)
ASKS_PENALTY = re.compile(r"罚|违反|违规|违法|法律责任|后果|处理|处分")
# Who answers for a harm ("志愿者在服务中受伤了谁负责", "孩子在学校受伤了谁赔", "电动车被偷了谁负责", "停电把电器烧坏了谁赔" — a
# verb and 坏 say what damaged it, "电梯坏了谁负责修" asks who repairs): liability, not a
# department's duty ("兽医主管部门负责犬只的狂犬病防疫" names who 负责 and answers none of them)
ASKS_LIABILITY = re.compile(
    r"(?:受伤|伤人|伤害|咬|事故|损失|损坏|损害|出事|摔|车祸|[弄烧砸撞碰压泡淹]坏|烧毁|坠|丢失|丢了|被偷|偷了|被盗|失窃)[^，。？?]{0,12}"
    r"(?:谁负责|负责吗|要负责|谁来负责|负不负责|谁赔|赔吗|要赔|谁承担|有责任吗|有没有责任|担责|谁的责任)"
)
# What befalls whoever does a thing, asked as a responsibility or a consequence ("孩子不去上学家长要负什么责任",
# "虚假诉讼会有什么后果"): a sanction answers it, or a liability ("…应当承担赔偿责任")
ASKS_CONSEQUENCE = re.compile(
    r"(?:负|承担|担|付)(?:什么|哪些|何种|啥)(?:样的)?(?:法律)?责任|(?:什么|何种|啥)(?:样的)?(?:法律)?后果|有何后果"
)
# Who pays for a thing ("拆违建的费用谁出", "电梯坏了谁出钱修"): the sentence saying who bears the cost, not
# whoever is in charge of the thing
ASKS_WHO_PAYS = re.compile(
    r"(?:钱|费|款|资金)[^，。？?！!]{0,6}(?:谁出|谁付|谁来付|谁来出|谁承担|谁负担|由谁(?:承担|负担|支付|出)|谁掏|谁缴|谁交)|"
    r"谁(?:来)?(?:出钱|付钱|掏钱|买单|承担费用|负担费用)"
)
TO_WHOM = "找谁|向谁|跟谁|给谁|找哪|向哪|去哪|到哪"  # whom or where a resident turns to
# Where to take a complaint ("有人在电梯里抽烟该找谁投诉", "噪音扰民打什么电话举报"): the sentence naming the channel or the
# body that takes it, not one saying that anyone may complain
ASKS_WHERE_TO_COMPLAIN = re.compile(
    rf"(?:{TO_WHOM}|打什么|打哪|什么部门|哪个部门|哪个单位|哪里|哪儿)[^，。？?！!]{{0,6}}"
    rf"(?:投诉|举报|反映|报警)|(?:投诉|举报)(?:{TO_WHOM}|打什么|打哪|电话|热线|渠道|途径)"
)
# How to contest a decision ("对工伤认定结果不服怎么办", "对处罚决定不服可以起诉吗"): the sentence naming the way (复议, 诉讼,
# 申诉, 复查…), not one on the decision itself
ASKS_REMEDY = re.compile(
    r"(?:结果|决定|认定|结论|处理|处罚|裁决|判决|意见)[^，。？?！!]{0,4}(?:不服|不满意|不满)"
    rf"[^。？?！!]{{0,10}}(?:怎么办|怎么处理|如何|怎样|{TO_WHOM}|能否|可以|能不能|可不可以|吗)"
)
# Whether a thing costs anything, asked yes or no ("人民调解要收费吗", "老人坐公交免费吗", "办证要不要钱"): the sentence
# saying it is free or charged for
ASKS_FEE = re.compile(
    r"(?:收费|免费|要钱|花钱|交钱|付钱|收钱|掏钱|交费|缴费|付费)的?(?:吗|么|嘛)|收不收(?:费|钱)|免不免费|"
    r"要不要(?:钱|交钱|付钱|花钱|收费|交费|缴费)|是否(?:收费|免费|收取)|(?:可以|能|能不能|可不可以)免费"
)
# How the texts say so, searched beside the question's words ("图书馆办借书证要钱吗": "公共图书馆向社会公众免费开放")
FEE_WORDS = "免费 收费"
# Whether an act is allowed, asked yes or no ("打麻将赌钱违法吗", "是否合法"): the words that ask, not what is asked about
ASKS_LEGALITY = re.compile(
    r"(?:违法|合法|犯法|违规|犯罪)(?=吗|么|嘛)|(?<=是否)(?:违法|合法|犯法|违规|犯罪)|违不违法|合不合法|犯不犯法"
)
# Who sets a standard or decides a matter ("停车收费标准谁来定", "由谁制定")
ASKS_WHO_SETS = re.compile(r"谁(?:来)?(?:定|制定|确定|决定)|(?:制定|确定|决定)的?(?:部门|单位|机关)")
# What a thing takes ("成立业主大会需要什么条件", "申请廉租房要满足哪些条件", "条件是什么"): the sentence setting its
# conditions ("符合下列条件之一的，应当召开…"), not one that names them as met ("符合…条件的，建设单位应当报告")
ASKS_CONDITIONS = re.compile(
    r"(?:什么|哪些|哪几|啥|何种|哪种)(?:样的)?(?:条件|资格)|(?:条件|资格)(?:是什么|是啥|有哪些)"
)
# Whether a thing is required ("广州公共场所要不要配除颤仪", "开养老院需要备案吗", "新建的楼必须装无障碍电梯吗"): the sentence saying
# it must (or must not) be done, not one only encouraging it ("鼓励其他公共场所…配置")
ASKS_DUTY = re.compile(
    r"要不要|需不需要|用不用|应不应该|该不该|是否(?:需要|必须|应当|应该)|(?:需要|必须)[^，。？?！!]{0,12}(?:吗|(?<!什)么)"
)
# "上岗前要培训吗": a bare 要 of a duty (not another word's: 主要, 重要, 只要, 想要, 还要, 能要, 必要, 要求, 要是, 要回; 需要 is
# `ASKS_DUTY`'s), where nothing else is asked (a fee, a fine, who answers for a harm or pays, where to complain or contest)
ASKS_BARE_DUTY = re.compile(r"(?<![主重只想需还能必])要(?![求是回])[^，。？?！!多几]{1,12}吗")
# Whether a thing is one ("电子烟算不算吸烟", "网吧属于公共场所吗"): the definition of the one word, where it names the other
ASKS_IS_ONE = re.compile(
    r"算不算|算是|算作|属于(?!谁|哪)|属不属于|是不是|是否是|是否为|是[^，。？?！!]{1,12}吗"
)
# What a word covers, or whether a thing is one ("人工智能生成物是作品吗？", "直播画面是否构成作品？")
ASKS_MEANING = re.compile(
    rf"什么是|是什么|指什么|指的是|什么叫|叫什么|何为|何谓|含义|定义|意思|哪些|哪几|包括|属于|范围|认定|构成|{ASKS_IS_ONE.pattern}"
)
# What a word is, asked outright (not which things it covers: `ASKS_MEANING`)
ASKS_WHAT_IS = re.compile(r"什么是|是什么|指什么|指的是|什么叫|何为|何谓|含义|定义|什么意思")
# When a text applies or what it replaces: its closing words answer only this
ASKS_COMMENCEMENT = re.compile(r"施行|实施|生效|废止|失效|有效|什么时候|何时|哪天|哪一天|时间|几号|开始")


@dataclass(frozen=True)
class Asked:
    """What one question asks, each read once from its standalone text (`members` and `owner` from the words
    its kind was read from, where it has them)."""

    members: bool  # the members of a set
    owner: bool  # whose a thing is, or who holds it ("归哪个部门" too)
    whose: bool  # whose a thing is, not who manages it
    sanction: bool  # what befalls whoever does a thing
    penalty: bool  # anything about breaking a rule
    liability: bool  # who answers for a harm
    consequence: bool  # what befalls whoever does a thing: a sanction or a liability
    pays: bool  # who bears the cost of a thing
    complaint: bool  # where to take a complaint
    remedy: bool  # how to contest a decision
    fee: bool  # whether a thing costs anything
    who_sets: bool  # who sets a standard or decides a matter
    meaning: bool  # what a word covers, or whether a thing is one
    what_is: bool  # what a word is
    is_one: bool  # whether a thing is one
    commencement: bool  # when a text applies, or what it replaces
    conditions: bool  # what a thing takes: its conditions
    duty: bool  # whether a thing is required


def read_asked(text: str, asks: str = "") -> Asked:
    """`text`: the standalone question; `asks`: the words its kind was read from ("" when none)."""
    own = asks or text
    other = (
        ASKS_PENALTY,
        ASKS_LIABILITY,
        ASKS_CONSEQUENCE,
        ASKS_WHO_PAYS,
        ASKS_WHERE_TO_COMPLAIN,
        ASKS_REMEDY,
        ASKS_FEE,
    )
    bare_duty = bool(ASKS_BARE_DUTY.search(text)) and not any(p.search(text) for p in other)
    return Asked(
        members=bool(ASKS_LIST.search(own)),
        owner=bool(ASKS_OWNER.search(own)),
        whose=bool(ASKS_WHOSE.search(text)),
        sanction=bool(ASKS_SANCTION.search(text)),
        penalty=bool(ASKS_PENALTY.search(text)),
        liability=bool(ASKS_LIABILITY.search(text)),
        consequence=bool(ASKS_CONSEQUENCE.search(text)) and not ASKS_SANCTION.search(text),
        pays=bool(ASKS_WHO_PAYS.search(text)),
        complaint=bool(ASKS_WHERE_TO_COMPLAIN.search(text)),
        remedy=bool(ASKS_REMEDY.search(text)),
        fee=bool(ASKS_FEE.search(text)),
        who_sets=bool(ASKS_WHO_SETS.search(text)),
        meaning=bool(ASKS_MEANING.search(text)),
        what_is=bool(ASKS_WHAT_IS.search(text)),
        is_one=bool(ASKS_IS_ONE.search(text)),
        commencement=bool(ASKS_COMMENCEMENT.search(text)),
        conditions=bool(ASKS_CONDITIONS.search(text)),
        duty=bool(ASKS_DUTY.search(text)) or bare_duty,
    )
