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


def test_the_drafting_formula_is_read_as_a_preamble_whatever_its_opening_word():
    from assistant.features import PREAMBLE

    for opening in (
        "第一条 为了加强土地管理，制定本法。",
        "依据《河北省城乡社区服务体系建设“十四五”规划》等相关部署要求，制定本规划，规划期为2021年至2025年。",
        "根据《中华人民共和国物业管理条例》，结合本市实际，制定本条例。",
    ):
        assert PREAMBLE.search(opening), opening
    assert not PREAMBLE.search("根据工作需要，社区服务站配备5至9人。")


def test_a_short_article_is_a_provision_not_a_heading():
    from assistant.features import is_heading_like

    assert is_heading_like("一、总体要求") and is_heading_like("（一）加强组织领导。")
    assert not is_heading_like("第六条每年农历九月初九为本省老人节。")
    assert not is_heading_like("每万名城镇常住人口拥有社区工作者 18 预期性")


def test_an_open_question_weighs_retrieval_and_wording_again(seed_retriever):
    """是否/怎么办 questions have their sentence model's z weighed again with retrieval and wording
    (`AnswerModel.open_coef`); a question asking a figure keeps z as it is."""
    import numpy as np

    from assistant.features import candidates
    from assistant.selector import default_model

    model = default_model()
    assert model.open_coef is not None

    def rows(question: str):
        query = seed_retriever.analyze(question)
        cands = candidates(query, seed_retriever.search(query, k=4).hits)
        x = np.array([c.features for c in cands])
        return cands, model.probabilities(cands), 1 / (1 + np.exp(-model.logits(x)))

    open_cands, open_p, open_plain = rows("社区工作者是否需要参加培训？")
    figure_cands, figure_p, figure_plain = rows("社区工作者每3年培训几次？")
    assert all(c.feature("q_open") == 1.0 for c in open_cands)
    assert all(c.feature("q_open") == 0.0 for c in figure_cands)
    assert np.allclose(figure_p, figure_plain) and not np.allclose(open_p, open_plain)
    # which article answers is the open weighing's; which of its sentences leads stays the sentence model's
    from assistant.selector import article_order

    ordered = article_order(open_cands, open_p, open_plain)
    assert sorted(ordered) == sorted(open_p)
    for key in {(c.hit.clause.doc_id, c.hit.clause.heading_path) for c in open_cands}:
        members = [
            i for i, c in enumerate(open_cands) if (c.hit.clause.doc_id, c.hit.clause.heading_path) == key
        ]
        assert max(ordered[i] for i in members) == max(open_p[i] for i in members)
        assert sorted(members, key=lambda i: -ordered[i]) == sorted(members, key=lambda i: -open_plain[i])
