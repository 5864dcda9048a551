"""The consultation set's scoring: articles found by content, rankings scored by article."""

from __future__ import annotations

from pathlib import Path

from corpus import DocumentStore
from eval.consult import (
    ConsultItem,
    GoldArticle,
    GoldResolver,
    article_key,
    distinct_articles,
    score,
    stock_bm25,
)

LAW = """# 中华人民共和国示范劳动法

2020年1月1日 第十三届全国人民代表大会常务委员会第一次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了保护劳动者的合法权益，制定本法。

第二条 用人单位应当按时足额支付劳动报酬。

用人单位拖欠劳动报酬的，劳动者可以向劳动行政部门投诉。

第三条 劳动者有下列情形之一的，用人单位可以解除劳动合同：

（一）在试用期间被证明不符合录用条件的；

（二）严重违反用人单位的规章制度的。
"""


def _docs(fresh_settings, tmp_path: Path):
    (tmp_path / "示范劳动法.md").write_text(LAW, encoding="utf-8")
    store = DocumentStore(fresh_settings)
    assert all(r.ok for r in store.ingest([tmp_path / "示范劳动法.md"]))
    return store.documents()


def test_a_marked_article_is_found_by_its_law_and_opening_sentence_and_its_items_count_for_it(
    fresh_settings, tmp_path
):
    docs = _docs(fresh_settings, tmp_path)
    item = ConsultItem(
        "c1",
        "试用期不合格能辞退吗？",
        (
            GoldArticle(
                "示范劳动法",
                "中华人民共和国示范劳动法第三条",
                "劳动者有下列情形之一的，用人单位可以解除劳动合同：",
            ),
        ),
    )
    (keys,) = GoldResolver(docs).resolve(item)
    assert {k[1] for k in keys} == {"第三条"}
    items = [c for c in docs[0].clauses if c.text.startswith("（")]
    assert {article_key(c) for c in items} == keys  # a list item belongs to its article


def test_a_ranking_is_scored_by_distinct_articles():
    a, b, c = ("d", "第一条"), ("d", "第二条"), ("d", "第三条")
    ranked = distinct_articles([a, a, None, b, c])
    assert ranked == [a, b, c]
    s = score(ranked, [{c}, {("d", "第九条")}])
    assert (s.hit5, s.recall5, s.rr) == (1.0, 0.5, 1 / 3)
    assert score([], [{a}]).rr == 0.0


def test_the_stock_pipeline_ranks_the_article_sharing_the_questions_words_first(fresh_settings, tmp_path):
    docs = _docs(fresh_settings, tmp_path)
    rank = stock_bm25(docs)
    assert rank("公司拖欠劳动报酬怎么投诉？")[0][1] == "第二条"
    assert rank("？？？") == []
