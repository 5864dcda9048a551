"""Web handlers without a browser: uploads are safe and never lose indexed documents; output is escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.render import ROW_VIEW
from ui.web import WebApp
from ui.web_docs import safe_name


def test_upload_names_cannot_escape_the_uploads_folder():
    for evil in ("../../etc/passwd.txt", "..\\..\\boot.ini.txt", "/abs/path/x.md", "a/../../b.html"):
        name = safe_name(evil, b"x")
        assert "/" not in name and "\\" not in name and not name.startswith(".")


@pytest.fixture
def web(copied_settings):
    return WebApp(copied_settings)


def test_rejected_and_broken_uploads_are_reported_and_nothing_is_lost(web: WebApp, tmp_path: Path):
    before = set(web.assistant.docs)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ" + b"\x00" * 10)
    scan = tmp_path / "blank.pdf"
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(scan))
    report, _ = web.upload([str(exe), str(scan)])
    assert "不支持的类型 .exe" in report and "OCR" in report
    assert set(web.assistant.docs) == before
    assert web.assistant.ask("一个社区最少要几个专职人员？").citations


def test_upload_adds_a_document_that_answers(web: WebApp, tmp_path: Path):
    f = tmp_path / "<b>新区办法.txt"
    f.write_bytes("某新区社区办法\n一、配备\n（一）每个社区配备专职网格员不少于7名。\n".encode("gbk"))
    report, rows = web.upload([str(f)])
    assert "已加入" in report and "<b>" not in report
    stored = list(web.settings.uploads_dir.iterdir())
    assert len(stored) == 1 and stored[0].parent == web.settings.uploads_dir
    assert web.chat("社区规模有什么要求？", [])[0]  # the current index answers while the new one is built
    web.live.wait()
    assert "索引已更新" in web.index_status()
    history, cards, _ = web.chat("某新区每个社区配几名专职网格员？", [])
    assert "7名" in history[-1]["content"] and "pq-card" in cards


def test_documents_the_cli_adds_are_picked_up_without_a_restart(web: WebApp, tmp_path: Path):
    from corpus import DocumentStore

    f = tmp_path / "另一区办法.txt"
    f.write_text("另一区社区办法\n一、配备\n（一）每个社区配备专职调解员不少于4名。\n", encoding="utf-8")
    DocumentStore(web.settings).ingest([f])  # another process, as `policyqa ingest` would
    before = web.live.version
    assert "另一区社区办法" not in {
        d.title for d in web.assistant.docs.values()
    }  # noticed here, indexed meanwhile
    web.live.wait()
    assert web.live.version > before
    assert "另一区社区办法" in {title for title, *_ in web.library_rows()}
    # the library's search: every word must be in the title, place, kind, date or file name
    assert {title for title, *_ in web.library_rows("另一区 办法")} == {"另一区社区办法"}
    assert web.library_rows("没有这样的文件") == [] and len(web.library_rows("  ")) == len(web.library_rows())


def test_user_input_is_escaped_in_the_chat(web: WebApp):
    history, _, _ = web.chat("<script>alert(1)</script>社区规模", [])
    assert "<script>" not in history[0]["content"] and "&lt;script&gt;" in history[0]["content"]


def test_a_server_whose_index_is_behind_answers_at_once_and_catches_up(copied_settings, tmp_path: Path):
    from corpus import DocumentStore

    f = tmp_path / "第三区办法.txt"
    f.write_text("第三区社区办法\n一、配备\n（一）每个社区配备专职社工不少于6名。\n", encoding="utf-8")
    DocumentStore(copied_settings).ingest([f])
    web = WebApp(copied_settings)  # does not rebuild before serving
    served = {c.doc_id for c in web.live.assistant.retriever.clauses}
    assert not any(d.startswith("第三区办法") for d in served)
    assert web.chat("社区规模有什么要求？", [])[0]
    web.live.wait()
    assert any(c.doc_id.startswith("第三区办法") for c in web.live.assistant.retriever.clauses)


def test_a_server_without_an_index_answers_from_bm25_at_once_and_fills_in_the_vectors(fresh_settings):
    web = WebApp(fresh_settings)  # no index, no cached vectors: BM25 over the bundled corpus first
    first = web.live.assistant.retriever
    assert first.pending == len(first.clauses) > 300
    assert "答案可能不完整" in web.chat_status()
    history, cards, _ = web.chat("每个社区至少配几名专职工作者？", [])
    assert "不少于5人" in history[-1]["content"] and "pq-card" in cards, history[-1]["content"]
    web.live.wait()
    done = web.live.assistant.retriever
    assert done.pending == 0 and 300 < done.index.manifest["embedded"] <= len(done.clauses)  # texts repeat
    assert web.chat_status() == "" and "索引已更新" in web.index_status()


def test_two_versions_are_offered_and_compared(web: WebApp, tmp_path: Path):
    from tests.assistant.test_diff import NEW, OLD

    for sub, text in (("old", OLD), ("new", NEW)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "某市社区服务条例.md").write_text(text, encoding="utf-8")
    web.store.ingest([tmp_path / "old" / "某市社区服务条例.md", tmp_path / "new" / "某市社区服务条例.md"])
    web.live.check()
    web.live.wait()
    ((label, pair),) = web.version_pairs()
    assert "2018-03-01 → 2023-06-01" in label
    html, docx_path = web.diff(pair)
    assert "<del>三十</del>" in html and "<ins>十五</ins>" in html and "新增 1 条" in html
    assert docx_path and docx_path.endswith(".docx")
    substance, _ = web.diff(pair, substantive_only=True)  # 三十日 → 十五日 is substance: still listed
    assert "<del>三十</del>" in substance and "文字修改 0 条" in substance
    assert "请选择" in web.diff(None)[0]
    # 查看全文 of the new version's changed article: the whole document, the clause marked, the old
    # version one link away; a link naming no document closes the viewer
    from urllib.parse import quote

    old_id, new_id = pair.split("|")
    clause = next(c for c in web.assistant.docs[new_id].clauses if "十五日内" in c.text)
    view = web.document_view(f"{new_id}|{clause.id}")
    assert "id='pq-target'" in view and view.count("<mark>") == 1
    assert "十五日内" in view.split("id='pq-target'")[1].split("</div>")[0]
    assert "2023-06-01版" in view and "其他版本" in view and "2018-03-01版" in view
    assert f"#pq-doc={quote(old_id + '|')}'" in view and "第一条" in view and "第四条" in view
    s = clause.text.index("十五日内")
    marked = web.document_view(f"{new_id}|{clause.id}|{s}|{s + 4}")
    assert "<mark>十五日内</mark>" in marked  # the quote marked inside its shaded clause
    assert web.document_view("|") == "" and "不在文库" in web.document_view("no-such-doc|x")


def test_a_user_corrects_metadata_and_deletes_a_document(web: WebApp, tmp_path: Path):
    f = tmp_path / "某区办法.txt"
    f.write_text("某区社区工作办法\n一、配备\n（一）每个社区配备专职网格员不少于9名。\n", encoding="utf-8")
    web.upload([str(f)])
    web.live.wait()
    doc_id = next(d for d, doc in web.assistant.docs.items() if doc.title == "某区社区工作办法")
    assert "日期应写作" in web.save_meta(doc_id, "某区社区工作办法", "某区", "去年")
    assert "已保存" in web.save_meta(doc_id, "某区社区工作办法（修订）", "测试区", "2024-05-01")
    web.live.wait()
    assert web.doc_meta(doc_id) == ("某区社区工作办法（修订）", "测试区", "2024-05-01")
    assert "测试区" in web.region_choices()
    assert "确认删除" in web.delete_doc(doc_id, False)
    assert "已删除" in web.delete_doc(doc_id, True)
    web.live.wait()
    assert doc_id not in web.assistant.docs and not list(web.settings.uploads_dir.iterdir())
    history, _, _ = web.chat("测试区每个社区配几名专职网格员？", [])
    assert "9名" not in history[-1]["content"]


def test_each_answer_keeps_its_sources_and_feedback_becomes_gold_candidates(web: WebApp):
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT
    from ui.render import plain_message

    history, _, records = web.chat("凯里每个社区至少要配几名专职工作者？", [])
    message = history[-1]["content"]
    assert "<span class='pq-cite' data-n='1'>[1]</span>" in message and "pq-sources" in message
    assert "凯里市加强和完善城乡社区治理的工作方案" in message.split("pq-sources", 1)[1]
    assert "pq-sources" not in plain_message(message) and "不少于5人" in plain_message(message)
    history, _, records = web.chat(
        "牵头单位是谁？", history, records=records
    )  # read against the first turn's data
    assert "pq-sources" in history[-1]["content"] and len(history) == 4 and len(records) == 2
    assert web.feedback(history, 1, True) and web.feedback(history, 3, False, "没说清楚")
    assert web.feedback(history, 0, True) == ""  # a question is not an answer
    records = [
        json.loads(x)
        for x in (web.settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["liked"] for r in records] == [True, False] and records[0]["question"].startswith("凯里")
    assert records[0]["sources"] and "不少于5人" in records[0]["answer"]
    with (web.settings.data_dir / "feedback.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"question": "cut off\n')  # a line a crash left half-written: named, skipped
    r = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(web.settings.data_dir), "eval", "feedback"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0 and "feedback.jsonl:3: skipped" in r.stderr, r.stderr
    candidates = [json.loads(x) for x in r.stdout.splitlines()]
    assert [c["status"] for c in candidates] == ["proposed", "needs_label"]
    assert any("不少于5人" in q for q in candidates[0]["candidate_quotes"])


def test_active_filters_are_shown(web: WebApp):
    doc_id = next(iter(web.assistant.docs))
    note = web.filters(["衡水市"], [doc_id])
    assert "衡水市" in note and web.assistant.docs[doc_id].title in note and "新对话" in note
    assert web.filters([], []) == ""


def test_upload_errors_read_in_chinese(web: WebApp, tmp_path: Path):
    blob = tmp_path / "data.txt"
    blob.write_bytes(b"abc" * 100 + b"\x00" + b"abc")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    legacy = tmp_path / "旧通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    report, _ = web.upload([str(blob), str(empty), str(legacy)])
    assert "二进制文件" in report and "第 300 字节" in report and "空文件" in report
    assert "不支持 .doc（Word 97-2003）格式，请另存为 .docx 或 .pdf" in report
    assert "binary" not in report and "empty file" not in report and "not supported" not in report


def test_a_rewritten_question_can_be_answered_as_typed_and_the_chat_exported(web: WebApp):
    history, _, records = web.chat("凯里每个社区至少要配几名专职工作者？", [])
    history, _, records = web.chat("牵头单位是谁？", history, records=records)
    assert "理解为" in history[-1]["content"]
    again, _, again_records = web.chat("牵头单位是谁？", history, records=records, as_typed=True)
    assert len(again) == len(history) and "理解为" not in again[-1]["content"]
    assert again[:-1] == history[:-1]
    assert again_records[0] == records[0] and again_records[1]["standalone"] == "牵头单位是谁？"
    path = Path(web.export_chat(history))
    text = path.read_text(encoding="utf-8")
    assert text.count("**问：**") == 2 and "不少于5人" in text and "- [1] 《凯里市" in text
    assert web.export_chat([]) is None


def test_the_comparison_can_be_narrowed_to_regions(web: WebApp):
    _, _, _, rows = web.compare("全部", None, ["衡水市"])
    assert rows and {r[0] for r in rows} == {"衡水市"}
    _, _, _, everything = web.compare("全部", None)
    assert len(everything) > len(rows)
    assert list(ROW_VIEW[:3]) == ["地区", "指标", "数值"]  # the figure visible without scrolling
    i = next(i for i, r in enumerate(rows) if "600" in r[ROW_VIEW.index("数值")])
    assert "600平方米" in web.indicator_detail([i, 0]) and "600平方米" in web.indicator_detail(None, rows[i])


def test_a_figure_on_screen_reads_with_its_comparator(web: WebApp):
    """ "原则上不得低于1000户" is a floor: the 数值 cell says so, not a bare 1000户 (a comparator already
    written into the value, 3000户左右, is not said twice)."""
    _, _, _, rows = web.compare("社区规模", None, ["西咸新区"])
    shown = {r[ROW_VIEW.index("数值")] for r in rows}
    assert "不得低于1000户" in shown and "3000户左右" in shown and "1000户" not in shown


def test_the_overview_shows_a_column_only_for_documents_that_say_something_on_the_topic(web: WebApp):
    """One topic of nine documents: the grid fits the page with the documents that set it, and the
    documents that say nothing on it are named below it, not shown as columns of "—"."""
    grid, _, _, rows = web.compare("社区规模", None)
    said = {r[0] for r in rows}
    assert "西咸新区" in said and "凯里市" not in said
    head = grid[: grid.index("</tr>")]
    assert "西咸新区" in head and "凯里市" not in head
    note = grid[grid.index("未涉及所选主题的文件") :]
    assert "凯里市" in note and "西咸新区" not in note.split("</p>")[0]


def test_exports_write_text_never_formulas(web: WebApp, tmp_path: Path):
    """A clause and a title that would be spreadsheet formulas stay text in the XLSX and the CSV."""
    import csv
    import io

    from openpyxl import load_workbook

    f = tmp_path / "公式区办法.txt"
    f.write_text(
        '公式区社区办法\n一、配备\n=HYPERLINK("http://example.invalid","点击")每个社区配备专职网格员不少于8名。\n',
        encoding="utf-8",
    )
    web.upload([str(f)])
    web.live.wait()
    doc_id = next(d for d, doc in web.assistant.docs.items() if doc.title == "公式区社区办法")
    assert "已保存" in web.save_meta(doc_id, "=1+2", "公式区", "2024-05-01")
    web.live.wait()
    _, xlsx, csv_file, rows = web.compare(None, [doc_id])
    assert rows and any(
        r[ROW_VIEW.index("文件")] == "=1+2" for r in rows
    )  # the page shows the title as typed
    cells = [c for ws in load_workbook(xlsx).worksheets for line in ws.iter_rows() for c in line]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == "=1+2" for c in cells)
    text = Path(csv_file).read_text(encoding="utf-8-sig")
    values = [v for line in csv.reader(io.StringIO(text)) for v in line]
    assert "'=1+2" in values and not [v for v in values if v[:1] in ("=", "+", "-", "@")]


def test_the_outline_and_the_viewer_print_a_heading_that_opens_its_clause_once(web: WebApp):
    doc = next(d for d in web.assistant.docs.values() if d.id.startswith("kaili"))
    for html in (web.outline(doc.id), web.document_view(f"{doc.id}|")):
        assert html.count("（三）加强队伍建设，完善激励机制") == 1 and html.count("（二）总体目标") == 1
        assert " ·  · " not in html  # no empty document number


def test_a_chat_narrowed_to_a_region_answers_from_its_documents_only(web: WebApp):
    # "每个社区至少配几名专职工作者？" is answered from 凯里 over all documents; narrowed to 衡水, whose plan
    # sets no per-community count, it is not answered from 凯里.
    everywhere, _, _ = web.chat("每个社区至少配几名专职工作者？", [])
    assert "凯里" in everywhere[-1]["content"]
    narrowed, _, _ = web.chat("每个社区至少配几名专职工作者？", [], ["衡水市"])
    assert "凯里" not in narrowed[-1]["content"]
