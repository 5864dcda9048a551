"""Ingestion on the real seeds, the extra documents and files made here."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from corpus import DocumentStore, load_settings
from corpus.clean import normalize_line, strip_markup
from corpus.normalize import Mapped, Script, nfkc_for_match
from tests.conftest import BUNDLED, EXTRA, ingested

CLUTTER = [
    "社群",
    "资讯",
    "透过",
    "查文库",
    "您当前的位置",
    "浏览次数",
    "阅读次数",
    "字体：[",
    "Produced By",
    "免费资料",
    "网路",
    "专案",
]


def test_page_with_five_plans_yields_five_documents(seed_store: DocumentStore):
    parts = [d for d in seed_store.documents() if d.origin == "001_79b86f96cbf1d9ed.txt"]
    assert len(parts) == 5
    assert [d.region for d in parts][:2] == ["昆明市", "屏襄门街道"]
    assert any("昆明市城乡社区治理创新考评体系" in c.text for c in parts[0].clauses)


def test_nine_seed_documents_with_titles_and_regions(seed_store: DocumentStore):
    docs = seed_store.documents()
    assert len(docs) == 9
    assert all(d.title and d.region for d in docs)
    dated = {d.region: d.date for d in docs}
    assert (
        dated["凯里市"] == "2020-09-21"
        and dated["衡水市"] == "2022-05-10"
        and dated["西咸新区"] == "2019-12-10"
    )


def test_no_clause_carries_taiwan_words_or_web_clutter(seed_store: DocumentStore):
    for doc in seed_store.documents():
        for c in doc.clauses:
            for bad in CLUTTER:
                assert bad not in c.text, (doc.id, bad, c.text[:60])


def test_taiwan_page_reads_as_mainland_simplified(seed_store: DocumentStore):
    kunming = seed_store.get("shequ_jiceng_zhili_fangan_5pian-1")
    assert kunming.script == "taiwan"
    assert any("城乡社区治理" in c.text for c in kunming.clauses)


def test_every_kaili_clause_has_a_heading_path(seed_store: DocumentStore):
    kaili = seed_store.get("kaili_2020_chengxiang_shequ_zhili")
    assert all(c.heading_path and all(c.heading_path) for c in kaili.clauses)
    target = next(c for c in kaili.clauses if "每个社区专职工作者不少于5人" in c.text)
    assert target.heading_path == ("三、保障措施", "（三）加强队伍建设，完善激励机制")


def test_units_parenthesis_stays_with_its_sentence(seed_store: DocumentStore):
    kaili = seed_store.get("kaili_2020_chengxiang_shequ_zhili")
    for c in kaili.clauses:
        assert not c.text.startswith("责任单位"), c.text[:40]


def test_header_metadata_is_extracted_from_the_text(tmp_path: Path, fresh_settings):
    # No catalog next to this copy: title, date and 文号 must come from the text itself.
    src = tmp_path / "in" / "hengshui.txt"
    src.parent.mkdir()
    shutil.copy(BUNDLED / "hengshui_2022_shequ_fuwu_14th_plan.txt", src)
    store = DocumentStore(fresh_settings)
    [res] = store.ingest([src])
    doc = store.get(res.doc_ids[0])
    assert doc.title == "衡水市城乡社区服务体系建设“十四五”规划"
    assert doc.number == "衡政办字〔2022〕28号"
    assert doc.date == "2022-11-07"
    assert doc.region == "衡水市"


def test_a_news_paragraph_naming_a_guanyu_title_is_content_not_a_title_line(tmp_path: Path, fresh_settings):
    """A short news item whose only paragraph mentions "关于…的建议" among the file's first lines: that paragraph
    is the text (it was skipped as a "关于…" title line, and the file failed as having no content)."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "某市推进老旧小区加装电梯\n\n"
        "5月6日，市政协对第12号提案“关于加快老旧小区加装电梯的建议”进行督办。截至目前，全市计划加装电梯120部。\n",
    )
    assert any("全市计划加装电梯120部" in c.text for c in doc.clauses)
    # its headline is its title (no 通知/方案/意见… in it), not a clause; "…老旧小区" names no region
    assert doc.title == "某市推进老旧小区加装电梯"
    assert doc.region == ""
    assert all(c.text != doc.title for c in doc.clauses)


def test_a_headline_names_its_place(tmp_path: Path, fresh_settings):
    doc = ingested(
        fresh_settings,
        tmp_path / "dafeng.txt",
        "大丰区推进老旧小区加装电梯\n\n截至目前，该区已累计完成加装电梯53台。\n",
    )
    assert (doc.title, doc.region) == ("大丰区推进老旧小区加装电梯", "大丰区")


def test_a_pages_navigation_is_no_title_its_headline_is(tmp_path: Path, fresh_settings):
    """A news page copied whole (the seventy-third batch): its navigation line, its site and section ("观察家网
    要闻 >") and its box of other stories ("媒体焦点") went before and after the story; the navigation line became the title and
    the headline was dropped as a header line."""
    doc = ingested(
        fresh_settings,
        tmp_path / "page.txt",
        '<ul id="ouw02"></ul>\n  • 手機版 | 網站導航\n\n    觀察家網 要聞 >\n\n'
        "    到2025年我國人均體育場地面積達到2.6平方米以上\n\n    新華網 | 2021-04-28 08:25:07\n\n"
        "    國家發展改革委、國家體育總局聯合印發實施方案，到2025年全國人均體育場地面積達到2.6平方米以上。\n\n"
        "    媒體焦點\n",
    )
    assert doc.title == "到2025年我国人均体育场地面积达到2.6平方米以上"
    assert not any("网站导航" in c.text or "媒体焦点" in c.text or "要闻" in c.text for c in doc.clauses)
    assert any("全国人均体育场地面积达到2.6平方米以上" in c.text for c in doc.clauses)


