"""Document ids and file names: nothing collides, nothing is lost, odd names never stop a batch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from corpus import DocumentStore
from tests.conftest import ROOT

TEXT = "测试{}社区工作办法\n一、人员配备\n每个社区配备专职工作者不少于{}名。\n"


def write(path: Path, place: str, n: int, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(TEXT.format(place, n).encode(encoding))
    return path


def test_a_file_name_that_is_not_utf8_fails_alone_or_loads_and_is_named_printably(tmp_path: Path, fresh_settings):
    folder = tmp_path / "in"
    write(folder / "a.txt", "甲", 3)
    odd = os.path.join(os.fsencode(folder), "通知".encode("gbk") + b"\xff.txt")
    with open(odd, "wb") as f:
        f.write(TEXT.format("乙", 4).encode("gbk"))
    write(folder / "z.txt", "丙", 5)
    results = DocumentStore(fresh_settings).ingest([folder])
    assert len(results) == 3
    for r in results:
        r.path.encode("utf-8")  # printable and storable
    assert [r.ok for r in results] == [True, True, True]
    assert any("\\xff" in r.path for r in results)
    docs = DocumentStore(fresh_settings).documents()
    assert len(docs) == 3 and all(d.id.isascii() or d.id for d in docs)
    cli = subprocess.run([sys.executable, "-m", "ui.cli", "--data-dir", str(fresh_settings.data_dir), "ingest", str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert "\\xff" in cli.stdout and "Traceback" not in cli.stderr


def test_same_named_files_from_different_folders_are_both_kept(tmp_path: Path, fresh_settings):
    a = write(tmp_path / "a" / "通知.txt", "甲", 3)
    b = write(tmp_path / "b" / "通知.txt", "乙", 4)
    c = write(tmp_path / "-x.txt", "丙", 5)
    d = write(tmp_path / "x.txt", "丁", 6)
    e = write(tmp_path / "a b.txt", "戊", 7)
    f = write(tmp_path / "a-b.txt", "己", 8)
    store = DocumentStore(fresh_settings)
    results = store.ingest([a, b, c, d, e, f])
    ids = [i for r in results for i in r.doc_ids]
    assert len(ids) == len(set(ids)) == 6
    docs = store.documents()
    assert sorted(d.title for d in docs) == sorted(f"测试{p}社区工作办法" for p in "甲乙丙丁戊己")
    assert all(c.doc_id == d.id and c.id.startswith(d.id + ":") for d in docs for c in d.clauses)


def test_ingesting_the_same_file_again_updates_it_and_a_copy_is_one_document(tmp_path: Path, fresh_settings):
    store = DocumentStore(fresh_settings)
    path = write(tmp_path / "办法.txt", "甲", 3)
    (first,) = store.ingest([path])
    write(path, "甲", 9)
    (again,) = store.ingest([path])
    assert again.doc_ids == first.doc_ids and len(store.documents()) == 1
    assert "9名" in store.documents()[0].text
    copy = tmp_path / "copy" / "另一个名字.txt"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    (dup,) = store.ingest([copy])
    assert dup.ok and dup.doc_ids == first.doc_ids and "same text" in dup.note
    assert len(store.documents()) == 1


def test_a_file_named_like_a_bundled_document_does_not_replace_it(tmp_path: Path, fresh_settings):
    store = DocumentStore(fresh_settings)
    store.ensure_bundled()
    before = {d.id: d.title for d in store.documents()}
    bundled_id = "kaili_2020_chengxiang_shequ_zhili"
    assert bundled_id in before
    (r,) = store.ingest([write(tmp_path / f"{bundled_id}.txt", "甲", 3)])
    after = {d.id: d.title for d in store.documents()}
    assert after[bundled_id] == before[bundled_id] and r.doc_ids[0] != bundled_id and len(after) == len(before) + 1
