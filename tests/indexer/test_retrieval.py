"""Retrieval quality on the real index of the real seeds."""

from __future__ import annotations

from indexer import Mode, Retriever


def _texts(res, n):
    return [h.clause.text for h in res.hits[:n]]


def test_colloquial_question_finds_the_clause_that_shares_few_words(seed_retriever: Retriever):
    res = seed_retriever.search("一个社区最少要几个专职人员？", k=5)
    assert "每个社区专职工作者不少于5人" in res.hits[0].clause.text


def test_topic_query_returns_every_city_rule(seed_retriever: Retriever):
    res = seed_retriever.search("各地对社区规模（户数）有什么要求？", k=10)
    regions = {h.region for h in res.hits}
    assert {"西咸新区", "某县"} <= regions
    assert any("不得低于1000户" in t for t in _texts(res, 5))


def test_named_place_narrows_to_its_documents_and_is_reported(seed_retriever: Retriever):
    res = seed_retriever.search("衡水的社区工作者配备目标是多少？", k=10)
    assert res.places == ("衡水",)
    assert {h.region for h in res.hits} == {"衡水市"}
    assert any("每万名城镇常住人口拥有社区工作者" in t for t in _texts(res, 5))


def test_place_the_corpus_lacks_is_reported_not_hidden(seed_retriever: Retriever):
    res = seed_retriever.search("北京市社区规模原则上是多少户？", k=5)
    assert res.unknown_places == ("北京",)
    assert res.places == ()


def test_traditional_question_is_converted_before_search(seed_retriever: Retriever):
    res = seed_retriever.search("寶安區社區綜治平臺的場所建設面積要控制在多少？", k=3)
    assert res.places == ("宝安区",)
    assert all(h.region == "深圳市宝安区" for h in res.hits)


def test_region_filter_and_modes(seed_retriever: Retriever):
    for mode in Mode:
        res = seed_retriever.search("社区工作者培训", k=5, region="凯里", mode=mode)
        assert res.hits and all(h.region == "凯里市" for h in res.hits)


def test_all_punctuation_query_returns_no_bm25_hits_and_does_not_crash(seed_retriever: Retriever):
    res = seed_retriever.search("？？！！。。", k=5, mode=Mode.BM25)
    assert res.hits == ()


def test_a_float16_flat_index_ranks_like_the_float32_one(copied_settings, seed_retriever):
    """`faiss_index = "flat16"` halves the vectors' memory; rankings stay those of exact search."""
    import dataclasses

    from corpus import DocumentStore
    from indexer import Mode, Retriever
    from indexer.persist import build_index, load_index

    settings = dataclasses.replace(copied_settings, faiss_index="flat16")
    build_index(DocumentStore(settings).documents(), settings, seed_retriever.embedder, show_progress=False)
    half = Retriever(load_index(settings, seed_retriever.embedder.name), seed_retriever.embedder)
    assert type(half.index.dense.index).__name__ == "IndexScalarQuantizer"
    for q in ["社区服务站用房面积", "每个社区至少配几名专职工作者", "社区规模原则上不低于多少户", "网格员"]:
        full = [h.clause.id for h in seed_retriever.search(q, k=5, mode=Mode.DENSE).hits]
        mine = [h.clause.id for h in half.search(q, k=5, mode=Mode.DENSE).hits]
        assert mine[0] == full[0] and len(set(mine) & set(full)) >= 4, q
    kaili = half.search("每个社区至少配几名专职工作者", k=5, region="凯里市", mode=Mode.DENSE).hits
    assert kaili and all(h.region == "凯里市" for h in kaili)