def test_a_keyword_list_of_a_pornographic_site_above_a_story_is_dropped(tmp_path: Path, fresh_settings):
    """The seventy-fifth batch: a news page opening with a pornographic site's keywords ("…1000部毛片…") gave a
    row "1000部". Such a list is never a sentence, and never a provision."""
    doc = ingested(
        fresh_settings,
        tmp_path / "hubei.txt",
        "日韩精品电影一区亚洲,1000部毛片A片免费视频偷拍,欧美精品欧美激情在线观看\n\n"
        "湖北省发布城乡社区服务体系建设“十四五”规划\n\n"
        "《规划》明确,到2025年,全省农村社区综合服务设施覆盖率达到90%。\n",
    )
    assert not any("1000部" in c.text for c in doc.clauses)
    assert any("覆盖率达到90%" in c.text for c in doc.clauses)
    assert doc.title == "湖北省发布城乡社区服务体系建设“十四五”规划"


def test_a_pages_buttons_are_no_title_and_we_is_the_country(tmp_path: Path, fresh_settings):
    """The seventy-fourth batch: a page opening with its language switch ("CN", "EN") was titled "CN"; the
    headline "我国将开展城市社区…" is the title, and it names the country (not a place "我国将开展城市")."""
    doc = ingested(
        fresh_settings,
        tmp_path / "qianru.txt",
        "CN\nEN\n我国将开展城市社区嵌入式服务设施建设\n\n"
        "方案明确,选择50个左右城市开展试点,每个试点城市选择100个左右社区作为先行试点项目。\n",
    )
    assert (doc.title, doc.region) == ("我国将开展城市社区嵌入式服务设施建设", "全国")


def test_a_news_items_first_paragraph_after_its_dateline_is_text(tmp_path: Path, fresh_settings):
    """ "2020年11月16日17:02 来源:人民网" and the paragraph after it were read as one regulation header broken before
    its verb (the paragraph's 发布会 ends such a header), and the paragraph, with its figures, was silently lost."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "“十三五”以来——居民健康水平持续提高\n2020年11月16日17:02  来源:人民网-人民日报\n\n"
        "本报北京10月28日电 10月28日，国新办举行新闻发布会，全国孕产妇死亡率下降到17.8/10万。\n\n"
        "“十三五”以来，人均预期寿命从2015年的76.3岁提高到2019年的77.3岁。\n",
    )
    assert any("17.8/10万" in c.text for c in doc.clauses)
    assert doc.date == "2020-11-16"
    assert not any("来源" in c.text for c in doc.clauses)  # the dateline is the page's, not a provision


def test_a_paragraph_opening_with_a_date_and_a_comma_is_text_not_a_header(tmp_path: Path, fresh_settings):
    """A ninety-eighth batch (volunteers' statistics as news): "2019年7月30日,民政部公布数据表明,目前中国注册志愿者超过1.2亿人。
    根据…规划纲要,到2020年…达到总人口数的13%" was read as a regulation's header line (a date, then 公布) and lost with its
    figures. A header names its date and the body that adopted or published the text, with no comma after the date."""
    doc = ingested(
        fresh_settings,
        tmp_path / "volunteers.txt",
        "志愿者人数越来越多\n2019年7月30日,民政部公布数据表明,目前中国注册志愿者超过1.2亿人。"
        "根据“十三五”规划纲要,到2020年,中国注册制志愿者的数量还将达到总人口数的13%。\n",
    )
    assert any("1.2亿人" in c.text for c in doc.clauses) and any("13%" in c.text for c in doc.clauses)
    regulation = ingested(
        fresh_settings,
        tmp_path / "rules.txt",
        "某市门楼号牌管理条例\n2022年10月28日某市第十六届人民代表大会常务委员会第八次会议通过\n\n第一条 为了加强门楼号牌管理，制定本条例。\n",
    )
    assert not any("会议通过" in c.text for c in regulation.clauses)


def test_a_notice_issuing_a_quoted_title_keeps_its_quotes(tmp_path: Path, fresh_settings):
    doc = ingested(
        fresh_settings,
        tmp_path / "notice.txt",
        "国务院关于印发“十四五”节能减排综合工作方案的通知\n\n各省、自治区、直辖市人民政府：\n\n"
        "到2025年，全国单位国内生产总值能源消耗比2020年下降13.5%。\n",
    )
    assert doc.title == "“十四五”节能减排综合工作方案"


def test_a_title_that_drops_its_regions_name_takes_the_issuers_place(tmp_path: Path, fresh_settings):
    """ "某某自治区人民政府关于印发自治区…规划的通知": the plan's title says only 自治区, the issuer names it."""
    doc = ingested(
        fresh_settings,
        tmp_path / "plan.txt",
        "宁夏回族自治区人民政府关于印发自治区“十四五”养老服务体系规划的通知\n\n到2025年，养老机构护理型床位占比达到55%。\n",
    )
    assert doc.region == "宁夏回族自治区", (doc.title, doc.region)


def test_lines_a_pdfs_layout_broke_are_joined_again(tmp_path: Path, fresh_settings):
    """A PDF's text ends a line wherever the page did: the paragraph is one clause again, a figure
    broken over two lines is read whole, and headings and items stay as they are."""
    first = (
        "到2025年，全市城市社区综合服务设施覆盖率达到100%，农村社区综合服务设施覆盖率达到80%以上，"
        "每百户居民拥有社区综合服务设施面积不低于30平方米，社区工作者队伍结构更加合理，"
        "服务能力明显增强，居民满意度持续提升。"
    )
    second = (
        "各区要把社区服务设施建设纳入国土空间规划，新建住宅小区按照每百户不低于30平方米的标准"
        "同步配建社区综合服务设施，老旧小区通过改造、购置、置换等方式逐步补齐短板。"
    )

    def wrapped(paragraph: str, width: int = 25) -> list[str]:
        return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]

    def paged(lines: list[str], page: int) -> list[str]:
        # the page ends after the second line with its number; the next opens with the office's header
        return [*lines[:2], f"— {page} —", "某市人民政府办公室文件", *lines[2:]]

    lines = [
        "某市社区服务设施建设三年行动方案",
        "一、工作目标",
        *paged(wrapped(first), 2),
        "二、重点任务",
        *paged(wrapped(second), 3),
    ]
    assert any(ln.endswith("达到1") for ln in lines)  # "100%" broken over two lines, as the page broke it
    doc = ingested(fresh_settings, tmp_path / "plan.txt", "\n".join(lines) + "\n")
    assert [(c.heading_path, c.text) for c in doc.clauses] == [
        (("一、工作目标",), first),
        (("二、重点任务",), second),
    ]
    c = doc.clauses[0]
    assert doc.text[c.start : c.end].replace("\n", "") == first  # offsets still point into the source
    assert "running-header: 某市人民政府办公室文件" in doc.dropped and "page-number: —2—" in doc.dropped
    # a paragraph-per-line text (every law file) is not touched: its lines end sentences
    law = ingested(
        fresh_settings, tmp_path / "law.txt", f"某市社区服务条例\n第一条 {first}\n第二条 {second}\n"
    )
    assert [c.text for c in law.clauses] == ["第一条" + first, "第二条" + second]


