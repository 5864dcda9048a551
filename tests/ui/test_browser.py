"""The web app as a person uses it: a real server, Debian's Chromium driven by Playwright.

Screenshots of each tab go to tests/artifacts/. The page must fetch nothing beyond loopback.
"""

from __future__ import annotations

import os
import shutil
import time
import urllib.request

import pytest

from tests.conftest import ROOT, free_port, serve_process

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian chromium not installed (make test installs it)"
)


@pytest.fixture(scope="module")
def server(seed_settings, seed_retriever, tmp_path_factory):
    home = tmp_path_factory.mktemp("web") / "home"
    shutil.copytree(seed_settings.data_dir, home, symlinks=True)
    port = free_port()
    proc = serve_process(home, port, HF_HUB_OFFLINE="1")
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read()) from None
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("server did not start")
    yield url, home
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    url, _ = server
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
    pg = ctx.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else None
        ),
    )
    pg.goto(url)
    pg.wait_for_selector("#question textarea", timeout=60_000)
    yield pg
    ctx.close()
    assert outside == [], f"page fetched from outside loopback: {outside[:5]}"


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ask(pg, question: str, n_answers: int) -> None:
    pg.fill("#question textarea", question)
    pg.click("#ask")
    pg.wait_for_function(
        f"document.querySelectorAll('#chatbot .message-row, #chatbot [data-testid=\"bot\"]').length >= {n_answers}"
        " || document.querySelectorAll('#chatbot .bot').length >= " + str(n_answers),
        timeout=60_000,
    )
    pg.wait_for_function("!document.querySelector('#chatbot').innerText.includes('正在回答')", timeout=60_000)
    pg.wait_for_selector("#citations .pq-card", timeout=60_000)


def test_question_then_follow_up_shows_citation_cards(page):
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    cards = page.inner_text("#citations")
    assert "凯里市加强和完善城乡社区治理的工作方案" in cards and "不少于5人" in cards
    assert "不少于5人" in page.inner_text("#chatbot")
    page.click("#citations .pq-card summary")  # opens the clause in its surrounding text
    page.wait_for_selector("#citations .pq-context")
    assert "每个社区专职工作者不少于5人" in page.inner_text("#citations .pq-context b")
    shot(page, "chat-first-answer")
    page.fill("#question textarea", "牵头单位是谁？")
    page.click("#ask")
    page.wait_for_function(
        "document.querySelector('#chatbot').innerText.includes('市委组织部')", timeout=60_000
    )
    assert "理解为" in page.inner_text("#chatbot")
    shot(page, "chat-follow-up")
    page.click("#as-typed")  # one click answers the question as typed instead
    page.wait_for_function("!document.querySelector('#chatbot').innerText.includes('理解为')", timeout=30_000)
    ask(page, "衡水市城市社区综合服务设施覆盖率目标是多少？", 3)  # a new standalone question stands alone
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('100%')", timeout=30_000)
    last = page.locator("#chatbot .message-row, #chatbot [data-testid='bot']").last.inner_text()
    assert "理解为" not in last and "凯里" not in last
    shot(page, "chat-standalone-after-follow-up")


def test_a_citation_opens_its_whole_document_at_the_passage(page):
    """查看全文 under a source card: the whole document opens beside the answer, scrolled to the cited
    clause, marked, with its version date; 关闭全文 closes it."""
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.click("#citations .pq-card a.pq-open")
    page.wait_for_selector("#doc-viewer #pq-target", timeout=30_000)
    mark = page.inner_text("#doc-viewer #pq-target mark")  # the quoted sentence, in its shaded clause
    assert "每个社区专职工作者不少于5人" in mark and len(mark) < len(
        page.inner_text("#doc-viewer #pq-target")
    )
    head = page.inner_text("#doc-viewer .pq-doc-head")
    assert "凯里市加强和完善城乡社区治理的工作方案" in head and "版" in head
    page.wait_for_function(  # scrolled: the marked clause is inside the viewer's visible box
        """() => { const b = document.querySelector('#doc-viewer .pq-doc-body');
                   const t = document.querySelector('#doc-viewer #pq-target');
                   if (!b || !t || b.scrollTop === 0) return false;
                   const bb = b.getBoundingClientRect(), tb = t.getBoundingClientRect();
                   return tb.top >= bb.top - 1 && tb.top <= bb.bottom; }""",
        timeout=10_000,
    )
    shot(page, "chat-document-viewer")
    page.click("#doc-viewer .pq-doc-head a.pq-open")
    page.wait_for_function("!document.querySelector('#doc-viewer #pq-target')", timeout=10_000)


