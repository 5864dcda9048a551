"""The handlers of the 对比, 文库, 新旧对照 and 培训材料 pages."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from html import escape
from pathlib import Path

from assistant.compare import NoMatchingRows, build_table, split_rows, valued
from assistant.export import record, to_csv, to_xlsx
from assistant.handout import build_handout, handout_docx, handout_markdown
from corpus.metadata import region_level
from corpus.store import LEGACY, skip_reason
from corpus.versions import in_order, superseded, version_pairs
from ui import render
from ui.web_state import WebState

log = logging.getLogger(__name__)
LARGE_UPLOAD_CLAUSES = 2000  # about three minutes of embedding at the default embedder's ~11 clauses/s
UPLOAD_TYPES = [".txt", ".md", ".docx", ".pdf", ".html", ".htm"]


def safe_name(original: str, data: bytes) -> str:
    """An upload's stored name: a slug of its stem plus a content hash; no path parts survive."""
    base = os.path.basename(original.replace("\\", "/"))
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", stem).strip("-.")[:40] or "upload"
    return f"{stem}-{hashlib.sha1(data).hexdigest()[:8]}{suffix.lower()}"


LIBRARY_COLUMNS = ["标题", "地区", "日期", "类型", "级别", "条数", "ID"]


class DocumentHandlers(WebState):
    """对比, 文库, 新旧对照, 培训材料."""

    def compare(
        self, topic: str | None, doc_ids: list[str] | None, regions: list[str] | None = None
    ) -> tuple[str, str | None, str | None, list[list[str]]]:
        """The overview grid, the per-indicator rows (a sortable table; XLSX and CSV downloads);
        current versions unless documents are picked; optionally only some regions."""
        topics = [topic] if topic and topic != "全部" else None
        current = self.rows_of(doc_ids)
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
        rows = self._shown_rows
        if values:
            shown = [str(v) if v is not None else "" for v in values]
            match = next((r for r in rows if render.row_view(record(r)) == shown), None)
            if match is not None:
                return render.indicator_html(match)
        i = index[0] if isinstance(index, list | tuple) else index
        if not isinstance(i, int) or not 0 <= i < len(rows):
            return ""
        return render.indicator_html(rows[i])

    # ---- 文库 ---------------------------------------------------------------------------
    def library(self, search: str = "") -> str:
        """The library as the page shows it (a table that wraps: whole titles, on a phone too)."""
        return render.library_html(LIBRARY_COLUMNS, self.library_rows(search))

    def library_rows(self, search: str = "") -> list[list]:
        """The library's rows (`LIBRARY_COLUMNS`: what tells two versions apart first); `search` keeps the documents whose title, place, kind, date or file name
        holds every word of it ("上海 物业", "2020")."""
        rows = []
        for d in self.assistant.docs.values():
            if d.matches(search or ""):
                rows.append(
                    [
                        d.title,
                        d.region,
                        d.date or "—",
                        d.kind or "—",
                        region_level(d.region) or "—",
                        len(d.clauses),
                        d.id,
                    ]
                )
        return rows

    def outline(self, doc_id: str | None) -> str:
        doc = self.assistant.docs.get(doc_id or "")
        return render.outline_html(doc) if doc else ""

    def upload(self, paths: list[str] | None, progress=None) -> tuple[str, str]:
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
                lines.append((label, True, f"已加入 {len(r.doc_ids)} 篇文件，共 {r.clauses} 条条款"))
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
        old, new = in_order(docs[old_id], docs[new_id])
        d = diff_versions(old, new)
        out = self.settings.exports_dir
        out.mkdir(parents=True, exist_ok=True)
        path = diff_docx(d, out / f"新旧对照-{time.strftime('%Y%m%d-%H%M%S')}.docx")
        return render.diff_html(d, substantive_only), self._download(path)

    # ---- 培训材料 -------------------------------------------------------------------------
    def handout(
        self, topics: list[str] | None, doc_ids: list[str] | None, questions: str = "", quiz: bool = False
    ) -> tuple[str, str, str]:
        answers = [self.assistant.ask(q.strip()) for q in (questions or "").splitlines() if q.strip()]
        rows = self.rows_of(doc_ids)
        h = build_handout(
            rows, topics or None, doc_ids or None, answers, superseded(self.assistant.docs.values()), quiz
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