def _clause_key(store: DocumentStore, doc_id: str) -> list[tuple]:
    return [(c.heading_path, c.text, c.start, c.end) for c in store.get(doc_id).clauses]


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig", "gb18030"])
def test_encoded_copy_ingests_to_identical_clauses(tmp_path: Path, fresh_settings, encoding: str):
    text = (BUNDLED / "kaili_2020_chengxiang_shequ_zhili.txt").read_text(encoding="utf-8")
    text = text.replace("\u2002", " ")  # the one character of this page that GBK cannot hold
    folder = tmp_path / "enc"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_bytes(text.encode(encoding))
    store = DocumentStore(fresh_settings)
    other = DocumentStore(load_settings(data_dir=tmp_path / "other"))  # one store keeps one copy of a text
    assert store.ingest([folder / "a.txt"])[0].ok and other.ingest([folder / "b.txt"])[0].ok
    # GBK is read as GB18030, its superset.
    assert other.get("b").encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    assert _clause_key(store, "a") == _clause_key(other, "b")
    assert store.get("a").content_hash == other.get("b").content_hash
    assert len(_clause_key(store, "a")) > 30


def test_docx_with_paragraphs_and_table_ingests(tmp_path: Path, fresh_settings):
    import docx

    d = docx.Document()
    d.add_paragraph("某市社区工作者管理办法")
    d.add_paragraph("一、总体要求")
    d.add_paragraph("（一）配备标准。每个社区专职工作者不少于7人，由市民政局负责。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "目标值"
    table.cell(1, 0).text = "社区综合服务设施覆盖率"
    table.cell(1, 1).text = "100%"
    path = tmp_path / "policy.docx"
    d.save(path)
    doc = ingested(fresh_settings, path)
    assert doc.fmt == "docx"
    clause = next(c for c in doc.clauses if "不少于7人" in c.text)
    assert clause.heading_path == ("一、总体要求", "（一）配备标准")
    assert "社区综合服务设施覆盖率" in doc.text


CJK_FONT = Path(
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
)  # fonts-noto-cjk, installed by `make`


def test_a_chinese_pdf_is_read_as_its_articles(tmp_path: Path, fresh_settings):
    """A PDF of a regulation, its lines ending where the page did: each article is one clause with its
    whole text, a figure the line broke ("达到1" / "00%") read whole; no stray control characters."""
    from fpdf import FPDF

    if not CJK_FONT.exists():
        pytest.skip("no CJK font to write a Chinese PDF with (apt-get install fonts-noto-cjk)")
    articles = [
        "第一条 为了加强社区服务设施建设，满足居民日常生活需要，根据有关法律法规，结合本市实际，制定本办法。",
        "第二条 到2025年，城市社区综合服务设施覆盖率达到100%，农村社区综合服务设施覆盖率达到80%以上，"
        "每百户居民拥有社区综合服务设施面积不低于30平方米。",
        "第三条 新建住宅小区应当按照每百户不低于30平方米的标准同步配建社区综合服务设施，"
        "与住宅同步规划、同步建设、同步验收、同步交付使用。",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(CJK_FONT))
    pdf.set_font("cjk", size=11)
    y = 20
    for line in ["某市社区服务设施管理办法"] + [
        a[i : i + 25] for a in articles for i in range(0, len(a), 25)
    ]:
        pdf.text(15, y, line)
        y += 7
    path = tmp_path / "banfa.pdf"
    pdf.output(str(path))
    store = DocumentStore(fresh_settings)
    [res] = store.ingest([path])
    assert res.ok, res.error
    doc = store.get(res.doc_ids[0])
    assert doc.title == "某市社区服务设施管理办法"
    assert [(c.heading_path, c.text) for c in doc.clauses] == [
        ((a[:3],), a.replace(" ", "", 1)) for a in articles
    ]


def test_an_html_task_table_is_read_row_by_row(tmp_path: Path, fresh_settings):
    """A web page's 分工表: each <tr> one row, its cells parted as a .docx row's are, the first row its header
    (cell by cell, "市民政局" read as the start of a row of its own)."""
    page = (
        "<html><body><div><p>某市社区工作者队伍建设实施方案</p><p>一、主要任务</p>"
        "<p>（一）健全职业体系。建立社区工作者岗位等级序列，完善薪酬待遇。</p><table>"
        "<tr><td><p>序号</p></td><td>重点任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td><p>建立社区工作者岗位等级序列</p></td><td>市民政局</td><td>市人社局、市财政局</td>"
        "<td>2025年6月底前</td></tr><tr><td>2</td><td>每个社区配备专职工作者不少于5人</td><td>市委组织部</td>"
        "<td>各区县人民政府</td><td>2025年底前</td></tr></table>"
        "<table><tr><td>版面</td><td>" + "正文很长的一段话。" * 40 + "</td></tr></table></div></body></html>"
    )
    doc = ingested(fresh_settings, tmp_path / "fengong.html", page)
    rows = [(c.kind, c.text) for c in doc.clauses if c.kind != "text"]
    assert rows == [
        ("table_header", "序号|重点任务|牵头单位|责任单位|完成时限"),
        ("table_row", "1 |建立社区工作者岗位等级序列|市民政局|市人社局、市财政局| 2025年6月底前"),
        ("table_row", "2 |每个社区配备专职工作者不少于5人|市委组织部|各区县人民政府| 2025年底前"),
    ]
    assert "|" not in "".join(
        c.text for c in doc.clauses if "正文很长" in c.text
    )  # a layout table's text stays text


def test_html_page_keeps_main_text_only(tmp_path: Path, fresh_settings):
    page = """<!DOCTYPE html><html><head><title>t</title><script>var x = "第一条 假";</script></head><body>
    <nav>首页 &gt; 政务公开 &gt; 文件</nav><div class="menu"><a href="/">首页</a></div>
    <div id="content"><p>某区社区服务办法</p><p>第一章 总则</p>
    <p>第一条 为规范社区服务，制定本办法。</p><p>第二条 社区服务站建筑面积不少于300平方米。</p>
    <p>第三条 本办法自印发之日起施行。</p></div>
    <footer>版权所有 某区人民政府</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    store = DocumentStore(fresh_settings)
    [res] = store.ingest([path])
    assert res.ok, res.error
    doc = store.get(res.doc_ids[0])
    texts = " ".join(c.text for c in doc.clauses)
    assert "300平方米" in texts
    for junk in ("var x", "首页", "版权所有", "<"):
        assert junk not in texts
    second = next(c for c in doc.clauses if "300平方米" in c.text)
    assert second.heading_path == ("第一章总则", "第二条")


def _pdf_with_text(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "1. Scope. Every community has at least 5 full-time workers.")
    pdf.output(str(path))


def _pdf_image_only(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(80, 80, 80)
    pdf.rect(20, 20, 120, 60, style="F")  # what a scan looks like to a text extractor: no text
    pdf.output(str(path))


def test_bad_files_get_clear_errors_and_the_rest_still_loads(tmp_path: Path, fresh_settings):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(BUNDLED / "xixian_2019_shequ_zhili_yijian.txt", folder / "good.txt")
    _pdf_with_text(folder / "text.pdf")
    _pdf_image_only(folder / "scanned.pdf")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    store = DocumentStore(fresh_settings)
    results = {Path(r.path).name: r for r in store.ingest([folder])}
    assert "OCR" in results["scanned.pdf"].error and "no text layer" in results["scanned.pdf"].error
    assert "binary" in results["blob.txt"].error
    assert "empty" in results["empty.txt"].error
    assert results["good.txt"].ok and results["text.pdf"].ok
    assert {d.id for d in store.documents()} == {"good", "text"}
    assert any("5 full-time workers" in c.text for c in store.get("text").clauses)


def test_unsupported_type_is_named(tmp_path: Path, fresh_settings):
    path = tmp_path / "sheet.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    [res] = DocumentStore(fresh_settings).ingest([path])
    assert "unsupported type" in res.error


def _renormalise(doc, c) -> str:
    script = Script.parse(doc.script)
    raw = doc.source_text[c.orig_start : c.orig_end]
    lines = (strip_markup(normalize_line(Mapped.of(ln), script)).text for ln in raw.splitlines())
    return nfkc_for_match(" ".join(ln for ln in lines if re.search(r"\w", ln)))  # as clean() keeps them


def test_offsets_map_each_clause_back_to_its_original_text(seed_store: DocumentStore):
    for doc in seed_store.documents():
        for c in doc.clauses:
            assert doc.text[c.start : c.end].replace("\n", " ") == c.text
            assert _renormalise(doc, c) == nfkc_for_match(c.text), (doc.id, c.text[:40])


def test_extra_documents_ingest_clean_with_heading_paths(fresh_settings):
    store = DocumentStore(fresh_settings)
    results = store.ingest(sorted(f for f in EXTRA.iterdir() if f.name != "README.md"))
    assert len(results) == 5 and all(r.ok for r in results)
    for doc in store.documents():
        assert len(doc.clauses) >= 20
        for c in doc.clauses:
            assert not re.search(r"^#|<[a-z/]|当前位置|扫一扫|版权所有|^公开方式|首页", c.text), (
                doc.id,
                c.text[:50],
            )
            assert c.heading_path
    gz = store.get("guangzhou_2022_jujia_shequ_yanglao")
    assert gz.number == "穗府办规〔2022〕13号" and gz.region == "广州市"
    art = next(c for c in gz.clauses if c.text.startswith("第一条"))
    assert art.heading_path == ("第一章总则", "第一条")
    central = store.get("central_2017_chengxiang_shequ_zhili")
    assert central.region == "全国"
    goal = next(c for c in central.clauses if c.text.startswith("（三）总体目标"))
    assert goal.heading_path == ("一、总体要求", "（三）总体目标")
    html_block = store.get("central_2021_jiceng_zhili")
    assert any(d.startswith("html-markup") for d in html_block.dropped)


CODE_PART = """# 中华人民共和国民法典

# {part}

2020年5月28日 第十三届全国人民代表大会第三次会议通过

<!-- INFO END -->

## 第一章  一般规定

{articles}
"""


def test_parts_of_a_code_are_titled_by_the_code_and_are_not_versions_of_each_other(
    fresh_settings, tmp_path: Path
):
    from corpus.versions import superseded, versioned

    (tmp_path / "侵权责任编.md").write_text(
        CODE_PART.format(
            part="侵权责任编",
            articles="第一千一百六十五条 行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
        ),
        encoding="utf-8",
    )
    (tmp_path / "继承编.md").write_text(
        CODE_PART.format(part="继承编", articles="第一千一百二十一条 继承从被继承人死亡时开始。"),
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    assert all(r.ok for r in store.ingest([tmp_path]))
    docs = {d.part: d for d in store.documents()}
    assert set(docs) == {"侵权责任编", "继承编"}
    tort = docs["侵权责任编"]
    assert (tort.title, tort.region, tort.kind, tort.date) == (
        "中华人民共和国民法典",
        "全国",
        "法律",
        "2020-05-28",
    )
    assert tort.clauses[0].heading_path == ("侵权责任编", "第一章一般规定", "第一千一百六十五条")
    assert not superseded(docs.values()) and not versioned(docs.values())


def test_a_judicial_interpretation_is_national_and_a_broken_header_line_still_dates_the_version(
    fresh_settings, tmp_path: Path
):
    (tmp_path / "规则.md").write_text(
        "# 人民检察院刑事诉讼规则\n\n2019年12月2日 最高人民检察院第十三届检察委员会第二十八次会议通过\n\n<!-- INFO END -->\n\n"
        "第一条 为保证人民检察院在刑事诉讼中严格依照法定程序办案，制定本规则。\n",
        encoding="utf-8",
    )
    (tmp_path / "土地.md").write_text(
        "# 中华人民共和国土地管理法\n\n1986年6月25日 第六届全国人民代表大会常务委员会第十六次会议通过\n\n"
        "2019年8月26日 第十三届全国人民代表大会常务委员会第十二次会议《关于修改〈中华人民共和国土地管理法〉\n\n"
        "〈中华人民共和国城市房地产管理法〉的决定》第三次修正\n\n<!-- INFO END -->\n\n第一条 为了加强土地管理，制定本法。\n",
        encoding="utf-8",
    )
    store = DocumentStore(fresh_settings)
    assert all(r.ok for r in store.ingest([tmp_path]))
    docs = {d.title: d for d in store.documents()}
    assert docs["人民检察院刑事诉讼规则"].region == "全国"
    land = docs["中华人民共和国土地管理法"]
    assert land.date == "2019-08-26"
    assert [c.text for c in land.clauses] == ["第一条为了加强土地管理，制定本法。"]


def test_files_that_unpack_beyond_a_document_are_refused_with_the_limit_and_the_batch_goes_on(
    tmp_path: Path, fresh_settings
):
    """A 40 KB .docx whose text part unpacks to 40 MB, a PDF of 2,001 pages: each refused in a line
    naming the limit, quickly and without the memory they would take; the good file beside loads."""
    import zipfile

    from fpdf import FPDF

    from corpus.load import MAX_DOCX_PART, MAX_PDF_PAGES

    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(BUNDLED / "xixian_2019_shequ_zhili_yijian.txt", folder / "good.txt")
    body = "<w:p><w:r><w:t>社区</w:t></w:r></w:p>" * (MAX_DOCX_PART // 30)
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    assert (folder / "bomb.docx").stat().st_size < 1_000_000
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _ in range(MAX_PDF_PAGES + 1):
        pdf.add_page()
        pdf.cell(0, 10, "1. Scope.")
    pdf.output(str(folder / "pages.pdf"))
    results = {Path(r.path).name: r for r in DocumentStore(fresh_settings).ingest([folder])}
    assert results["good.txt"].ok
    assert (
        "word/document.xml unpacks to" in results["bomb.docx"].error
        and "limit 30 MB" in results["bomb.docx"].error
    )
    assert f"pdf has {MAX_PDF_PAGES + 1} pages (limit {MAX_PDF_PAGES})" in results["pages.pdf"].error


def test_a_pdf_slower_to_read_than_the_time_limit_is_refused_with_the_limit(
    tmp_path: Path, fresh_settings, monkeypatch
):
    """Reading a PDF's text stops at the time limit (120 s; here 0 s: the same check on a small file),
    refused in a line naming it, in Chinese on the page; the batch goes on."""
    from fpdf import FPDF

    import corpus.load
    from ui.render import reason_zh

    monkeypatch.setattr(corpus.load, "MAX_PDF_SECONDS", 0.0)
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _ in range(3):
        pdf.add_page()
        pdf.cell(0, 10, "1. Scope of the rules for community services.")
    pdf.output(str(tmp_path / "slow.pdf"))
    shutil.copy(BUNDLED / "xixian_2019_shequ_zhili_yijian.txt", tmp_path / "good.txt")
    results = {Path(r.path).name: r for r in DocumentStore(fresh_settings).ingest([tmp_path])}
    assert results["good.txt"].ok and not results["slow.pdf"].ok
    error = results["slow.pdf"].error
    assert "pdf text took over 0 s to read (stopped at page 1 of 3)" in error, error
    assert reason_zh(error).startswith("PDF 读取超过 0 秒（读到第 1 页，共 3 页）")


def test_provisions_wrapped_in_tags_or_a_tag_split_over_lines_are_kept(tmp_path: Path, fresh_settings):
    f = tmp_path / "某区居委会办法.md"
    f.write_text(
        '# 某区居委会办法\n\n四、居委会设主任一人。\n<span\nclass="x">五、居委会成员不少于5人</span>\n'
        '<p>（二）每个社区配备专职工作者不少于3名。</p>\n<div class="share">分享到微信</div>\n',
        encoding="utf-8",
    )
    [r] = DocumentStore(fresh_settings).ingest([f])
    doc = DocumentStore(fresh_settings).get(r.doc_ids[0])
    text = "\n".join(" ".join(c.heading_path) + " " + c.text for c in doc.clauses)
    assert "居委会成员不少于5人" in text and "不少于3名" in text
    assert "class=" not in text and "<" not in text and "分享到微信" not in text


def test_a_file_of_more_clauses_than_any_document_is_refused_with_the_limit(
    tmp_path: Path, fresh_settings, monkeypatch
):
    import corpus.ingest

    monkeypatch.setattr(corpus.ingest, "MAX_CLAUSES", 50)  # the limit is 20,000: the same check, a small file
    f = tmp_path / "dump.txt"
    f.write_text(
        "某市汇编\n" + "".join(f"第{i}条 社区应当配备工作人员。\n" for i in range(1, 80)), encoding="utf-8"
    )
    [r] = DocumentStore(fresh_settings).ingest([f])
    assert not r.ok and "79 clauses (limit 50): split the file" in r.error


def _numbered(document, levels: list[tuple[str, str]]) -> str:
    """A list definition (abstractNum + num) with the given (format, text) levels; its numId."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn_("w:numId"))) for n in numbering.iter(qn_("w:num"))]
    num_id = max(ids, default=0) + 1
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    first_num = next(numbering.iter(qn_("w:num")), None)
    abstract = parse_xml(f'<w:abstractNum {ns} w:abstractNumId="{num_id + 100}">{lvls}</w:abstractNum>')
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum before the first num, as the schema orders them
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{num_id + 100}"/></w:num>')
    )
    return str(num_id)