def test_unanswerable_question_shows_related_clauses(page):
    page.fill("#question textarea", "北京市社区规模原则上不得低于多少户？")
    page.click("#ask")
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('未找到')", timeout=60_000)
    page.wait_for_selector("#citations .pq-related")
    shot(page, "chat-not-found")


def test_compare_tab_downloads_xlsx(page, tmp_path):
    from openpyxl import load_workbook

    page.get_by_role("tab", name="对比").click()
    page.click("#compare-btn")
    page.wait_for_selector("#compare-table table", timeout=60_000)
    assert "不得低于1000户" in page.inner_text("#compare-table")
    page.wait_for_function(
        "document.querySelector('#indicator-rows').innerText.includes('不得低于')", timeout=30_000
    )
    # the grid also renders its widest cells in a hidden row it measures column widths with
    page.locator("#indicator-rows").get_by_text("不得低于1000户", exact=True).locator(
        "visible=true"
    ).first.click()
    page.wait_for_function(
        "document.querySelector('#indicator-detail').innerText.includes('1000户')", timeout=30_000
    )
    assert "西咸新区" in page.inner_text("#indicator-detail")
    for header in ("基期值", "单位", "数值"):  # every column reads its header on one line, empty or not
        box = page.locator(f"#indicator-rows th[title='{header}']").bounding_box()
        assert box is not None and box["width"] >= 60, (header, box)
    shot(page, "compare")
    with page.expect_download() as dl:
        page.locator("#xlsx-file a").first.click()
    path = tmp_path / "cmp.xlsx"
    dl.value.save_as(path)
    wb = load_workbook(path)
    assert wb["指标"]["A1"].value == "地区" and wb["指标"].auto_filter.ref
    ws = wb["对比"]
    assert ws["A1"].value == "主题" and ws.max_column >= 9


def test_upload_gbk_text_then_find_its_clause(page, tmp_path):
    f = tmp_path / "测试区社区办法.txt"
    f.write_bytes(
        "测试区社区工作办法\n一、人员配备\n（一）网格员。每个社区配备专职网格员不少于7名，由测试区民政局负责。\n".encode(
            "gbk"
        )
    )
    page.get_by_role("tab", name="文库").click()
    page.set_input_files("#upload input[type=file]", str(f))
    page.wait_for_function(
        "document.querySelector('#upload-status').innerText.includes('已加入')", timeout=120_000
    )
    page.wait_for_function(
        "document.querySelector('#index-status').innerText.includes('索引已更新')", timeout=120_000
    )
    assert "测试区社区工作办法" in page.inner_text("#library-table")
    assert "测试区社区办法.txt" in page.inner_text("#upload-status")  # the user's own file name
    shot(page, "library-after-upload")
    page.fill("#library-search textarea", "测试区")  # the library's search narrows the list as one types
    page.wait_for_function(
        "!document.querySelector('#library-table').innerText.includes('衡水')", timeout=10_000
    )
    assert "测试区社区工作办法" in page.inner_text("#library-table")
    page.fill("#library-search textarea", "")
    page.wait_for_function(
        "document.querySelector('#library-table').innerText.includes('衡水')", timeout=10_000
    )
    bad = tmp_path / "evil.exe"
    bad.write_bytes(b"MZ\x00\x00")
    page.get_by_role("tab", name="问答").click()
    page.fill("#question textarea", "测试区每个社区配几名专职网格员？")
    page.click("#ask")
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('7名')", timeout=60_000)
    assert "测试区社区工作办法" in page.inner_text("#citations")
    page.reload()  # after a reload, and in a new browser session, the library still lists it
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.get_by_role("tab", name="文库").click()
    page.wait_for_function(
        "document.querySelector('#library-table').innerText.includes('测试区社区工作办法')", timeout=30_000
    )
    other = page.context.browser.new_context(locale="zh-CN")
    fresh = other.new_page()
    fresh.goto(page.url)
    fresh.wait_for_selector("#question textarea", timeout=60_000)
    fresh.get_by_role("tab", name="文库").click()
    fresh.wait_for_function(
        "document.querySelector('#library-table').innerText.includes('测试区社区工作办法')", timeout=30_000
    )
    other.close()


