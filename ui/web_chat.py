"""The 问答 page's handlers: a turn of the conversation, the question as typed, the export, the
filters note and feedback."""

from __future__ import annotations

import json
import logging
import time
from html import escape

from assistant.model import Scope
from corpus.errors import DataProblem
from corpus.versions import versions_of
from ui import render
from ui.web_state import WebState

log = logging.getLogger(__name__)


class ChatHandlers(WebState):
    """问答."""

    def chat(
        self,
        message: str,
        history: list[dict],
        regions: list[str] | None = None,
        doc_ids: list[str] | None = None,
        records: list[dict] | None = None,
        as_typed: bool = False,
    ) -> tuple[list[dict], str, list[dict]]:
        """One turn: the answer joins the chat with its own sources; the latest answer's cards go beside it.
        `records` are the conversation's turns as data (`Turn.record`): a follow-up is read against the
        last one's analysed question. A conversation saved without them is read from its plain text.
        `as_typed`: the last question answered as the user typed it, without the conversation, in
        place of the answer that read it as a follow-up."""
        message = (message or "").strip()
        history = list(history or [])
        records = list(records or [])
        if as_typed:
            if not message or len(history) < 2:
                return history, "", records
            fresh, cards, fresh_records = self.chat(message, [], regions, doc_ids)
            return history[:-1] + fresh[-1:], cards, records[:-1] + fresh_records[-1:]
        if not message:
            return history, "", records
        scope = Scope.chosen(self.assistant.docs.values(), regions or (), doc_ids or ())
        if records or not history:
            last = self.assistant.restore(records[-1]) if records else None
        else:
            last = self.assistant.replay(
                [{"role": m["role"], "content": _plain(m["content"])} for m in history]
            )
        try:
            turn = self.assistant.turn(message, [last] if last else [], scope)
        except DataProblem as e:  # e.g. the Milvus server restarting: say so, keep the conversation
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

    def document_view(self, target: str | None) -> str:
        """The whole document a 查看全文 link names ("doc_id|clause_id|start|end"), marked at the clause
        and the quote, with links to its other versions; "" (the viewer closed) for a link naming no
        document."""
        doc_id, clause_id, start, end = ((target or "").split("|") + ["", "", ""])[:4]
        docs = self.assistant.docs
        doc = docs.get(doc_id)
        if doc is None:
            return render.message("该文件已不在文库中。", ok=False) if doc_id else ""
        span = (int(start), int(end)) if start.isdigit() and end.isdigit() else None
        return render.document_html(doc, clause_id, versions_of(docs.values(), doc), span)

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


def _plain_text(content) -> str:  # Gradio may hand back str or a list of parts
    if isinstance(content, list):
        content = " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def _plain(content) -> str:
    return render.plain_message(_plain_text(content))