def qn_(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _number(paragraph, num_id: str, level: int = 0) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_a_word_file_whose_numbers_word_draws_is_read_with_them(tmp_path: Path, fresh_settings):
    """ "第一条", "一、", "（一）" drawn by Word's list numbering are not in the paragraphs' text; read
    without them the regulation has no articles. Each numbered paragraph gets its label as Word counts
    it: chapters and articles run on, a list's items start again under each article."""
    import docx

    d = docx.Document()
    chapters = _numbered(d, [("chineseCounting", "第%1章")])
    articles = _numbered(d, [("chineseCounting", "第%1条"), ("chineseCounting", "（%2）")])
    d.add_paragraph("某市社区工作者管理办法")
    _number(d.add_paragraph("总则"), chapters)
    _number(d.add_paragraph("为了加强社区工作者队伍建设，制定本办法。"), articles)
    _number(d.add_paragraph("社区工作者由街道办事处统一招聘。"), articles)
    _number(d.add_paragraph("配备"), chapters)
    _number(d.add_paragraph("每个社区按照下列标准配备社区工作者："), articles)
    _number(d.add_paragraph("常住人口2000户以下的，配备5名；"), articles, 1)
    _number(d.add_paragraph("常住人口2000户以上的，每增加300户增配1名。"), articles, 1)
    _number(d.add_paragraph("社区工作者每3年至少参加一次全覆盖培训，由区民政部门组织。"), articles)
    _number(d.add_paragraph("培训经费列入区财政预算。"), articles, 1)
    path = tmp_path / "banfa.docx"
    d.save(path)
    doc = ingested(fresh_settings, path)
    assert doc.title == "某市社区工作者管理办法"
    staffing = next(c for c in doc.clauses if "2000户以下" in c.text)
    assert staffing.heading_path[:2] == ("第二章配备", "第三条"), staffing.heading_path
    assert staffing.text.startswith("（一）"), staffing.text
    training = next(c for c in doc.clauses if "全覆盖培训" in c.text)
    assert training.heading_path[-1] == "第四条" and training.text.startswith("第四条"), training
    budget = next(c for c in doc.clauses if "培训经费" in c.text)
    assert budget.text.startswith("（一）"), budget.text  # the items start again under each article
    # numbered by the paragraph's style (Word's "List Number"); a bullet's glyph is not read as text
    d = docx.Document()
    d.add_paragraph("某市社区服务清单")
    for item in ("代办居住证明", "代办老年优待证"):
        d.add_paragraph(item, style="List Number")
    d.add_paragraph("咨询电话见社区公示栏", style="List Bullet")
    d.save(path)
    text = ingested(load_settings(data_dir=tmp_path / "styled"), path).text
    assert "1.代办居住证明" in text and "2.代办老年优待证" in text and "\n咨询电话" in text, text


def test_a_pages_ruby_pinyin_is_no_text(tmp_path: Path, fresh_settings):
    """A page copied with its ruby annotations ("關(guān)于印發(fā)", each character's pinyin with its tone mark in
    brackets) reads as the text alone; brackets holding no tone mark ("（mg/L）", "（PM2.5）") stay."""
    doc = ingested(
        fresh_settings,
        tmp_path / "fangan.txt",
        "關(guān)于印發(fā)某州社區(qū)服務(wù)實(shí)施方案的通知\n"
        "到2025年末，城鄉(xiāng)社區(qū)綜合服務(wù)設(shè)施覆蓋率達(dá)100%；細顆粒物（PM2.5）濃度不高於35微克/立方米，化學需氧量（mg/L）達標。\n",
    )
    assert doc.title == "某州社区服务实施方案", doc.title
    assert (
        "城乡社区综合服务设施覆盖率达100%" in doc.text and "（PM2.5）" in doc.text and "（mg/L）" in doc.text
    ), doc.text


def test_a_notices_signature_is_no_clause_and_is_listed_as_dropped(tmp_path: Path, fresh_settings):
    """A notice's issuer and date after its text are neither content nor lost: `show --dropped` lists them."""
    doc = ingested(
        fresh_settings,
        tmp_path / "notice.txt",
        "关于印发某市社区服务方案的通知\n\n各区人民政府：\n\n现将方案印发给你们，请认真贯彻执行。\n\n"
        "某市人民政府办公室\n\n2020年9月21日\n",
    )
    assert all("人民政府办公室" not in c.text and "2020年9月21日" not in c.text for c in doc.clauses)
    assert "header-line: 某市人民政府办公室" in doc.dropped and "header-line: 2020年9月21日" in doc.dropped


def test_a_table_set_out_with_spaces_keeps_its_cells_and_prose_with_spaces_stays_prose(
    tmp_path: Path, fresh_settings
):
    """Text copied from a page gives a table's cells parted by spaces, which are dropped between Chinese characters
    ("3湖北4284 99%"): three or more lines of as many words, most with a figure, are rows of cells, a caption
    before them stays a paragraph, a total row of merged cells closes them, and each row maps back to its source
    line. A law's revision history (dates and sessions parted by spaces), a page's "• 索引号： …" particulars and
    lines of words without figures stay as they were."""
    doc = ingested(
        fresh_settings,
        tmp_path / "report.txt",
        "2023年上半年，全国新开工改造城镇老旧小区4.26万个，按小区数计开工率80.4%。\n\n"
        "2023年全国城镇老旧小区改造进展情况\n\n序号 省份 新开工小区数(个) 开工率\n\n"
        "1 贵州 1071 全部开工\n2 河北 1816 全部开工\n3 湖北　4284　99%\n合计 42621 80.4%\n\n"
        "• 索引号： MB0X48944/2022-22185\n• 发文单位： 某区人民政府办公室\n• 主题分类： 政务公开\n\n"
        "（2016年9月29日 某省第十二届人民代表大会常务委员会第二十八次会议 第五次修正\n"
        "2018年5月31日 某省第十三届人民代表大会常务委员会第三次会议 第六次修正\n"
        "2019年11月29日 某省第十三届人民代表大会常务委员会第十五次会议 第七次修正）\n\n"
        "社区 网格 楼栋 单元\n居民 志愿者 社工 物业\n党员 楼长 组长 户代表\n",
    )
    texts = [c.text for c in doc.clauses]
    assert texts[1:7] == [
        "2023年全国城镇老旧小区改造进展情况",
        "序号|省份|新开工小区数（个）|开工率",
        "1 |贵州| 1071 |全部开工",
        "2 |河北| 1816 |全部开工",
        "3 |湖北| 4284 | 99%",
        "合计| 42621 | 80.4%",
    ], texts
    assert [c.kind for c in doc.clauses[2:7]] == ["table_header"] + ["table_row"] * 4
    hubei = doc.clauses[5]
    assert doc.source_text[hubei.orig_start : hubei.orig_end] == "3 湖北　4284　99%"
    assert sum("|" in c.text for c in doc.clauses) == 5 and "|" not in " ".join(doc.dropped), (
        texts,
        doc.dropped,
    )


def test_a_news_pages_original_headline_and_editor_line_are_dropped_as_furniture(
    tmp_path: Path, fresh_settings
):
    """A news page repeats its headline as "原标题：…" (its figure then gave a second row for one item, a twentieth
    batch showed) and closes with "（责编：…）": both are dropped with their rule named, the article stays."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "民政部：每千名老人有养老床位30张\n\n原标题：每千名老人有养老床位30张\n\n"
        "截至2015年年底，每千名老年人拥有养老床位30.3张。（记者甘贝贝）\n\n（责编：高奕楠、权娟）\n",
    )
    assert "news-furniture: 原标题：每千名老人有养老床位30张" in doc.dropped
    assert "news-furniture: （责编：高奕楠、权娟）" in doc.dropped, doc.dropped
    assert any("30.3张" in c.text for c in doc.clauses) and not any("原标题" in c.text for c in doc.clauses)


def test_a_document_sites_preview_furniture_is_dropped(tmp_path: Path, fresh_settings):
    """A report copied from a document-sharing site opens with "还剩47页未读,继续阅读" and "本资源只提供10页预览…" (their
    page counts gave rows, a thirtieth batch showed): dropped with their rule named, the report stays."""
    doc = ingested(
        fresh_settings,
        tmp_path / "report.txt",
        "还剩47页未读,继续阅读\n本资源只提供10页预览,全部文档请下载后查看!\n文件大小:32.52 KB\n总页数:32 页\n文本内容:\n"
        "截至2024年底，“一网通办”事项覆盖率达92%。\n",
    )
    assert "document-site: 还剩47页未读，继续阅读" in doc.dropped, doc.dropped
    assert any(d.startswith("document-site: 本资源只提供10页预览") for d in doc.dropped)
    assert any(d.startswith("document-site: 总页数") for d in doc.dropped), (
        doc.dropped
    )  # the site's file card
    assert any("92%" in c.text for c in doc.clauses) and not any("页未读" in c.text for c in doc.clauses)


def test_a_download_sites_file_card_is_dropped(tmp_path: Path, fresh_settings):
    """An eighty-fifth batch: a download site's card ("资源大小:24.37KB", "全文页数:19页", "下载积分:5金币") and a bulleted
    one ("- 文档页数:3") gave "19页" as a row; dropped as the document-site furniture they are, the plan's figures stay."""
    doc = ingested(
        fresh_settings,
        tmp_path / "plan.txt",
        "资源ID:1783886\n资源大小:24.37KB\n全文页数:19页\n- 资源格式: DOCX\n下载积分:5金币\n- 文档页数:3\n"
        "2024年-2025年打造2-3个完善型项目，1-2个提升型项目。\n",
    )
    for card in ("资源大小", "全文页数", "资源格式", "下载积分", "文档页数", "资源ID"):
        assert any(d.startswith("document-site:") and card in d for d in doc.dropped), (card, doc.dropped)
    assert any("2-3个" in c.text for c in doc.clauses) and not any("19页" in c.text for c in doc.clauses)


def test_ruby_pinyin_without_tone_marks_is_dropped_where_a_line_holds_several(tmp_path: Path, fresh_settings):
    """A page copied with its ruby annotations, some with tone marks and a space ("入(rù )托率"), some without ("托(tuo)育",
    a thirty-first batch): the pinyin goes where a line holds two or more; one bracketed syllable alone stays (it may be
    the text's)."""
    doc = ingested(
        fresh_settings,
        tmp_path / "page.txt",
        "托(tuo)育机构入托(tuo)率仅为6%左右，入(rù )托率低。\n\n每千人口拥有3岁以下婴幼儿托位数为2.03个（a）。\n",
    )
    text = "\n".join(c.text for c in doc.clauses)
    assert "托育机构入托率仅为6%左右，入托率低" in text, text
    assert "（a）" in text


def test_a_profiles_percentile_badges_are_dropped(tmp_path: Path, fresh_settings):
    """A bulletin copied from a lawyer's page closes with the page's counters and their badges ("97次 (优于98.43%的律师)":
    their percentages gave rows, a thirty-fourth batch showed): dropped with their rule named."""
    doc = ingested(
        fresh_settings,
        tmp_path / "bulletin.txt",
        "城镇登记失业率3.61%。\n13年 (优于88.23%的律师)\n97次 (优于98.43%的律师)\n",
    )
    assert "rank-badge: 97次（优于98.43%的律师）" in doc.dropped, doc.dropped
    assert any("3.61%" in c.text for c in doc.clauses) and not any("优于" in c.text for c in doc.clauses)


def test_a_news_lead_that_opens_with_the_headlines_words_is_content(tmp_path: Path, fresh_settings):
    """A report whose lead sentence opens with its headline ("中国农村卫生厕所普及率达到77.5%，农村生活污水治理率约28%。"): the
    lead was skipped as a title line with its two figures (a thirty-sixth batch); it is content, the headline alone and
    a notice that issues the title ("《…》已经市政府同意，现印发给你们，请认真贯彻执行。") stay out."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "中国农村卫生厕所普及率达到77.5%\n\n中国农村卫生厕所普及率达到77.5%，农村生活污水治理率约28%。\n\n"
        "中国累计完成19.7万个行政村环境整治。\n",
    )
    texts = [c.text for c in doc.clauses]
    assert texts[0] == "中国农村卫生厕所普及率达到77.5%，农村生活污水治理率约28%。", texts


def test_a_news_pages_lists_of_other_stories_are_dropped(tmp_path: Path, fresh_settings):
    """A news page closes with "今日看点" and the headlines of other stories ("一图速览2024年政府工作报告": its year gave a
    row, a thirty-eighth batch showed): the marker line and the short headlines after it are dropped."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "到2025年，婴儿死亡率控制在5.2‰以下。\n\n今日看点\n习近平会见德国总理朔尔茨\n一图速览2024年政府工作报告\n",
    )
    assert "related-links: 一图速览2024年政府工作报告" in doc.dropped, doc.dropped
    assert [c.text for c in doc.clauses] == ["到2025年，婴儿死亡率控制在5.2‰以下。"]


