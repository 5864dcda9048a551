"""Extraction on real clauses and on sentences written here for each form."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from assistant.compare import build_table, to_markdown
from assistant.export import COLUMNS, record, to_csv, to_xlsx
from assistant.extract import extract_all, extract_document
from assistant.indicator import Indicator, numbers, verified
from assistant.roles import clause_units, sentence_units, split_names
from corpus.model import Clause, Document
from corpus.settings import Settings
from tests.conftest import ingested


def doc_of(*texts: str, path: tuple[str, ...] = ("一、要求",)) -> Document:
    clauses, pos = [], 0
    for i, t in enumerate(texts):
        clauses.append(Clause(f"t:{i}", "t", path, t, pos, pos + len(t), pos, pos + len(t)))
        pos += len(t) + 1
    return Document(
        "t",
        "测试",
        "t.txt",
        "t.txt",
        "某市",
        "",
        "",
        "",
        "utf-8",
        "text",
        "simplified",
        ("某市",),
        "h",
        "\n".join(texts),
        "\n".join(texts),
        tuple(clauses),
    )


def valued_rows(*texts: str) -> list[Indicator]:
    """The rows with a value the extractor gives for a document made of `texts`."""
    return [r for r in extract_document(doc_of(*texts)) if r.value]


def file_rows(path: Path, text: str, settings: Settings) -> list[Indicator]:
    """The rows with a value of the document a real text file `path` holding `text` gives when ingested."""
    from corpus import DocumentStore

    path.write_text(text, encoding="utf-8")
    store = DocumentStore(settings)
    [res] = store.ingest([path])
    return [r for r in extract_document(store.get(res.doc_ids[0])) if r.value]


def values(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.comparator, r.value, r.deadline) for r in extract_document(doc_of(text)) if r.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("力争到2020年年底，全市城乡社区服务站覆盖率达到100%。", [("达到", "100%", "2020年年底")]),
        ("每个社区专职工作者不少于5人。", [("不少于", "5人", None)]),
        (
            "草案文本超过7万字、厚达142页。",
            [("超过", "7万字", None), (None, "142页", None)],
        ),  # a text's length
        ("申请材料不超过500字。", [("不超过", "500字", None)]),  # a limit on one
        (
            "各类社区规模原则上不得低于1000户，提倡设立3000户左右的中等规模社区。",
            [("不得低于", "1000户", None), ("左右", "3000户左右", None)],
        ),
        ("服务用房面积不低于每百户30平方米。", [("不低于", "30平方米", None)]),
        ("到2025年，社会组织专职工作人员数量每万人达到40人以上。", [("达到", "40人以上", "2025年")]),
        ("加大培训力度，每3年对社区专职工作者进行全覆盖培训。", [(None, "每3年", None)]),
        ("社区党组织配备3-5人，社区居委会5-9人。", [(None, "3-5人", None), (None, "5-9人", None)]),
        ("每个新城至少设立一处社会组织孵化基地。", [("至少", "一处", None)]),
        ("场所建设面积控制在300—500平方米。", [("控制在", "300—500平方米", None)]),
        ("余留的非机动车道的宽度不得小于一点五米。", [("不得小于", "一点五米", None)]),
    ],
)
def test_each_comparator_and_unit_form(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "根据《关于印发…的通知》（黔东南府办发〔2020〕1号）有关要求，制定本方案。",
        "推动“1+1+6”队伍力量下沉，落实“四项权力”。",
        "2020年9月21日",
        "社区人口5000人以下的服务用房应相对集中。",
        "城市社区居民委员会一般配置X至X人。",
        "3.现代社区服务体系试点建设",
        "由换届小组组织选举产生新一届业主委员会。",
        "应当按照规定一次性足额交纳首期专项维修资金。",
    ],
)
def test_numbers_that_are_not_targets_are_not_extracted(text):
    assert values(text) == []


def test_lead_and_support_units_split_as_written():
    u = clause_units(
        "完善服务站建设。（牵头单位：市民政局；责任单位：市委组织部、市扶贫办﹝市生态移民局﹞，各镇人民政府﹝街道办事处﹞）"
    )
    assert u.lead == ("市民政局",)
    assert u.support == ("市委组织部", "市扶贫办﹝市生态移民局﹞", "各镇人民政府﹝街道办事处﹞")
    assert split_names("各县（市、区）政府、市委宣传部（市文明办）、市民政局等", listed=True) == (
        "各县（市、区）政府",
        "市委宣传部（市文明办）",
        "市民政局",
    )


def test_responsibility_phrasings():
    assert sentence_units("市民政局、市发展改革委牵头，会同有关部门建立健全规划实施监测机制。").lead == (
        "市民政局",
        "市发展改革委",
    )
    assert sentence_units("本意见自发文之日起执行，由新区人社民政局负责解释。").lead == ("新区人社民政局",)
    assert clause_units("责任部门：各县（市、区）政府、市民政局").lead == ("各县（市、区）政府", "市民政局")
    assert clause_units("小区环境综合整治组：组长：姚大巍，成员：执法中队、城市管理科").support == (
        "执法中队",
        "城市管理科",
    )


def test_kaili_units_clauses_and_inheritance(seed_store):
    kaili = seed_store.get("kaili_2020_chengxiang_shequ_zhili")
    rows = extract_document(kaili)
    workers = next(r for r in rows if r.value == "5人")
    assert workers.lead_units == ("市委组织部",) and "市财政局" in workers.support_units
    area = next(
        r for r in rows if r.value == "500平方米"
    )  # a sub-item of 二（一）: inherits its section's units
    assert area.lead_units == ("市民政局",) and area.deadline == "2020年底"
    unit_rows = [r for r in rows if r.value is None and r.quote.startswith("（牵头单位")]
    assert len(unit_rows) >= 10 and all(r.lead_units for r in unit_rows)


def test_table_rows_take_the_target_column_and_its_year(seed_store):
    rows = extract_document(seed_store.get("hengshui_2022_shequ_fuwu_14th_plan"))
    rural = next(r for r in rows if r.quote.startswith("农村社区综合服务设施覆盖率"))
    assert rural.value == "80%" and rural.deadline == "2025年"
    # the base-year column is kept apart from the target ("65% 80%" was read as the target only)
    assert rural.baseline == "65%（2020年）" and verified(rural)
    single = next(r for r in rows if r.quote.startswith("每万名城镇常住人口拥有社区工作者"))
    assert single.value == "18" and single.baseline == ""  # one figure: the target, no baseline guessed
    assert record(rural)[COLUMNS.index("基期值")] == "65%（2020年）"


def test_an_indicator_table_set_out_as_lines_gives_a_row_per_line(tmp_path, fresh_settings):
    """A PDF's text gives a plan's indicator table as lines: the header's year is every row's deadline,
    the bracketed unit after the name is the row's unit, the sign before the target its comparator."""

    src = tmp_path / "plan.txt"
    src.write_text(
        "某市“十四五”养老服务发展规划\n\n"
        "                专栏 1        “十四五”时期养老服务发展主要指标\n\n"
        "                     指 标                              2025 年        属 性\n\n"
        "        1.养老机构护理型床位占比(%)                             >55           约束性\n\n"
        "        2.社区日间照料中心数量(个)                              120           预期性\n\n"
        "        3.每千名老年人拥有养老床位数(张)                         ≥40           预期性\n\n"
        "在2025年前建成一批示范性养老机构，服务质量明显提升。\n",
        encoding="utf-8",
    )
    rows = [r for r in extract_document(ingested(fresh_settings, src)) if r.value]
    assert [(r.comparator, r.value, r.unit, r.deadline) for r in rows] == [
        (">", "55", "%", "2025年"),
        (None, "120", "个", "2025年"),
        ("≥", "40", "张", "2025年"),
        (None, "建成", None, "2025年前"),  # the paragraph after the table is prose (its last line no heading)
    ]
    assert rows[0].indicator == "养老机构护理型床位占比" and all(verified(r) for r in rows)
    # a sentence with a bracket before its figure is no table line
    assert not valued_rows("社区（村）综合服务设施面积不低于300平方米。")[0].unit == "村"


