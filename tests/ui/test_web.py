"""Web handlers without a browser: uploads are safe and never lose indexed documents; output is escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.web import WebApp, safe_name


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
    history, cards, _ = web.chat("某新区每个社区配几名专职网格员？", [])
    assert "7名" in history[-1]["content"] and "pq-card" in cards


def test_user_input_is_escaped_in_the_chat(web: WebApp):
    history, _, _ = web.chat("<script>alert(1)</script>社区规模", [])
    assert "<script>" not in history[0]["content"] and "&lt;script&gt;" in history[0]["content"]
