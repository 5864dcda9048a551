"""Regulations as documents made here: metadata from the header, complete provisions, versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.provision import article_label, complete
from corpus import DocumentStore
from corpus.versions import superseded

REG = """# 某市物业管理条例

2015年3月1日 某市第十届人民代表大会常务委员会第五次会议通过
{amend}
<!-- INFO END -->

## 第一章 总则

第一条 为了规范物业管理活动，制定本条例。

第二条 街道办事处履行下列职责：

（一）指导业主大会成立；

（二）调解物业管理纠纷。

街道办事处应当在{days}内组建业主大会筹备组。
"""


def _ingest(tmp: Path, settings, name: str, amend: str, days: str):
    path = tmp / name
    path.write_text(REG.format(amend=amend, days=days), encoding="utf-8")
    [res] = DocumentStore(settings).ingest([path])
    assert res.ok, res.error
    return DocumentStore(settings).get(res.doc_ids[0])


def test_a_regulation_header_gives_title_dates_and_no_clauses(tmp_path, fresh_settings):
    doc = _ingest(tmp_path, fresh_settings, "reg.md", "", "三十日")
    assert doc.title == "某市物业管理条例" and doc.kind == "条例" and doc.date == "2015-03-01"
    assert ("adopted", "2015-03-01") in doc.dates
    assert not any("会议通过" in c.text for c in doc.clauses)


def test_list_items_are_kept_and_a_list_intro_brings_them(tmp_path, fresh_settings):
    doc = _ingest(tmp_path, fresh_settings, "reg.md", "", "三十日")
    texts = [c.text for c in doc.clauses]
    assert "（一）指导业主大会成立；" in texts and "（二）调解物业管理纠纷。" in texts
    intro = next(c for c in doc.clauses if c.text.endswith("下列职责："))
    prov = complete(doc, intro, 0, len(intro.text))
    assert "指导业主大会成立" in prov.text and "调解物业管理纠纷" in prov.text and prov.label == "第二条"
    after = next(c for c in doc.clauses if "筹备组" in c.text)
    assert after.heading_path[-1] == "第二条" and article_label(doc, after) == "第二条第二款"


def test_a_list_item_is_shown_after_its_intro(tmp_path, fresh_settings):
    """An item says what; the sentence introducing its list says who acts: the item comes with it,
    "……" marking the items left out, and not when the intro is already shown."""
    doc = _ingest(tmp_path, fresh_settings, "reg.md", "", "三十日")
    first, second = (c for c in doc.clauses if c.text.startswith(("（一）", "（二）")))
    prov = complete(doc, second, 0, len(second.text))
    assert prov.text.endswith("街道办事处履行下列职责：……（二）调解物业管理纠纷。"), prov.text
    assert prov.label == "第二条" and prov.clause_ids[-1] == second.id and len(prov.clause_ids) == 2
    assert complete(doc, first, 0, len(first.text)).text.endswith("下列职责：（一）指导业主大会成立；")
    alone = complete(doc, second, 0, len(second.text), with_intro=False)
    assert alone.text == "（二）调解物业管理纠纷。" and alone.clause_ids == (second.id,)
    after = next(c for c in doc.clauses if "筹备组" in c.text)
    assert complete(doc, after, 0, len(after.text)).text == after.text  # a paragraph, not an item


def _item_shown(tmp: Path, settings, text: str, item: str):
    """A regulation written for the test, ingested; the list item starting `item` as an answer shows it."""
    path = tmp / "条例.md"
    path.write_text(text, encoding="utf-8")
    [res] = DocumentStore(settings).ingest([path])
    doc = DocumentStore(settings).get(res.doc_ids[0])
    clause = next(c for c in doc.clauses if c.text.startswith(item))
    return complete(doc, clause, 0, len(clause.text))


def test_a_list_item_is_shown_with_an_opening_that_goes_on_past_announcing_it(tmp_path, fresh_settings):
    """The twenty-third trial's "学生上学路上出车祸学校有责任吗" was answered "第二十四条：（一）学生自行上学…途中发生事故的"
    alone: the article opens its list without a colon and goes on to say what the cases mean ("…学校无过错的，不承担责任。
    法律法规另有规定的除外。"). The item is shown after the opening, from the sentence announcing the list on."""
    prov = _item_shown(
        tmp_path,
        fresh_settings,
        "# 某市中小学生人身伤害事故预防与处理条例\n\n"
        "第二十三条 事故发生后，学校应当及时救助受伤害学生。\n\n"
        "第二十四条 有下列情形之一，学校有过错的，应当承担相应的责任；学校无过错的，不承担责任。法律法规另有规定的除外。\n\n"
        "（一）学生自行上学、放学、返校、离校途中发生事故的；\n\n"
        "（二）学生在学校教育教学活动期间擅自外出发生事故的。\n",
        "（一）",
    )
    assert (
        "有下列情形之一，学校有过错的" in prov.text
        and "不承担责任。法律法规另有规定的除外。（一）" in prov.text
    ), prov.text
    assert (
        prov.text.endswith("（一）学生自行上学、放学、返校、离校途中发生事故的；")
        and prov.label == "第二十四条"
    )


def test_a_list_item_is_shown_with_the_whole_sentence_announcing_it(tmp_path, fresh_settings):
    """The thirty-first trial's "医院能告诉我胎儿是男孩还是女孩吗" was answered "第二十三条：构成犯罪的，依法追究刑事责任：……（五）
    进行非医学需要的…胎儿性别鉴定…的": the opening was cut at its last "；", which made the item a crime. The list is
    announced before it ("有下列行为之一的，由…依法给予处罚；"): the item is shown after the whole sentence."""
    prov = _item_shown(
        tmp_path,
        fresh_settings,
        "# 某省母婴保健管理条例\n\n"
        "第二十三条 违反本条例规定，有下列行为之一的，由县级以上人民政府有关部门依法给予处罚；构成犯罪的，依法追究刑事责任：\n\n"
        "（一）违规提供母乳代用品的；\n\n"
        "（二）进行非医学需要的胎儿性别鉴定的。\n",
        "（二）",
    )
    opening = "第二十三条违反本条例规定，有下列行为之一的，由县级以上人民政府有关部门依法给予处罚；构成犯罪的"
    assert prov.text.startswith(opening), prov.text
    assert prov.text.endswith("……（二）进行非医学需要的胎儿性别鉴定的。"), prov.text


def test_the_newer_version_supersedes_the_older(tmp_path, fresh_settings):
    old = _ingest(tmp_path, fresh_settings, "reg2018.md", "", "三十日")
    new = _ingest(
        tmp_path,
        fresh_settings,
        "reg2021.md",
        "2021年6月1日 某市第十一届人民代表大会常务委员会第二次会议修正",
        "六十日",
    )
    assert new.date == "2021-06-01"
    assert superseded([old, new]) == {old.id}


def test_a_versioned_rule_is_answered_from_the_current_version_and_says_which(tmp_path, fresh_settings):
    from assistant.answer import Assistant
    from indexer import Retriever
    from tests.assistant.test_diff import versions

    store, old, new = versions(tmp_path, fresh_settings)
    docs = store.documents()
    assistant = Assistant(Retriever.open(fresh_settings, docs, show_progress=False), docs)
    a = assistant.ask("某市街道办事处应当在多少日内作出决定？")
    assert not a.refused and "十五日" in a.text and "三十日" not in a.text
    assert (
        f"（{new.date}版）" in a.text and a.citations[0].doc_id == new.id and a.citations[0].date == new.date
    )
    old_rule = assistant.ask("修改前，某市街道办事处应当在多少日内作出决定？")
    assert any(c.doc_id == old.id for c in old_rule.citations)


@pytest.mark.parametrize(
    ("region", "level"),
    [
        ("全国", "全国"),
        ("山东省", "省"),
        ("上海市", "省"),
        ("广西壮族自治区", "省"),
        ("凯里市", "市"),
        ("西咸新区", "市"),
        ("深圳市宝安区", "区县"),
        ("某县", "区县"),
        ("屏襄门街道", "街道"),
        ("", ""),
    ],
)
def test_a_region_has_a_level(region, level):
    from corpus.metadata import region_level

    assert region_level(region) == level


def test_a_list_item_is_shown_after_its_intro_when_the_first_item_lost_its_number(tmp_path, fresh_settings):
    """The thirty-third trial's "法律援助要收费吗" was answered "第十六条：（三）法律援助服务，是指…" without "下列公共法律服务应当
    无偿提供：", the words that answer it: the source wrote the first item without its "（一）", and that paragraph cut the
    items after it off from their intro. A paragraph ending "；" is an item of the list."""
    prov = _item_shown(
        tmp_path,
        fresh_settings,
        "# 某省公共法律服务条例\n\n"
        "第十六条 下列公共法律服务应当无偿提供：\n\n"
        "法治宣传教育服务，是指为公众提供的法律知识普及教育；\n\n"
        "（二）法律咨询服务，是指通过实体、热线和网络平台等提供的法律问题解答服务；\n\n"
        "（三）法律援助服务，是指对符合法律援助条件的公民提供的法律咨询、代理等服务。\n\n"
        "第十七条 公共法律服务中心应当公开服务项目。\n",
        "（三）",
    )
    assert prov.text.startswith("第十六条下列公共法律服务应当无偿提供：……（三）法律援助服务"), prov.text