def test_a_report_table_a_row_per_line_gives_every_figure_and_a_list_of_names_gives_none(
    tmp_path, fresh_settings
):
    """A progress table after a report's paragraph (a sixteenth batch, read after its items were labelled) was
    dropped as header lines, then gave each row's last figure only: its spaces were dropped with the others
    between Chinese characters ("3湖北4284 99%"). Its spaces are its cells now: every figure is a row, named by
    the row and the column, in the column's unit ("湖北 新开工小区数" 4284个), the total row (its first two cells
    merged) lined up from the right. A law's appendix listing minerals by number ("1煤18锌", or with spaces)
    names no indicator: its bare numbers are no targets."""
    from corpus import DocumentStore

    report = tmp_path / "report.txt"
    report.write_text(
        "1—6月全国新开工改造城镇老旧小区4.26万个\n\n"
        "1—6月份，全国新开工改造城镇老旧小区4.26万个，按小区数计开工率80.4%。\n\n"
        "2023年全国城镇老旧小区改造进展情况\n（截至2023年6月末）\n序号 省份 新开工小区数（个） 开工率\n"
        "1 贵州 1071 全部开工\n2 河北 1816 全部开工\n3 湖北 4284 99%\n4 江苏 1498 99%\n合计 42621 80.4%\n",
        encoding="utf-8",
    )
    law = tmp_path / "law.md"
    law.write_text(
        "# 某某登记管理办法\n\n第一条 为了加强管理，制定本办法。\n\n"
        "附录 审批发证矿种目录\n\n1煤\n\n2石油\n\n3油页岩\n\n4烃类天然气\n\n5二氧化碳气\n\n6地热\n\n18锌\n\n19铝\n",
        encoding="utf-8",
    )
    spaced = tmp_path / "law2.md"
    spaced.write_text(
        "# 某某勘查管理办法\n\n第一条 为了加强管理，制定本办法。\n\n附录 矿种目录\n\n1 煤 18 锌\n2 石油 19 铝\n3 油页岩 20 铅\n",
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    ids = [d for res in store.ingest([report, law, spaced]) for d in res.doc_ids]
    found = {d: [r for r in extract_document(store.get(d)) if r.value] for d in ids}
    assert [r.value for r in found[ids[0]]] == [
        "4.26万个",
        "80.4%",
        *("1071个", "1816个", "4284个", "99%", "1498个", "99%", "42621个", "80.4%"),
    ]
    hubei = found[ids[0]][4]
    assert (hubei.indicator, hubei.quantity_kind, hubei.value_text) == ("湖北 新开工小区数", "count", "4284")
    assert hubei.context == "序号|省份|新开工小区数（个）|开工率" and verified(hubei)
    assert found[ids[0]][-1].indicator == "合计 开工率"
    assert found[ids[1]] == [] and found[ids[2]] == []
    assert [c.text for c in store.get(ids[2]).clauses][-3:] == [
        "1 |煤| 18 |锌",
        "2 |石油| 19 |铝",
        "3 |油页岩| 20 |铅",
    ]


def _docx_with_table(path, paragraphs, rows):
    """A real .docx: its paragraphs, then one table of `rows` (the first its header)."""
    import docx

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.save(path)
    return path


def test_a_task_table_gives_each_task_its_lead_support_and_time_limit(tmp_path, fresh_settings):
    """A .docx 重点任务分工表 ("序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限"): each row is a task with the units
    of its columns; a figure in the task keeps its value, a date in 完成时限 is its deadline."""

    from corpus import DocumentStore

    path = _docx_with_table(
        tmp_path / "fengong.docx",
        ["某市社区工作者队伍建设实施方案", "附件：重点任务分工表"],
        [
            ("序号", "重点任务", "牵头单位", "责任单位", "完成时限"),
            ("1", "建立社区工作者岗位等级序列", "市民政局", "市人社局、市财政局", "2025年6月底前"),
            ("2", "每个社区配备专职工作者不少于5人", "市委组织部", "各区县人民政府", "2025年底前"),
            ("3", "开展社区工作者全员培训", "市民政局", "市人社局", "每年"),
        ],
    )
    store = DocumentStore(fresh_settings)
    [res] = store.ingest([path])
    doc = store.get(res.doc_ids[0])
    assert [c.kind for c in doc.clauses] == ["text", "table_header", "table_row", "table_row", "table_row"]
    got = [(r.indicator, r.value, r.deadline, r.lead_units, r.support_units) for r in extract_document(doc)]
    assert got == [
        ("建立社区工作者岗位等级序列", None, "2025年6月底前", ("市民政局",), ("市人社局", "市财政局")),
        ("每个社区配备专职工作者不少于5人", "5人", "2025年底前", ("市委组织部",), ("各区县人民政府",)),
        ("开展社区工作者全员培训", None, None, ("市民政局",), ("市人社局",)),
    ]
    assert all(verified(r) for r in extract_document(doc))
    # a page's particulars set out as cells are a table with no indicator, target or year in its header
    page = tmp_path / "notice.txt"
    page.write_text(
        "索引号: | 11341602003166647K/202004-00328 | 信息分类: | 规范性文件 |\n"
        "成文日期: | 发布日期: | 2020-04-09 08:44 | |\n"
        "标 题: | 某区人民政府办公室关于印发2020年重点工作任务分解表的通知 | ||\n"
        "各乡镇人民政府：\n一、高度重视，夯实责任。\n",
        encoding="utf-8",
    )
    [res] = store.ingest([page])
    notice = store.get(res.doc_ids[0])
    assert "table_row" in {c.kind for c in notice.clauses}
    assert [r for r in extract_document(notice) if r.value or r.deadline] == []


def test_a_statistics_table_gives_a_row_per_figure_cell_named_by_its_row_and_column(tmp_path, fresh_settings):
    """A .docx table whose header names no indicator, target or year ("地区 | 社区数（个） | …") gave no row; each cell
    that is one figure is a row now, in its column's unit, named by the row's first text cell and the column.
    Numbering and time columns, years and dates, and cells that are more than a figure give none."""

    from corpus import DocumentStore

    path = _docx_with_table(
        tmp_path / "tongbao.docx",
        ["某省社区工作者队伍建设情况通报", "截至2023年6月，全省社区工作者队伍建设情况如下。"],
        [
            ("序号", "地区", "社区数（个）", "专职社区工作者（名）", "覆盖率", "建设内容", "统计时间"),
            ("1", "甲市", "120", "1500", "98%", "新建服务站3个", "2023.06"),
            ("2", "乙市", "85", ">900", "100%", "改造用房", "2023"),
        ],
    )
    store = DocumentStore(fresh_settings)
    [res] = store.ingest([path])
    got = [
        (r.indicator, r.comparator, r.value, r.unit)
        for r in extract_document(store.get(res.doc_ids[0]))
        if r.value and r.clause.startswith(("1", "2"))
    ]
    assert got == [
        ("甲市 社区数", None, "120个", "个"),
        ("甲市 专职社区工作者", None, "1500名", "名"),
        ("甲市 覆盖率", None, "98%", None),
        ("乙市 社区数", None, "85个", "个"),
        ("乙市 专职社区工作者", ">", "900名", "名"),
        ("乙市 覆盖率", None, "100%", None),
    ], got


def test_a_yearbook_table_and_a_series_set_out_a_cell_per_line_give_a_figure_per_year(
    tmp_path, fresh_settings
):
    """A twentieth batch (statistics, labelled first) showed two tables of years: a yearbook's Markdown table whose
    caption and unit are rows of one filled cell ("| 单位:个 | |||…"), read as the header before, its years as
    targets, so that each row gave its last figure; and a bulletin's table copied a cell per line ("指标", "2006", …,
    "2013", "床位数", "204.5", …), whose rows ran together. Each figure is a row now, named by its row and year;
    the caption and the note give none."""
    from corpus import DocumentStore

    yearbook = tmp_path / "nianjian.md"
    yearbook.write_text(
        "| 18-3 提供住宿的社会服务机构数(2015-2017年) | |||\n| 单位:个 | |||\n"
        "| 项目 | 2015 | 2016 | 2017 |\n| 合计 | 440 | 432 | 440 |\n| 社会福利院 | 66 | 65 | 65 |\n"
        "| 注:2014年起农村养老服务机构中不含未登记的乡镇敬老院。 | |||\n",
        encoding="utf-8",
    )
    bulletin = tmp_path / "gongbao.txt"
    bulletin.write_text(
        "2013年社会服务发展统计公报\n\n(一)提供住宿的社会服务。\n\n截至2013年底，床位526.7万张。\n\n表3 社会服务机构床位\n\n"
        + "\n\n".join("指标 2011 2012 2013 床位数 396.4 449.3 526.7 每千人口床位数 2.94 3.32 3.87".split())
        + "\n\n1.提供住宿的养老服务。全国各类养老服务机构42475个。\n",
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    ids = [d for res in store.ingest([yearbook, bulletin]) for d in res.doc_ids]
    found = {d: [(r.indicator, r.value) for r in extract_document(store.get(d)) if r.value] for d in ids}
    assert found[ids[0]] == [
        *(("合计 2015", "440"), ("合计 2016", "432"), ("合计 2017", "440")),
        *(("社会福利院 2015", "66"), ("社会福利院 2016", "65"), ("社会福利院 2017", "65")),
    ]
    assert [v for _, v in found[ids[1]]] == [
        *("526.7万张", "396.4", "449.3", "526.7", "2.94", "3.32", "3.87", "42475个"),
    ]
    assert found[ids[1]][4][0] == "每千人口床位数 2011"


def test_an_indicator_table_a_cell_per_line_under_section_headings_gives_targets_with_their_bases(
    tmp_path, fresh_settings
):
    """A twenty-first batch (education plans, labelled first) showed a plan's indicator table copied a cell per line
    under section headings ("一、发展水平"), each numbered name a heading of its own and each figure a clause: 32 rows
    of bare figures, one right. The numbered name and its cells are one row now, the header cells ("指 标", "2020年",
    "2025年", "属性") its header: the later year's figure is the target (comparator kept: "99%以上"), the earlier's its
    base, and a row of sub-rows ("其中：小学 初中" over two bases and two targets) a row per sub-row."""

    doc = ingested(
        fresh_settings,
        tmp_path / "plan.txt",
        "到2025年，劳动年龄人口平均受教育年限达12.3年以上。\n\n“十四五”教育事业发展主要指标表\n\n指  标\n\n2020年\n\n2025年\n\n属性\n\n"
        "一、发展水平\n\n1.学前教育毛入园率(%)\n\n99%\n\n99%以上\n\n约束性\n\n"
        "2.劳动年龄人口平均受教育年限(年)\n\n11.4年\n\n12.3年以上\n\n约束性\n\n二、优质资源建设\n\n"
        "1.义务教育标准班额比例(%)\n\n其中:小学\n\n初中\n\n34.52%\n\n77.34%\n\n80%以上\n\n85%以上\n\n预期性\n",
    )
    assert [c.kind for c in doc.clauses] == ["text", "table_header", "table_row", "table_row", "table_row"]
    got = [
        (r.indicator, r.value_text, r.baseline, r.deadline)
        for r in extract_document(doc)
        if r.value and r.clause_id != doc.clauses[0].id
    ]
    assert got == [
        ("学前教育毛入园率（%）", "99%以上", "99%（2020年）", "2025年"),
        ("劳动年龄人口平均受教育年限（年）", "12.3年以上", "11.4年（2020年）", "2025年"),
        ("义务教育标准班额比例（%） 小学", "80%以上", "34.52%（2020年）", "2025年"),
        ("义务教育标准班额比例（%） 初中", "85%以上", "77.34%（2020年）", "2025年"),
    ], got


def test_a_respectively_list_of_figures_in_several_units_and_its_second_list_pair_with_the_names(
    tmp_path, fresh_settings
):
    """ "A、B和C分别达到90%、99%和13.5年；2020年分别达到98%、99%和15年以上" (a twenty-first batch): a 分别 list pairs its
    figures with the names whatever their units, and a second list naming nobody pairs with the first's names. A
    figure's thousands parted by a space ("项目1 122个") are one figure."""

    doc = ingested(
        fresh_settings,
        tmp_path / "plan.txt",
        "2015年学前三年幼儿教育毛入园率、义务教育巩固率和新增劳动力人均受教育年限分别达到90%、99%和13.5年;"
        "2020年分别达到98%、99%和15年以上。\n\n实施新建、扩建幼儿园项目1 122个，在2 083所农村小学增设附属幼儿园。\n",
    )
    rows = [(r.indicator, r.value) for r in extract_document(doc) if r.value]
    names = ["学前三年幼儿教育毛入园率", "义务教育巩固率", "新增劳动力人均受教育年限"]
    assert rows[:6] == [
        *zip(names, ["90%", "99%", "13.5年"], strict=True),
        *zip(names, ["98%", "99%", "15年以上"], strict=True),
    ], rows
    assert [v for _, v in rows[6:]] == ["1122个", "2083所"]
    # "三级及以上" is one name, not two (a twenty-fifth batch)
    listed = valued_rows(
        "全国乡镇通三级及以上公路比例、较大人口规模自然村（组）通硬化路比例分别达到90%、95%。"
    )
    assert [(r.indicator, r.value) for r in listed] == [
        ("全国乡镇通三级及以上公路比例", "90%"),
        ("较大人口规模自然村（组）通硬化路比例", "95%"),
    ]


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


def test_xlsx_has_one_row_per_indicator_with_header_filter_and_overview(all_rows, tmp_path):
    from openpyxl import load_workbook

    rows = [r for r in all_rows if r.topic in ("社区规模", "工作者配备", "服务设施面积")]
    path = to_xlsx(rows, tmp_path / "cmp.xlsx", build_table(rows))
    wb = load_workbook(path)
    ws = wb["指标"]
    assert tuple(c.value for c in ws[1]) == COLUMNS
    from openpyxl.utils import get_column_letter

    last, quote = get_column_letter(len(COLUMNS)), get_column_letter(COLUMNS.index("原文") + 1)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{last}{len(rows) + 1}"
    assert ws.max_row == len(rows) + 1 and ws.column_dimensions[quote].width >= 40
    col = {name: i for i, name in enumerate(COLUMNS)}
    lines = [[c.value or "" for c in line] for line in ws.iter_rows(min_row=2)]
    hengshui = [v for v in lines if v[col["地区"]] == "衡水市" and v[col["数值"]]]
    assert any("600平方米" in v[col["数值"]] and v[col["比较符"]] for v in hengshui)
    for v in lines:  # every number a row shows is in its quote
        for name in ("数值", "基期值", "期限"):
            assert all(n in v[col["原文"]] for n in numbers(v[col[name]])), (name, v)
    grid = wb["对比"]
    assert grid["A1"].value == "主题" and grid.freeze_panes == "B2"
    grid_topics = [grid.cell(row=i, column=1).value for i in range(2, grid.max_row + 1)]
    assert sorted(grid_topics) == sorted(["社区规模", "工作者配备", "服务设施面积"])
    cell = next(c for c in grid[2 + grid_topics.index("社区规模")] if "不得低于1000户" in (c.value or ""))
    assert grid.cell(row=1, column=cell.column).value.startswith("西咸新区")
    assert cell.comment is not None and "不得低于1000户" in cell.comment.text


def test_csv_has_the_same_columns_one_row_per_indicator(all_rows):
    import csv
    import io

    rows = [r for r in all_rows if r.topic == "社区规模"]
    lines = list(csv.reader(io.StringIO(to_csv(rows))))
    assert tuple(lines[0]) == COLUMNS and len(lines) == len(rows) + 1
    assert all(line[COLUMNS.index("单位")] == (r.unit or "") for line, r in zip(lines[1:], rows, strict=True))


def test_a_full_cell_says_how_many_more_instead_of_dropping_them():
    doc = doc_of(
        "每个社区专职工作者不少于5人，网格员不少于3人，志愿者不少于20人，楼栋长不少于8人，调解员不少于2人。"
    )
    rows = extract_all([doc])
    t = build_table(rows, max_per_cell=2)
    cells = [c for _, cs in t.rows for c in cs]
    assert sum(len(c.items) + c.more for c in cells) == len(rows) == 5
    assert any(c.more and c.text().endswith(f"+{c.more} 项") for c in cells)


def test_a_regulation_row_names_its_article_and_writes_numbers_as_the_text_does(tmp_path):
    from openpyxl import load_workbook

    path = ("第十二条 业主大会",)
    text = "业主大会会议应当有物业管理区域内专有部分面积过半数的业主且占总人数过半数的业主参加。"
    doc = doc_of(text, "业主委员会应当自选举产生之日起三十日内，向区房屋行政管理部门备案。", path=path)
    rows = extract_all([doc])
    wb = load_workbook(to_xlsx(rows, tmp_path / "r.xlsx"))
    lines = [
        dict(zip(COLUMNS, (c.value or "" for c in line), strict=True))
        for line in wb["指标"].iter_rows(min_row=2)
    ]
    limit = next(v for v in lines if v["数值"] == "三十日")
    assert limit["条款位置"] == "第十二条第二款" and limit["牵头单位"] == "业主委员会"
    assert all(v["数值"] in v["原文"] for v in lines)
    assert numbers("不少于三十日，2025年") == ["三十", "2025"]


@pytest.mark.parametrize(
    "text",
    [
        "为全面贯彻落实党的十九大和十九届二中、三中、四中全会精神，制定本方案。",  # meetings, not counts
        "实现第一个百年奋斗目标后，向第二个百年奋斗目标进军的第一个五年。",  # periods named by their order
        "这是高质量发展至关重要的五年。",  # a period, not a duration
        "鼓励社会资本投资建设智慧社区，运用5G网络。",  # a technology's name
        "细化工作规程，形成一套制度安排，培养一批骨干人才。",  # articles, not counts
        "结合辖区住户情况，设立一个或多个社区居民委员会。",  # "one or more"
        "推进数据资源综合采集，实现一次采集、多方利用。",  # once, not a frequency
        "居民会议可以由全体十八周岁以上的居民参加。",  # a condition on the subject
        "完成时间：20XX年12月30日完成。",  # a calendar date (its year blanked), not 12 months and 30 days
        "2.试点创建（20XX年10月—20XX年9月）",
        "3.评估验收（20XX年10月—11月）",
        "根据《昆明市人民政府关于进一步加强城乡社区治理的实施意见》（昆发〔20XX〕14号）要求。",
        "制定考评体系（详见附件2）。",  # an attachment's number
        "十三届全国人大四次会议各代表团举行全体会议。",  # a session's number
        "在完成这一百年目标后，发展征程被分为两个战略阶段：先基本实现现代化，再建成强国。",  # a goal's name, a plan's parts
        "作为指导今后5年发展的纲领性文件，勾划出未来五年的发展蓝图。",  # the period a text speaks of
        "残联、红十字会等组织参与社会救助。",  # 十字 of 红十字会 is no length
        "现就一年来的工作进行全面总结。",  # the span a report looks back over
        "五年来，各项工作有序推进。",
        "今年是“八八战略”实施20周年，也是实施规划承上启下的关键一年。",  # an anniversary, a year characterised
        "新华社受权于22日全文播发政府工作报告。",  # the day a text was released
        "劳动保障部部长20日透露，就业工作创最好水平。",  # the day a minister spoke
        "制定国民经济和社会发展第十五个五年规划和二。三五年远景目标的建议。",  # 二〇三五年, its 〇 copied as a stop
        "这五年，自驾成为跨区域出行的主流。",  # the period a text looks back on
        "国务院新闻办公室29日发表白皮书。",  # the day a white paper was published
        "《乡村建设行动实施方案》23日对外公布，确保一张蓝图绘到底。",  # a day; a slogan
        # the date says which estates, through a list of what they are (a twenty-seventh batch)
        "重点是改造2000年年底前建成、失修失养、设施不齐的住宅小区。",
        "增加“社会救助一件事”联办事项。",  # a reform's name, not one of anything
        "报告共分两个部分：一、过去一年和五年工作回顾；二、对今年政府工作的建议。",  # the periods looked back on
    ],
)
def test_numbers_that_state_no_target_give_no_row(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "并处10万元以上50万元以下的罚款。",
            ["10万元以上50万元以下"],
        ),  # a range's upper bound is not a condition
        ("有五分之一以上的居民提议，应当召集居民会议。", ["五分之一以上"]),  # a share stays a threshold
        ("（二）志愿服务期限在一个月以上的；", ["一个月以上"]),
        ("居民会议每年至少举行二次。", ["二次"]),
    ],
)
def test_ranges_shares_and_predicates_stay_targets(text, expected):
    assert [v for _, v, _ in values(text)] == expected


