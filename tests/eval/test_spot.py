"""The refusal spot check: a question list read from a file, each asked, the report counts refusals."""

from __future__ import annotations

from assistant.answer import Assistant
from eval.spot import SPOT_CHECK, format_spot_check, load_questions, spot_check


def test_the_spot_check_reads_its_list_and_reports_each_question(seed_assistant: Assistant, tmp_path):
    listing = tmp_path / "spot.txt"
    listing.write_text(
        "# comment lines and blank lines are skipped\n\n个人所得税的起征点是多少？\n"
        "凯里人口在2000人以上的农村社区，服务站用房总面积最少要达到多少？\n",
        encoding="utf-8",
    )
    questions = load_questions(listing)
    assert len(questions) == 2
    report = format_spot_check(spot_check(seed_assistant, questions))
    assert "| refused | 个人所得税的起征点是多少？ | 文件中没有出现“个人所得税”“起征点” |" in report
    assert (
        "| **answered** | 凯里人口在2000人以上的农村社区，服务站用房总面积最少要达到多少？ | 凯里市" in report
    )
    assert report.endswith("1 of 2 refused")
    assert len(load_questions(SPOT_CHECK)) == 40  # the shipped list parses whole
