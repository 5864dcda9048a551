"""The web app (Gradio): 问答, 对比, 文库, 培训材料.

`WebApp` holds the handlers as plain methods (testable without a browser); `build_app` lays
them out; nothing is built at import. The UI formats; the data work is the library's.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant.answer import MAX_QUESTION, Assistant
from assistant.compare import NoMatchingRows, build_table, select, split_rows, valued
from assistant.export import record, to_csv, to_xlsx
from assistant.extract import extract_all
from assistant.handout import build_handout, handout_docx, handout_markdown
from assistant.indicator import Indicator
from assistant.topics import OTHER, RESPONSIBILITY, taxonomy
from corpus import DocumentStore
from corpus.metadata import region_level
from corpus.settings import Settings
from corpus.store import LEGACY, skip_reason
from corpus.versions import superseded, version_pairs
from indexer.errors import IndexProblem
from ui import conversations, render
from ui.live import LiveCorpus
from ui.login import ClientAddress

log = logging.getLogger(__name__)
LARGE_UPLOAD_CLAUSES = 2000  # about three minutes of embedding at the default embedder's ~11 clauses/s
UPLOAD_TYPES = [".txt", ".md", ".docx", ".pdf", ".html", ".htm"]
EXAMPLES = [
    "每个社区至少配几名专职工作者？",
    "各地对社区规模（户数）有什么要求？",
    "衡水的城市社区综合服务设施覆盖率目标是多少？",
    "凯里推行一村一法律顾问，归哪个部门牵头？",
]


def safe_name(original: str, data: bytes) -> str:
    """An upload's stored name: a slug of its stem plus a content hash; no path parts survive."""
    base = os.path.basename(original.replace("\\", "/"))
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", stem).strip("-.")[:40] or "upload"
    return f"{stem}-{hashlib.sha1(data).hexdigest()[:8]}{suffix.lower()}"


