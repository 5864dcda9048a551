from corpus.articles import article_context, article_of
from corpus.outline import (
    Line,
    build_clauses,
    parse_outline,
    split_heading,
    split_long,
)


def _lines(*texts: str) -> list[Line]:
    out, pos = [], 0
    for t in texts:
        out.append(Line(t, pos))
        pos += len(t) + 1
    return out


def test_heading_sharing_a_line_with_its_text_is_split():
    assert split_heading("（二）合理确定社区规模。各类社区规模原则上不得低于1000户", "（二）") == (
        "（二）合理确定社区规模",
        True,
    )
    assert split_heading("一、总体要求", "一、") == ("一、总体要求", False)


def test_nested_outline_gives_heading_paths():
    lines = _lines(
        "一、总体要求",
        "（一）指导思想",
        "正文一。",
        "1.第一项。内容。",
        "（1）细项。内容。",
        "二、工作任务",
        "正文二。",
    )
    drafts = parse_outline(lines)
    paths = [d.path for d in drafts]
    assert paths == [
        ("一、总体要求", "（一）指导思想"),
        ("一、总体要求", "（一）指导思想", "1.第一项"),
        ("一、总体要求", "（一）指导思想", "1.第一项", "（1）细项"),
        ("二、工作任务",),
    ]


def test_chapters_and_articles():
    lines = _lines(
        "第一章 总则",
        "第一条 为了规范服务，制定本办法。",
        "续段。",
        "第二条 适用范围。",
        "第二章 设施",
        "第三条 建设。",
    )
    paths = [d.path for d in parse_outline(lines)]
    assert paths == [
        ("第一章 总则", "第一条"),
        ("第一章 总则", "第一条"),
        ("第一章 总则", "第二条"),
        ("第二章 设施", "第三条"),
    ]


def test_flattened_table_becomes_one_clause_per_row():
    lines = _lines(
        "三、发展目标",
        "主要指标",
        "指标",
        "2020",
        "2025",
        "属性",
        "农村社区综合服务设施覆盖率",
        "65%",
        "80%",
        "预期性",
        "城市社区综合服务设施覆盖率",
        "100%",
        "100%",
        "预期性",
    )
    drafts = parse_outline(lines)
    assert [d.kind for d in drafts] == ["table_header", "table_row", "table_row"]


def test_a_table_after_the_text_of_a_document_without_headings_is_kept_a_row_per_line():
    """A report whose table follows its paragraph, one row per line (序号 first): the short lines were read as
    header lines and dropped without a word; the issuer and date before the text still are."""
    rows = [
        f"{n}{place}{count}{rate}"
        for n, place, count, rate in (
            (1, "贵州", 1071, "全部开工"),
            (2, "河北", 1816, "全部开工"),
            (3, "湖北", 4284, " 99%"),
            (4, "江苏", 1498, " 99%"),
            (5, "江西", 1232, " 99%"),
        )
    ]
    lines = _lines(
        "住房城乡建设部办公厅",
        "2023年7月26日",
        "1—6月份，全国新开工改造城镇老旧小区4.26万个，按小区数计开工率80.4%。",
        "2023年全国城镇老旧小区改造进展情况",
        "（截至2023年6月末）",
        "序号省份新开工小区数（个）开工率",
        *rows,
        "合计42621 80.4%",
    )
    drafts = parse_outline(lines)
    text = "\n".join(ln.text for ln in lines)
    assert [d.kind for d in drafts] == ["text", "table_header"] + ["table_row"] * 6
    assert [text[d.start : d.end] for d in drafts[2:]] == [*rows, "合计42621 80.4%"]
    assert "住房城乡建设部办公厅" not in text[drafts[0].start : drafts[-1].end]


def test_a_signature_after_the_text_stays_out_of_the_clauses():
    lines = _lines("现将方案印发给你们，请认真贯彻执行。", "某市人民政府办公室", "2020年9月21日")
    assert [(d.kind, d.start) for d in parse_outline(lines)] == [("text", 0)]


def test_a_short_line_saying_a_figure_is_reached_after_a_paragraph_is_content():
    """A fifty-third batch's news page set "5G用户普及率将达到56%" on a line of its own after its first paragraph: a
    sentence without its full stop, not header matter; a short line before any paragraph (a headline) and one
    without such a figure after it (a signature) stay out."""
    lines = _lines(
        "数字经济发展指数预计达到95%",
        "《规划》提出，到2025年，数字经济核心产业增加值占GDP比重提高到10%。",
        "5G用户普及率将达到56%",
        "某市人民政府办公室",
    )
    assert [d.start for d in parse_outline(lines)] == [lines[1].start, lines[2].start]


