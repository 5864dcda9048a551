"""HTML for the web app. Every piece of document text and user input goes through html.escape."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape
from pathlib import Path
from urllib.parse import quote

from assistant.compare import Table, cite_map
from assistant.diff import VersionDiff, in_context, side_runs
from assistant.export import COLUMNS
from assistant.indicator import shown_value
from assistant.model import Answer, Citation
from corpus.model import Document

ASSETS = Path(__file__).parent / "assets"
CSS = (ASSETS / "page.css").read_text(encoding="utf-8")  # the page's styles


def _highlight(c: Citation) -> str:
    return (
        escape(c.text[: c.quote_start])
        + "<mark>"
        + escape(c.text[c.quote_start : c.quote_end])
        + "</mark>"
        + escape(c.text[c.quote_end :])
    )


def _span_in_clause(c: Citation, docs: dict[str, Document]) -> tuple[int, int] | None:
    """The quote's offsets in its clause (a provision's quote spans several clauses: None)."""
    doc = docs.get(c.doc_id)
    clause = doc.clause(c.clause_id) if doc else None
    return (c.quote_start, c.quote_end) if clause is not None and clause.text == c.text else None


def _context(c: Citation, doc: Document | None) -> str:
    if doc is None:
        return ""
    idx = next((i for i, x in enumerate(doc.clauses) if x.id == c.clause_id), None)
    if idx is None:
        return ""
    parts = []
    for j in range(max(0, idx - 1), min(len(doc.clauses), idx + 2)):
        x = doc.clauses[j]
        parts.append(f"<p><b>{_highlight(c)}</b></p>" if j == idx else f"<p>{escape(x.text)}</p>")
    return "<div class='pq-context'>" + "".join(parts) + "</div>"


# The indicator rows on screen: what is measured, the figure and who leads come first (visible without
# scrolling at 1366 px); the export keeps its own column order. Each column has a width that holds
# its header and a typical value (an empty 基期值 column shrank to one character per line).
_ROW_VIEW_COLUMNS = (
    ("地区", "90px"),
    ("指标", "220px"),
    ("数值", "120px"),
    ("基期值", "90px"),
    ("单位", "70px"),
    ("期限", "110px"),
    ("牵头单位", "220px"),
    ("文件", "260px"),
    ("版本日期", "110px"),
    ("主题", "90px"),
    ("比较符", "80px"),
    ("责任单位", "220px"),
    ("原文", "420px"),
    ("条款位置", "160px"),
)
ROW_VIEW = tuple(name for name, _ in _ROW_VIEW_COLUMNS)
ROW_VIEW_WIDTHS = tuple(width for _, width in _ROW_VIEW_COLUMNS)


def row_view(values: Sequence[str]) -> list[str]:
    """An export record (`assistant.export.COLUMNS` order) in `ROW_VIEW` order, the figure read with
    its comparator (不得低于1000户: the comparator column further right is for sorting)."""
    by_name = dict(zip(COLUMNS, values, strict=True))
    by_name["数值"] = shown_value(by_name["比较符"], by_name["数值"])
    return [by_name[c] for c in ROW_VIEW]


PENDING = "<span class='pq-pending'>正在回答…</span>"  # the chat's placeholder while a question is answered


def answer_message(answer: Answer) -> str:
    """The answer as the chat shows it: its text with clickable [n] markers, then its own sources
    (so every answer keeps its citations, and on a phone they sit right under it)."""
    text = escape(answer.text).replace("\n", "  \n")
    text = re.sub(r"\[(\d+)\]", r"<span class='pq-cite' data-n='\1'>[\1]</span>", text)
    if answer.used_history:
        text = f"*（理解为：{escape(answer.standalone_question)}）*  \n" + text
    sources = answer.citations if not answer.refused else answer.related
    if not sources:
        return text
    label = "出处" if not answer.refused else "可能相关"
    items = "".join(
        f"<li class='pq-src' data-n='{c.n}'>《{escape(c.title)}》{escape(c.region)} · {escape(c.date or '日期未注明')}"
        f" · {escape(c.section)}：“{escape(c.quote)}”</li>"
        for c in sources
    )
    return f"{text}\n\n<details class='pq-sources'><summary>{label}（{len(sources)}）</summary><ol>{items}</ol></details>"


def plain_message(content: str) -> str:
    """A chat message as text again (the rewrite note, the sources block and markup removed)."""
    content = content.split("<details class='pq-sources'>", 1)[0]
    content = re.sub(r"\*（理解为：.*?）\*\s*", "", content)
    return unescape(re.sub(r"<[^>]+>", "", content)).strip()


def sources_of(content: str) -> list[str]:
    """The source lines of a chat message, as text."""
    return [
        unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(r"<li class='pq-src'[^>]*>(.*?)</li>", content)
    ]


def filters_note(regions: list[str] | None, doc_titles: list[str] | None) -> str:
    parts = ([f"地区：{'、'.join(regions)}"] if regions else []) + (
        [f"文件：{'、'.join(doc_titles)}"] if doc_titles else []
    )
    return (
        f"<div class='pq-filters'>当前限定　{escape('；'.join(parts))}（“新对话”清除）</div>" if parts else ""
    )


def citation_cards(answer: Answer, docs: dict[str, Document]) -> str:
    """Cards: title, region, date, heading path, the clause with the quote highlighted; click for context."""
    cards = answer.citations if not answer.refused else answer.related
    head = "" if not answer.refused else "<div class='pq-related'>可能相关：</div>"
    out = [head]
    for c in cards:
        label = f"[{c.n}]" if not answer.refused else "·"
        out.append(
            f"<div class='pq-card' data-doc='{escape(c.doc_id)}' data-n='{c.n}'>"
            f"<div class='pq-card-head'>{label} 《{escape(c.title)}》</div>"
            f"<div class='pq-meta'>{escape(c.region)} · {escape(c.date or '日期未注明')} · {escape(c.section)}</div>"
            f"<details><summary><mark>{escape(c.quote)}</mark></summary>{_context(c, docs.get(c.doc_id))}</details>"
            f"<div class='pq-card-foot'>{open_link(c.doc_id, c.clause_id, span=_span_in_clause(c, docs))}</div></div>"
        )
    return "".join(out)


def table_html(t: Table) -> str:
    """The overview as the page shows it: a column for each document that says something on the
    topics shown (the per-indicator rows and the XLSX keep every document); the others named in one
    line below the grid, so a topic two documents of twenty set reads on one screen."""
    cite = cite_map(t)
    said = [i for i in range(len(t.columns)) if any(cells[i].items for _, cells in t.rows)]
    silent = [t.columns[i] for i in range(len(t.columns)) if i not in said]
    rows = [
        "<table><tr><th>主题</th>"
        + "".join(
            f"<th>{escape(t.columns[i][1])}<br><small>{escape(t.columns[i][2])}</small></th>" for i in said
        )
        + "</tr>"
    ]
    for topic, cells in t.rows:
        rows.append(
            f"<tr><td>{escape(topic)}</td>"
            + "".join(f"<td>{escape(cells[i].text(cite)) or '—'}</td>" for i in said)
            + "</tr>"
        )
    rows.append("</table>")
    if silent:
        names = "；".join(f"{escape(region)}《{escape(title)}》" for _, region, title in silent)
        rows.append(f"<p class='pq-note'>未涉及所选主题的文件（{len(silent)} 份）：{names}</p>")
    rows.append(
        f"<details><summary>出处（{len(t.sources)} 条，点击展开）</summary><ol>"
        + "".join(
            f"<li>{escape(r.region)}《{escape(r.title)}》{escape(r.location)}：“{escape(r.quote)}”</li>"
            for r in t.sources
        )
        + "</ol></details>"
    )
    return "<div class='pq-table'>" + "".join(rows) + "</div>"


def outline_html(doc: Document) -> str:
    return (
        f"<h3>{escape(doc.title)}</h3><div class='pq-meta'>{escape(doc.region)} · {escape(doc.date or '日期未注明')} · "
        f"{escape(doc.number) + ' · ' if doc.number else ''}{len(doc.clauses)} 条</div>" + _document_body(doc)
    )


def _document_body(doc: Document, clause_id: str = "", span: tuple[int, int] | None = None) -> str:
    """The document's text under its headings (each heading once, indented by depth; a heading that
    opens its own clause, "（三）加强队伍建设…。将…", is not printed again above it); the clause
    `clause_id` shaded, with the id the page scrolls to, and its `span` (the quote) marked (the whole
    clause without one)."""
    out = []
    shown: tuple[str, ...] = ()
    for c in doc.clauses:
        common = 0
        while common < min(len(c.heading_path), len(shown)) and c.heading_path[common] == shown[common]:
            common += 1
        path = c.heading_path
        opens = bool(path) and common < len(path) and c.text.startswith(path[-1])
        for depth in range(common, len(path) - opens):
            out.append(f"<div style='margin-left:{depth * 16}px;font-weight:600'>{escape(path[depth])}</div>")
        shown = path
        text = escape(c.text)
        if c.id == clause_id:
            s, e = span if span and 0 <= span[0] < span[1] <= len(c.text) else (0, len(c.text))
            text = f"{escape(c.text[:s])}<mark>{escape(c.text[s:e])}</mark>{escape(c.text[e:])}"
        target = " id='pq-target' class='pq-target'" if c.id == clause_id else ""
        out.append(f"<div{target} style='margin-left:{(len(path) - opens) * 16}px'>{text}</div>")
    return "".join(out)


def open_link(
    doc_id: str, clause_id: str = "", label: str = "查看全文", span: tuple[int, int] | None = None
) -> str:
    """A link the page's script turns into opening the document viewer (at the clause and the span of
    its text, if given): its target is "doc|clause|start|end"."""
    target = "|".join((doc_id, clause_id, *(str(i) for i in span or ())))
    return f"<a class='pq-open' href='#pq-doc={quote(target)}'>{escape(label)}</a>"


def document_html(
    doc: Document, clause_id: str = "", versions: Sequence[Document] = (), span: tuple[int, int] | None = None
) -> str:
    """The whole document in the viewer: its title, place, version date and other versions (each a
    link), then its text under its headings, the clause `clause_id` shaded and its `span` marked (the
    page scrolls to it)."""
    others = "、".join(open_link(v.id, "", f"{v.date or '日期未注明'}版") for v in versions if v.id != doc.id)
    return (
        f"<div class='pq-doc-head'>{open_link('', '', '关闭全文')}<h3>{escape(doc.title)}</h3>"
        f"<div class='pq-meta'>{escape(doc.region)} · {escape(doc.date or '日期未注明')}版 · "
        f"{escape(doc.number) or '无文号'} · {len(doc.clauses)} 条{f' · 其他版本：{others}' if others else ''}</div></div>"
        f"<div class='pq-doc-body'>{_document_body(doc, clause_id, span)}</div>"
    )


def library_html(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The library table: every cell wraps (whole titles); on a phone the first three columns show
    (title, place, date: what tells two versions apart)."""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in r) + "</tr>" for r in rows)
    empty = "" if rows else f"<tr><td colspan='{len(columns)}'>没有符合的文件</td></tr>"
    return f"<div class='pq-lib'><table><tr>{head}</tr>{body}{empty}</table></div>"


