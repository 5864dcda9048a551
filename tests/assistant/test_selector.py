"""Which sentences may answer a question at all (`assistant/selector.py`, `eligible`)."""

from __future__ import annotations

from assistant.selector import ORDINAL, _names_the_asked_item


def asked(question: str) -> set[tuple[str, str]]:
    return {(m.group(2), m.group(1)) for m in ORDINAL.finditer(question)}


def test_a_numbered_item_is_answered_only_by_a_sentence_naming_it():
    q = asked("广州市居家社区养老服务的第三类资助对象每人每月资助多少元？")
    assert q == {("类", "三")}
    assert not _names_the_asked_item(q, "第一类资助对象每人每月400元，第二类资助对象每人每月200元。")
    assert _names_the_asked_item(q, "第三类资助对象每人每月100元。")
    assert _names_the_asked_item(q, "资助对象每人每月可领取补贴。")  # lists no items of that kind: may answer
    assert _names_the_asked_item(
        q, "第二十六条 对第一档家庭给予补助。"
    )  # other kinds of ordinals do not count
