from assistant.followup import standalone_question


def h(*turns: str) -> list[dict]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]


def test_slot_question_keeps_the_topic():
    q = standalone_question("牵头单位是谁？", h("凯里每个社区至少要配几名专职工作者？", "不少于5人。"))
    assert "凯里每个社区至少要配几名专职工作者" in q and "牵头单位" in q


def test_other_place_same_question():
    assert standalone_question("那衡水呢？", h("凯里每个社区至少要配几名专职工作者？", "x"), ["凯里", "衡水"]) == "衡水每个社区至少要配几名专职工作者？"


def test_other_place_with_its_own_question():
    q = standalone_question("那衡水呢？对社区工作者考社工证有什么支持？", h("西咸新区社区工作人员考取证书有奖励吗？", "有。"))
    assert q == "衡水对社区工作者考社工证有什么支持？"


def test_own_topic_keeps_the_last_place():
    q = standalone_question("那新建小区入住率达到多少，就要成立社区居委会？", h("西咸新区要求各新城编制什么规划？", "x"), ["西咸新区"])
    assert q.startswith("西咸新区新建小区入住率")


def test_more_of_the_same_and_cited_item():
    assert standalone_question("还有别的要求吗？", h("衡水有哪些要求？", "x")).endswith("其他要求")
    assert standalone_question("上面第二条详细说说", h("衡水有哪些要求？", "甲[1]。乙要求建设服务站[2]。")).startswith("乙要求建设服务站")


def test_no_history_is_the_question_itself():
    assert standalone_question("社区规模", []) == "社区规模"