def test_bulleted_lines_holding_figures_are_content_not_header_matter_or_table_cells():
    """A report's summary set out as bullets ("●经济增长6%左右", a thirty-fifth batch: its first and last bullets were
    dropped as header and signature lines, the middle ones read as a table under the first): each a clause; a
    bulleted headline without a figure before the text (a site's list of links) stays header matter."""
    lines = _lines(
        "•·习近平会见俄罗斯总理",
        "●预计全省地区生产总值增长6%左右",
        "●增速保持领先水平，各项指标均高于全国",
        "●粮食总产达到557亿斤",
        "●10大类52项民生实事全部超额完成",
        "●经济增长6%左右",
        "●城镇新增就业70万人以上",
        "●居民消费价格涨幅2%左右",
    )
    drafts = parse_outline(lines)
    assert [d.kind for d in drafts] == ["text"] * 7
    assert [d.start for d in drafts] == [ln.start for ln in lines[1:]]


def test_lines_a_middle_dot_opens_and_holding_figures_are_content():
    """A hundred-and-first batch (a news list of a plan's eighteen figures, "·基础研究经费投入占研发经费投入比重提高到8%以上"):
    five of its bullets were dropped as header lines and the others ran on two to a clause; a line "·" opens with a figure
    is a list item, as one "●" opens is, and a headline of a site's list without a figure stays header matter."""
    lines = _lines(
        "·中国新任驻美大使抵美履新",
        "养老、托幼、教育、环保、研发……草案中的一个个指标中，包含了不少经济民生新期待。",
        "·基础研究经费投入占研发经费投入比重提高到8%以上",
        "·战略性新兴产业增加值占GDP比重超过17%",
        "·人均预期寿命提高1岁",
        "·新建、改扩建1000个左右体育公园",
    )
    drafts = parse_outline(lines)
    assert [d.start for d in drafts] == [ln.start for ln in lines[1:]]


def test_long_clause_split_at_sentence_ends_never_inside_brackets():
    text = (
        "甲" * 200
        + "。"
        + "乙" * 150
        + "（牵头单位：市民政局；责任单位：市财政局）"
        + "丙" * 120
        + "。"
        + "丁" * 200
        + "。"
    )
    spans = split_long(0, text, 300)
    pieces = [text[s:e] for s, e in spans]
    assert "".join(pieces) == text
    assert all("（牵头单位：市民政局；责任单位：市财政局）" in p or "牵头" not in p for p in pieces)
    assert all(len(p) <= 300 + 150 for p in pieces)


def test_single_sentence_items_are_clauses_not_headings():
    lines = _lines(
        "一、配备",
        "（一）每个社区配备专职网格员不少于7名。",
        "（三）创新基层治理机制，推进精准网格管理。",
        "（1）对小区外道路两侧车辆乱停乱放进行整治；",
    )
    drafts = parse_outline(lines)
    assert [d.path[-1] for d in drafts] == [
        "（一）每个社区配备专职网格员不少于7名",
        "（1）对小区外道路两侧车辆乱停乱放进行整治",
    ]


def test_articles_numbered_in_thousands_and_inserted_articles_are_articles():
    lines = _lines(
        "第一千二百一十五条 挂靠车辆造成损害的，由挂靠人承担赔偿责任。",
        "第一百三十四条之一 在生产、作业中违反有关安全管理的规定的，处一年以下有期徒刑。",
    )
    assert [d.path for d in parse_outline(lines)] == [("第一千二百一十五条",), ("第一百三十四条之一",)]


def test_parts_subparts_and_chapters_of_a_code_nest():
    lines = _lines(
        "第三编 合同",
        "第一分编 通则",
        "第一章 一般规定",
        "第四百六十三条 本编调整因合同产生的民事关系。",
        "第二分编 典型合同",
        "第九章 买卖合同",
        "第五百九十五条 买卖合同是出卖人转移标的物的所有权于买受人的合同。",
    )
    assert [d.path for d in parse_outline(lines)] == [
        ("第三编 合同", "第一分编 通则", "第一章 一般规定", "第四百六十三条"),
        ("第三编 合同", "第二分编 典型合同", "第九章 买卖合同", "第五百九十五条"),
    ]


def test_a_code_part_heads_every_path():
    lines = _lines("第一章 一般规定", "第一千一百六十四条 本编调整因侵害民事权益产生的民事关系。")
    assert [d.path for d in parse_outline(lines, top=("侵权责任编",))] == [
        ("侵权责任编", "第一章 一般规定", "第一千一百六十四条")
    ]


def test_items_and_later_paragraphs_carry_their_articles_opening():
    text = [
        "第三十九条 劳动者有下列情形之一的，用人单位可以解除劳动合同：",
        "（一）在试用期间被证明不符合录用条件的；",
        "（二）严重违反用人单位的规章制度的。",
        "第四十条 用人单位应当提前三十日通知劳动者。其他内容。",
        "劳动者可以另行约定。",
    ]
    lines = _lines(*text)
    joined = "\n".join(text)
    clauses = build_clauses("d", joined, list(range(len(joined))), parse_outline(lines), 300)
    ctx = article_context(clauses)
    assert [ctx.get(c.id, "") for c in clauses] == [
        "",
        "劳动者有下列情形之一的，用人单位可以解除劳动合同：",
        "劳动者有下列情形之一的，用人单位可以解除劳动合同：",
        "",
        "用人单位应当提前三十日通知劳动者。",
    ]
    assert [article_of(c.heading_path) for c in clauses] == ["第三十九条"] * 3 + ["第四十条"] * 2