class WebApp:
    """State and handlers behind the web UI; one per served corpus."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.live = LiveCorpus(settings)
        self._rows: tuple[int, list[Indicator]] | None = None  # (corpus version, rows)
        self._staging = tempfile.TemporaryDirectory(prefix="policyqa-downloads-")
        self._feedback_lock = threading.Lock()

    @property
    def store(self) -> DocumentStore:
        return self.live.store

    @property
    def assistant(self) -> Assistant:
        """The current assistant; documents changed since the last index start a background refresh."""
        self.live.check()
        return self.live.assistant

    # ---- shared -------------------------------------------------------------------------
    def docs(self) -> dict:
        return self.assistant.docs

    def doc_choices(self) -> list[tuple[str, str]]:
        return [(f"{d.region}｜{d.title}", d.id) for d in self.assistant.docs.values()]

    def region_choices(self) -> list[str]:
        return sorted({d.region for d in self.assistant.docs.values() if d.region})

    def rows(self) -> list[Indicator]:
        assistant, version = self.assistant, self.live.version
        if self._rows is None or self._rows[0] != version:
            self._rows = (version, extract_all(assistant.docs.values()))
        return self._rows[1]

    def index_status(self) -> str:
        return render.index_status(self.live.status, self.live.indexing)

    def chat_status(self) -> str:
        """Above the chat: said only while answers may miss what the index has not taken in yet."""
        return "" if self.live.complete else self.index_status()

    def current_rows(self) -> list[Indicator]:
        """Rows of current versions only (an instrument's superseded versions left out)."""
        old = superseded(self.assistant.docs.values())
        return [r for r in self.rows() if r.doc_id not in old]

    def topics(self) -> list[str]:
        return [n for n, _ in taxonomy()] + [RESPONSIBILITY, OTHER]

    # ---- 问答 ---------------------------------------------------------------------------
    def chat(
        self,
        message: str,
        history: list[dict],
        regions: list[str] | None = None,
        doc_ids: list[str] | None = None,
        records: list[dict] | None = None,
    ) -> tuple[list[dict], str, list[dict]]:
        """One turn: the answer joins the chat with its own sources; the latest answer's cards go beside it.
        `records` are the conversation's turns as data (`Turn.record`): a follow-up is read against the
        last one's analysed question. A conversation saved without them is read from its plain text."""
        message = (message or "").strip()
        history = list(history or [])
        records = list(records or [])
        if not message:
            return history, "", records
        allowed = set(doc_ids or [])
        if regions:
            by_region = {d.id for d in self.assistant.docs.values() if d.region in regions}
            allowed = (allowed & by_region) if allowed else by_region
        if records or not history:
            last = self.assistant.restore(records[-1]) if records else None
        else:
            last = self.assistant.replay(
                [{"role": m["role"], "content": _plain(m["content"])} for m in history]
            )
        try:
            turn = self.assistant.turn(message, [last] if last else [], doc_ids=allowed or None)
        except IndexProblem as e:  # e.g. the Milvus server restarting: say so, keep the conversation
            log.warning("answering failed: %s", e)
            reply = "检索服务暂时无法使用（向量库没有响应），请稍后再问一次。对话记录没有丢失。"
            return (
                history
                + [{"role": "user", "content": escape(message)}, {"role": "assistant", "content": reply}],
                "",
                records,
            )
        answer = turn.answer
        history += [
            {"role": "user", "content": escape(message)},
            {"role": "assistant", "content": render.answer_message(answer)},
        ]
        return history, render.citation_cards(answer, self.assistant.docs), records + [turn.record()]

    def as_typed(
        self,
        question: str,
        history: list[dict],
        regions: list[str] | None = None,
        doc_ids: list[str] | None = None,
        records: list[dict] | None = None,
    ) -> tuple[list[dict], str, list[dict]]:
        """Answer the last question as the user typed it, without the conversation, in place of the
        answer that read it as a follow-up."""
        history = list(history or [])
        records = list(records or [])
        if not question or len(history) < 2:
            return history, "", records
        fresh, cards, fresh_records = self.chat(question, [], regions, doc_ids)
        return history[:-1] + fresh[-1:], cards, records[:-1] + fresh_records[-1:]

    def export_chat(self, history: list[dict]) -> str | None:
        """The conversation with every answer's sources, as Markdown, for download."""
        if not history:
            return None
        lines = [f"# 政策问答 对话记录（{time.strftime('%Y-%m-%d %H:%M')}）", ""]
        for m in history:
            content = _plain_text(m.get("content", ""))
            if m.get("role") == "user":
                lines += [f"**问：** {render.plain_message(content)}", ""]
            else:
                lines += [f"**答：** {render.plain_message(content)}", ""]
                lines += [f"- [{i}] {src}" for i, src in enumerate(render.sources_of(content), 1)]
                lines.append("")
        out = self.settings.exports_dir
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"对话-{time.strftime('%Y%m%d-%H%M%S')}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        return self._download(path)

    def filters(self, regions: list[str] | None, doc_ids: list[str] | None) -> str:
        titles = [self.assistant.docs[d].title for d in doc_ids or [] if d in self.assistant.docs]
        return render.filters_note(regions, titles)

    def feedback(
        self,
        history: list[dict],
        index: int | list[int] | tuple[int, int],
        liked: bool | None,
        reason: str = "",
    ) -> str:
        """有用 / 没用 on an answer, kept in <data dir>/feedback.jsonl for `policyqa eval feedback`."""
        i = index[0] if isinstance(index, list | tuple) else index
        if not isinstance(i, int) or not 0 <= i < len(history) or history[i].get("role") != "assistant":
            return ""
        question = next((_plain(m["content"]) for m in reversed(history[:i]) if m.get("role") == "user"), "")
        content = _plain_text(history[i]["content"])
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "question": question,
            "answer": render.plain_message(content),
            "sources": render.sources_of(content),
            "liked": liked,
            "reason": reason,
        }
        with (
            self._feedback_lock,
            (self.settings.data_dir / "feedback.jsonl").open("a", encoding="utf-8") as f,
        ):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "谢谢反馈，已记录。"

    # ---- 对比 ---------------------------------------------------------------------------
    def compare(
        self, topic: str | None, doc_ids: list[str] | None, regions: list[str] | None = None
    ) -> tuple[str, str | None, str | None, list[list[str]]]:
        """The overview grid, the per-indicator rows (a sortable table; XLSX and CSV downloads);
        current versions unless documents are picked; optionally only some regions."""
        topics = [topic] if topic and topic != "全部" else None
        current = select(self.current_rows() if not doc_ids else self.rows(), None, doc_ids or None)
        if regions:
            current = [r for r in current if r.region in regions]
        try:  # the indicators; who does what without a figure: the 职责分工 sheet
            rows, duty_rows = split_rows(current, topics)
        except NoMatchingRows as e:
            self._shown_rows = []
            return f"<p class='pq-note'>{escape(str(e))}</p>", None, None, []
        table = build_table(valued(current), topics)  # every document with indicators keeps its column
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = self.settings.exports_dir
        out.mkdir(parents=True, exist_ok=True)
        xlsx = to_xlsx(rows, out / f"对比表-{stamp}.xlsx", table, duty_rows)
        csv_path = out / f"对比表-{stamp}.csv"
        csv_path.write_text(to_csv(rows), encoding="utf-8-sig")
        self._shown_rows = rows
        return (
            render.table_html(table),
            self._download(xlsx),
            self._download(csv_path),
            [render.row_view(record(r)) for r in rows],
        )

    def indicator_detail(self, index: int | list[int] | None, values: list | None = None) -> str:
        """The clause an indicator row was read from, with its document and place. The row is found
        by its values when the table has been sorted in the browser, else by its position."""
        rows = getattr(self, "_shown_rows", [])
        if values:
            shown = [str(v) if v is not None else "" for v in values]
            match = next((r for r in rows if render.row_view(record(r)) == shown), None)
            if match is not None:
                return render.indicator_html(match)
        i = index[0] if isinstance(index, list | tuple) else index
        if not isinstance(i, int) or not 0 <= i < len(rows):
            return ""
        return render.indicator_html(rows[i])

    def _download(self, path: Path) -> str:
        """A copy of an export for the browser. The data folder is never served: Gradio moves this
        copy (in a private temp folder) into its cache and serves it as an attachment."""
        staged = Path(self._staging.name) / path.name
        shutil.copyfile(path, staged)
        return str(staged)

    # ---- 文库 ---------------------------------------------------------------------------
    def library(self, search: str = "") -> list[list]:
        """The library's rows; `search` keeps the documents whose title, place, kind, date or file name
        holds every word of it ("上海 物业", "2020")."""
        words = (search or "").split()
        rows = []
        for d in self.assistant.docs.values():
            text = " ".join(
                (d.title, d.region, *d.places, d.kind, d.date, d.number, Path(d.source_file).name)
            )
            if all(w in text for w in words):
                rows.append(
                    [
                        d.title,
                        d.region,
                        region_level(d.region) or "—",
                        d.kind or "—",
                        d.date or "—",
                        len(d.clauses),
                        d.id,
                    ]
                )
        return rows

    def outline(self, doc_id: str | None) -> str:
        doc = self.assistant.docs.get(doc_id or "")
        return render.outline_html(doc) if doc else ""

    def upload(self, paths: list[str] | None, progress=None) -> tuple[str, list[list]]:
        """Store uploads under the data folder with safe names, ingest them, update the index incrementally."""
        lines: list[tuple[str, bool, str]] = []
        accepted: list[Path] = []
        shown_as: dict[str, str] = {}  # stored path → the user's own file name
        self.settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        for p in paths or []:
            name = os.path.basename(str(p))
            suffix = os.path.splitext(name)[1].lower()
            if suffix not in UPLOAD_TYPES:
                legacy = render.reason_zh(skip_reason(Path(name))) if suffix in LEGACY else ""
                lines.append(
                    (
                        name,
                        False,
                        legacy or f"不支持的类型 {suffix or '（无扩展名）'}；支持 {' '.join(UPLOAD_TYPES)}",
                    )
                )
                continue
            size = os.path.getsize(p)
            if size > self.settings.max_file_bytes:
                lines.append((name, False, f"文件过大（{size / 1e6:.1f} MB）"))
                continue
            data = Path(p).read_bytes()
            dest = self.settings.uploads_dir / safe_name(name, data)
            shutil.copyfile(p, dest)
            accepted.append(dest)
            shown_as[str(dest)] = name
        for p in paths or []:  # Gradio's own copy of every upload, accepted or not, is not kept
            Path(p).unlink(missing_ok=True)
        done = [0]

        def step(_r) -> None:  # one file finished
            done[0] += 1
            if progress is not None:
                progress(done[0] / len(accepted), desc=f"已处理 {done[0]}/{len(accepted)} 个文件")

        results = self.store.ingest(accepted, on_result=step) if accepted else []
        for r in results:
            label = shown_as.get(r.path, Path(r.path).name)
            if not r.ok:
                lines.append((label, False, render.reason_zh(r.error)))
            elif r.note:
                lines.append((label, True, f"与已有文件内容相同（{'、'.join(r.doc_ids)}），未重复加入"))
            else:
                lines.append((label, True, f"已加入 {len(r.doc_ids)} 篇文件，{r.clauses} 条"))
        if any(r.ok for r in results):
            self.live.refresh()  # indexed in the background; the current index keeps answering
            big = sum(r.clauses for r in results if r.ok)
            if big > LARGE_UPLOAD_CLAUSES:
                lines.append(("索引", True, f"新增 {big} 条条款，建立索引需要一些时间，完成前仍按原索引回答"))
        return render.upload_report(lines), self.library()

    def doc_meta(self, doc_id: str | None) -> tuple[str, str, str]:
        doc = self.assistant.docs.get(doc_id or "")
        return (doc.title, doc.region, doc.date) if doc else ("", "", "")

    def save_meta(self, doc_id: str | None, title: str, region: str, date: str) -> str:
        """Store a correction of title, region and date; the index follows in the background."""
        if not doc_id:
            return render.message("请先在“打开文件”中选择文件。", ok=False)
        try:
            doc = self.store.correct(doc_id, title=title, region=region, date=date)
        except ValueError as e:
            return render.message(f"未保存：{_chinese(str(e))}", ok=False)
        self.live.check()
        return render.message(
            f"已保存：{doc.title}｜{doc.region or '地区未注明'}｜{doc.date or '日期未注明'}（重新导入后仍保留）"
        )

    def delete_doc(self, doc_id: str | None, confirmed: bool) -> str:
        """Remove a document (and an uploaded file's stored copy); the index follows in the background."""
        if not doc_id:
            return render.message("请先在“打开文件”中选择文件。", ok=False)
        if not confirmed:
            return render.message("请勾选“确认删除”后再删除。", ok=False)
        doc = self.store.delete(doc_id)
        stored = Path(doc.source_path)
        if doc.source_path and stored.parent == self.settings.uploads_dir.resolve():
            stored.unlink(missing_ok=True)
        self.live.check()
        return render.message(f"已删除：{doc.title}")

    # ---- 新旧对照 -------------------------------------------------------------------------
    def version_pairs(self) -> list[tuple[str, str]]:
        """(label, "old|new") for every document that has an earlier version in the library."""
        return [
            (f"{new.region}｜{new.title}：{old.date} → {new.date}", f"{old.id}|{new.id}")
            for old, new in version_pairs(self.assistant.docs.values())
        ]

    def diff(
        self,
        pair: str | None,
        old_id: str | None = None,
        new_id: str | None = None,
        substantive_only: bool = False,
    ) -> tuple[str, str | None]:
        """The 新旧对照 of a version pair (or of two documents picked by hand) and its Word file;
        `substantive_only` leaves wording-only revisions (文字修改) out of the page."""
        from assistant.diff import diff_docx, diff_versions

        if pair:
            old_id, new_id = pair.split("|", 1)
        docs = self.assistant.docs
        if not old_id or not new_id or old_id == new_id or old_id not in docs or new_id not in docs:
            return "<div class='pq-error'>请选择同一文件的两个版本。</div>", None
        old, new = docs[old_id], docs[new_id]
        if old.date and new.date and old.date > new.date:
            old, new = new, old
        d = diff_versions(old, new)
        out = self.settings.exports_dir
        out.mkdir(parents=True, exist_ok=True)
        path = diff_docx(d, out / f"新旧对照-{time.strftime('%Y%m%d-%H%M%S')}.docx")
        return render.diff_html(d, substantive_only), self._download(path)

    # ---- 培训材料 -------------------------------------------------------------------------
    def handout(
        self, topics: list[str] | None, doc_ids: list[str] | None, questions: str = ""
    ) -> tuple[str, str, str]:
        answers = [self.assistant.ask(q.strip()) for q in (questions or "").splitlines() if q.strip()]
        rows = self.current_rows() if not doc_ids else self.rows()
        h = build_handout(
            rows, topics or None, doc_ids or None, answers, superseded(self.assistant.docs.values())
        )
        md = handout_markdown(h)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = self.settings.exports_dir
        out.mkdir(parents=True, exist_ok=True)
        md_path = out / f"培训材料-{stamp}.md"
        md_path.write_text(md, encoding="utf-8")
        docx_path = handout_docx(h, out / f"培训材料-{stamp}.docx")
        return md, self._download(docx_path), self._download(md_path)


