"""The web app's layout (Gradio): 问答, 对比, 文库, 新旧对照, 培训材料; the handlers are `WebApp`'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

import gradio as gr

from ui import render
from ui.web_chat_layout import chat_tab

if TYPE_CHECKING:
    from ui.web import WebApp


def build_app(app: WebApp):  # gr.Blocks
    # Gradio keeps a copy of every file posted to it (also straight to /gradio_api/upload): gone after an hour
    with gr.Blocks(title="政策问答 policyqa", analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        gr.Markdown("## 政策问答 · 城乡社区治理政策文件")
        with gr.Tabs(overflow_behavior="wrap"):  # on a phone every tab shows its name (no "…" menu)
            chat_state, regions, docs = chat_tab(app, demo)
            with gr.Tab("对比", id="compare"):
                with gr.Row():
                    topic = gr.Dropdown(["全部", *app.topics()], value="社区规模", label="主题")
                    cmp_regions = gr.Dropdown(
                        app.region_choices(), multiselect=True, label="地区（不选为全部）"
                    )
                    cmp_docs = gr.Dropdown(app.doc_choices(), multiselect=True, label="文件（不选为全部）")
                    cmp_btn = gr.Button("生成对比表", variant="primary", elem_id="compare-btn")
                cmp_html = gr.HTML(elem_id="compare-table")
                with gr.Row():
                    xlsx = gr.File(label="Excel 下载", elem_id="xlsx-file")
                    csv_file = gr.File(label="CSV 下载", elem_id="csv-file")
                gr.Markdown("**逐项指标**（点击表头排序，点击一行查看原文）")
                grid = gr.Dataframe(
                    headers=list(render.ROW_VIEW),
                    column_widths=list(render.ROW_VIEW_WIDTHS),
                    interactive=False,
                    wrap=True,
                    elem_id="indicator-rows",
                    max_height=420,
                )
                detail = gr.HTML(elem_id="indicator-detail")
                cmp_btn.click(
                    app.compare,
                    [topic, cmp_docs, cmp_regions],
                    [cmp_html, xlsx, csv_file, grid],
                    api_visibility="private",
                )

                def on_select(evt: gr.SelectData) -> str:
                    return app.indicator_detail(evt.index, getattr(evt, "row_value", None))

                grid.select(on_select, None, detail, api_visibility="private")
            with gr.Tab("文库", id="library"):
                # Upload and its status first, then the library, then one document: nothing below the fold
                # that the user is waiting for.
                files = gr.File(
                    file_count="multiple",
                    label="上传文件（txt/docx/pdf/html，GBK 亦可）",
                    elem_id="upload",
                    height=120,
                )
                status = gr.HTML(elem_id="upload-status")
                index_state = gr.HTML(app.index_status(), elem_id="index-status")
                lib_search = gr.Textbox(
                    show_label=False,
                    placeholder="搜索文库：标题、地区、类型、日期或文件名",
                    elem_id="library-search",
                )
                table = gr.HTML(
                    app.library(),  # whole titles; two versions of one instrument differ by their date
                    elem_id="library-table",
                    max_height=320,
                )
                lib_search.change(app.library, lib_search, table, api_visibility="private", queue=False)
                pick = gr.Dropdown(
                    app.doc_choices(),
                    value=None,
                    label="打开文件（查看目录、更正信息或删除）",
                    elem_id="doc-pick",
                )
                with gr.Row():
                    m_title = gr.Textbox(label="标题", elem_id="meta-title", scale=3)
                    m_region = gr.Textbox(label="地区", elem_id="meta-region", scale=1)
                    m_date = gr.Textbox(label="日期（2024-05-01）", elem_id="meta-date", scale=1)
                with gr.Row():
                    m_save = gr.Button("保存更正", elem_id="meta-save", size="sm")
                    m_confirm = gr.Checkbox(label="确认删除", elem_id="meta-confirm")
                    m_delete = gr.Button("删除文件", variant="stop", elem_id="meta-delete", size="sm")
                m_status = gr.HTML(elem_id="meta-status")
                outline = gr.HTML(elem_id="outline")
                pick.change(app.outline, pick, outline, api_visibility="private")
                pick.change(app.doc_meta, pick, [m_title, m_region, m_date], api_visibility="private")
                m_save.click(
                    app.save_meta, [pick, m_title, m_region, m_date], m_status, api_visibility="private"
                )
                m_delete.click(app.delete_doc, [pick, m_confirm], m_status, api_visibility="private")

                def on_upload(paths, progress=gr.Progress()):
                    report, lib = app.upload(paths, progress)
                    choices = app.doc_choices()
                    return (
                        report,
                        lib,
                        gr.update(choices=choices),
                        gr.update(choices=choices),
                        gr.update(choices=choices),
                        gr.update(choices=app.region_choices()),
                        None,
                    )

                files.upload(
                    on_upload,
                    files,
                    [status, table, pick, docs, cmp_docs, regions, files],
                    api_visibility="private",
                )
            with gr.Tab("新旧对照", id="diff"):
                with gr.Row():
                    pair = gr.Dropdown(  # twice as wide: its labels carry a title and two dates
                        app.version_pairs(),
                        value=None,
                        label="有新旧版本的文件",
                        elem_id="diff-pair",
                        scale=2,
                    )
                    d_old = gr.Dropdown(
                        app.doc_choices(), value=None, label="或自选：旧版", elem_id="diff-old"
                    )
                    d_new = gr.Dropdown(app.doc_choices(), value=None, label="新版", elem_id="diff-new")
                    d_btn = gr.Button("对照", variant="primary", elem_id="diff-btn")
                d_substance = gr.Checkbox(
                    False, label="只看实质修改（不列改名、标点等文字修改）", elem_id="diff-substantive"
                )
                d_docx = gr.File(label="Word 下载", elem_id="diff-docx")
                d_html = gr.HTML(elem_id="diff-table")
                d_btn.click(
                    app.diff, [pair, d_old, d_new, d_substance], [d_html, d_docx], api_visibility="private"
                )
                d_substance.change(
                    app.diff, [pair, d_old, d_new, d_substance], [d_html, d_docx], api_visibility="private"
                )
            with gr.Tab("培训材料", id="handout"):
                with gr.Row():
                    h_topics = gr.CheckboxGroup(
                        app.topics(), value=["社区规模", "工作者配备", "培训"], label="主题"
                    )
                    h_docs = gr.Dropdown(app.doc_choices(), multiselect=True, label="文件（不选为全部）")
                h_questions = gr.Textbox(lines=3, label="附加问题（每行一个，可选）")
                h_quiz = gr.Checkbox(False, label="附复习题（答案与出处在后）", elem_id="handout-quiz")
                h_btn = gr.Button("生成培训材料", variant="primary", elem_id="handout-btn")
                with gr.Row():
                    h_docx = gr.File(label="Word 下载", elem_id="docx-file")
                    h_md = gr.File(label="Markdown 下载", elem_id="md-file")
                h_preview = gr.Markdown(elem_id="handout-preview")
                h_btn.click(
                    app.handout,
                    [h_topics, h_docs, h_questions, h_quiz],
                    [h_preview, h_docx, h_md],
                    api_visibility="private",
                )
        # The page follows the corpus: a new session, or a finished background index, refreshes the
        # library and every document picker.
        seen = gr.State(-1)

        def follow(version: int):
            app.live.check()  # documents the CLI added are picked up too
            if version == app.live.version:
                return app.chat_status(), app.index_status(), version, *(gr.update() for _ in range(10))
            choices = app.doc_choices()
            return (
                app.chat_status(),
                app.index_status(),
                app.live.version,
                app.library(),
                gr.update(choices=choices),
                gr.update(choices=choices),
                gr.update(choices=choices),
                gr.update(choices=choices),
                gr.update(choices=app.region_choices()),
                gr.update(choices=app.version_pairs()),
                gr.update(choices=choices),
                gr.update(choices=choices),
                gr.update(choices=app.region_choices()),
            )

        targets = [
            chat_state,
            index_state,
            seen,
            table,
            pick,
            docs,
            cmp_docs,
            h_docs,
            regions,
            pair,
            d_old,
            d_new,
            cmp_regions,
        ]
        demo.load(follow, seen, targets, api_visibility="private")
        gr.Timer(2.0).tick(
            follow, seen, targets, api_visibility="private", show_progress="hidden", queue=False
        )
        # A programmatic endpoint for load checks and scripts.
        api_q = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)
        gr.Button(visible=False).click(
            lambda q: _api_answer(app, q), api_q, api_out, api_name="ask", queue=False
        )
    return demo


def _api_answer(app: WebApp, question: str) -> dict:
    return app.assistant.ask(question).as_json()
