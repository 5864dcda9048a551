"""Extraction on real clauses and on sentences written here for each form."""

from __future__ import annotations

import pytest

from assistant.compare import build_table, to_csv, to_markdown, to_xlsx
from assistant.extract import clause_units, extract_all, extract_document, sentence_units, split_units
from corpus.model import Clause, Document


def doc_of(*texts: str, path: tuple[str, ...] = ("一、要求",)) -> Document:
    clauses, pos = [], 0
    for i, t in enumerate(texts):
        clauses.append(Clause(f"t:{i}", "t", path, t, pos, pos + len(t), pos, pos + len(t)))
        pos += len(t) + 1
    return Document("t", "测试", "t.txt", "t.txt", "某市", "", "", "", "utf-8", "text", "simplified", ("某市",), "h",
                    "\n".join(texts), "\n".join(texts), tuple(clauses))


def values(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.comparator, r.value, r.deadline) for r in extract_document(doc_of(text)) if r.value]


@pytest.mark.parametrize(("text", "expected"), [
    ("力争到2020年年底，全市城乡社区服务站覆盖率达到100%。", [("达到", "100%", "2020年年底")]),
    ("每个社区专职工作者不少于5人。", [("不少于", "5人", None)]),
    ("各类社区规模原则上不得低于1000户，提倡设立3000户左右的中等规模社区。", [("不得低于", "1000户", None), ("左右", "3000户左右", None)]),
    ("服务用房面积不低于每百户30平方米。", [("不低于", "30平方米", None)]),
    ("到2025年，社会组织专职工作人员数量每万人达到40人以上。", [("达到", "40人以上", "2025年")]),
    ("加大培训力度，每3年对社区专职工作者进行全覆盖培训。", [(None, "每3年", None)]),
    ("社区党组织配备3-5人，社区居委会5-9人。", [(None, "3-5人", None), (None, "5-9人", None)]),
    ("每个新城至少设立一处社会组织孵化基地。", [("至少", "一处", None)]),
    ("场所建设面积控制在300—500平方米。", [("控制在", "300—500平方米", None)]),
])
def test_each_comparator_and_unit_form(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "根据《关于印发…的通知》（黔东南府办发〔2020〕1号）有关要求，制定本方案。",
    "推动“1+1+6”队伍力量下沉，落实“四项权力”。",
    "2020年9月21日",
    "社区人口5000人以下的服务用房应相对集中。",
    "城市社区居民委员会一般配置X至X人。",
])
def test_numbers_that_are_not_targets_are_not_extracted(text):
    assert values(text) == []


def test_lead_and_support_units_split_as_written():
    u = clause_units("完善服务站建设。（牵头单位：市民政局；责任单位：市委组织部、市扶贫办﹝市生态移民局﹞，各镇人民政府﹝街道办事处﹞）")
    assert u.lead == ("市民政局",)
    assert u.support == ("市委组织部", "市扶贫办﹝市生态移民局﹞", "各镇人民政府﹝街道办事处﹞")
    assert split_units("各县（市、区）政府、市委宣传部（市文明办）、市民政局等") == ("各县（市、区）政府", "市委宣传部（市文明办）", "市民政局")


def test_responsibility_phrasings():
    assert sentence_units("市民政局、市发展改革委牵头，会同有关部门建立健全规划实施监测机制。").lead == ("市民政局", "市发展改革委")
    assert sentence_units("本意见自发文之日起执行，由新区人社民政局负责解释。").lead == ("新区人社民政局",)
    assert clause_units("责任部门：各县（市、区）政府、市民政局").lead == ("各县（市、区）政府", "市民政局")
    assert clause_units("小区环境综合整治组：组长：姚大巍，成员：执法中队、城市管理科").support == ("执法中队", "城市管理科")


def test_kaili_units_clauses_and_inheritance(seed_store):
    kaili = seed_store.get("kaili_2020_chengxiang_shequ_zhili")
    rows = extract_document(kaili)
    workers = next(r for r in rows if r.value == "5人")
    assert workers.lead_units == ("市委组织部",) and "市财政局" in workers.support_units
    area = next(r for r in rows if r.value == "500平方米")  # a sub-item of 二（一）: inherits its section's units
    assert area.lead_units == ("市民政局",) and area.deadline == "2020年底"
    unit_rows = [r for r in rows if r.value is None and r.quote.startswith("（牵头单位")]
    assert len(unit_rows) >= 10 and all(r.lead_units for r in unit_rows)


def test_table_rows_take_the_target_column_and_its_year(seed_store):
    rows = extract_document(seed_store.get("hengshui_2022_shequ_fuwu_14th_plan"))
    rural = next(r for r in rows if r.quote.startswith("农村社区综合服务设施覆盖率"))
    assert rural.value == "80%" and rural.deadline == "2025年"


@pytest.fixture(scope="module")
def all_rows(seed_store):
    return extract_all(seed_store.documents())


def test_markdown_table_has_one_column_per_document(all_rows, seed_store):
    table = build_table(all_rows, ["工作者配备"])
    md = to_markdown(table)
    header = md.splitlines()[0]
    assert header.count("|") == len(table.columns) + 2
    assert "凯里市《凯里市加强和完善城乡社区治理的工作方案》" in header
    assert "不少于5人" in md and "出处" in md


def test_xlsx_opens_with_the_expected_cells(all_rows, tmp_path):
    from openpyxl import load_workbook

    path = to_xlsx(build_table(all_rows, ["社区规模", "工作者配备"]), tmp_path / "cmp.xlsx")
    wb = load_workbook(path)
    ws = wb["对比"]
    assert ws["A1"].value == "主题" and ws.freeze_panes == "B2"
    topics = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    assert topics == ["社区规模", "工作者配备"]
    cell = next(c for c in ws[2] if "不得低于1000户" in (c.value or ""))
    assert ws.cell(row=1, column=cell.column).value.startswith("西咸新区")
    assert cell.comment is not None and "不得低于1000户" in cell.comment.text
    assert wb["出处"].max_row > 3


def test_csv_has_header_and_sources(all_rows):
    text = to_csv(build_table(all_rows, ["社区规模"]))
    assert text.startswith("主题,") and "出处" in text


def test_rows_the_taxonomy_misses_are_placed_by_embedding_similarity(seed_store, seed_retriever):
    from assistant.topics import OTHER

    docs = seed_store.documents()
    plain = extract_all(docs)
    placed = extract_all(docs, seed_retriever.embedder)
    assert sum(r.topic == OTHER for r in placed) < sum(r.topic == OTHER for r in plain)
    assert [r.topic for r in placed if r.topic != OTHER] and all(
        a.topic == b.topic for a, b in zip(plain, placed, strict=True) if a.topic != OTHER)
