"""Document ids and file names: nothing collides, nothing is lost, odd names never stop a batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import DocumentStore, load_settings
from tests.conftest import ROOT

TEXT = "测试{}社区工作办法\n一、人员配备\n每个社区配备专职工作者不少于{}名。\n"


def write(path: Path, place: str, n: int, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(TEXT.format(place, n).encode(encoding))
    return path


def test_a_file_name_that_is_not_utf8_fails_alone_or_loads_and_is_named_printably(
    tmp_path: Path, fresh_settings
):
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
    cli = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(fresh_settings.data_dir), "ingest", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
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
    assert (
        after[bundled_id] == before[bundled_id]
        and r.doc_ids[0] != bundled_id
        and len(after) == len(before) + 1
    )


def test_every_file_a_folder_holds_is_ingested_or_named_with_its_reason(tmp_path: Path, fresh_settings):
    folder = tmp_path / "mixed"
    write(folder / "a.txt", "甲", 3)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 200)
    (folder / "notes.wps").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 200)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    (folder / "catalog.toml").write_text("", encoding="utf-8")
    results = {Path(r.path).name: r for r in DocumentStore(fresh_settings).ingest([folder])}
    assert set(results) == {"a.txt", "old.doc", "notes.wps", "photo.png"}
    assert results["a.txt"].ok
    assert "save it as .docx" in results["old.doc"].error and "WPS" in results["notes.wps"].error
    assert "unsupported type '.png'" in results["photo.png"].error


def test_an_empty_folder_is_an_error_not_a_silent_success(tmp_path: Path, fresh_settings):
    (tmp_path / "empty").mkdir()
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "self").symlink_to(tmp_path / "loop")
    for folder in ("empty", "loop"):
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "ui.cli",
                "--data-dir",
                str(fresh_settings.data_dir),
                "ingest",
                str(tmp_path / folder),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 2 and "nothing to ingest" in cli.stderr


def test_markup_hidden_inside_markup_does_not_survive(tmp_path: Path, fresh_settings):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>测试社区工作办法</h1><p>一、每个社区配备专职工作者不少于3名。"
        "&lt;im&lt;b&gt;g src=x onerror=alert(1)&gt;</p><p>二、社区工作经费每年不少于20万元。</p></body></html>",
        encoding="utf-8",
    )
    (doc_id,) = DocumentStore(fresh_settings).ingest([page])[0].doc_ids
    doc = DocumentStore(fresh_settings).get(doc_id)
    assert doc.clauses and not any("<" in c.text or "onerror" in c.text for c in doc.clauses)


def test_a_nul_byte_anywhere_refuses_the_file_with_its_offset(tmp_path: Path, fresh_settings):
    path = tmp_path / "long.txt"
    data = (TEXT.format("甲", 3) * 200).encode("utf-8")
    path.write_bytes(data[:5130] + b"\x00" + data[5130:])
    (r,) = DocumentStore(fresh_settings).ingest([path])
    assert not r.ok and "NUL" in r.error and "5130" in r.error


def test_a_few_damaged_bytes_are_replaced_and_reported(tmp_path: Path, fresh_settings):
    path = tmp_path / "gbk.txt"
    data = (TEXT.format("甲", 3) * 120).encode("gbk")
    damaged = bytearray(data)
    for at in (400, 1800, 3000):
        damaged[at : at + 2] = b"\xff\xff"
    path.write_bytes(bytes(damaged))
    (r,) = DocumentStore(fresh_settings).ingest([path])
    assert r.ok and "damaged" in r.note and "first at byte 400" in r.note
    doc = DocumentStore(fresh_settings).get(r.doc_ids[0])
    assert doc.encoding.startswith("gb18030") and "专职工作者" in doc.text


def test_the_size_limit_message_uses_the_units_it_states(tmp_path: Path):
    import pytest

    from corpus.errors import UnreadableFile
    from corpus.load import read_source

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (3 * 2**20 // 2))
    with pytest.raises(UnreadableFile, match=r"1\.5 MB > 1 MB limit"):
        read_source(path, max_bytes=2**20)


def test_temp_files_left_by_an_interrupted_write_are_removed(tmp_path: Path, fresh_settings):
    store = DocumentStore(fresh_settings)
    store.dir.mkdir(parents=True)
    stale = store.dir / ".a.json.x1y2.tmp"
    stale.write_text("{", encoding="utf-8")
    os.utime(stale, (0, 0))
    fresh = store.dir / ".b.json.z3.tmp"  # a write in progress elsewhere
    fresh.write_text("{", encoding="utf-8")
    seen = []
    store.ingest([write(tmp_path / "a.txt", "甲", 3)], on_result=seen.append)
    assert not stale.exists() and fresh.exists()
    assert [r.ok for r in seen] == [True]


def test_corrections_survive_a_re_ingest_and_a_deleted_document_is_gone(tmp_path: Path, fresh_settings):
    import pytest

    store = DocumentStore(fresh_settings)
    path = write(tmp_path / "办法.txt", "甲", 3)
    (r,) = store.ingest([path])
    doc = store.correct(r.doc_ids[0], region="衡水市", date="2023-05-01", title="衡水市社区工作办法")
    assert (doc.region, doc.date, doc.title) == ("衡水市", "2023-05-01", "衡水市社区工作办法")
    assert "衡水" in doc.places
    store.ingest([path])  # the same file again
    again = DocumentStore(fresh_settings).get(r.doc_ids[0])
    assert (again.region, again.date, again.title) == ("衡水市", "2023-05-01", "衡水市社区工作办法")
    with pytest.raises(ValueError, match="YYYY"):
        store.correct(r.doc_ids[0], date="去年")
    store.delete(r.doc_ids[0])
    assert DocumentStore(fresh_settings).documents() == []


def _cli(home: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "POLICYQA_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_ingests_at_once_keep_every_document(tmp_path: Path):
    """Writers ingesting files of the same names at once (a process each, as `policyqa ingest … &`
    twice, and threads of one server): each waits for the other, every document stays."""
    import threading

    home = tmp_path / "home"
    DocumentStore(load_settings(data_dir=home)).ensure_bundled()  # not part of the race
    for i, place in enumerate("甲乙丙丁"):
        for j in range(40):
            write(tmp_path / f"p{i}" / f"公告{j:02}.txt", place, 100 * i + j)
    procs = [_cli(home, "ingest", str(tmp_path / f"p{i}")) for i in range(2)]
    threads = [
        threading.Thread(
            target=DocumentStore(load_settings(data_dir=home)).ingest, args=([tmp_path / f"p{i}"],)
        )
        for i in (2, 3)
    ]
    for t in threads:
        t.start()
    outs = [p.communicate(timeout=300) for p in procs]
    for t in threads:
        t.join()
    assert all(p.returncode == 0 for p in procs), outs
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in (home / "documents").glob("*.json")]
    assert len([d for d in docs if d["title"].startswith("测试")]) == 160  # beside the bundled corpus


def test_two_corrections_at_once_are_both_kept(tmp_path: Path):
    home = tmp_path / "home"
    store = DocumentStore(load_settings(data_dir=home))
    [a] = store.ingest([write(tmp_path / "a.txt", "甲", 3)])
    [b] = store.ingest([write(tmp_path / "b.txt", "乙", 4)])
    procs = [
        _cli(home, "correct", a.doc_ids[0], "--region", "甲区"),
        _cli(home, "correct", b.doc_ids[0], "--region", "乙区"),
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    store.reload()
    assert {store.get(a.doc_ids[0]).region, store.get(b.doc_ids[0]).region} == {"甲区", "乙区"}


def test_the_store_is_safe_for_readers_while_another_thread_reloads(tmp_path: Path, fresh_settings):
    import threading

    store = DocumentStore(fresh_settings)
    store.ingest([write(tmp_path / f"{i}.txt", place, i + 2) for i, place in enumerate("甲乙丙丁")])
    errors: list[BaseException] = []
    stop = threading.Event()

    def reload_forever() -> None:
        while not stop.is_set():
            store.reload()

    t = threading.Thread(target=reload_forever)
    t.start()
    try:
        for _ in range(300):
            try:
                assert len(store.documents()) == 4
            except BaseException as e:  # noqa: BLE001 - collected, reported below
                errors.append(e)
    finally:
        stop.set()
        t.join()
    assert not errors, errors[:3]


def test_a_damaged_document_file_is_named_and_skipped(tmp_path: Path, fresh_settings, caplog):
    store = DocumentStore(fresh_settings)
    [a] = store.ingest([write(tmp_path / "a.txt", "甲", 3)])
    [b] = store.ingest([write(tmp_path / "b.txt", "乙", 4)])
    damaged = fresh_settings.documents_dir / f"{a.doc_ids[0]}.json"
    damaged.write_bytes(damaged.read_bytes()[:50])
    store.reload()
    assert [d.id for d in store.documents()] == [b.doc_ids[0]]
    assert f"{a.doc_ids[0]}.json is damaged and skipped" in caplog.text


def test_control_characters_in_file_names_are_printed_escaped(tmp_path: Path):
    """A newline cannot forge an `ok …` line, ESC cannot colour the terminal, RLO cannot reverse text."""
    folder = tmp_path / "in"
    names = ["a\nok    forged.txt", "\x1b[31mred.txt", "b\u202etxt.exe.txt"]
    for i, name in enumerate(names):
        write(folder / name, "甲乙丙"[i], 3 + i)
    p = _cli(tmp_path / "home", "ingest", str(folder))
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert len(lines) == 3 and all(ln.startswith("ok ") for ln in lines)
    assert "\x1b" not in out and "\u202e" not in out
    assert "a\\nok    forged.txt" in out and "\\x1b[31mred.txt" in out and "b\\u202etxt.exe.txt" in out


def test_a_full_disk_fails_each_file_it_hits_by_name_and_leaves_nothing_half_written(tmp_path: Path):
    """The process may write files of at most 24 KB (RLIMIT_FSIZE: what a disk filling up does to a
    write, without mounting one): the long document fails with its reason, the others are stored."""
    import resource
    import signal

    folder = tmp_path / "in"
    write(folder / "a.txt", "甲", 3)
    (folder / "long.txt").write_text(
        "测试长社区工作办法\n" + "每个社区配备专职工作者不少于5名。\n" * 2000, encoding="utf-8"
    )
    write(folder / "z.txt", "丙", 5)
    home = tmp_path / "home"

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (24_000, 24_000))

    env = {**os.environ, "POLICYQA_HOME": str(home)}
    p = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr[-1500:]
    lines = p.stdout.splitlines()
    assert any(ln.startswith("FAIL") and "long.txt" in ln and "could not be stored" in ln for ln in lines)
    assert sum(ln.startswith("ok") for ln in lines) == 2
    assert not [f for f in (home / "documents").iterdir() if f.name.endswith(".tmp")]


@pytest.mark.parametrize("content", ["[1, 2]", '{"a": 5}', "{broken"])
def test_a_damaged_corrections_file_is_named_and_the_documents_still_load(
    tmp_path: Path, fresh_settings, content, caplog
):
    store = DocumentStore(fresh_settings)
    [a] = store.ingest([write(tmp_path / "a.txt", "甲", 3)])
    store.corrections_path.write_text(content, encoding="utf-8")
    store.reload()
    assert [d.id for d in store.documents()] == list(a.doc_ids)
    assert "corrections.json is damaged" in caplog.text
    with pytest.raises(ValueError, match="corrections.json is damaged"):
        store.correct(a.doc_ids[0], region="乙区")  # nothing written over what the user may still fix
    assert store.corrections_path.read_text(encoding="utf-8") == content