def test_dated_commitments_carry_the_state_as_their_value():
    rows = [
        (r.value, r.deadline)
        for r in extract_document(
            doc_of(
                "由各新城于2019年年底前制定切实可行的改造提升工作方案，于2020年年底前完成改造提升任务。",
                "到2025年，社区居家养老服务设施实现全覆盖。",
                "到2022年底，各县市区所辖乡镇均建立新时代文明实践所。",
                "每年2月底前，镇人民政府、街道办事处应当完成上年度服务资助资金的清算工作。",
                "服务评估工作应当在每年3月底前完成。",
                "新区人社民政局在每年5月底前将新区承担的各项经费拨付新城。",
                "到2030年，基本实现城市社区规模适度、服务完善。",
            )
        )
        if r.value or r.deadline
    ]
    assert rows == [
        ("制定", "2019年年底前"),
        ("完成", "2020年年底前"),
        ("实现全覆盖", "2025年"),
        ("均建立", "2022年底"),
        ("完成", "每年2月底前"),  # a yearly deadline: the month is when, not a figure
        ("完成", "每年3月底前"),
        ("拨付", "每年5月底前"),  # handed over by a yearly deadline: a dated duty too
        ("基本实现", "2030年"),
    ]
    named = [
        r.indicator
        for r in extract_document(
            doc_of("服务评估工作应当在每年3月底前完成。", "到2030年，基本实现城市社区规模适度、服务完善。")
        )
    ]
    assert named == ["服务评估工作", "城市社区规模适度"]  # what is done, not "完成" or "到2030年"


def test_figures_given_respectively_pair_with_the_names_listed_before_them():
    rows = extract_document(
        doc_of(
            "社区工作人员中取得高级社会工作师、社会工作师和助理社会工作师职业资格证书者，"
            "分别给予5000元、3000元、2000元的一次性奖励。",
            "各类社区规模原则上不得低于1000户，提倡设立3000户左右的中等规模社区。",
        )
    )
    assert [(r.indicator, r.value) for r in rows if r.value and "元" in r.value] == [
        ("高级社会工作师职业资格证书者", "5000元"),
        ("社会工作师职业资格证书者", "3000元"),
        ("助理社会工作师职业资格证书者", "2000元"),
    ]
    [grant, *_] = extract_document(
        doc_of(
            "区级、街道（镇）级、社区（村）级社区养老服务设施每年每个分别不少于60万元、40万元、5万元运营经费。"
        )
    )
    assert (grant.indicator, grant.comparator, grant.value, grant.value_text) == (
        "区级社区养老服务设施每年每个",
        "不少于",
        "60万元",
        "不少于60万元",
    )
    # a list of figures without 分别 (or with names that do not count the same) stays one row
    assert [r.value for r in rows if r.value and "户" in r.value] == ["1000户", "3000户左右"]
    [one] = extract_document(doc_of("对获得一等奖、二等奖、三等奖的，分别奖励10万元、5万元。"))
    assert one.value == "10万元、5万元"


def test_a_weekly_or_calendar_day_deadline_is_a_dated_duty_and_a_plans_layout_is_no_figure():
    rows = extract_document(
        doc_of(
            "各组的工作推进情况，于每周五中午12:00前报领导小组办公室梳理汇总。",
            "领导小组办公室于每周一下班前将各组工作推进情况形成书面情况通报。",
            "①2023年8月30日前分地块和项目完成辖区未拆迁农户、企业的摸底建档工作；",
            "按时间先后分成短期整治和长期建设两个阶段，统一名称和标识。",
        )
    )
    assert [(r.value, r.deadline) for r in rows if r.value or r.deadline] == [
        ("报", "每周五中午12:00前"),
        ("通报", "每周一下班前"),
        ("完成", "2023年8月30日前"),
    ]


def test_a_count_names_what_it_counts_after_the_figure():
    [row] = extract_document(doc_of("全市所有村（社区）设置1名灾害信息员。"))
    assert (row.indicator, row.value) == ("全市所有村（社区）设置…灾害信息员", "1名")


def test_parallel_figures_each_name_their_own_subject():
    rows = extract_document(doc_of("社区党组织配备3-5人，社区居委会5-9人，社区监委会3人。"))
    assert [(r.indicator, r.value) for r in rows] == [
        ("社区党组织配备", "3-5人"),
        ("社区居委会", "5-9人"),
        ("社区监委会", "3人"),
    ]
    [row] = extract_document(doc_of("每个街道、镇应当单独设置至少1个街镇级综合养老服务中心。"))
    assert row.indicator.startswith("每个街道、镇应当单独设置")  # a list's last item keeps the list


def test_secondary_is_not_twice_and_a_period_with_its_count_is_one_figure():
    rows = extract_document(
        doc_of(
            "住宅小区二次供水设施由供水行政主管部门负责监督管理。",
            "物业服务收费基准价格依法向社会公布，并每五年进行一次评估。",
            "三分之一以上成员提出召开物业管理委员会会议的，主任应当组织召开会议。",
        )
    )
    assert [(r.indicator, r.value) for r in rows if r.value] == [
        ("每五年进行…评估", "一次"),
        ("…成员提出召开物业管理委员会会议的", "三分之一以上"),
    ]


def test_a_fine_after_a_semicolon_reads_with_what_it_fines():
    from assistant.indicator import whole_sentence

    [fine] = [
        r
        for r in extract_document(
            doc_of(
                "第六十条 建设单位拒不履行物业承接查验义务的，由县级人民政府房地产行政主管部门给予警告，"
                "并责令限期改正；逾期不改正的，处五万元以上二十万元以下罚款。"
            )
        )
        if r.value
    ]
    assert whole_sentence(fine).startswith(
        "建设单位拒不履行物业承接查验义务的"
    )  # not "逾期不改正的", not "第六十条"
    assert whole_sentence(fine).endswith("处五万元以上二十万元以下罚款。")