def test_a_news_pages_readers_comments_are_dropped_to_its_end(tmp_path: Path, fresh_settings):
    """A page closes with "网友评论更多" and its readers' comments: handles, times and other stories' headlines, some of
    them long and punctuated ("…港股IPO上市破发,浮亏90%,…", "三季报预喜公司占比超八成": two rows of a seventy-eighth batch)."""
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "到2025年底，全省各类老年助餐点达到1万个左右。\n网友评论更多\n41莱州s\n"
        "国资LP心态崩了!“港股IPO上市破发,浮亏90%,再不敢当基石投资人了”🎤🎥\n2024-11-23 15:01:28 推荐\n"
        "187****2746 回复 184****1825:三季报预喜公司占比超八成 行业景气度持续向好🎧来自招远\n",
    )
    assert [c.text for c in doc.clauses] == ["到2025年底，全省各类老年助餐点达到1万个左右。"], doc.clauses
    assert any(d.startswith("comments: 国资LP心态崩了") for d in doc.dropped), doc.dropped


def test_a_long_line_naming_a_notice_near_the_top_is_content(tmp_path: Path, fresh_settings):
    """The eighty-third batch: a summary set out as bullets parted by " - " on one line, third line of the page, names
    "《关于加力推动…的通知》" and has no full stop; it was taken for a title line and silently lost with its five figures."""
    bullets = (
        "政策与规划 - 商务部等9部门于2025年9月联合出台《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》[1] - "
        "政策目标为加力推动便民生活圈建设扩围升级[1] 当前建设成果 - 截至2025年12月底,试点地区已累计建设8132个便民生活圈[1] - "
        "已建成的便民生活圈共涉及商业网点195.4万个[1] 长期发展目标 - 到2030年,目标在全国范围内建成1万个便民生活圈[1]"
    )
    doc = ingested(
        fresh_settings,
        tmp_path / "news.txt",
        "试点地区建设8132个一刻钟便民生活圈 服务社区居民近1.7亿人\n人民日报·2026-01-20 06:23\n"
        + bullets
        + "\n",
    )
    assert any("195.4万个" in c.text for c in doc.clauses), [c.text for c in doc.clauses]