def test_handout_downloads_docx_with_headings_and_table(page, tmp_path):
    import docx

    page.get_by_role("tab", name="培训材料").click()
    page.click("#handout-quiz input")  # with review questions, answered after them with their sources
    page.click("#handout-btn")
    page.wait_for_selector("#docx-file a", timeout=60_000)
    shot(page, "handout")
    with page.expect_download() as dl:
        page.locator("#docx-file a").first.click()
    path = tmp_path / "h.docx"
    dl.value.save_as(path)
    d = docx.Document(path)
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert "社区规模" in headings and "工作者配备" in headings
    assert d.tables and d.tables[0].cell(0, 0).text == "地区" and all(len(t.columns) <= 8 for t in d.tables)
    section = d.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "页" in footer
    assert any(p.text.startswith("生成日期：20") for p in d.paragraphs)
    assert headings.index("复习题") < headings.index("参考答案") and "依据：" in "\n".join(
        p.text for p in d.paragraphs
    )


def test_document_text_is_rendered_escaped(server, tmp_path):
    from ui.render import outline_html

    class Doc:
        title = "<script>alert(1)</script>"
        region = date = number = ""
        clauses = ()

    assert "<script>" not in outline_html(Doc()) and "&lt;script&gt;" in outline_html(Doc())


def test_the_data_folder_is_never_served(server):
    """An uploaded page must not come back from the app's origin as a page (stored script injection)."""
    import urllib.error

    url, home = server
    evil = home / "uploads" / "x-0123abcd.html"
    evil.parent.mkdir(parents=True, exist_ok=True)
    evil.write_text("<script>alert(document.cookie)</script>", encoding="utf-8")
    for path in (evil, home / "documents"):
        try:
            with urllib.request.urlopen(f"{url}gradio_api/file={path}", timeout=10) as r:
                status, ctype = r.status, r.headers.get("content-type", "")
        except urllib.error.HTTPError as e:
            status, ctype = e.code, ""
        assert status in (403, 404) and "text/html" not in ctype, (path, status, ctype)


def test_a_busy_server_is_announced_in_chinese_and_the_action_retried(page):
    """When Gradio sheds load it shows an English toast; the page's script says it in Chinese and
    presses the last button again (here the toast is injected; the retry is observed as a click)."""
    page.get_by_role("tab", name="对比").click()
    page.wait_for_selector("#compare-btn")
    page.evaluate("""() => {
        window.__clicks = 0;
        document.querySelector('#compare-btn').addEventListener('click', () => { window.__clicks += 1; });
    }""")
    page.click("#compare-btn")
    page.evaluate("""() => {
        const t = document.createElement('div');
        t.textContent = 'This application is currently busy. Please try again. ';
        t.id = 'fake-toast';
        document.body.appendChild(t);
    }""")
    page.wait_for_function(
        "document.querySelector('#fake-toast').innerText.includes('服务器繁忙')", timeout=5_000
    )
    page.wait_for_function("window.__clicks >= 2", timeout=10_000)


def test_the_version_tab_asks_for_two_versions(page):
    page.get_by_role("tab", name="新旧对照").click()
    page.click("#diff-btn")
    page.wait_for_function(
        "document.querySelector('#diff-table').innerText.includes('请选择')", timeout=30_000
    )


def test_the_chat_survives_a_reload_citations_click_and_new_chat_clears_filters(page):
    page.locator("#chatbot").wait_for()
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.wait_for_selector("#chatbot .pq-cite")
    page.locator("#chatbot .pq-cite").first.click()
    page.wait_for_selector("#chatbot details.pq-sources[open] .pq-src", timeout=10_000)
    assert "凯里市" in page.inner_text("#chatbot details.pq-sources")
    # [1] leads to source 1 of that answer, and to its card beside the chat
    page.wait_for_selector("#chatbot details.pq-sources li.pq-src:nth-of-type(1).pq-flash", timeout=5_000)
    page.wait_for_selector("#citations .pq-card.pq-flash", timeout=5_000)
    page.wait_for_timeout(1500)  # the conversation is written to the browser's storage
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.wait_for_function(
        "document.querySelector('#chatbot').innerText.includes('不少于5人')", timeout=30_000
    )
    # the latest answer's source cards come back beside it
    page.wait_for_function(
        "document.querySelector('#citations').innerText.includes('凯里市加强和完善城乡社区治理的工作方案')",
        timeout=30_000,
    )
    region = page.locator("#chat-regions input")
    region.click()
    page.get_by_role("option", name="衡水市").click()
    page.wait_for_function(
        "document.querySelector('#active-filters').innerText.includes('衡水市')", timeout=10_000
    )
    shot(page, "chat-filters")
    page.get_by_role("button", name="新对话").click()
    page.wait_for_function(
        "!document.querySelector('#chatbot').innerText.includes('不少于5人')", timeout=10_000
    )
    page.wait_for_function(
        "!document.querySelector('#active-filters').innerText.includes('衡水市')", timeout=10_000
    )


