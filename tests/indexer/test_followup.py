from indexer.followup import standalone_question


def h(*turns: str) -> list[dict]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]


def test_slot_question_keeps_the_topic():
    rw = standalone_question("牵头单位是谁？", h("凯里每个社区至少要配几名专职工作者？", "不少于5人。"))
    assert "凯里每个社区至少要配几名专职工作者" in rw.text and "牵头单位" in rw.text and rw.used_history


def test_other_place_same_question():
    rw = standalone_question("那衡水呢？", h("凯里每个社区至少要配几名专职工作者？", "x"), ["凯里", "衡水"])
    assert rw.text == "衡水每个社区至少要配几名专职工作者？"


def test_other_place_with_its_own_question_keeps_the_subject():
    rw = standalone_question(
        "那衡水呢？对社区工作者考社工证有什么支持？", h("西咸新区社区工作人员考取证书有奖励吗？", "有。")
    )
    assert rw.text.startswith("衡水对社区工作者考社工证有什么支持？") and "考取证书" in rw.text


def test_a_question_of_its_own_stays_about_the_last_place():
    rw = standalone_question(
        "那新建小区入住率达到多少，就要成立社区居委会？",
        h("西咸新区要求各新城编制什么规划？", "x"),
        ["西咸新区"],
    )
    assert rw.text.startswith("西咸新区新建小区入住率")


def test_a_new_standalone_question_with_its_own_place_is_left_alone():
    history = h("凯里每个社区至少要配几名专职工作者？", "不少于5人。", "那衡水呢？", "x")
    rw = standalone_question("宁波业主委员会的办公用房最少多大？", history, ["凯里", "衡水", "宁波"])
    assert rw.text == "宁波业主委员会的办公用房最少多大？" and not rw.used_history


def test_a_comparison_does_not_inherit_the_last_place():
    rw = standalone_question(
        "各地对社区规模（户数）有什么要求？", h("凯里每个社区至少要配几名专职工作者？", "x"), ["凯里"]
    )
    assert rw.text == "各地对社区规模（户数）有什么要求？" and not rw.used_history


def test_more_of_the_same_and_cited_item():
    assert standalone_question("还有别的要求吗？", h("衡水有哪些要求？", "x")).text.endswith("其他要求")
    rw = standalone_question("上面第二条详细说说", h("衡水有哪些要求？", "甲[1]。乙要求建设服务站[2]。"))
    assert rw.text.startswith("乙要求建设服务站")


def test_an_item_of_an_answer_written_as_prose():
    """ "第二条" of an answer without [n] marks is its second numbered item, however the list is written."""
    prose = "有下列情形之一的应当签订书面协议：一是活动风险较高的；二是服务期限较长的；三是境外人员参加的。"
    rw = standalone_question(
        "第二条详细说说，多长时间算？", h("北京志愿者什么情况下要签协议？", prose), ["北京"]
    )
    assert rw.used_history and rw.text.startswith("服务期限较长的") and "北京" in rw.text, rw
    listed = "应当公示下列事项：（一）收支情况；（二）维修资金使用情况；（三）其他事项。"
    assert standalone_question("上面第三项具体指什么", h("要公示什么？", listed)).text.startswith("其他事项")
    numbered = "1、召开会议；2、选举委员；3、备案。"
    assert standalone_question("第2点怎么做", h("流程是什么？", numbered)).text.startswith("选举委员")
    unnumbered = "业主委员会由五至十一人组成，任期五年。"
    rw = standalone_question("第二条详细说说", h("业主委员会怎么组成？", unnumbered))
    assert not rw.text.startswith("任期"), rw  # no list to point into: read as a slot of the last question


def test_no_history_is_the_question_itself():
    rw = standalone_question("社区规模", [])
    assert rw.text == "社区规模" and not rw.used_history


def test_a_follow_up_asks_what_its_own_words_ask(seed_retriever):
    """The last question asked for an area; a follow-up with a question of its own asks for services,
    an ellipsis asks the last question again, and a bare slot asks its slot."""
    history = [
        {"role": "user", "content": "凯里农村社区服务站用房面积最少多少平方米？"},
        {"role": "assistant", "content": "凯里市：……不低于500平方米。[1]"},
    ]
    own = seed_retriever.analyze("那这些服务站里应该提供哪些服务项目？", history)
    assert own.used_history and own.kind.value == "fact" and not own.units
    again = seed_retriever.analyze("那衡水呢？", history)
    assert again.used_history and again.kind.value == "number" and again.units
    slot = seed_retriever.analyze("牵头单位是谁？", history)
    assert slot.used_history and slot.kind.value == "responsible_unit" and not slot.units


def test_a_message_asking_several_things_is_split_into_its_questions() -> None:
    from indexer.followup import question_parts

    assert question_parts("候选人名单要公示几天？对名单有意见找谁？") == [
        "候选人名单要公示几天？",
        "对名单有意见找谁？",
    ]
    # An opening ellipsis frames the question after it; a tail with no topic stays with its question.
    assert question_parts("北京呢？遇到特殊情况人数能调整吗？") == ["北京呢？遇到特殊情况人数能调整吗？"]
    assert question_parts("要公示几天？是吗？") == ["要公示几天？是吗？"]
    assert question_parts("那衡水呢？") == ["那衡水呢？"]
    assert question_parts("社区工作者每月补贴多少元") == ["社区工作者每月补贴多少元"]