def test_an_indicator_stays_an_indicator_in_a_page_read_as_taiwan_phrased(tmp_path: Path, fresh_settings):
    """A mainland page in traditional characters that repeats 指標 was taken for Taiwan-phrased, and OpenCC's Taiwan
    phrases turned 指標 into the programmer's 指针 (a fortieth batch: "提出20項主要指標" then escaped the rule for a plan
    counting its indicators): it reads 指标. Since the eighty-sixth batch (上海's "計劃新增…公園" read "计划添加", "新建立體
    綠化" read "新创建体绿化") a page is Taiwan-phrased only where words only Taiwan writes occur: this one is traditional."""
    doc = ingested(
        fresh_settings,
        tmp_path / "wire.txt",
        "國務院細化提出20項主要指標。經濟發展方面，圍繞增長、結構、效率提出3項指標。創新驅動方面提出3項指標。"
        "民生福祉方面提出7項指標。綠色低碳方面提出5項指標。安全保障方面提出2項指標。各項指標均為預期性指標，"
        "約束性指標另行下達，指標值由統計部門核定。\n",
    )
    assert doc.script == "traditional"  # no word only Taiwan writes (透過, 資訊, 網路…)
    text = "".join(c.text for c in doc.clauses)
    assert "指标" in text and "指针" not in text, (doc.script, text)


def test_a_mainland_page_in_traditional_characters_keeps_its_words(tmp_path: Path, fresh_settings):
    """An eighty-sixth batch: 上海's plan as a news page in traditional characters ("計劃新增各類公園120座", "新建立體綠化
    40萬平方米") was read with OpenCC's Taiwan phrases, which rewrite mainland words (新增 → 添加, 建立 → 创建): the quote
    shown, "计划添加各类公园120座", was no sentence of the text. Converted character by character, its words stay."""
    doc = ingested(
        fresh_settings,
        tmp_path / "park.txt",
        "上海將積極推進「公園城市」，計劃新增森林面積5萬畝，新建綠地1000公頃、綠道200公里、立體綠化40萬平方米，"
        "新增各類公園120座。全年新建立體綠化43.1萬平方米，城市公園已增至406座。蚌埠市新增綠地80公頃。"
        "各區新增公園綠地，建立健全養護制度，新增口袋公園，新增綠道。\n",
    )
    text = "".join(c.text for c in doc.clauses)
    assert doc.script == "traditional"
    assert "计划新增森林面积5万亩" in text and "新建立体绿化43.1万平方米" in text and "蚌埠" in text, text
    assert "添加" not in text and "创建" not in text
