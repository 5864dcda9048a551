from corpus.clean import clean
from corpus.normalize import Mapped, Script, collapse_space, convert_script, detect_script, unify_width


def test_taiwan_phrasing_converts_phrase_aware_with_domain_table():
    text = "透過資訊網路推動城鄉社群治理專案。" * 20
    assert detect_script(text) is Script.TAIWAN
    out = convert_script(Mapped.of(text), Script.TAIWAN).text
    assert out.startswith("通过信息网络推动城乡社区治理项目。")


def test_simplified_text_is_left_alone():
    text = "每个社区专职工作者不少于5人。" * 10
    assert detect_script(text) is Script.SIMPLIFIED
    assert convert_script(Mapped.of(text), Script.SIMPLIFIED).text == text


def test_width_digits_half_brackets_full_and_chinese_commas():
    m = unify_width(Mapped.of("覆盖率达到１００％,(一)社区"))
    assert m.text == "覆盖率达到100%，（一）社区"


def test_whitespace_between_chinese_dropped_but_kept_between_latin():
    m = collapse_space(Mapped.of("  安监 3 支\u3000队伍 APP Store  "))
    assert m.text == "安监3支队伍APP Store"


def test_source_map_survives_every_step():
    src = "  ３支　队伍"
    m = collapse_space(unify_width(Mapped.of(src)))
    assert m.text == "3支队伍"
    assert [src[i] for i in m.src] == ["３", "支", "队", "伍"]


def test_clutter_lines_are_dropped_and_logged_by_rule():
    page = "查文库>方案> 某方案\n您当前的位置：首页\n2024年免费资料大全\n一、总体要求\n正文。\nProduced By 大汉网络\n"
    out = clean(page, Script.SIMPLIFIED)
    assert [ln.text for ln in out.lines] == ["一、总体要求", "正文。"]
    assert [d.split(":")[0] for d in out.dropped] == ["breadcrumb", "page-chrome", "spam", "footer"]


def test_a_vendors_tagline_and_a_pages_click_count_are_clutter():
    """A fifty-fifth batch's page (a vendor's site copying a State Council 方案): its tagline "10年专注环保设备研发制造…一条龙服务"
    and its "作者：佚名 时间：… 点击：102 次" gave the table 10年 and 102次."""
    page = "10年专注环保设备研发制造 环保设备系统设计\\制作\\安装一条龙服务\n作者:佚名 时间:2025-05-18 18:01:09 点击:102 次\n正文。\n"
    out = clean(page, Script.SIMPLIFIED)
    assert [ln.text for ln in out.lines] == ["正文。"]
    assert [d.split(":")[0] for d in out.dropped] == ["spam", "page-chrome"]


def test_a_sentence_about_lotteries_is_content_not_an_ad():
    """A seventy-first batch's news ("“十四五”以来福利彩票销售总额达8525亿元…") lost its whole paragraph as spam, and so did
    145 lines of the laws (未成年人保护法 第五十九条 "…不得设置烟、酒、彩票销售网点", every 彩票公益金 clause, 彩票管理条例's
    开奖): an ad line is never a sentence."""
    page = (
        "2024年免费资料大全\n新澳门开奖结果查询\n"
        "第五十九条 学校、幼儿园周边不得设置烟、酒、彩票销售网点。\n"
        "第二十四条 彩票发行机构应当在每期彩票销售结束后，及时向社会公布当期彩票的销售情况和开奖结果。\n"
        "“十四五”以来福利彩票销售总额达8525亿元，筹集公益金2566亿元。\n"
    )
    out = clean(page, Script.SIMPLIFIED)
    assert len(out.lines) == 3 and all(ln.text.endswith("。") for ln in out.lines)
    assert [d.split(":")[0] for d in out.dropped] == ["spam", "spam"]


def test_a_pdfs_page_numbers_are_dropped_but_a_tables_figures_stay():
    page = "第一段文字，\n— 2 —\n接着写完。\n-3-\n第 4 页 共 9 页\n共9页第5页\n18\n2025年\n第4条\n"
    out = clean(page, Script.SIMPLIFIED)
    assert [ln.text for ln in out.lines] == ["第一段文字，", "接着写完。", "18", "2025年", "第4条"]
    assert {d.split(":")[0] for d in out.dropped} == {"page-number"}