def test_a_list_item_reads_after_the_sentence_that_opens_its_list(tmp_path, fresh_settings):
    from assistant.indicator import whole_sentence
    from corpus import DocumentStore

    f = tmp_path / "某市物业管理条例.md"
    f.write_text(
        "# 某市物业管理条例\n\n第三十三条 建设单位应当按照以下规定时限完成前期物业服务招标投标工作：\n\n"
        "（一）预售商品房项目，在取得预售许可证之前完成；\n\n（二）现售商品房项目，在办理现售备案前三十日完成；\n\n"
        "（三）非出售的新建物业项目，在交付使用前九十日完成。\n",
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    store.ingest([f])
    rows = {r.value: r for r in extract_all(store.documents()) if r.value}
    opening = "建设单位应当按照以下规定时限完成前期物业服务招标投标工作："
    assert whole_sentence(rows["三十日"]) == opening + "……（二）现售商品房项目，在办理现售备案前三十日完成；"
    assert whole_sentence(rows["九十日"]).startswith(opening + "……（三）")


def test_a_count_of_animals_is_a_figure_each_household_is_not_and_a_comparator_is_its_own_figures():
    """From a city's dog rules (宁波, 2020): 限养一只 and 不超过一只 count with 只; 每一户籍 is what a
    figure is per; 届满前三十日内 is no "满", and the 满 of the figure before it is not this one's."""
    rows = valued_rows(
        "第十二条 犬只出生满三个月或者免疫有效期届满前三十日内，养犬人应当为犬只接种狂犬病疫苗。",
        "第十四条 个人在重点管理区内饲养犬只，每一户籍且每一固定居住场所限养一只，并符合下列条件：",
        "第十五条 犬只寄养数量不得超过一只，寄养时间不得超过三十日。",
    )
    assert [(r.value, r.comparator) for r in rows] == [
        ("三个月", "满"),
        ("三十日", None),
        ("一只", None),
        ("一只", "不得超过"),
        ("三十日", "不得超过"),
    ]


def test_a_term_that_ends_compares_nothing_an_hour_is_when_and_a_fine_per_animal_is_not_a_count():
    """From a second city's dog rules and a fireworks regulation (舟山 2020, 重庆 2018): 届满三十日前
    is thirty days before the term ends, no "满"; 8时至18时 is a time of day, not the figures 8 and 18;
    每超养一只 is what the fine is per; 十公斤 is a weight."""
    rows = valued_rows(
        "第十七条 养犬人应当于犬只准养登记有效期届满三十日前，向公安机关申请办理延续。",
        "第二十四条 每日8时至18时不得携带大型犬只外出。",
        "第三十七条 饲养犬只超过限养数量的，每超养一只处一千元罚款。",
        "第七条 其他单位和个人不得存放重量超过十公斤的烟花爆竹。",
    )
    assert [(r.value, r.comparator, r.unit) for r in rows] == [
        ("三十日", None, "日"),
        ("一千元", None, "元"),
        ("十公斤", "超过", "公斤"),
    ]


def test_a_ratio_is_one_figure_ten_thousand_times_is_a_unit_and_a_schoolings_name_is_no_duration():
    """Forms of a plan's targets (a public 便民服务 plan, read after its items were labelled): 医护比
    1:1.2 is one ratio, not 1 and 1.2; 1.8万次 counts in 万次; 九年 of 九年义务教育 names the schooling."""
    rows = valued_rows(
        "到2025年，九年义务教育巩固率达到97%，医护比达到1:1.2，每万人接受公共文化设施服务1.8万次。",
    )
    assert [(r.value, r.unit) for r in rows] == [("97%", None), ("1:1.2", None), ("1.8万次", "万次")]


def test_what_a_community_is_to_have_is_a_target_and_a_plan_counting_its_own_indicators_is_not():
    """Plan summaries read after their items were labelled (攀枝花, 陇南, 湖北): "拥有10个以上的社区社会组织"
    is what each community is to have, not a condition like "人口5000人以下的社区"; "设定10项…主要指标"
    and "设置了5个项目专栏" count the plan's own parts."""
    rows = valued_rows(
        "力争到2020年，每个城市社区拥有10个以上的社区社会组织，每个农村社区拥有5个以上的社区社会组织。",
        "《规划》细化设定10项城乡社区服务体系建设主要指标：到2025年农村社区综合服务设施覆盖率为100%。",
        "《规划》设置了5个项目专栏。",
        "人口5000人以下的社区，服务用房面积不低于300平方米。",
    )
    assert [r.value for r in rows] == ["10个以上", "5个以上", "100%", "300平方米"]


def test_a_plans_count_of_its_tasks_is_no_figure_and_trillions_of_yuan_are_money():
    """A national fitness plan's summary (read after its items were labelled): "等8个方面主要任务" says
    what the plan's parts are about; "5万亿元" is an amount in 万亿元, not a bare 5."""
    rows = valued_rows(
        "计划提出加大场地设施供给等8个方面主要任务，明确到2025年，每千人拥有社会体育指导员2.16名，"
        "带动全国体育产业总规模达到5万亿元。"
    )
    assert [(r.value, r.unit) for r in rows] == [("2.16名", "名"), ("5万亿元", "万亿元")]


def test_a_comparison_sign_is_a_comparator():
    """Plan tables write the comparator as a sign: 比例为≥60%, 力争完成省定目标（≥30平方米）."""
    rows = valued_rows(
        "到2025年，居民活动区域面积占社区综合服务设施总建筑面积比例为≥60%，每百户居民拥有社区综合服务设施面积力争完成省定目标（≥30平方米）。"
    )
    assert [(r.value, r.comparator) for r in rows] == [("60%", "≥"), ("30平方米", "≥")]


def test_things_a_plan_counts_are_units_and_dates_codes_and_its_own_layout_are_no_figures():
    """Yearly project lists (read after their items were labelled): 空调 in 台, 公房 in 栋, 公厕 in 座,
    activities in 场, bus lines in 条, 2.5万名 and 30平米 are counts and an area; a dashed date, an index
    number, a day of a month to report by, "十方面32项" (the list's own layout) and 世界500强 (a ranking's
    name) are none, and 场 of 场所 counts nothing."""
    rows = valued_rows(
        "索取号：0024204128/2025-00016。2023-02-08发布，共安排十方面32项。"
        "为义务教育学校普通教室安装200台空调，为100栋高层公房实施消防设施改造，完成200座环卫公厕改造，"
        "推出5000场艺术普及教育活动，打造1条敬老爱老服务公交线路，为不少于2.5万名妇女提供免费检查，"
        "社区综合服务设施面积达到每百户30平米以上。请各区于2月20日前上报，并从3月起每月20日前上报推进情况。"
        "按照“一厅、两场所”的标准建设，对世界500强企业的投资项目给予支持。"
    )
    assert [r.value for r in rows] == ["200台", "100栋", "200座", "5000场", "1条", "2.5万名", "30平米以上"]


def test_a_projects_lead_and_partners_are_read_when_a_comma_parts_their_lists_and_its_time_frame_is_no_row():
    """A talent plan's project (read after its items were labelled): "（牵头单位：市教育局，配合单位：…）" names
    one lead and its partners; "5年内" is when the counts are due, not a figure; "“百人计划”" and
    "百名…项目" are names; "第三十三条、三十四条" are two articles."""
    doc = doc_of(
        "9.“百人计划”拓展项目。5年内选拔认定教育专家10名、名校长100名，开展50场次名家讲座。"
        "（牵头单位：市教育局，配合单位：市人力资源和社会保障局、市国资委）\n"
        "评估结果作为发放第三十三条、三十四条规定的服务奖励的依据。"
    )
    rows = [r for r in extract_document(doc) if r.value]
    assert [r.value for r in rows] == ["10名", "100名", "50场次"]
    assert {r.lead_units for r in rows} == {("市教育局",)}
    assert {r.support_units for r in rows} == {("市人力资源和社会保障局", "市国资委")}


def test_a_sentence_of_figures_that_also_reaches_a_whole_state_gives_the_state_its_row():
    """A plan's "到2025年，…比例达到38.5%，…健身圈实现全覆盖": the coverage is a dated commitment of its own; where the
    state only restates a rate ("覆盖率达到100%，实现全覆盖") it is not a second row, and a vague state
    (基本形成) beside figures is none."""
    rows = extract_document(
        doc_of(
            "到2025年，经常参加体育锻炼人数比例达到38.5%，三级公共健身设施和社区15分钟健身圈实现全覆盖。"
            "到2025年，城市社区综合服务设施覆盖率达到100%，实现全覆盖。"
            "到2020年年底，网格化服务管理覆盖率达到90%，基本形成共建共治格局。"
        )
    )
    assert [(r.value, r.deadline) for r in rows if r.value] == [
        ("38.5%", "2025年"),
        ("15分钟", "2025年"),
        ("100%", "2025年"),
        ("90%", "2020年年底"),
        ("实现全覆盖", "2025年"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report of what was done: 10.8万部 elevators, 29.6万公里 of pipes, 1.16亿平方米, 约1亿人 are figures with
        # their units; "1至5月" is when, and three 部门 count no 部
        (
            "各地共改造老旧管线29.6万公里，加装电梯10.8万部，实施建筑节能改造1.16亿平方米，惠及约1亿人。"
            "今年1至5月，三部门联合增设充电桩8940个。",
            [
                ("29.6万公里", "distance"),
                ("10.8万部", "count"),
                ("1.16亿平方米", "area"),
                ("1亿人", "count"),
                ("8940个", "count"),
            ],
        ),
        # a fifteenth batch: "420万困难群众" counts people with no measure word after 万, "35万块" in a unit only
        # counted things take, "1万余户" is more than 1万户; "一季度末" is when the figure was counted, not a figure
        (
            "过去5年，420万困难群众基本生活更有保障，1200万老年人晚年生活更加幸福。"
            "全国已设置乡村地名标志35万块，惠及居民1万余户。截至2024年一季度末，全国参加基本养老保险10.7亿人。",
            [
                ("420万", "count"),
                ("1200万", "count"),
                ("35万块", "count"),
                ("1万余户", "count"),
                ("10.7亿人", "count"),
            ],
        ),
    ],
)
def test_a_count_in_ten_thousands_or_hundred_millions_keeps_its_unit(text, expected):
    """Figures of reports and plans, read after their items were labelled."""
    assert [(r.value, r.quantity_kind) for r in valued_rows(text)] == expected


def test_names_with_figures_and_concentration_limits_in_a_yearly_plan():
    """A sixth batch of plan text (read after its items were labelled): PM2.5 and O3 are substances, "8大工程" and
    "三年行动计划" name a plan's parts and span, a report's "9日发布" is a date; a limit in 微克/立方米 or ug/m³ and a
    level in 分贝 are figures; "首批80个…社区全面建成" is the count's row, not a second one for the state."""
    rows = valued_rows(
        "本市民生项目清单9日发布。全年推进8大工程，完成投资120亿元。"
        "确保细颗粒物（PM2.5）年均浓度降至35ug/m³以下，二氧化硫不高于20微克/立方米，推动PM2.5与O3协同控制。"
        "居住区夜间噪声不超过45分贝。启动第二轮三年行动计划。"
        "到2026年底前，首批80个示范社区全面建成。"
    )
    assert [(r.value, r.quantity_kind) for r in rows] == [
        ("120亿元", "money"),
        ("35ug/m³以下", "concentration"),
        ("20微克/立方米", "concentration"),
        ("45分贝", "sound_level"),
        ("80个", "count"),
    ]


def test_a_news_report_of_targets_keeps_its_figures_and_drops_its_dates_and_phone():
    """A seventh batch (news reports of yearly targets, read after their items were labelled): the day a meeting
    opened, a dateline and a telephone number are no figures; 万亿斤 and 个百分点 are units; "学前三年" and
    "五年行动" are names; figures listed "A、B和C" against a "分别" list are one row each, with the unit the list
    gives once."""
    rows = valued_rows(
        "全省人代会8日上午开幕，省长6日在报告中提出：粮食产量0.9万亿斤以上。咨询电话：0531-86061234。两部门27日联合印发方案。"
        "实施人居环境提升五年行动。学前三年毛入园率、高中阶段毛入学率分别比上年提高了1.5和0.8个百分点，"
        "到2027年，普惠性幼儿园覆盖率城区和农村分别达到92%和85%。"
    )
    assert [(r.indicator, r.value) for r in rows] == [
        ("粮食产量", "0.9万亿斤以上"),
        ("学前三年毛入园率", "1.5个百分点"),
        ("高中阶段毛入学率", "0.8个百分点"),
        ("普惠性幼儿园覆盖率城区", "92%"),
        ("农村", "85%"),
    ]


def test_bare_figures_of_addresses_and_codes_and_bracketed_months_are_no_rows():
    """An eighth batch (read after its items were labelled): a street address, a postcode and a mail domain give
    no rows, nor does a progress column's month in brackets; a bare figure after 达到 is still a value, and a target
    with its unit is one."""
    rows = valued_rows(
        "来信地址：某区民政局（长江路1200号3号楼502室），邮编：200061。电子邮件：mzj@126.com。"
        "进展情况（9月）：已完成新增12家助餐点。每千人拥有社会体育指导员达到2.3。"
    )
    assert [r.value for r in rows] == ["12家", "2.3"]


def test_a_reports_dateline_and_months_covered_are_no_figures_and_a_built_before_date_describes_a_noun():
    """An eleventh batch (老旧小区 plans and reports, read after their items were labelled): "记者26日从…了解到" is
    a dateline, "今年前9个月" the months a report covers, "2000年底前建成的小区" says which estates (no commitment
    dated 2000); 万㎡ is an area."""
    rows = valued_rows(
        "记者26日从国家发展改革委了解到，选择50个左右城市开展试点。今年前9个月，城镇老旧小区开工率约97%。"
        "力争基本完成2000年底前建成的城镇老旧小区改造任务，重点改造2000年底前建成需改造的城镇老旧小区。"
        "全年计划改造老旧小区23个，总建筑面积11.62万㎡。"
    )
    assert [(r.value, r.deadline) for r in rows] == [
        ("50个左右", None),
        ("97%", None),
        ("23个", None),
        ("11.62万㎡", None),
    ]


def test_each_items_own_unit_lines_name_its_lead_and_support(tmp_path, fresh_settings):
    """A twelfth batch (a 分工方案 whose targets are items, each followed by lines "牵头单位：…" and "责任单位：…",
    labelled before it was run): the lines after an item name that item's units — read as the next item's
    section units, every row had taken the item before's lead, and 责任单位 on a line of its own led."""
    text = (
        "某区政府2023年重点工作任务分解和责任分工方案\n"
        "为全面贯彻落实市委十三届五次全会精神，现就全区2023年重点工作制定分工方案如下。\n"
        "一、经济社会发展的主要预期目标\n"
        "1.努力实现地区生产总值增长6.2%左右。\n"
        "牵头单位：区发改局\n"
        "责任单位：经济开发区，各街道\n"
        "2.规模上工业增加值增长5%左右。\n"
        "牵头单位：区工信局\n"
        "责任单位：经济开发区\n"
        "3.其他主要经济指标不低于全市平均水平。\n"
    )
    rows = file_rows(tmp_path / "fengong.txt", text, fresh_settings)
    assert [(r.value, r.lead_units, r.support_units) for r in rows] == [
        ("6.2%左右", ("区发改局",), ("经济开发区", "各街道")),
        ("5%左右", ("区工信局",), ("经济开发区",)),
    ]


def test_a_progress_table_of_sentences_is_read_sentence_by_sentence(tmp_path, fresh_settings):
    """A thirteenth batch (a 任务事项 | 进展 | 进度 table, labelled before it was run): a table whose header names no
    indicator or year but whose cells are sentences gives the sentences' targets (it gave nothing); its bare cells
    — a task's number, a 进度 of "90%" — name nothing and give no row; a day in a campaign's name is no figure."""
    text = (
        "民政重点任务进展情况表\n"
        "报送次数|任务序号|任务事项|进展|进度\n"
        "2|207|新增村级养老服务站64个，村级养老服务站覆盖率提高到45%。|目前已完成54家，开展慈善一日捐活动。|90%\n"
    )
    rows = file_rows(tmp_path / "jinzhan.txt", text, fresh_settings)
    assert [r.value for r in rows] == ["64个", "45%", "54家"]


def test_a_frequency_over_a_bracketed_list_and_a_commitment_after_a_time_frame():
    """A thirteenth batch: "每两年至少对县（市、区）、街道（乡镇）…培训一次" is one frequency (the list's 、 had cut
    it in two rows, 每两年 and 一次); "通过三年努力，于2022年底前完成全区改造" is a time frame and a dated commitment,
    two rows (the commitment had been dropped); "建成于2000年底前" says when estates were built, due by nothing."""
    rows = valued_rows(
        "省、市每两年至少对县（市、区）、街道（乡镇）分管负责同志培训一次。"
        "力争通过三年努力，于2022年底前完成全区改造。"
        "到“十四五”期末，基本完成建成于2000年底前的住宅小区改造工作。"
    )
    assert [(r.value, r.deadline) for r in rows] == [
        ("一次", None),
        ("三年", "2022年底前"),
        ("完成", "2022年底前"),
    ]
    assert "每两年" in rows[0].quote


def test_a_coefficient_reached_is_a_value_one_figure_each_a_list_reaches_and_the_last_mile_is_no_figure():
    """A twenty-ninth batch (water saving, read after its items were labelled): a coefficient has no unit but
    decimals and is reached ("从0.565提升到0.583": the base is no target of its own; "到2030年达" names nothing
    but its date and verb, so the figure is the sentence's earlier one's measure), one figure after a 分别 is
    each listed name's, and "最后一公里" is a metaphor; "分别或者合计达到" sums the names, one row."""
    rows = valued_rows(
        "农田灌溉水有效利用系数从“十三五”末的0.565提升到0.583，到2030年达0.60以上。"
        "万元国内生产总值用水量、万元工业增加值用水量较2025年分别下降10%以上。"
        "解决农田灌溉“最后一公里”问题。占用防护林地、特种用途林地数量分别或者合计达到二十亩以上。"
    )
    assert [(r.indicator, r.value) for r in rows] == [
        ("农田灌溉水有效利用系数", "0.583"),
        ("农田灌溉水有效利用系数", "0.60以上"),
        # how much each falls (since the hundred-and-seventh batch)
        ("万元国内生产总值用水量下降", "10%以上"),
        ("万元工业增加值用水量较2025年下降", "10%以上"),
        ("占用防护林地、特种用途林地数量分别或者合计", "二十亩以上"),
    ]


def test_a_reform_named_by_its_promise_a_span_looked_back_on_and_a_contents_lists_numbers_are_no_figures():
    """A thirtieth batch (e-government reports and a 2015 方案, read after their items were labelled): "最多跑一次" names a
    reform, "2014至2024十年间" is the span a report covers, "01/02/" numbers a contents list, "从…四个维度提出" lays out a
    report; the figures beside them stay."""
    rows = valued_rows(
        "2014至2024十年间，92.5%的省级行政许可事项实现网上受理和“最多跑一次”。演讲人目录01/02/引言03/04/现状。"
        "从“技术赋能—服务优化”四个维度提出能力提升路径。所有网上申办事项到现场办理次数不超过2次。"
    )
    assert [r.value for r in rows] == ["92.5%", "2次"]


def test_tenths_are_a_share_and_an_age_inside_an_indicator_given_a_figure_says_who_is_counted():
    """A thirty-first batch (childcare figures copied with ruby pinyin, a plan's preface, read after their items were
    labelled): "三成以上" is three tenths; "每千人口拥有3岁以下婴幼儿托位数为2.03个" has one figure, 2.03个 — the age bound names who
    is counted — while "为七十周岁以上老年人提供养老服务补贴" has its age bound as its figure."""
    rows = valued_rows(
        "三成以上婴幼儿家庭有托育需求。我国每千人口拥有3岁以下婴幼儿托位数为2.03个。为七十周岁以上老年人提供养老服务补贴。"
    )
    assert [r.value for r in rows] == ["三成以上", "2.03个", "七十周岁以上"]


def test_an_age_naming_a_cohort_whose_share_passes_a_figure_is_no_figure():
    """A ninetieth batch (plans for the old and the young from news pages, labelled before the first run):
    "60岁及以上人口占全市人口比重将突破20%" and "65岁及以上人口超过14%" state shares the cohorts pass; the ages say
    who is counted, as "3岁以下婴幼儿托位数为2.03个"'s does."""
    rows = valued_rows("预计武汉市60岁及以上人口占全市人口比重将突破20%，其中65岁及以上人口超过14%。")
    assert [r.value for r in rows] == ["20%", "14%"]


def test_figures_a_bu_deng_says_vary_are_a_row_each_and_a_count_a_figure_is_set_for_is_its_denominator():
    """A ninety-first batch (community workers' pay and staffing from news and Q&A pages, labelled before the first
    run): "每月960元、845元和740元不等" lists three amounts, one value to a cell; "每250户配备1名" sets one worker per 250
    households — 250户 says per what, 1名 is the figure; "每十五户至五十户设立一个居民小组" keeps its size."""
    rows = valued_rows(
        "职务年限补贴也分每月960元、845元和740元不等。按每250户配备1名的标准配置专职社区工作者。"
        "一般每十五户至五十户设立一个居民小组。"
    )
    assert [r.value for r in rows] == ["960元", "845元", "740元", "1名", "十五户至五十户"]


def test_a_numeral_with_yuan_naming_a_structure_is_no_amount():
    """A ninety-third batch (papers on family doctors and rural communities, a local standard copied a token per line,
    labelled before the first run): "城乡二元结构" names a structure, not two yuan; "每人补助二元" is an amount."""
    rows = valued_rows("为了摆脱城乡二元结构的影响制约，推进一元化管理。每人每月补助二元。")
    assert [r.value for r in rows] == ["二元"] and "补助" in rows[0].quote


def test_a_capacity_per_day_a_figures_number_a_garbled_power_and_full_coverage_basically_reached():
    """A thirty-third batch (waste-sorting plans, news and a paper, read after their items were labelled): "70万吨/日" is a
    capacity per day, "如图1所示" numbers a figure, "3.1×1.08t" is a power of ten copied without its exponent (no
    figure to show), and "2025年底前基本实现全覆盖" reaches 全覆盖."""
    rows = valued_rows(
        "到2025年底，全国生活垃圾分类收运能力达到70万吨/日左右。清运量达到3.1×1.08t，如图1所示，较2018年增加5.5%。"
        "力争在今年年底前使覆盖率达到90%以上，2025年底前基本实现全覆盖。"
    )
    assert [(r.value, r.unit) for r in rows] == [
        ("70万吨/日左右", "万吨/日"),
        ("5.5%", None),
        ("90%以上", None),
        ("基本实现全覆盖", None),
    ]


def test_per_mille_points_a_ratio_that_is_or_moves_and_an_age_range_naming_who_is_counted():
    """A thirty-fourth batch (a bulletin's population and income figures, a report of five years' livelihood figures,
    read after their items were labelled): "下降0.13个千分点" moves a rate in per-mille points, a ratio "为2.34" and its
    change "下降0.22" are figures without a unit, and "16至59岁" says which people "85798万人" counts."""
    rows = valued_rows(
        "全年人口出生率11.00‰，下降0.13个千分点。我国16至59岁劳动年龄人口为85798万人。"
        "城乡居民人均可支配收入之比为2.34，比2020年下降0.22。"
    )
    assert [r.value for r in rows] == ["11.00‰", "0.13个千分点", "85798万人", "2.34", "0.22"]


def test_ten_thousands_and_the_rest_are_one_figure_and_full_coverage_after_a_list_is_reached():
    """A thirty-sixth batch (rural figures and plans, read after their items were labelled): "1万3432元" is 13432元 (it gave
    1万 and 3432元), and "基本实现农村生活垃圾分类、资源化利用全覆盖" reaches 全覆盖."""
    rows = valued_rows(
        "农村居民人均可支配收入已由2017年的1万3432元增长到2021年的1万8931元。"
        "2025年年底前基本实现农村生活垃圾分类、资源化利用全覆盖。"
    )
    assert [r.value for r in rows] == ["1万3432元", "1万8931元", "基本实现全覆盖"]


def test_kinds_counted_hectares_and_what_a_figure_is_per():
    """A thirty-seventh batch (forestry targets in news pages and a document site's card, read after their items were
    labelled): "300多种" counts kinds (but "两种补偿方式" only says how many a text names), 公顷 is an area, and in
    "每五百亩配备一名护林员" the area is what the figure is per."""
    rows = valued_rows(
        "300多种濒危野生动植物种群数量稳中有升。补偿方式包括货币补偿和产权调换两种。"
        "我国森林资源增长面积超7000万公顷。公益林应当每五百亩配备一名护林员。假冒两种以上注册商标的。"
    )
    assert [r.value for r in rows] == ["300多种", "7000万公顷", "一名", "两种以上"]


def test_a_fraction_with_decimals_is_one_figure_and_a_childs_age_names_who_an_indicator_counts():
    """A thirty-eighth batch (children's health targets and statistics, read after their items were labelled):
    "万分之九点三" and "百分之一点五" are one figure each (they gave 万分之九 and 百分之一: a wrong figure); "12岁儿童龋患率
    控制在25%以内" and "6个月内婴儿纯母乳喂养率达到50%以上" give the rate, their ages saying who is counted; an age that is a
    second condition ("4周岁以下或者身高低于1米的儿童") and a range of ages stay figures."""
    rows = valued_rows(
        "出生缺陷发生率降至2021年的万分之九点三。用人单位安排残疾人就业的比例不低于百分之一点五。"
        "12岁儿童龋患率控制在25%以内。6个月内婴儿纯母乳喂养率达到50%以上。"
        "4周岁以下或者身高低于1米的儿童乘坐小型轿车时应当使用儿童安全座椅。已满十四周岁不满十六周岁的人。"
    )
    assert [r.value for r in rows] == [
        "万分之九点三",
        "百分之一点五",
        "25%以内",
        "50%以上",
        "4周岁以下",
        "1米",
        "十四周岁不满十六周岁",
    ]


def test_a_growth_column_headed_with_a_percent_sign_gives_its_cells_the_sign(tmp_path, fresh_settings):
    """A bulletin's Markdown table (a forty-third batch, read after its items were labelled) heads its growth column
    "比上年增长%": each cell there is a percentage (5.2%, not a bare 5.2), as "绝对数（亿元）" gives 亿元; a header whose
    figure columns all give units is read column by column even when its first column says 指标 (it was read as a plan's
    indicator row: one figure); and "三次产业结构" names the three sectors of an economy, not three times."""
    doc = ingested(
        fresh_settings,
        tmp_path / "bulletin.md",
        "2024年某市国民经济和社会发展统计公报\n三次产业结构由上年的13.2:32.3:54.5调整为12.4:30.9:56.7。\n"
        "2024年全市地区生产总值及其增长速度\n| 指标 | 绝对数（亿元） | 比上年增长% |\n"
        "| 地区生产总值 | 2313.0 | 5.2 |\n| 第一产业 | 287.0 | 2.2 |\n",
    )
    rows = [r for r in extract_document(doc) if r.value]
    assert [(r.indicator, r.value, r.unit) for r in rows if r.value_text in ("2313.0", "5.2")] == [
        ("地区生产总值 绝对数", "2313.0亿元", "亿元"),
        ("地区生产总值 比上年增长", "5.2%", None),
    ]
    assert not any("三次" in (r.value_text or "") for r in rows)


def test_an_effort_span_a_run_of_years_a_listed_count_an_age_describing_a_person_and_person_years():
    """Forty-fourth to forty-seventh batches (disability and science plans, water-works news, read after their items were
    labelled): "经过五年的努力" is how long an effort took, "连续4年完成年投资超过1万亿元" how long another figure held, "两项补贴分别惠及…"
    counts what a 分别 list names, "70岁的村民李大爷" describes a person; "60人年" is person-years; and 普及率's 及 joins no
    names, so three names take the three figures their 分别 gives. An age bound stays ("超过六十周岁的", "年满十八周岁")."""
    rows = valued_rows(
        "经过五年的努力，残疾人两项补贴分别惠及1188.4万困难残疾人和1640万重度残疾人。2022年以来连续4年完成年投资超过1万亿元。"
        "在云南山区，70岁的村民李大爷再也不用挑水。每万名就业人员中研发人员达到60人年。"
        "全国农村自来水普及率、规模化工程覆盖农村人口比例、县域统管比例分别达到96%、71%、72%。被扶养人超过六十周岁的，按五年计算。"
    )
    assert [r.value for r in rows] == [
        "1188.4万",
        "1640万",
        "1万亿元",
        "60人年",
        "96%",
        "71%",
        "72%",
        "六十周岁",
        "五年",
    ]
    assert [r.indicator for r in rows if r.value in ("96%", "72%")] == [
        "全国农村自来水普及率",
        "县域统管比例",
    ]


def test_a_share_takes_no_counter_and_a_respective_list_pairs_figures_of_mixed_units_from_a_base_year():
    """Forty-eighth and forty-ninth batches (health statistics, read after their items were labelled): "分别从2015年的
    20.1/10万、8.1‰、10.7‰降至2019年的17.8/10万、5.6‰、7.8‰" gives each of three rates its two figures, "由2017年的76.7岁提高到
    2018年的77.0岁" both ages (the year after 提高到 is no figure that makes the first a name's age), "上述三项数据" refers to
    things counted before; a share takes no counter: "按日工资收入的300%支付" is 300%, not "300%支" (law rows had it); and a
    fifty-second batch (a budget report, bilingual): "三年新冠疫情" names an event by its span."""
    rows = valued_rows(
        "人均预期寿命由2017年的76.7岁提高到2018年的77.0岁。上述三项数据已非常接近目标。"
        "全国孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别从2015年的20.1/10万、8.1‰、10.7‰降至2019年的17.8/10万、5.6‰、7.8‰。"
        "单位应当按照该职工日工资收入的300%支付年休假工资报酬。2023年也是三年新冠疫情防控转段后经济恢复发展的一年。"
    )
    assert [r.value for r in rows] == [
        "76.7岁",
        "77.0岁",
        "20.1/10万",
        "8.1‰",
        "10.7‰",
        "17.8/10万",
        "5.6‰",
        "7.8‰",
        "300%",
    ]
    assert [r.indicator for r in rows if r.value in ("8.1‰", "7.8‰")] == ["婴儿死亡率", "5岁以下儿童死亡率"]


def test_an_index_in_whole_numbers_a_trillion_without_a_unit_and_a_plans_count_of_indicators_run_on():
    """A fifty-third batch (digital-economy plans as news pages, read after their items were labelled): "数字中国发展指数从
    2020年的85提高到95" gives an index's base and target without a unit (a bare whole number is otherwise no figure),
    "GDP总量为130万亿" is 130万亿, not 130万, and "四个方面十六个具体量化指标其中" counts the plan's indicators though no
    punctuation follows 指标."""
    rows = valued_rows(
        "到2025年数字中国发展指数从2020年的85提高到95，并明确数字设施，创新能力四个方面十六个具体量化指标其中，"
        "网民规模从2020年的9.89亿提高到12亿。假定2025年GDP总量为130万亿。门牌为1668号。"
    )
    assert [r.value for r in rows] == ["85", "95", "9.89亿", "12亿", "130万亿"]


def test_a_respective_lists_names_in_the_clause_before_it_and_a_news_paragraph_opening_with_its_day():
    """Fifty-fourth and fifty-fifth batches (energy-saving plans as news and on a vendor's page, read after their items
    were labelled): "化学需氧量、氨氮、氮氧化物以及挥发性有机物的排放总量，预计将分别比2020年减少8%、8%、超过10%以及超过10%" names
    its four in the clause before its 分别 (as "…合格等级的，每年每个分别给予30万元、20万元、10万元" does); "124日，国务院印发…" opens a
    news paragraph with its day (garbled from 1月24日), no time limit."""
    rows = valued_rows(
        "124日，国务院印发的《方案》正式公布。同时，化学需氧量、氨氮、氮氧化物以及挥发性有机物的排放总量，"
        "预计将分别比2020年减少8%、8%、超过10%以及超过10%。"
    )
    assert [(r.indicator, r.value) for r in rows] == [
        ("化学需氧量减少", "8%"),  # how much each falls (since the hundred-and-seventh batch)
        ("氨氮减少", "8%"),
        ("氮氧化物减少", "超过10%"),
        ("挥发性有机物的排放总量减少", "超过10%"),
    ]


def test_a_count_closing_a_list_a_ranks_field_and_a_second_respective_list_paired_with_the_first_names():
    """A fifty-sixth batch (the statistics bureau's reports on the women's development programme, read after their
    items were labelled): "…、法律等七个领域的实施情况" counts the list's fields, "在184个国家中位列第62位" is the field of a
    rank, "存在的两个主要问题：" and "归纳为以下三项：" announce the points a report lists (fifty-seventh and sixty-second batches),
    and "城市与农村孕产妇死亡率分别为
    14.1/10万和18.5/10万，分别比2010年降低52.5%和38.5%" gives its second list to the same two names as its first."""
    rows = valued_rows(
        "对《纲要》在健康、教育、法律等七个领域的实施情况进行了终期统计监测。我国女性的人均预期寿命水平在184个国家中位列第62位。"
        "《报告》披露了实施中存在的两个主要问题：城乡差距、参与不足。其优势可以归纳为以下三项：小规模、易布点、近家门。"
        "城市与农村孕产妇死亡率分别为14.1/10万和18.5/10万，分别比2010年降低52.5%和38.5%。"
    )
    # the names are one word each: the measure after the last is each one's (the hundredth batch)
    assert [(r.indicator, r.value) for r in rows] == [
        ("城市孕产妇死亡率", "14.1/10万"),
        ("农村孕产妇死亡率", "18.5/10万"),
        ("城市孕产妇死亡率降低", "52.5%"),  # the fall, not the rate (since the hundred-and-seventh batch)
        ("农村孕产妇死亡率降低", "38.5%"),
    ]


def test_a_statistics_table_with_a_unit_column_and_thousands_separators(tmp_path, fresh_settings):
    """A fifty-ninth batch (a civil-affairs monthly statistics table in Markdown, its units in a column of their own and
    its figures with thousands separators, read after its items were labelled): first run 0.21 / 0.22 — "1,400" read
    400, a row's number "4." read as a figure in a row with an empty cell, "2019年度 05 月" a month read as a figure."""
    doc = ingested(
        fresh_settings,
        tmp_path / "monthly.md",
        "| 社会服务统计月报表 | ||\n| 2019年度 05 月 | ||\n| 指标名称 | 单位 | 数量 |\n| 乡镇级合计 | 个 | 1,400 |\n"
        "| (二)民政事业费累计支出 | 万元 | 534,602.6 |\n| 4.享受综合补贴的老年人数 | 人 | |\n| 1.孤儿数 | 人 | 21,388 |\n",
    )
    rows = [r for r in extract_document(doc) if r.value]
    assert [r.value_text for r in rows] == ["1,400", "534,602.6", "21,388"]


def test_an_age_naming_who_an_indicator_counts_when_the_figure_is_said_to_be_reached():
    """Sixtieth and sixty-first batches (community service plans: an indicator table as spaced lines, a 十四五 plan's
    targets in traditional characters on a document site; read after their items were labelled): "每千人口拥有3岁以下婴幼儿
    托位数在实现1.5个的基础上" names who the indicator counts by an age, as "…为2.03个" does; 实现 says a figure is reached."""
    rows = valued_rows(
        "到2025年，每千人口拥有3岁以下婴幼儿托位数在实现1.5个的基础上，有大幅提高，普惠性托位占比达到60%。"
    )
    assert [r.value for r in rows] == ["1.5个", "60%"]


def test_a_table_copied_from_a_page_a_cell_per_line(tmp_path, fresh_settings):
    """A sixty-third batch (the national and 福建's 十四五 fire-service plans, read after their items were labelled):
    福建's table of fires per year came as a web page's table copied to text, one cell per line — a header of five
    names (the unit "（万元）" on a line of its own) over rows of a year and four figures; first run 0.00 recall (27 figures).
    Its rows are read as a table's: one row per figure, the column's unit with it."""
    doc = ingested(
        fresh_settings,
        tmp_path / "fires.txt",
        "福建省“十三五”时期火灾基本情况\n\n年份\n\n火灾起数(起)\n\n亡人数(人)\n\n直接财产损失\n\n(万元)\n\n"
        "2016\n\n9321\n\n47\n\n17653.6\n\n2017\n\n8233\n\n67\n\n11487.1\n\n合计\n\n38102\n\n324\n\n77572.5\n\n"
        "第一章　总体要求\n\n到2025年，消防站达到120个。\n",
    )
    rows = [r for r in extract_document(doc) if r.value]
    assert [r.value for r in rows] == [
        "9321", "47人", "17653.6万元", "8233", "67人", "11487.1万元", "38102", "324人", "77572.5万元", "120个",
    ]  # fmt: skip
    assert "年份 | 火灾起数（起） | 亡人数（人） | 直接财产损失（万元）" in doc.text


def test_a_plans_time_points_a_texts_chapters_and_a_goal_named_not_reached():
    """A sixty-fourth batch (news of the 中长期青年发展规划 and of the 十四五 纲要, read after their items were labelled):
    "分2020年和2025年两个时间节点" and "有14个章节" count the text's own parts; "结合到2020年全面建成小康社会这一奋斗目标"
    and "在决胜全面建成小康社会伟大实践中" name a goal, not the plan's commitment, which is "到2020年…初步形成"."""
    rows = valued_rows(
        "规划针对年龄范围为14-35周岁的青年，结合到2020年全面建成小康社会这一奋斗目标，分2020年和2025年两个时间节点，"
        "分别提出了青年发展要达到的总体水平和目标：",
        "——到2020年，青年发展政策体系初步形成，在决胜全面建成小康社会伟大实践中的作用得到充分发挥。",
        "直接出现关键词的就有14个章节。",
    )
    assert [r.value for r in rows] == ["14-35周岁", "初步形成"]
    assert rows[1].deadline == "2020年"


def test_a_decade_is_no_figure_and_foreign_currencies_are_money():
    """A sixty-sixth batch (a journal article on medical insurance behind a spam header, read after its items were
    labelled): "20世纪90年代" read as 90年, "人均GDP突破1万美元" as 1万; the same unit read "不满10万美元" as 不满10万 and
    "二千万人民币" as 二千万人 in law rows."""
    rows = valued_rows(
        "基本多层适应了20世纪90年代以来经济社会的发展。但是随着中国人均GDP突破1万美元，需求快速增长。",
        "投资总额超过五百万美元或者二千万人民币的项目，由省人民政府审批。",
    )
    assert [r.value for r in rows] == ["1万美元", "五百万美元", "二千万人民币"]


def test_figures_a_respective_list_gives_without_its_names_one_row_each():
    """A sixty-seventh batch (public legal services: a news report with ruby pinyin, two cities' notes, a press conference,
    read after their items were labelled): "…中心、…工作站，覆盖率分别达到81%和72%" names its two only with their counts, so
    the figures stood in one row "81%和72%" (the 81% lost); "经过十年的规划、建设和发展" a figure. Such a list is one row per
    figure, each with its own unit ("增值税的纳税期限分别为1日、…、1个月" in law rows), alternatives too ("50%、40%或者30%");
    a bound or a range stays whole ("不得分别向两个或者两个以上人民法院提出申请", "分别处100元以上、500元以下的罚款")."""
    rows = valued_rows(
        "经过十年的规划、建设和发展，体系已经基本建成。全国已有2200多个县建成公共法律服务中心、2.8万多个乡镇建成公共法律服务工作站，"
        "覆盖率分别达到81%和72%。",
        "增值税的纳税期限分别为1日、3日或者1个月。伤残津贴标准分别为本人工资的50%、40%或者30%。",
        "申请人不得分别向两个或者两个以上人民法院提出申请。",
    )
    assert [(r.value, r.unit) for r in rows] == [
        ("2200多个", "个"), ("2.8万多个", "万个"), ("81%", None), ("72%", None), ("1日", "日"), ("3日", "日"),
        ("1个月", "个月"), ("50%", None), ("40%", None), ("30%", None), ("两个或者两个以上", "个"),
    ]  # fmt: skip


def test_a_day_after_a_dateline_and_the_count_a_figure_is_per():
    """A sixty-ninth batch (community workers: a province's 管理办法 in the news, 济南's 意见 behind a site's link list,
    the embedded-services 导则; read after their items were labelled): "大众日报8月20日讯（记者 牛远飞）19日，济南市出台…"
    gave 19日 as a time limit, "社区工作人员配备达到每300户1人" gave 300户 as a figure of its own."""
    rows = valued_rows(
        "大众日报8月20日讯（记者 牛远飞）19日，济南市出台《关于加强和改进城市社区居民委员会工作的意见》。",
        "社区工作人员配备达到每300户1人，社区居委会成员职数原则上按照5人设置。",
    )
    assert [r.value for r in rows] == ["1人", "5人"]


def test_the_first_years_of_a_period_a_report_covers_are_no_figure():
    """The fortieth-to-forty-third round's energy-saving batch (a 十一五 paper): "前四年全国单位GDP能耗累计下降15.61%" gave 四年
    a row of its own (a known leftover until now); a clause opening with 前N年 names the years a report covers ("申请前3年内"
    is a time limit and stays)."""
    rows = valued_rows("“十一五”规划提出单位GDP能耗降低20%左右的目标。前四年全国单位GDP能耗累计下降15.61%。")
    assert [r.value for r in rows] == ["20%左右", "15.61%"]


def test_a_reform_named_by_its_span_is_no_duration():
    """A seventy-second batch's paper ("十年医改已进入攻坚期", labelled before it was read) gave 十年 a row: the years name the
    reform, as they name a 三年行动计划; a figure of the same text stays."""
    rows = valued_rows("十年医改已进入攻坚期。", "武汉基层医疗机构家庭医生团队数共计1398个。")
    assert [r.value for r in rows] == ["1398个"]


def test_a_glossed_day_is_no_figure_and_loans_are_counted_in_book_loans():
    """The seventy-sixth batch: "文化部昨天（13日）发布了…" gave a row 13日, and "文献外借8亿册次" showed 8亿册."""
    rows = valued_rows("文化部昨天（13日）发布了规划。到2020年，阅览室座席数105万个；文献外借8亿册次等。")
    assert [r.value for r in rows] == ["105万个", "8亿册次"]


def test_an_age_inside_an_indicator_named_right_before_its_figure_is_no_figure():
    """The seventy-seventh batch: a summary of the 十四五 public-services plan writes "每千人口拥有3岁以下婴幼儿托位数4.5个"
    without a verb; the age says whose places are counted (as with "…托位数为2.03个")."""
    rows = valued_rows("2025年，每千人口拥有3岁以下婴幼儿托位数4.5个，人均预期寿命达78.3岁。")
    assert [r.value for r in rows] == ["4.5个", "78.3岁"]
    # who may vote is a condition of the law's own: 过半数 is a figure written in words, not a measure named
    village = valued_rows("召开村民会议，应当有本村十八周岁以上村民的过半数参加。")
    assert [r.value for r in village] == ["十八周岁以上", "过半数"]


def test_the_bodies_that_drafted_a_text_are_no_figure():
    """The seventy-ninth batch: "国家发改委会同22个部门研究制定《…》提出，到2025年…" gave 22个 a row due by 2025; the
    eightieth, "自治区残联联合23个部门和单位制定了《实施方案》" a row 23个."""
    rows = valued_rows(
        "国家发改委会同22个部门研究制定《指导意见》提出，到2025年，开展100个儿童友好城市建设试点。"
        "民政部等11个部门联合印发方案。发展改革委等23部委《指导意见》要求，到2035年，100个左右城市被命名。"
        "自治区残联联合23个部门和单位制定了《实施方案》。"
    )
    assert [r.value for r in rows] == ["100个", "100个左右"]
    # a count of bodies that is the target stays: "到2025年，22个部门实现数据共享"
    assert [r.value for r in valued_rows("到2025年，22个部门实现数据共享。")] == ["22个"]


def test_a_dated_commitment_reaching_several_states_shows_the_whole_one():
    """The eighty-first batch: "到2025年，我国将基本形成…体系，实现乡乡有网点、村村有服务，便民惠民寄递服务基本实现全覆盖"
    showed 基本形成; a whole state (全覆盖, 全面完成) is the one a reader can check. A goal's name is no state reached."""
    rows = valued_rows("到2025年，我国将基本形成农村寄递物流体系，便民惠民寄递服务基本实现全覆盖。")
    assert [r.value for r in rows] == ["基本实现全覆盖"]
    goal = valued_rows("到2020年，生态安全屏障基本形成，生态文明建设水平与全面建成小康社会目标相适应。")
    assert [r.value for r in goal] == ["基本形成"]


def test_a_line_a_page_repeats_gives_its_figure_once():
    """The eighty-second batch: a news page carries its headline "国办:选择50个左右城市开展…试点" three times (title, heading,
    footer), and each gave a row. Two articles of a law that read alike are two provisions, and two figures of one
    sentence ("明确一位分管负责人和一位联系员") two rows."""
    head = "国办:选择50个左右城市开展社区嵌入式服务设施建设工程试点"
    rows = valued_rows(head, "选择50个左右城市开展试点，每个试点城市选择100个左右社区。", head)
    assert [r.value for r in rows] == ["50个左右", "50个左右", "100个左右"]
    assert [r.value for r in valued_rows("明确一位分管负责人和一位联系员报领导小组办公室。")] == [
        "一位",
        "一位",
    ]
    fines = [
        Clause(
            f"t:{i}",
            "t",
            ("第二章", f"第{n}条"),
            "处以五十元以上一百元以下罚款。",
            i * 20,
            i * 20 + 16,
            i * 20,
            i * 20 + 16,
        )
        for i, n in enumerate(("十", "十一"))
    ]
    law = dataclasses.replace(doc_of("x"), clauses=tuple(fines))
    assert len([r for r in extract_document(law) if r.value]) == 2


def test_an_idiom_counting_nothing_is_no_figure():
    """The eighty-third batch: "既要满足社区居民一日三餐…" gave 一日 a row."""
    rows = valued_rows("既要满足社区居民一日三餐、生活必需品等基本消费需求，确定15个地区作为先行区试点。")
    assert [r.value for r in rows] == ["15个"]


def test_a_range_of_ages_naming_who_is_no_figure_and_a_ratio_is_read_whole():
    """An eighty-fourth batch (学前教育: a city's 2005 意见 from a document site, a news report in traditional
    characters behind a spam header, a speech; labelled before the first run): "开展0-6岁儿童家长培训" and
    "0-3岁早期教育体制" say who, not how many ("年龄范围为14-35周岁的青年" states its range and stays); "生师比从
    2013年的23.4:1降低到2023年的13.3:1" holds two ratios, the colon inside a figure no break and 23.4:1 never a
    time of day (its minutes would take two digits), while "下午2:30开始" is a time and "1:5000…比例尺地图" a map's scale,
    neither a figure."""
    rows = valued_rows(
        "依托社区开展0-6岁儿童家长和看护人员培训，城市受训率达到90%以上，基本形成0-3岁早期教育体制。",
        "幼儿园生师比从2013年的23.4:1降低到2023年的13.3:1。",
        "会议于下午2:30开始。",
        "测制和更新全省1:5000、1:10000国家基本比例尺地图。",
    )
    assert [r.value for r in rows] == ["90%以上", "23.4:1", "13.3:1"]
    assert rows[2].quote == "幼儿园生师比从2013年的23.4:1降低到2023年的13.3:1"


def test_a_news_pages_dateline_and_reading_bar_give_no_row(tmp_path: Path, fresh_settings):
    """An eighty-sixth batch (央视网's report on city parks): its dateline lines "来源:央视网 | 2021年06月07日 18:35" were
    read as a table whose last cell gave 35 a row, and its reading bar at the foot ("正在阅读:" and the headline) gave
    the headline's 50% a second row. The minutes of a dateline are no figure; the reading bar is the page's furniture."""
    src = tmp_path / "parks.txt"
    src.write_text(
        "我国已建成城市公园约1.8万个 城市建成区绿地面积较2012年前增加近50%\n\n"
        "来源:央视网 | 2021年06月07日 18:35\n央视网 | 2021年06月07日 18:35\n\n"
        "目前,全国城市建成区绿地面积达到230余万公顷,较2012年前增加近50%。人均公园绿地面积达到14.8平方米。\n\n"
        "正在阅读:我国已建成城市公园约1.8万个 城市建成区绿地面积较2012年前增加近50%\n",
        encoding="utf-8",
    )
    doc = ingested(fresh_settings, src)
    values = [r.value for r in extract_document(doc) if r.value]
    assert "35" not in values and values.count("50%") <= 2, values
    assert "14.8平方米" in values and "230余万公顷" in values, values
    assert any(d.startswith("news-furniture: 正在阅读") for d in doc.dropped), doc.dropped


def test_a_span_of_calendar_months_is_no_figure():
    """An eighty-eighth batch (news of 棚户区改造): "其中，1-7月已开工470万套" gave 1-7月 a row (a span of calendar months was
    masked only before 起, 底, a comma…); so many months is "3-6个月", which stays."""
    rows = valued_rows("其中，1-7月已开工470万套，占年度目标任务的78%。", "整改期限为3-6个月。")
    assert [r.value for r in rows] == ["470万套", "78%", "3-6个月"]


def test_a_population_naming_which_cities_and_the_years_a_figure_is_reached_in_are_no_figures():
    """A ninety-fourth batch (shelters, public toilets and charging plans from news and document pages, labelled before
    the first run): "20万人口以上城市在市区至少建成3个应急避难场所" sets 3 for the cities of 20万 people or more — the
    population says which cities; "完成全市农村“3年50万户”无害化厕改" reaches 50万户 in three years — 3年 is when, not a
    figure; a term ("任期5年"), a frequency ("每3年1次") and a range of years ("三年以上七年以下") stay."""
    rows = valued_rows(
        "“十二五”期间，20万人口以上城市在市区至少建成3个应急避难场所。完成全市农村“3年50万户”无害化厕改任务目标。"
        "居民委员会每届任期5年。社区工作者每3年1次全覆盖培训。情节严重的，处三年以上七年以下有期徒刑。"
    )
    assert [r.value for r in rows] == ["3个", "50万户", "5年", "1次", "三年以上七年以下"]


def test_the_total_a_figure_counts_towards_is_no_figure():
    """A ninety-fifth batch (parking, gas pipes and rural water from news and document pages, labelled before the first
    run): "当年完成不少于2000个（计入3万个内）" says which total the 2000 count towards, stated just before — 3万个 is no
    second target, nor is it in "增加…停车位供给5000个（不计入3万个内）"."""
    rows = valued_rows(
        "全年目标新增专用停车位5万个以上，其中主城区3万个以上。新开工公共停车位3000个，当年完成不少于2000个（计入3万个内）。"
        "增加老旧小区停车位供给5000个（不计入3万个内）。"
    )
    assert [r.value for r in rows] == ["5万个以上", "3万个以上", "3000个", "2000个", "5000个"]


def test_a_round_count_of_people_a_rate_is_per_and_the_recent_years_looked_back_on_are_no_figures():
    """A ninety-sixth batch (work-safety plans and reports, labelled before the first run): "工贸商贸10万就业人员生产安全事故死亡率
    下降32%以上" and "10万人口死亡率" give rates per 100,000 people without 每 — the rate's figure is the row, not 10万;
    "近十年", "最近四年", "较近5年均值" are the periods a report looks back on. "培训10万人" is a figure."""
    rows = valued_rows(
        "工贸商贸10万就业人员生产安全事故死亡率下降32%以上，消防（火灾）10万人口死亡率下降14%以上。"
        "近十年全国每年平均发生各类事故高达70多万起。直接经济损失较近5年均值下降24%。全年培训10万人。"
    )
    assert [r.value for r in rows] == ["32%以上", "14%以上", "70多万", "24%", "10万人"]


def test_a_change_after_a_figure_is_named_by_what_that_figure_measures():
    """A ninety-seventh batch (retail-sales statistics and yearly targets, labelled before the first run): "城镇消费485.2亿元,
    增长9.2%" and "物流业增加值将达到1200亿元，年均增长15%" named the change "增长" and "年均增长" — what grew was lost. A segment
    naming nothing but a change measures how what the figure before it measures changed."""
    rows = valued_rows("城镇消费485.2亿元,增长9.2%。到2017年，物流业增加值将达到1200亿元，年均增长15%。")
    assert [(r.value_text, r.indicator) for r in rows] == [
        ("485.2亿元", "城镇消费"),
        ("9.2%", "城镇消费增长"),
        ("达到1200亿元", "物流业增加值将"),
        ("15%", "物流业增加值年均增长"),
    ]


def test_a_two_part_tariff_is_a_name_not_a_count():
    """Read over the 3,438 laws after the ninety-seventh batch: "两部制电价", "两部制水价" (a tariff of a fixed and a metered part)
    gave thirteen rows valued 两部."""
    assert (
        valued_rows("南水北调工程供水实行由基本水价和计量水价构成的两部制水价。扩大两部制电价执行范围。")
        == []
    )


def test_copies_and_samples_counted_in_fen_are_figures_and_one_fen_is_an_article():
    """A ninety-eighth batch (volunteers' statistics as news): "共获得志愿者有效样本15356份,市民有效样本10696份" gave no row — 份
    counted nothing; "贡献一份力量" is an article, as 一个 is, and "协议一式三份" a formality (the 3,438 laws made out 65 such rows)."""
    rows = valued_rows(
        "共获得志愿者有效样本15356份，市民有效样本10696份。全年发放宣传资料5000份。为社区建设贡献一份力量。"
        "和解协议书一式三份。"
    )
    assert [r.value_text for r in rows] == ["15356份", "10696份", "5000份"]


def test_a_deadline_this_year_is_a_deadline_and_the_date_a_body_asked_is_none():
    """A ninety-ninth batch (waste-sorting targets as news and a study, labelled before the first run): "力争在今年年底前使…覆盖率
    达到90%以上，2025年底前基本实现全覆盖" gave the 90% the later date — 今年年底前 was no deadline; "2020年底国家进一步要求力争再用5年
    左右时间，…回收利用率达到35%以上" gave 35% the deadline 2020年底, the date the state asked it; "要求46个重点城市…" was named "求46个…"."""
    rows = valued_rows(
        "我国将力争在今年年底前使居民小区垃圾分类覆盖率达到90%以上，2025年底前基本实现全覆盖。"
        "2020年底国家进一步要求，全国城市生活垃圾回收利用率达到35%以上。"
        "要求重点城市生活垃圾回收利用率达到35%以上。"
    )
    assert sorted((r.value_text, r.deadline or "", r.indicator) for r in rows) == [
        # what the figure before it measures (batch 115), not its whole clause, figure and all
        ("基本实现全覆盖", "2025年底前", "我国将力争在今年年底前使居民小区垃圾分类覆盖率"),
        ("达到35%以上", "", "全国城市生活垃圾回收利用率"),
        ("达到35%以上", "", "要求重点城市生活垃圾回收利用率"),
        ("达到90%以上", "今年年底前", "我国将力争在今年年底前使居民小区垃圾分类覆盖率"),
    ]


def test_a_deadline_opening_a_sentence_holds_for_its_parts_and_bare_names_share_the_measure_after_them():
    """A hundredth batch (community-service plans, labelled before the first run): "到2025年末，…；覆盖率达100%；…不低于25人"
    gave seven targets no deadline — the year opens the sentence, the figures are in its later ；-parts; "村、社区“一肩挑”比例
    分别为97.5%、94.6%" named the first figure "村" — what the last name's words go on with is what each figure measures."""
    rows = valued_rows(
        "到2025年末，党建引领城乡社区服务体系建设更加完善；城乡社区综合服务设施覆盖率达100%；"
        "每万城镇常住人口拥有社区工作者不低于25人。到2030年，覆盖率达到60%；截至2020年末，全省覆盖率为100%；"
        "85%的社区达到标准。村、社区“一肩挑”比例分别为97.5%、94.6%。"
    )
    assert [(r.value_text, r.deadline) for r in rows[:3]] == [
        ("100%", "2025年末"),
        ("不低于25人", "2025年末"),
        ("达到60%", "2030年"),
    ]
    assert rows[4].value_text == "85%" and rows[4].deadline is None  # a year of its own comes between
    assert [(r.value_text, r.indicator) for r in rows[-2:]] == [
        ("97.5%", "村“一肩挑”比例"),
        ("94.6%", "社区“一肩挑”比例"),
    ]


def test_a_bullet_and_the_year_a_figure_is_reached_by_are_no_part_of_its_name():
    """A hundred-and-first batch (a news list of a plan's figures): "·常住人口城镇化率2025年达到65%" was named
    "·常住人口城镇化率2025年" with no deadline — the year before 达到 is the one it is reached by."""
    rows = valued_rows("·常住人口城镇化率2025年达到65%", "·每千人口拥有注册护士数提高到3.8人")
    assert [(r.indicator, r.value_text, r.deadline) for r in rows] == [
        ("常住人口城镇化率", "达到65%", "2025年"),
        ("每千人口拥有注册护士数", "3.8人", None),
    ]


def test_a_figure_listed_after_another_is_named_by_what_follows_that_one():
    """A hundred-and-second batch (news of old housing estates renewed): "改造增设停车位325万个、电动汽车充电桩10.4万个"
    named the charging piles "改造增设停车位325万个、电动汽车充电桩", and "惠及居民3800多万户、约1亿人" the people "惠及居民3800多万户".
    A figure after another in a list is named by the words after that one, or, when none are new, by what that one measures."""
    rows = valued_rows(
        "各地共改造增设停车位325万个、电动汽车充电桩10.4万个。",
        "全国累计新开工改造城镇老旧小区22万个，惠及居民3800多万户、约1亿人。",
        "村（居）党组织书记兼任村（居）民委员会主任的比例到2020年超过建制村总数的35%、2022年超过建制村总数的50%。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["325万个"].endswith("停车位") and named["10.4万个"] == "电动汽车充电桩", named
    assert named["3800多万户"] == "惠及居民" and named["1亿人"] == "惠及居民", named
    assert named["50%"] == named["35%"] and named["50%"].startswith("村（居）党组织书记"), named


def test_a_share_of_what_follows_it_is_named_by_that():
    """Issue 24's "50%的城市社区…": a share followed by 的 is a share of what follows it, and was named by the words before it
    — here nothing but its deadline ("到2025年，")."""
    rows = valued_rows(
        "到2025年，50%的城市社区建成完整社区。", "经20%以上的业主提议，可以召开业主大会临时会议。"
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["50%"] == "城市社区建成完整社区", named
    assert "业主提议" in named["20%以上"], named


def test_a_numbered_heading_stating_a_target_is_read_and_still_heads_what_follows(tmp_path, fresh_settings):
    """The hundred-and-third batch (普陀's 为民办实事 report): each project is a numbered heading stating the year's target
    ("(二)新增养老床位250张") with what was done under it ("新增378张养老床位，超额完成年度任务。"); the targets were headings only,
    and no row read them. A heading that states one is a provision too, and the line under it keeps it as its heading."""
    text = (
        "2023年普陀区为民办实事项目完成情况\n\n(一)完成2家社区综合为老服务中心建设\n\n完成4家社区综合为老服务中心建设，超额完成年度任务。"
        "\n\n(二)新增养老床位250张\n\n新增378张养老床位，超额完成年度任务。\n\n(三)推进社区治理\n\n完成12个小区的治理试点。\n"
    )
    rows = file_rows(tmp_path / "putuo.txt", text, fresh_settings)
    by_value = {r.value_text: r for r in rows}
    assert {"2家", "4家", "250张", "378张", "12个"} <= set(by_value), sorted(by_value)
    assert by_value["250张"].quote == "（二）新增养老床位250张", by_value[
        "250张"
    ]  # brackets normalised full-width
    assert by_value["378张"].section.endswith("（二）新增养老床位250张"), by_value["378张"]
    assert by_value["12个"].section.endswith("（三）推进社区治理"), by_value["12个"]


def test_a_figure_after_a_bare_verb_a_share_of_the_plan_and_a_progress_cell_are_named_by_what_they_measure(
    tmp_path, fresh_settings
):
    """The hundred-and-fourth batch (实事 reports): "完成 155公里 河道综合整治，为计划的103.3%" named both figures by what stood
    before them ("完成", "为计划"); "截至2014年12月底，共完成12个路口改造" took the date it was counted at for a deadline; and a
    progress table's target was named by the progress cell beside it ("7家" by "…等13家婴幼儿成长驿站。")."""
    rows = valued_rows(
        "完成 155公里 河道综合整治，为计划的103.3%。", "截至2014年12月底，共完成12个路口改造。"
    )
    named = {r.value_text: r for r in rows}
    assert named["155公里"].indicator == "完成…河道综合整治", named
    assert named["103.3%"].indicator == "完成…河道综合整治（为计划）", named
    assert named["12个"].deadline is None and "路口改造" in named["12个"].indicator, named
    text = (
        "2022年区政府民生实事项目进展情况表\n序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建成婴幼儿照护服务成长驿站7家。 | 新建锦南街道、高虹镇等13家婴幼儿成长驿站。 | 卫生健康局 |\n"
        "2 | 实施农村公路大中修100公里。 | 完成农村公路大中修50公里，剩余预计11月底前完成。 | 交通运输局 |\n"
    )
    cells = {r.value_text: r.indicator for r in file_rows(tmp_path / "shishi.txt", text, fresh_settings)}
    assert "7家" in cells["7家"] and "13家" in cells["13家"] and "100公里" in cells["100公里"], cells


def test_a_comparator_of_one_character_inside_a_word_and_a_reporting_verb_are_no_part_of_the_name():
    """The hundred-and-fifth batch (news of a plan): "家庭医生签约服务覆盖率达到75%以上" was named "家庭医生签服务覆盖率" — the
    comparator 约 ("约1亿人") was taken out of 签约 — and "提出了签约服务覆盖率每年提升1—3个百分点的阶段性目标要求" kept the
    report's 提出了; 159 rows of the 3,438 laws lost the 约 of 约定, 条约, 节约, 要约, 违约金 the same way."""
    rows = valued_rows(
        "意见提出，到2035年，家庭医生签约服务覆盖率达到75%以上。",
        "提出了签约服务覆盖率每年提升1—3个百分点的阶段性目标要求。",
        "物业服务合同约定的服务期限一般不超过五年。",
        "惠及居民约1亿人。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["达到75%以上"] == "家庭医生签约服务覆盖率", named
    assert named["1—3个百分点"] == "签约服务覆盖率每年提升", named
    assert named["一般不超过五年"] == "物业服务合同约定的服务期限", named
    assert "约" not in next(n for v, n in named.items() if "1亿" in v), named


def test_more_than_written_with_one_character_is_a_comparator_right_before_a_figure_only():
    """The hundred-and-sixth batch (口袋公园 statistics): "我国已建设口袋公园超4.8万个，绿道超12.8万公里" gave 4.8万个 with no
    comparator, named "我国已建设口袋公园超"; 超 before a word ("超出物业管理区域内房屋套数的停车位") compares nothing."""
    rows = valued_rows(
        "我国已建设口袋公园超4.8万个，绿道超12.8万公里。",
        "超出物业管理区域内房屋套数的停车位，一户业主可以多购买或者附赠一个。",
    )
    named = {r.value_text: r for r in rows}
    parks, paths = named["超4.8万个"], named["超12.8万公里"]
    assert (parks.indicator, parks.comparator) == ("我国已建设口袋公园", "超"), parks
    assert (paths.indicator, paths.comparator) == ("绿道", "超"), paths
    spaces = next(r for r in rows if "停车位" in r.indicator)
    assert spaces.indicator.startswith("超出") and spaces.comparator != "超", spaces


def test_a_copula_or_preposition_after_the_noun_a_figure_measures_is_no_part_of_its_name():
    """The hundred-and-sixth batch: "面积一般在400至10000平方米之间" was named "面积在"; over the 3,438 laws 1,413 names ended the
    same way ("诉讼时效为", "数额在", "税率为"). After a verb the word stays: "应当在三十日内" asks the act's time limit."""
    rows = valued_rows(
        "口袋公园面积一般在400至10000平方米之间。",
        "企业所得税的税率为25%。",
        "行政机关应当在三十日内作出决定。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["400至10000平方米"] == "口袋公园面积", named
    assert named["25%"] == "企业所得税的税率", named
    assert named["三十日内"] == "行政机关应当在", named


def test_figures_a_respectively_gives_as_changes_are_named_with_the_change(tmp_path, fresh_settings):
    """The hundred-and-seventh batch (国家消防工作规划, traditional): "火灾起数、亡人数、伤人数较“十二五”时期分别下降3.7%、12.2%、
    18.7%" named 3.7% "火灾起数较“十二五”时期": a fall read as the count."""
    text = (
        "“十四五”國家消防工作規劃\n"
        "“十三五”時期，火災起數、亡人數、傷人數較“十二五”時期分別下降3.7%、12.2%、18.7%。\n"
        "村、社区“一肩挑”比例分别达到97.5%、94.6%。\n"
    )
    rows = file_rows(tmp_path / "xiaofang.txt", text, fresh_settings)
    named = {r.value_text: r.indicator for r in rows}
    assert named["3.7%"] == "火灾起数较“十二五”时期下降", named
    assert named["18.7%"] == "伤人数较“十二五”时期下降", named
    assert named["达到97.5%"] == "村“一肩挑”比例", named  # reached, not changed by


def test_a_deadline_after_what_a_sentence_lists_and_who_reports_a_figure_are_read_apart_from_its_name():
    """The hundred-and-eighth batch (内蒙古's 全民阅读 plan reported, a 托育 paragraph on a page glossed in pinyin): "中期目标为：
    到2020年，…；…每年至少组织开展1次有持续时间、有活动深度、有积极效果的全民阅读活动，参与覆盖人口不少于30%" gave its later
    parts no deadline and named the count "…有持续时间" (the first of what qualifies the activity); "数据显示，三成以上…" was
    named 数据显示, "但现有托育机构入托率仅为6%左右" "但…仅为"."""
    rows = valued_rows(
        "据了解，中期目标为：到2020年，全区各项指标达到全国平均水平；三级政府每年至少组织开展1次有持续时间、有活动深度、"
        "有积极效果的全民阅读活动，参与覆盖人口不少于30%。",
        "数据显示，三成以上婴幼儿家庭有托育需求，但现有托育机构入托率仅为6%左右。",
    )
    by_value = {r.value_text: r for r in rows}
    assert by_value["1次"].indicator == "三级政府每年组织开展…全民阅读活动", by_value
    assert by_value["1次"].deadline == by_value["不少于30%"].deadline == "2020年", by_value
    assert by_value["三成以上"].indicator == "…婴幼儿家庭有托育需求", by_value
    assert by_value["6%左右"].indicator == "现有托育机构入托率", by_value


def test_a_deadline_opening_a_later_clause_is_not_an_earlier_figures_and_a_share_of_a_noun_is_named_by_it():
    """The hundred-and-ninth batch (福州's 便民生活圈 reported): "今年，我市将在去年11个…试点社区的基础上，再打造22个试点社区，力争
    2025年底前，全市城区80%以上社区实现…覆盖" gave last year's 11 and this year's 22 the 2025 deadline of the clause after them,
    and named the 80% "全市城区", not what it is a share of."""
    rows = valued_rows(
        "今年，我市将在去年11个“一刻钟便民生活圈”试点社区的基础上，再打造22个试点社区，力争2025年底前，"
        "全市城区80%以上社区实现“一刻钟便民生活圈”覆盖。",
    )
    by_value = {r.value_text: r for r in rows}
    assert by_value["11个"].deadline is None and by_value["22个"].deadline is None, by_value
    assert by_value["80%以上"].deadline == "2025年底前", by_value
    assert by_value["80%以上"].indicator == "全市城区…社区实现“一刻钟便民生活圈”覆盖", by_value


def test_counts_listed_each_with_its_noun_are_named_by_their_own_noun():
    """The hundred-and-tenth batch (来安's 助餐 plan in a photo caption): "计划今年建成1个老年食堂、18个社区老年助餐点，23个村级老年助餐点，
    1个老年餐桌示范点" named each count after the first with the item before it ("18个社区老年助餐点…村级老年助餐点")."""
    rows = valued_rows(
        "来安县计划今年建成1个老年食堂、18个社区老年助餐点，23个村级老年助餐点，1个老年餐桌示范点。"
    )
    named = [r.indicator for r in rows]
    assert named == [
        "来安县计划今年建成…老年食堂",
        "来安县计划今年建成…社区老年助餐点",
        "…村级老年助餐点",
        "…老年餐桌示范点",
    ], named


def test_a_measure_in_brackets_a_share_opening_its_clause_and_money_allotted_are_named_by_their_own_words():
    """The hundred-and-eleventh batch (the 家政 "领跑者" 方案 reported, traditional with pinyin glosses; 电梯 funds): "培育3家以上品牌化
    员工制家政企业（员工制家政服务员占比超过50%）" named the 50% by the enterprises and the 3家 with the bracket; "覆盖率达到90%以上，10%的
    家政从业人员接受过…" named the 10% with the 90% before it; "安排180亿元超长期特别国债资金" was named 安排. A bracket that only qualifies a
    figure ("一万元以上（不含一万元）") is read as before."""
    rows = valued_rows(
        "到2023年，每个城市培育3家以上品牌化员工制家政企业（员工制家政服务员占比超过50%），社区家政网点服务能力覆盖率达到90%以上，"
        "10%的家政从业人员接受过家政相关学历教育。",
        "2025年安排180亿元超长期特别国债资金。",
        "医疗纠纷索赔金额一万元以上（不含一万元）的，应当通过人民调解解决。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["3家以上"] == "每个城市培育…品牌化员工制家政企业", named
    assert named["超过50%"] == "员工制家政服务员占比", named
    assert named["10%"] == "家政从业人员接受过家政相关学历教育", named
    assert named["180亿元"] == "安排…超长期特别国债资金", named
    assert named["一万元以上"].startswith("医疗纠纷索赔金额"), named


def test_the_years_a_stage_of_a_plan_covers_are_no_target_and_a_markdown_bullet_is_no_part_of_a_name():
    """The hundred-and-twelfth batch (a vendor's 嵌入式服务 方案 page): "近期目标（1-2年）" gave a row 1-2年, and each "- " item's name began
    with its hyphen."""
    rows = valued_rows(
        "近期目标（1-2年）：完成基础架构搭建",
        "- 引入30家以上专业服务机构形成供给网络",
        "中期目标(3-5年)：实现服务效能跃升",
        "- 服务覆盖率提升至85%以上",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert "1-2年" not in named and "3-5年" not in named, named
    assert named["30家以上"] == "引入…专业服务机构形成供给网络", named
    assert named["85%以上"] == "服务覆盖率", named


def test_a_span_of_days_bodies_acting_together_and_a_figure_nothing_names_give_no_row():
    """The hundred-and-thirteenth batch (上海's 无障碍 report, 海南's machine-translated one): "2月15日至17日" gave a row 17日, "省民事事务部和9个
    部门共同促进了…" one of 9个, and "超过7,000元，满意度为98%" a row for 7,000元 with no name at all."""
    rows = valued_rows(
        "2月15日至17日，调研组在沪调研。",
        "省民事事务部和9个部门共同促进了老年人居家适老化改造。",
        "超过7,000元，满意度为98%。",
    )
    values = {r.value_text for r in rows}
    assert values == {"98%"}, values


def test_a_figure_after_a_completed_verb_is_named_by_what_the_verb_was_done_to():
    """The hundred-and-thirteenth batch, after its first rules: "丹州市在城市的主要道路上翻新了16.5公里的盲路和10次坡道" named the
    16.5公里 "…翻新了", without the 盲路 it measures."""
    rows = valued_rows("丹州市在城市的主要道路上翻新了16.5公里的盲路和10处坡道。")
    named = {r.value_text: r.indicator for r in rows}
    assert named["16.5公里"] == "丹州市在城市的主要道路上翻新了…盲路", named


def test_a_year_about_then_or_after_is_no_deadline_and_a_formula_or_a_bullet_of_signs_gives_no_row():
    """The hundred-and-fourteenth batch (a 智慧社区 plan's statistics, a 网格员 scoring guide): "国内智慧社区建设始于2010年前后，…截至
    2023年6月，全国累计试点智慧社区2900余个" gave the 2900余个 a deadline 2010年前; "巡查覆盖率 = (实际巡查户数 / 网格内总户数) ×
    100%" a row of 100%, and the scoring bands "- ≥95%", "- <85%" rows named "-" and "<"."""
    rows = valued_rows(
        "国内智慧社区建设始于2010年前后，住建部数据显示，截至2023年6月，全国累计试点智慧社区2900余个，覆盖人口超1.2亿。",
        "巡查覆盖率 = (实际巡查户数 / 网格内总户数) × 100%",
        "- ≥95%:10分",
        "- <85%:0分",
        "  • 基础工作指标(40%):网格巡查覆盖率、事件上报及时率、信息准确率",
    )
    dated = {r.value_text: r.deadline for r in rows}
    assert dated["2900余个"] is None and dated["超1.2亿"] is None, dated
    assert "100%" not in dated and "<85%" not in dated and "85%" not in dated, dated
    assert all(re.search(r"[\u4e00-\u9fff]", r.indicator) for r in rows), [
        (r.indicator, r.value_text) for r in rows
    ]
    assert "40%" in dated, dated


def test_a_count_after_examples_a_reporters_words_and_a_state_reached_after_a_figure_are_read_as_a_table_needs():
    """The hundred-and-fifteenth batch (央视网's 垃圾分类 report copied to a spam page with pinyin glosses and to 聊城's site in
    traditional characters): "上海、广州等173个城市，都已出台了…" gave no row, its 173个 read as how many things the list before it
    names (it names two of them); "住房和城乡建设部最新数据显示，297个…" named the 297个 with who reports it; "…覆盖率达到90%以上，
    2025年年底前基本实现全覆盖" named the 全覆盖 with the whole clause before it, figure and all; a headline opening with its year
    under a page's menu gave a nameless row of 2025年."""
    rows = valued_rows(
        "目前，福建、河北、山东等20个省、自治区，上海、广州等173个城市，都已出台了地方性法规、政府规章。",
        "住房和城乡建设部最新数据显示，297个地级以上城市已全面实施生活垃圾分类，居民小区平均覆盖率达到82.5%。",
        "按照计划，今年年底前，要力争地级及以上城市居民小区垃圾分类覆盖率达到90%以上，2025年年底前基本实现全覆盖。",
        "…、法律等七个领域的实施情况。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["173个"] == "上海、广州等…城市", named
    assert named["297个"] == "…地级以上城市已全面实施生活垃圾分类", named
    assert named["基本实现全覆盖"] == named["达到90%以上"] == "力争地级及以上城市居民小区垃圾分类覆盖率", (
        named
    )
    assert "七个" not in named, named


def test_a_headline_under_a_pages_menu_is_no_row_of_a_table(tmp_path, fresh_settings):
    """The hundred-and-fifteenth batch: 聊城's copy of the report, its menu one word a line, read its headline "2025年我國將基本實現
    垃圾分類全覆蓋" as a row of a table, a row of 2025年 named by nothing."""
    text = (
        "國產99在線觀看,精品久久久久中文字幕一區\n\n銳評\n要聞\n視聽\n圖說\n熱線\n部門\n商城\n縣域\n讀報\n\n"
        "您的位置:首頁 >專題 > 2023六五環境日 > 最新報道 >\n\n2025年我國將基本實現垃圾分類全覆蓋\n\n"
        "來源:央視網  2023-06-04 15:07:04\nA+A-\n分享\n\n"
        "  住房和城鄉建設部最新數據顯示,297個地級以上城市已全面實施生活垃圾分類,居民小區平均覆蓋率達到82.5%。\n"
    )
    rows = file_rows(tmp_path / "liaocheng.txt", text, fresh_settings)
    assert all(re.search(r"[\u4e00-\u9fff]", r.indicator) for r in rows), [
        (r.indicator, r.value_text) for r in rows
    ]
    assert {r.value_text for r in rows} >= {"297个", "达到82.5%"}, [(r.indicator, r.value_text) for r in rows]


def test_an_adjective_among_the_comparators_is_kept_before_the_noun_it_qualifies():
    """The hundred-and-sixteenth batch (a city's 社区专职工作者 pay scale on a betting-spam page): "一般工作人员岗位工资标准为2300元"
    was named "工作人员岗位工资标准", 一般 read as "generally" (a comparator: "一般不超过"), so ordinary staff's scale read as all
    staff's; batch 97's "一般公共预算收入增长4%左右" had lost it too."""
    rows = valued_rows(
        "社区专职工作者正职岗位工资标准为2800元，一般工作人员岗位工资标准为2300元。",
        "一般公共预算收入增长4%左右。",
        "服务半径一般不超过1000米。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["2300元"] == "一般工作人员岗位工资标准", named
    assert named["4%左右"] == "一般公共预算收入增长", named
    assert named["一般不超过1000米"] == "服务半径", named


def test_a_standard_per_hundred_households_is_named_by_what_is_built_to_it():
    """The hundred-and-seventeenth batch (社区养老服务设施 standards: 银川's Q&A, 贵州's and 安徽's notices in the news):
    "新建居住(小)区按每百户不少于30平方米的标准配套建设社区养老服务设施" was named "新建居住（小）区按每百户", the facility the
    area is of left out, and so over the laws (威海's 社区居家养老服务用房, 山东's 社区养老服务设施)."""
    rows = valued_rows(
        "新建居住（小）区按每百户不少于30平方米的标准配套建设社区养老服务设施。",
        "老城区、已建居住区应当按照每百户不低于15平方米建筑面积配备社区养老服务设施。",
        "社区综合服务设施按每百户30平方米配置。",
    )
    named = {r.value_text: r.indicator for r in rows}
    assert named["不少于30平方米"] == "新建居住（小）区按每百户…社区养老服务设施", named
    assert named["不低于15平方米"] == "老城区、已建居住区应当按照每百户…社区养老服务设施", named
    assert named["30平方米"] == "社区综合服务设施按每百户", named


def test_a_paragraph_trailing_a_pages_cell_marks_is_text_not_a_table(tmp_path, fresh_settings):
    """The hundred-and-nineteenth batch (全民健身 plans in the news; 厦门's 2011 计划 reported on a paper's page): the report's
    paragraph ended in its layout's "| |" above the page's "| 3上一篇 |", so the two lines were read as a table of one
    header — the whole report — and one row, and the report gave no row: 100%, 1.8平方米以上, 100名以上 and 7200多名 lost.
    Lines none of which has two filled cells are no table."""
    rows = file_rows(
        tmp_path / "news.txt",
        "- 2011年10月15日\n"
        "本报讯 到2015年，全市社区体育健身设施覆盖率达到100%，全市人均体育场地面积达到1.8平方米以上。"
        "市级体育主管部门每年培训二级社会体育指导员100名以上。到2015年，社会体育指导员总数达到7200多名。| |\n"
        "| 3上一篇 |\n",
        fresh_settings,
    )
    assert {r.value_text for r in rows} >= {"达到100%", "达到1.8平方米以上", "100名以上", "达到7200多名"}, (
        rows
    )
