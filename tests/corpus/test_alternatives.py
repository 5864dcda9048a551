from corpus.alternatives import spelled_alternatives, with_alternatives


def test_a_bracket_inside_a_word_is_read_both_ways():
    spelled = spelled_alternatives("辖区内的村（居）民委员会应当做好预防工作").split()
    assert "居民委员会应当" in spelled and any(s.endswith("村民委员会应当") for s in spelled)
    assert "汽车充电设施" in spelled_alternatives("电动（汽）车充电设施")
    assert "社区党组织书记" in spelled_alternatives("各村（社区）党组织书记")


def test_an_item_number_in_brackets_is_not_an_alternative():
    assert spelled_alternatives("有本法第（四）项规定情形的") == ""
    assert spelled_alternatives("（一）病情危急、有生命危险的；") == ""
    assert with_alternatives("没有括号的句子") == "没有括号的句子"
