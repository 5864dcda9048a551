"""The command line, in process, on the seeded data dir."""

from __future__ import annotations

import json
from pathlib import Path

from ui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_docs_json_lists_nine_documents(copied_settings, capsys):
    code, out, _ = run(capsys, "--data-dir", str(copied_settings.data_dir), "docs", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 9
    assert all(r["title"] and r["region"] and r["clauses"] > 5 for r in rows)


def test_show_json_gives_every_clause_with_path_and_offsets(copied_settings, capsys):
    code, out, _ = run(capsys, "--data-dir", str(copied_settings.data_dir), "show", "kaili", "--json")
    doc = json.loads(out)
    assert (
        code == 0
        and doc["clauses"]
        and all(c["heading_path"] and c["end"] > c["start"] for c in doc["clauses"])
    )


def test_ingest_reports_each_file_and_fails_on_a_bad_one(copied_settings, capsys, tmp_path: Path):
    (tmp_path / "ok.txt").write_text("一、总则\n（一）每个社区配备网格员不少于3名。\n", encoding="gbk")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, _ = run(capsys, "--data-dir", str(copied_settings.data_dir), "ingest", str(tmp_path))
    assert code == 1
    assert "ok    " in out and "FAIL  " in out and "bad.txt: binary file" in out


def test_search_and_ask_batches_resolve_history(copied_settings, capsys, tmp_path: Path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {"id": "a", "question": "一个社区最少要几个专职人员？", "history": []},
                {
                    "id": "b",
                    "question": "牵头单位是谁？",
                    "history": [
                        {"role": "user", "content": "凯里每个社区至少要配几名专职工作者？"},
                        {"role": "assistant", "content": "不少于5人。"},
                    ],
                },
            ]
        ),
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "--data-dir", str(copied_settings.data_dir), "search", "--jsonl", str(batch), "-k", "3"
    )
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [x["id"] for x in lines] == ["a", "b"]
    assert set(lines[0]["hits"][0]) >= {
        "doc_id",
        "title",
        "region",
        "section",
        "text",
        "score",
        "start",
        "end",
    }
    assert "不少于5人" in lines[0]["hits"][0]["text"]
    assert any("牵头单位：市委组织部" in h["text"] for h in lines[1]["hits"][:3])
    code, out, _ = run(capsys, "--data-dir", str(copied_settings.data_dir), "ask", "--jsonl", str(batch))
    answers = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and "市委组织部" in answers[1]["answer"] and "凯里" in answers[1]["standalone_question"]
    assert set(answers[0]["citations"][0]) >= {"doc_id", "title", "region", "section", "text", "quote"}


def test_help_is_instant_and_lists_the_pipeline():
    import subprocess
    import sys
    import time

    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert time.perf_counter() - t < 3
    for cmd in ("ingest", "docs", "show", "index", "search", "ask", "chat", "eval"):
        assert cmd in out


def test_compare_puts_duties_on_their_own_sheet_and_an_unknown_topic_is_an_error(
    copied_settings, capsys, tmp_path: Path
):
    import openpyxl

    home = str(copied_settings.data_dir)
    out = tmp_path / "cmp.xlsx"
    code, _, _ = run(capsys, "--data-dir", home, "compare", "--format", "xlsx", "-o", str(out))
    wb = openpyxl.load_workbook(out)
    assert code == 0 and {"指标", "职责分工", "对比"} <= set(wb.sheetnames)
    head = [c.value for c in wb["指标"][1]]
    value, deadline = head.index("数值"), head.index("期限")
    rows = list(wb["指标"].iter_rows(min_row=2, values_only=True))
    duty = list(wb["职责分工"].iter_rows(min_row=2, values_only=True))
    assert rows and all(
        r[value] or r[deadline] for r in rows
    )  # every indicator row carries a figure or a date
    assert duty and not any(r[value] or r[deadline] for r in duty)
    code, out_md, err = run(capsys, "--data-dir", home, "compare", "--topic", "物业费")
    assert code == 2 and not out_md and "没有与“物业费”有关的指标" in err and "现有主题" in err
    code, out_md, _ = run(capsys, "--data-dir", home, "compare", "--topic", "网格")  # any word filters
    assert code == 0 and "网格" in out_md


def test_a_batch_line_that_is_no_question_is_reported_in_chinese_and_the_rest_answered(
    copied_settings, capsys, tmp_path: Path
):
    """A malformed line of a batch (not JSON, a history given as pairs) stopped it with a traceback and lost the lines after it."""
    batch = tmp_path / "q.jsonl"
    good = {"id": "a", "question": "一个社区最少要几个专职人员？"}
    batch.write_text(
        "\n".join(
            [
                json.dumps(good, ensure_ascii=False),
                "{not json",
                json.dumps(
                    {"id": "c", "question": "牵头单位是谁？", "history": [["问", "答"]]}, ensure_ascii=False
                ),
                json.dumps({**good, "id": "d"}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--data-dir", str(copied_settings.data_dir), "search", "--jsonl", str(batch))
    assert code == 1 and [json.loads(x)["id"] for x in out.splitlines()] == ["a", "d"], (out, err)
    assert "第2行不是有效的 JSON" in err and '第3行的 "history" 应为' in err and "Traceback" not in err, err