def _chinese(message: str) -> str:
    """The store's validation messages in Chinese for the page."""
    if "YYYY" in message:
        return "日期应写作 2024、2024-05 或 2024-05-01"
    if "empty" in message:
        return "标题不能为空"
    if "too long" in message:
        return "内容过长"
    return message


def _plain_text(content) -> str:  # Gradio may hand back str or a list of parts
    if isinstance(content, list):
        content = " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def _plain(content) -> str:
    return render.plain_message(_plain_text(content))


def build_app(app: WebApp):  # gr.Blocks
    # Gradio keeps a copy of every file posted to it (also straight to /gradio_api/upload): gone after an hour
    with gr.Blocks(title="政策问答 policyqa", analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        gr.Markdown("## 政策问答 · 城乡社区治理政策文件")
        with gr.Tabs():
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
                        typed = gr.Button(
                            "按原问题回答（不结合上文）", size="sm", visible=False, elem_id="as-typed"
                        )
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
                saved = gr.BrowserState(
                    dict(conversations.EMPTY), storage_key="policyqa-chats"
                )  # survives a reload
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
                    app.as_typed,
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

                demo.load(
                    restore, saved, [chatbot, conv, records, cards], api_visibility="private", queue=False
                )
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
                table = gr.Dataframe(
                    app.library(),
                    headers=["标题", "地区", "级别", "类型", "日期", "条数", "ID"],
                    interactive=False,
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
                    pair = gr.Dropdown(
                        app.version_pairs(), value=None, label="有新旧版本的文件", elem_id="diff-pair"
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
                h_btn = gr.Button("生成培训材料", variant="primary", elem_id="handout-btn")
                with gr.Row():
                    h_docx = gr.File(label="Word 下载", elem_id="docx-file")
                    h_md = gr.File(label="Markdown 下载", elem_id="md-file")
                h_preview = gr.Markdown(elem_id="handout-preview")
                h_btn.click(
                    app.handout,
                    [h_topics, h_docs, h_questions],
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
    from assistant.answer import answer_json

    return answer_json(app.assistant.ask(question))


def launch(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: Callable[[str, str], bool] | None = None,
    block: bool = True,
):
    """Serve the app: local fonts only (nothing fetched from the internet), queue for concurrency."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    app = WebApp(settings)
    demo = build_app(app)
    demo.queue(default_concurrency_limit=4, max_size=1024)  # answers bypass it; exports and uploads queue
    theme = gr.themes.Soft(font=["system-ui", "Noto Sans CJK SC", "sans-serif"], font_mono=["monospace"])
    demo.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        theme=theme,
        css=render.CSS,
        head=render.BUSY_SCRIPT,
        ssr_mode=False,
        max_file_size=settings.max_file_bytes,
        allowed_paths=[],
        blocked_paths=[str(settings.uploads_dir), str(settings.documents_dir), str(settings.data_dir)],
        show_error=True,
        prevent_thread_lock=not block,
        footer_links=[],
        app_kwargs={"middleware": [Middleware(ClientAddress)]},
    )
    return demo