def test_feedback_on_an_answer_is_stored(page, server):
    import json

    _, home = server
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.locator("#chatbot button[aria-label='反馈']").last.click()
    page.locator("#chatbot button", has_text="有用").first.click()
    page.wait_for_function(
        "document.querySelector('#feedback-status').innerText.includes('谢谢')", timeout=10_000
    )
    records = [json.loads(x) for x in (home / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[-1]["liked"] is True and records[-1]["question"].startswith("凯里")


def test_conversations_are_listed_switched_and_deleted(page):
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.click("#new-chat")
    page.wait_for_function(
        "!document.querySelector('#chatbot').innerText.includes('不少于5人')", timeout=10_000
    )
    ask(page, "衡水市城市社区综合服务设施覆盖率目标是多少？", 1)
    page.locator("#conversations input").click()
    page.get_by_role("option", name="凯里每个社区至少要配几名专职工作者？"[:24]).click()
    page.wait_for_function(
        "document.querySelector('#chatbot').innerText.includes('不少于5人')", timeout=10_000
    )
    shot(page, "conversations")
    page.click("#conv-delete")
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('100%')", timeout=10_000)


def test_a_question_shows_at_once_with_an_answering_line_then_its_answer(page):
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.evaluate("""() => {
        window.__seen = false;
        new MutationObserver(() => {
            if (document.querySelector('#chatbot').innerText.includes('正在回答')) window.__seen = true;
        }).observe(document.querySelector('#chatbot'), {childList: true, subtree: true, characterData: true});
    }""")
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.wait_for_function(
        "document.querySelector('#chatbot').innerText.includes('不少于5人')", timeout=30_000
    )
    assert page.evaluate("window.__seen")
    assert "正在回答" not in page.inner_text("#chatbot")


def test_icon_buttons_are_labelled_in_chinese(page):
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    page.wait_for_timeout(500)
    labels = page.evaluate("""() => [...document.querySelectorAll('#chatbot [aria-label], #chatbot [title]')]
        .flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title')]).filter(Boolean)""")
    english = {
        "Copy message",
        "Feedback",
        "Like",
        "Dislike",
        "Retry",
        "Copy",
        "Clear",
        "Copy conversation",
        "chatbot conversation",
    }
    assert labels and not english & set(labels), labels
    assert not [v for v in labels if v.startswith(("user's message", "bot's message"))]
    assert {"复制回答", "有用", "没用"} & set(labels), labels


def test_on_a_phone_every_tab_is_reachable_and_the_library_reads_whole(browser, server):
    """At 390×844 every tab shows its name (none hidden behind "…"), and a library row shows its
    place and date beside its title without scrolling sideways."""
    url, _ = server
    ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True, has_touch=True
    )
    pg = ctx.new_page()
    pg.goto(url)
    pg.wait_for_selector("#question textarea", timeout=60_000)
    shot(pg, "phone-chat")
    for name in ("问答", "对比", "文库", "新旧对照", "培训材料"):
        assert pg.get_by_role("tab", name=name).is_visible(), name
    pg.get_by_role("tab", name="文库").click()
    pg.wait_for_selector("#library-table", timeout=30_000)
    shot(pg, "phone-library")
    box = pg.locator("#library-table").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390 + 1
    first = pg.locator("#library-table tr:has(td)").first
    cells = first.locator("td").all()
    assert "市" in cells[1].inner_text() or "区" in cells[1].inner_text() or "全国" in cells[1].inner_text()
    assert cells[2].inner_text()[:2] in ("19", "20", "—")  # the date: two versions differ here
    for cell in cells[:3]:  # title (whole, wrapped), place, date: on screen
        b = cell.bounding_box()
        assert b is not None and b["x"] + b["width"] <= 390 + 1, cell.inner_text()
    assert not cells[3].is_visible()  # kind, level, clauses, id: on a wide screen
    pg.get_by_role("tab", name="新旧对照").click()
    pg.wait_for_selector("#diff-pair", timeout=30_000)
    shot(pg, "phone-diff")
    ctx.close()


def test_a_refusal_says_why_in_its_first_line(page):
    page.fill("#question textarea", "北京市社区规模原则上不得低于多少户？")
    page.click("#ask")
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('未找到')", timeout=60_000)
    last = page.locator("#chatbot .message-row, #chatbot [data-testid='bot']").last.inner_text()
    first = next(ln for ln in last.splitlines() if ln.strip())
    assert "未找到" in first and "原因：" in first and "北京" in first, first


def test_a_citation_is_reached_and_opened_by_keyboard(page):
    ask(page, "凯里每个社区至少要配几名专职工作者？", 1)
    cite = page.locator("#chatbot .pq-cite").first
    page.wait_for_function("document.querySelector('#chatbot .pq-cite[tabindex=\"0\"]') !== null")
    cite.focus()
    assert page.evaluate("document.activeElement.classList.contains('pq-cite')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#chatbot details.pq-sources[open] li.pq-src.pq-flash", timeout=5_000)


def test_an_old_word_file_gets_the_advice_in_chinese(page, tmp_path):
    legacy = tmp_path / "旧通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    page.get_by_role("tab", name="文库").click()
    page.set_input_files("#upload input[type=file]", str(legacy))
    page.wait_for_function(
        "document.querySelector('#upload-status').innerText.includes('另存为')", timeout=60_000
    )
    status = page.inner_text("#upload-status")
    assert "旧通知.doc" in status and "请另存为 .docx 或 .pdf" in status
    assert "Invalid file" not in page.inner_text("body")


def test_two_versions_compared_wording_apart_from_substance(page, tmp_path):
    """新旧对照 as a trainer uses it: two uploaded versions, the changes marked, wording-only changes
    (乡镇 → 乡、镇) hidden on request, the Word download above the table."""
    old = "# 某区居务条例\n\n（2018年3月1日某区人民代表大会常务委员会通过）\n\n第一条 乡镇人民政府指导居民委员会的工作。\n\n第二条 街道办事处应当自收到申请之日起三十日内作出决定。\n"
    new = "# 某区居务条例\n\n（2018年3月1日某区人民代表大会常务委员会通过　2023年6月1日某区人民代表大会常务委员会修订）\n\n第一条 乡、镇人民政府指导居民委员会的工作。\n\n第二条 街道办事处应当自收到申请之日起十五日内作出决定。\n"
    files = [tmp_path / "某区居务条例2018.md", tmp_path / "某区居务条例2023.md"]
    for f, text in zip(files, (old, new), strict=True):
        f.write_text(text, encoding="utf-8")
    page.get_by_role("tab", name="文库").click()
    page.set_input_files("#upload input[type=file]", [str(f) for f in files])
    page.wait_for_function(
        "document.querySelector('#upload-status').innerText.split('已加入').length > 2", timeout=120_000
    )
    page.get_by_role("tab", name="新旧对照").click()
    page.reload()  # the pickers are refreshed on load
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.get_by_role("tab", name="新旧对照").click()
    page.locator("#diff-pair input").click()
    page.get_by_role("option", name="某区居务条例", exact=False).first.click()
    page.click("#diff-btn")
    page.wait_for_function("document.querySelector('#diff-table del') !== null", timeout=60_000)
    table = page.inner_text("#diff-table")
    assert "三十" in page.locator("#diff-table del").all_inner_texts()
    assert "十五" in page.locator("#diff-table ins").all_inner_texts()
    assert "文字修改 1 条" in table, table[:300]
    download, grid = page.locator("#diff-docx").bounding_box(), page.locator("#diff-table").bounding_box()
    assert download and grid and download["y"] < grid["y"]  # the Word file is found without scrolling
    shot(page, "diff-both")
    page.locator("#diff-substantive input").check()
    page.click("#diff-btn")
    page.wait_for_function(
        "document.querySelector('#diff-table').innerText.includes('文字修改 1 条，未列出')", timeout=30_000
    )
    assert "乡、镇" not in page.inner_text("#diff-table") and "十五" in page.inner_text("#diff-table")
