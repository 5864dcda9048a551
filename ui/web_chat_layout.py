"""The 问答 tab's layout and wiring: the chat, its follow-up button, conversations kept in the
browser, filters, feedback."""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.answer import MAX_QUESTION
from ui import conversations, render
from ui.web_chat import ChatHandlers, _plain_text

EXAMPLES = [
    "每个社区至少配几名专职工作者？",
    "各地对社区规模（户数）有什么要求？",
    "衡水的城市社区综合服务设施覆盖率目标是多少？",
    "凯里推行一村一法律顾问，归哪个部门牵头？",
]


def chat_tab(app: ChatHandlers, demo: gr.Blocks) -> tuple[gr.HTML, gr.Dropdown, gr.Dropdown]:
    """Lay the tab out; returns what the page refreshes when the corpus changes (the index note,
    the region and document pickers)."""
    with gr.Tab("问答", id="chat"):
        with gr.Row():
            with gr.Column(scale=3):
                active = gr.HTML(elem_id="active-filters")
                chat_state = gr.HTML(app.chat_status(), elem_id="chat-index-status")
                chatbot = gr.Chatbot(
                    show_label=False,
                    height=460,
                    elem_id="chatbot",
                    placeholder="试试：" + "　".join(EXAMPLES[:2]),
                    feedback_options=("有用", "没用"),
                )
                thanks = gr.HTML(elem_id="feedback-status")
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="输入问题，回车发送",
                        show_label=False,
                        scale=5,
                        elem_id="question",
                        max_length=MAX_QUESTION,
                    )
                    send = gr.Button("提问", variant="primary", scale=1, elem_id="ask")
                typed = gr.Button("按原问题回答（不结合上文）", size="sm", visible=False, elem_id="as-typed")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Row():
                    clear = gr.Button("新对话", size="sm", elem_id="new-chat")
                    export = gr.Button("导出对话", size="sm", elem_id="export-chat")
                chat_file = gr.File(label="对话记录下载", visible=False, elem_id="chat-file")
            with gr.Column(scale=2):
                conv = gr.Dropdown([], value=None, label="对话列表", elem_id="conversations")
                with gr.Row():
                    conv_title = gr.Textbox(
                        show_label=False, placeholder="新名称", elem_id="conv-title", scale=3
                    )
                    conv_rename = gr.Button("重命名", size="sm", elem_id="conv-rename", scale=1)
                    conv_delete = gr.Button(
                        "删除对话", size="sm", variant="stop", elem_id="conv-delete", scale=1
                    )
                regions = gr.Dropdown(
                    app.region_choices(), multiselect=True, label="限定地区", elem_id="chat-regions"
                )
                docs = gr.Dropdown(app.doc_choices(), multiselect=True, label="限定文件")
                cards = gr.HTML(elem_id="citations", label="出处")
                viewer = gr.HTML(elem_id="doc-viewer")  # 查看全文: the whole document at the clause
                viewer_target = gr.Textbox(elem_id="viewer-target", show_label=False, container=False)
                viewer_open = gr.Button("打开", elem_id="viewer-open")
                viewer_open.click(
                    app.document_view, viewer_target, viewer, api_visibility="private", queue=False
                )
        saved = gr.BrowserState(dict(conversations.EMPTY), storage_key="policyqa-chats")  # survives a reload
        asked = gr.State("")
        records = gr.State([])  # the conversation's turns as data: what a follow-up is read against

        def pending(message: str, history: list[dict]) -> list[dict]:
            """The question shows at once, with "正在回答…" where its answer will be."""
            if not (message or "").strip():
                return history
            return [
                *history,
                {"role": "user", "content": escape(message.strip())},
                {"role": "assistant", "content": render.PENDING},
            ]

        def turn(
            message: str,
            history: list[dict],
            rs: list[str] | None,
            ds: list[str] | None,
            store: dict,
            recs: list[dict],
        ):
            if history and "pq-pending" in _plain_text(history[-1].get("content", "")):
                history = history[:-2]  # the placeholder `pending` showed
            out, cards_html, recs = app.chat(message, history, rs, ds, recs)
            rewritten = bool(out) and "理解为：" in _plain_text(out[-1]["content"])
            store = conversations.record(store, out, recs, cards_html)
            return (
                out,
                cards_html,
                "",
                gr.update(visible=rewritten),
                (message or "").strip(),
                store,
                gr.update(choices=conversations.choices(store), value=store["current"]),
                recs,
            )

        for trigger in (send.click, box.submit):
            # Answers take milliseconds: they bypass the queue, so a burst never meets "queue full".
            trigger(pending, [box, chatbot], chatbot, api_visibility="private", queue=False).then(
                turn,
                [box, chatbot, regions, docs, saved, records],
                [chatbot, cards, box, typed, asked, saved, conv, records],
                api_visibility="private",
                queue=False,
            )
        typed.click(
            lambda q, h, rs, ds, recs: app.chat(q, h, rs, ds, recs, as_typed=True),
            [asked, chatbot, regions, docs, records],
            [chatbot, cards, records],
            api_visibility="private",
            queue=False,
        ).then(
            lambda h, st, recs, cs: (gr.update(visible=False), conversations.record(st, h, recs, cs)),
            [chatbot, saved, records, cards],
            [typed, saved],
            api_visibility="private",
            queue=False,
        )

        def pick_chat(cid: str | None, store: dict):
            if not cid or cid == store.get("current"):
                return gr.update(), store, gr.update(), gr.update()
            store, messages = conversations.open_chat(store, cid)
            # the side cards of that conversation's latest answer
            return messages, store, conversations.cards(store), conversations.turns(store)

        def after_delete(store: dict):
            store, messages = conversations.delete(store)
            return (
                messages,
                store,
                gr.update(choices=conversations.choices(store), value=store["current"] or None),
                "",
                conversations.turns(store),
            )

        conv.input(
            pick_chat,
            [conv, saved],
            [chatbot, saved, cards, records],
            api_visibility="private",
            queue=False,
        )
        conv_rename.click(
            lambda t, st: (conversations.rename(st, t), ""),
            [conv_title, saved],
            [saved, conv_title],
            api_visibility="private",
            queue=False,
        ).then(
            lambda st: gr.update(choices=conversations.choices(st), value=st["current"] or None),
            saved,
            conv,
            api_visibility="private",
            queue=False,
        )
        conv_delete.click(
            after_delete,
            saved,
            [chatbot, saved, conv, cards, records],
            api_visibility="private",
            queue=False,
        )
        export.click(
            lambda h: gr.update(value=app.export_chat(h), visible=bool(h)),
            chatbot,
            chat_file,
            api_visibility="private",
        )
        for f in (regions, docs):
            f.change(app.filters, [regions, docs], active, api_visibility="private", queue=False)
        clear.click(
            lambda st: (
                [],
                "",
                [],
                [],
                "",
                conversations.new_chat(st),
                "",
                gr.update(value=None),
                [],
            ),
            saved,
            [chatbot, cards, regions, docs, active, saved, thanks, conv, records],
            api_visibility="private",
            queue=False,
        )

        def on_like(history: list[dict], data: gr.LikeData) -> str:
            liked = (
                {"有用": True, "没用": False}.get(data.liked, data.liked)
                if isinstance(data.liked, str)
                else data.liked
            )
            return app.feedback(history, data.index, liked if isinstance(liked, bool) else None)

        chatbot.like(on_like, chatbot, thanks, api_visibility="private", queue=False)

        def restore(store: dict):
            store, messages = conversations.open_chat(store, (store or {}).get("current"))
            return (
                messages,
                gr.update(choices=conversations.choices(store), value=store["current"] or None),
                conversations.turns(store),
                conversations.cards(store),
            )

        demo.load(restore, saved, [chatbot, conv, records, cards], api_visibility="private", queue=False)
    return chat_state, regions, docs
