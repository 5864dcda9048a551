"""Documents referred to by year and short name, on a catalogue made here."""

from __future__ import annotations

import pytest

from indexer.references import DocRef, referenced_documents

DOCS = {
    "c17": DocRef("中共中央国务院关于加强和完善城乡社区治理的意见", "", "全国", "central_2017_shequ.txt"),
    "c21": DocRef("中共中央国务院关于加强基层治理体系和治理能力现代化建设的意见", "2021-04-28", "全国"),
    "sd21": DocRef("山东省物业管理条例", "2021-12-03", "山东省"),
    "zb21": DocRef("淄博市物业管理条例", "2021-07-30", "淄博市"),
    "sh10": DocRef("上海市住宅物业管理规定", "2018-11-22", "上海市", "shanghai_2010_wuye.md"),
    "sh20": DocRef("上海市住宅物业管理规定", "2020-12-30", "上海市"),
    "plan": DocRef("培育发展社区社会组织专项行动方案（2021-2023年）", "", ""),
}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("2021年基层治理意见要求乡镇多久组织一次应急演练？", ("c21",)),
        ("2017年那份中央城乡社区治理意见里，谁是第一责任人？", ("c17",)),
        ("2017年和2021年两份中央文件分别怎么要求？", ("c17", "c21")),
        ("上海2010年的物业管理规定怎么说？", ("sh10",)),
        ("社区社会组织专项行动方案要求什么？", ("plan",)),
        ("2021年的物业管理条例对业委会任期怎么规定？", ()),  # two from 2021: ambiguous, no guess
        ("到2025年底前完成社区规划编制。", ()),  # a deadline, not a document
        ("每个社区至少配几名专职工作者？", ()),
    ],
)
def test_references_pick_a_document_only_when_unambiguous(question, expected):
    assert referenced_documents(question, DOCS) == expected