def upload_report(lines: Sequence[tuple[str, bool, str]]) -> str:
    return "".join(
        f"<div class='{'pq-ok' if ok else 'pq-error'}'>{escape(name)}：{escape(msg)}</div>"
        for name, ok, msg in lines
    )


def index_status(status: str, running: bool) -> str:
    """The background indexer's state for the library tab ("" when there is nothing to say)."""
    if not status:
        return ""
    return f"<div class='{'pq-busy' if running else 'pq-ok'}'>{escape(status)}</div>"


# When the server sheds load, Gradio's page says "This application is currently busy" in English and
# gives up. This says it in Chinese and presses the last action button again (three tries, 3 s apart).
# It also labels Gradio's icon buttons in Chinese, and leads [n] to its source.
BUSY_SCRIPT = "<script>\n" + (ASSETS / "page.js").read_text(encoding="utf-8") + "</script>\n"


def diff_html(d: VersionDiff, substantive_only: bool = False) -> str:
    """新旧对照 as a table: removed words struck through, added words underlined; wording-only
    revisions (文字修改: a renamed law or body) marked as such, or left out with `substantive_only`."""

    def side(c, which: str) -> str:
        """The change in its sentence; the whole provision one click away when the rest was cut."""
        tag = "del" if which == "old" else "ins"

        def html(runs: list[tuple[str, bool]]) -> str:
            return "".join(f"<{tag}>{escape(t)}</{tag}>" if changed else escape(t) for t, changed in runs)

        runs = side_runs(c, which)
        short = in_context(runs) if c.kind == "修改" else runs
        if short == runs:
            return html(runs)
        return f"{html(short)}<details class='pq-full'><summary>全文</summary>{html(runs)}</details>"

    wording = sum(c.wording_only for c in d.changes)
    shown = [c for c in d.changes if not (substantive_only and c.wording_only)]
    rows = [
        f"<p>旧版 {escape(d.old.date or '日期未注明')} → 新版 {escape(d.new.date or '日期未注明')}：修改 {d.count('修改')} 条"
        f"（其中文字修改 {wording} 条{'，未列出' if substantive_only and wording else ''}），"
        f"新增 {d.count('新增')} 条，删除 {d.count('删除')} 条，未变 {d.unchanged} 条。</p>",
        "<table class='pq-diff'><tr><th>变化</th><th>旧版</th><th>新版</th></tr>",
    ]
    for c in shown:
        prov = c.new or c.old
        label = escape(prov.label) if prov else ""
        kind = "文字修改" if c.wording_only else c.kind
        rows.append(
            f"<tr><td>{escape(kind)}<br><small>{label}</small></td><td>{side(c, 'old')}</td><td>{side(c, 'new')}</td></tr>"
        )
    return "<div class='pq-table'>" + "".join(rows) + "</table></div>"


