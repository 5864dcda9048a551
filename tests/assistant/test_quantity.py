"""Quantities as documents write them, parsed."""

from __future__ import annotations

import pytest

from assistant.quantity import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三分之二", 2 / 3),
        ("百分之五十", 0.5),
        ("50%", 0.5),
        ("2/3", 2 / 3),
        ("十五", 15),
        ("一点二", 1.2),
        ("千分之三", 0.003),
        ("二十四", 24),
        ("300", 300),
    ],
)
def test_numbers_parse_in_every_written_form(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "found", "unit", "kind", "sign"),
    [
        ("应当经参与表决专有部分面积四分之三以上的业主同意", "四分之三以上", "ratio", "threshold", "≥"),
        ("应当自收到申请之日起十五日内作出决定", "十五日内", "日", "time_limit", "≤"),
        ("业主委员会办公用房建筑面积不低于二十平方米", "不低于二十平方米", "平方米", "area", "≥"),
        ("应急物业服务期限不超过六个月", "不超过六个月", "个月", "time_limit", "≤"),
        ("由业主大会过半数同意", "过半数", "ratio", "threshold", ">"),
        ("居民委员会由五至九人组成", "五至九人", "人", "count", "="),
        ("继续推进剩余300余户房屋产权证办理", "300余户", "户", "count", ">"),
        ("培育社区社会组织20多个", "20多个", "个", "count", ">"),
        ("惠及居民1万余户", "1万余户", "万户", "count", ">"),  # more than 1万户
        ("改造面积5万余平方米", "5万余平方米", "万平方米", "area", ">"),  # any scaled unit, as for 户
        ("420万困难群众基本生活更有保障", "420万", "万", "count", "="),  # no measure word after 万
        ("其他健身活动设施约13.5万件", "13.5万件", "万件", "count", "="),  # 件 counts things
        (
            "孕产妇死亡率下降到15.1/10万",
            "15.1/10万",
            "/10万",
            "rate",
            "=",
        ),  # per 100,000, not a count of 10万
    ],
)
def test_quantities_keep_their_verbatim_text_and_parse(text, found, unit, kind, sign):
    [q] = find_quantities(text)
    assert (q.text, q.unit, q.kind, q.comparator) == (found, unit, kind, sign)
    assert text[q.start : q.end].strip() == found


def test_ranges_keep_both_ends():
    [q] = find_quantities("按照总建筑面积的千分之三至千分之五配置")
    assert (q.value, q.high) == pytest.approx((0.003, 0.005))


def test_a_time_of_day_is_not_a_quantity():
    assert find_quantities("各组于每周五中午12:00前报领导小组办公室") == []
    assert find_quantities("工作日上午8：30至下午5：30受理") == []


def test_a_per_mille_rate_is_a_share():
    [q] = find_quantities("婴儿死亡率下降到4.5‰")
    assert (q.text, q.unit, q.kind) == ("4.5‰", "ratio", "threshold") and q.value == pytest.approx(0.0045)


def test_a_ratio_is_read_after_bi_da_as_after_bi_wei():
    """ "投递比达1:38" (a twentieth batch, labelled first) states a ratio as "比例为1:2" does; a time of day stays none."""
    [q] = find_quantities("社区岗位平均投递比达1:38")
    assert (q.text, q.unit) == ("1:38", "ratio")
    assert find_quantities("会议定于上午达9:30召开") == []


def test_a_volume_in_cubic_metres_and_in_hundred_millions_of_them():
    """ "年供水量达到1亿立方米左右" (a twenty-second batch) gave a count of 1亿: 立方米 is a volume's unit, scaled too."""
    [q] = find_quantities("海水淡化水年供水量达到1亿立方米左右")
    assert (q.text, q.unit, q.kind) == ("达到1亿立方米左右", "亿立方米", "volume")


def test_a_doubling_in_words_is_twice_as_much():
    """ "人均国内生产总值比2020年翻一番" (a fortieth batch's plan target) sets a multiple: 翻一番 is 2倍, 翻两番 4倍; 过半数 stays
    more than half."""
    doubled = [q for q in find_quantities("到2035年人均国内生产总值比2020年翻一番") if q.unit == "倍"]
    assert [(q.text, q.value, q.comparator) for q in doubled] == [("翻一番", 2.0, "=")]
    assert [(q.value, q.unit, q.comparator) for q in find_quantities("翻两番")] == [(4.0, "倍", "=")]
    assert [(q.value, q.unit, q.comparator) for q in find_quantities("人数过半数")] == [(0.5, "ratio", ">")]


def test_thousands_separated_as_tables_and_old_regulations_write_them():
    """A fifty-ninth batch (a civil-affairs monthly statistics table, "| 乡镇级合计 | 个 | 1,400 |", read after its items
    were labelled) showed 400 for 1,400 and 602.6 for 534,602.6 — wrong figures; law rows had "000公里" for "行驶里程60,000公里"
    and "000元以下" for "处以5,000元以下罚款". A comma splits figures only where three digits do not follow it."""
    found = [
        (q.text, q.value)
        for q in find_quantities("行驶里程60,000公里，处以5,000元以下罚款，支出534,602.6万元，第1,2款")
    ]
    assert found == [
        ("60,000公里", 60000.0),
        ("5,000元以下", 5000.0),
        ("534,602.6万元", 534602.6),
        ("1", 1.0),
        ("2", 2.0),
    ]


def test_hours_in_hundred_millions_keep_their_unit():
    """ "全国注册志愿者累计志愿服务时间达4.2亿小时" (a seventieth batch, labelled before it was read) showed 4.2亿, a count."""
    [q] = find_quantities("累计志愿服务时间达4.2亿小时")
    assert (q.text, q.value, q.unit) == ("4.2亿小时", 4.2, "亿小时")


def test_years_and_months_are_one_duration():
    """ "历时一年零三个月完成编撰" showed two rows, 一年 and 零三个月; a sentence of years then months is one duration.
    "每两年不少于两个月" says how often, then how long: two figures."""
    assert [(q.text, q.value, q.unit) for q in find_quantities("历时一年零三个月完成编撰")] == [
        ("一年零三个月", 15.0, "个月")
    ]
    [_, q] = find_quantities("两次减刑之间应当间隔一年六个月以上")
    assert (q.text, q.value, q.comparator) == ("一年六个月以上", 18.0, "≥")
    assert [q.text for q in find_quantities("实践每两年不少于两个月")] == ["每两年", "不少于两个月"]


def test_a_month_of_the_calendar_is_not_a_figure():
    """ "省民政厅每年3月，10月两次向社会公示" showed 10月 as a value: a month written in digits without 个 is when, not how
    long."""
    assert [q.text for q in find_quantities("省民政厅每年3月，10月两次向社会公示")] == ["两次"]
    assert [q.text for q in find_quantities("期限为3个月")] == ["3个月"]
