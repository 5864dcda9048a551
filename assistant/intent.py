"""What kind of answer a question wants."""

from __future__ import annotations

import re

from corpus.choice import Choice


class Kind(Choice):
    NUMBER = "number"
    RESPONSIBLE = "responsible_unit"
    DEADLINE = "deadline"
    PROCEDURE = "procedure"
    COMPARISON = "comparison"
    FACT = "fact"



PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.COMPARISON, re.compile(r"各地|各个地方|哪些(?:文件|方案|地方|城市|地区|规划)|分别|对比|比较|几个地方|哪几个(?:地方|城市|文件)")),
    (Kind.RESPONSIBLE, re.compile(r"牵头|谁负责|哪个部门|哪些部门|什么部门|责任单位|负责单位|责任部门|由谁|归谁|归哪|谁来|谁管|主管")),
    (Kind.DEADLINE, re.compile(r"什么时候|何时|哪年|哪一年|到哪年|截止|期限|最晚|多长时间内|几月|啥时候|时间节点|之前完成|前完成|什么时间")),
    (Kind.NUMBER, re.compile(r"多少|(?<!哪)几[个名人户次年项天小]|(?<!哪)几|比例|面积|多大|多长|多久|不少于|不低于|最少|至少|比重|占比|覆盖率|多高")),
    (Kind.PROCEDURE, re.compile(r"怎么|如何|怎样|有哪些措施|什么措施|哪些措施|步骤|流程|程序|办法")),
)


def detect_kind(question: str) -> Kind:
    """The first matching kind in priority order; FACT when none matches."""
    for kind, pattern in PATTERNS:
        if pattern.search(question):
            return kind
    return Kind.FACT