def message(text: str, ok: bool = True) -> str:
    return f"<div class='{'pq-ok' if ok else 'pq-error'}'>{escape(text)}</div>"


def indicator_html(r) -> str:  # an Indicator
    """One indicator's source: document, version, place, and the clause with the quote marked."""
    quote = escape(r.quote)
    clause = escape(r.clause).replace(quote, f"<mark>{quote}</mark>", 1) if quote else escape(r.clause)
    context = f"<p class='pq-meta'>表头：{escape(r.context)}</p>" if r.context else ""
    return (
        f"<div class='pq-card'><div class='pq-card-head'>{escape(r.region)}《{escape(r.title)}》{escape(r.location)}</div>"
        f"<div class='pq-meta'>{escape(r.version_date or '日期未注明')} · {escape(r.topic)}</div>{context}<p>{clause}</p></div>"
    )


# The corpus layer names reasons in English (logs, CLI); the page says them in Chinese, details kept.
REASONS_ZH = (
    (r"^empty file", "空文件"),
    (r"^too large \((\S+) MB > (\S+) MB limit\)", r"文件过大（\1 MB，上限 \2 MB）"),
    (r"^unsupported type \(legacy Office/RTF\)", "旧版 Office/RTF 格式，请另存为 .docx 或 .pdf"),
    (r"^unsupported type \(a zip archive", "这是压缩包，不是 .docx"),
    (r"^unsupported type '([^']*)'", r"不支持的类型 \1"),
    (r"^no text \(only whitespace\)", "没有文字（只有空白）"),
    (r"^binary file \(NUL byte at offset (\d+)\)", r"二进制文件，不是文本（第 \1 字节为 NUL）"),
    (r"^binary file", "二进制文件，不是文本"),
    (r"^undecodable.*?offset (\d+)", r"无法识别的文字编码（第 \1 字节起），请另存为 UTF-8 或 GBK"),
    (r"^undecodable", "无法识别的文字编码，请另存为 UTF-8 或 GBK"),
    (r"^corrupt (docx|pdf|docx/zip)", r"文件已损坏（\1）"),
    (r"^docx has no text", "Word 文件中没有文字"),
    (r"^pdf has no text layer", "PDF 没有文字层（扫描件？），请先做 OCR 文字识别"),
    (r"^no content found", "没有找到正文（只有标题或文头）"),
    (r"^could not be ingested", "无法导入"),
    (r"^\.(\w+) \((.+?)\) is not supported", r"不支持 .\1（\2）格式，请另存为 .docx 或 .pdf 后上传"),
    (r"^docx holds (\d+) parts \(limit (\d+)\)", r"Word 文件包含 \1 个部件（上限 \2），未读取"),
    (r"^docx unpacks to (\d+) MB \(limit (\d+) MB\)", r"Word 文件解压后 \1 MB（上限 \2 MB），未读取"),
    (
        r"^docx text part \S+ unpacks to (\d+) MB \(limit (\d+) MB\)",
        r"Word 文件正文解压后 \1 MB（上限 \2 MB），未读取",
    ),
    (r"^pdf has (\d+) pages \(limit (\d+)\)", r"PDF 共 \1 页（上限 \2 页），请拆分后上传"),
    (
        r"^pdf text took over (\d+) s to read \(stopped at page (\d+) of (\d+)\)",
        r"PDF 读取超过 \1 秒（读到第 \2 页，共 \3 页），请拆分或另存为 .docx 后上传",
    ),
    (r"^could not be stored \((.*)\)", r"无法保存（\1），磁盘可能已满"),
    (r"^(\d+) clauses \(limit (\d+)\)", r"共 \1 条条款（上限 \2 条），请拆分文件"),
)


def reason_zh(reason: str) -> str:
    """An ingest error for the page: Chinese first, the original detail after it."""
    for pattern, zh in REASONS_ZH:
        m = re.match(pattern, reason)
        if m:
            return m.expand(zh) if "\\" in zh else zh
    return reason
