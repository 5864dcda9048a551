"""What changed between two versions of one instrument (新旧对照): provisions aligned by content, not
by number (an inserted article renumbers all that follow), each pair classed as 修改 / 新增 / 删除,
with the changed words marked. Pure functions over Documents.

A provision is an article (第X条 with its paragraphs and items) when the document has articles,
otherwise a clause under its heading path. Two provisions are the same one revised when their
texts (article numbers removed) share most of their characters; unchanged provisions are counted,
not listed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.compare import md_cell
from assistant.provision import ARTICLE
from corpus.model import Document

SAME_PROVISION = 0.5  # difflib ratio above which two texts are one provision revised, not two provisions
ARTICLE_UNITS = ("条", "款")  # "依照第十条、十一条": articles referred to, never a changed figure


@dataclass(frozen=True)
class Provision:
    label: str  # 第十二条, or the heading path outside articles
    text: str
    clause_ids: tuple[str, ...]

    @property
    def body(self) -> str:
        """The text without its article number, so renumbering alone is no change."""
        return ARTICLE.sub("", self.text, count=1).strip()


@dataclass(frozen=True)
class Change:
    kind: str  # 修改 | 新增 | 删除
    old: Provision | None
    new: Provision | None
    marked: str  # the new text with 〔删：…〕 and 【增：…】 marks (修改), else the text itself

    def as_json(self) -> dict:
        side = lambda p: {"section": p.label, "text": p.text, "clause_ids": list(p.clause_ids)} if p else None  # noqa: E731
        return {
            "kind": KINDS_EN[self.kind],
            "old": side(self.old),
            "new": side(self.new),
            "marked": self.marked,
            "numbers": list(self.numbers),
            "wording_only": self.wording_only,
        }

    @property
    def numbers(self) -> tuple[str, ...]:
        """Changed figures called out: "过半数 → 三分之二以上", "三个月 → 六十日"."""
        if self.kind != "修改" or self.old is None or self.new is None:
            return ()
        from assistant.quantity import find_quantities

        a, b = self.old.body, self.new.body
        # figures in each text (ordinals such as 第三人 are not figures, nor articles referred to: 第十条、
        # 十一条), whole around each change
        qa, qb = (
            [
                q
                for q in find_quantities(t)
                if t[q.start - 1 : q.start] != "第" and q.unit not in ARTICLE_UNITS
            ]
            for t in (a, b)
        )
        out = []
        for changed, a1, a2, b1, b2 in changed_spans(a, b):
            if not changed:
                continue
            olds = list(dict.fromkeys(q.text for q in qa if q.start < a2 and q.end > a1))
            news = list(dict.fromkeys(q.text for q in qb if q.start < b2 and q.end > b1))
            if olds or news:
                out.append(f"{'、'.join(olds) or '—'} → {'、'.join(news) or '—'}")
        return tuple(dict.fromkeys(out))

    @property
    def wording_only(self) -> bool:
        """A revision of wording, not of substance (文字修改): no figure changed, and every change short
        and free of the words that carry a rule's force (应当, 不得, 可以, 禁止 …): a renamed law or
        body (物权法 → 民法典, 规划 → 规划资源), punctuation (乡镇 → 乡、镇)."""
        if self.kind != "修改" or self.old is None or self.new is None or self.numbers:
            return False
        a, b = self.old.body, self.new.body
        for changed, a1, a2, b1, b2 in changed_spans(a, b):
            if not changed:
                continue
            edit = a[a1:a2] + b[b1:b2]
            if len(a[a1:a2]) > WORDING_SPAN or len(b[b1:b2]) > WORDING_SPAN or FORCE.search(edit):
                return False
        return True


WORDING_SPAN = 8  # a change of more characters than this on either side rewrites, not renames
# Words whose change alters what a rule requires: modality, negation, scope and condition.
FORCE = re.compile(
    r"应当|应|必须|不得|禁止|可以|可|不|未|无|非|须|均|或者|并且|以上|以下|以内|超过|不少于|不超过|除"
)
KINDS_EN = {"修改": "changed", "新增": "added", "删除": "removed"}


@dataclass(frozen=True)
class VersionDiff:
    old: Document
    new: Document
    changes: tuple[Change, ...]
    unchanged: int

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)


def provisions(doc: Document) -> list[Provision]:
    """The document's provisions in order: articles whole, or clauses with their heading path."""
    out: list[Provision] = []
    key_of: dict[tuple[str, ...], int] = {}
    for c in doc.clauses:
        path = c.heading_path
        idx = next((i for i in range(len(path) - 1, -1, -1) if ARTICLE.match(path[i])), None)
        if idx is None:
            out.append(Provision(" › ".join(path), c.text, (c.id,)))
            continue
        key = path[: idx + 1]
        if key in key_of:
            p = out[key_of[key]]
            out[key_of[key]] = Provision(p.label, p.text + c.text, (*p.clause_ids, c.id))
        else:
            key_of[key] = len(out)
            out.append(Provision(ARTICLE.match(path[idx]).group(0), c.text, (c.id,)))  # type: ignore[union-attr]
    return out


def changed_spans(old: str, new: str, glue: int = 2) -> list[tuple[bool, int, int, int, int]]:
    """(changed, a1, a2, b1, b2) stretches of old[a1:a2] → new[b1:b2]. Changes split by at most `glue`
    unchanged characters read as one ("三分之二" → "四分之三", not 三→四 and 二→三)."""
    merged: list[list] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        inner = op != "equal" or (a2 - a1 <= glue and a1 > 0 and a2 < len(old))
        if merged and merged[-1][0] and inner:
            merged[-1][2], merged[-1][4] = a2, b2  # extend the open change over this stretch
            continue
        merged.append([op != "equal", a1, a2, b1, b2])
    return [(bool(c), a1, a2, b1, b2) for c, a1, a2, b1, b2 in merged]


def marked(old: str, new: str) -> str:
    """The new text with what was removed as 〔删：…〕 and what was added as 【增：…】."""
    out = []
    for changed, a1, a2, b1, b2 in changed_spans(old, new):
        if not changed:
            out.append(new[b1:b2])
            continue
        if a2 > a1:
            out.append(f"〔删：{old[a1:a2]}〕")
        if b2 > b1:
            out.append(f"【增：{new[b1:b2]}】")
    return "".join(out)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair(olds: Sequence[Provision], news: Sequence[Provision]) -> list[Change]:
    """Within a block the alignment could not match exactly: revised pairs in order, the rest added or removed."""
    changes: list[Change] = []
    j = 0
    for o in olds:
        ratios = {k: _ratio(o.body, news[k].body) for k in range(j, len(news))}
        best = max(ratios, key=ratios.__getitem__, default=None)
        if best is not None and ratios[best] >= SAME_PROVISION:
            changes += [Change("新增", None, n, n.text) for n in news[j:best]]
            changes.append(Change("修改", o, news[best], marked(o.body, news[best].body)))
            j = best + 1
        else:
            changes.append(Change("删除", o, None, o.text))
    changes += [Change("新增", None, n, n.text) for n in news[j:]]
    return changes


def diff_versions(old: Document, new: Document) -> VersionDiff:
    """Provisions of `old` and `new` aligned in order; unchanged ones (numbering aside) are counted."""
    a, b = provisions(old), provisions(new)
    norm = lambda ps: [re.sub(r"\s+", "", p.body) for p in ps]  # noqa: E731
    changes: list[Change] = []
    unchanged = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).get_opcodes():
        if op == "equal":
            unchanged += a2 - a1
        else:
            changes += _pair(a[a1:a2], b[b1:b2])
    return VersionDiff(old, new, tuple(changes), unchanged)


def diff_markdown(d: VersionDiff) -> str:
    head = (
        f"# 新旧对照：《{d.new.title}》\n\n旧版：{d.old.date or '日期未注明'}（{d.old.id}）　"
        f"新版：{d.new.date or '日期未注明'}（{d.new.id}）\n\n"
        f"修改 {d.count('修改')} 条，新增 {d.count('新增')} 条，删除 {d.count('删除')} 条，未变 {d.unchanged} 条。\n\n"
        "〔删：…〕为删去的文字，【增：…】为新增的文字。\n"
    )
    lines = [head, "| 变化 | 旧版 | 新版 | 对照 | 数字变化 |", "|---|---|---|---|---|"]
    for c in d.changes:
        lines.append(
            f"| {c.kind} | {md_cell(c.old.label) if c.old else '—'} | {md_cell(c.new.label) if c.new else '—'} | "
            f"{md_cell(c.marked)} | {md_cell('；'.join(c.numbers)) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def diff_docx(d: VersionDiff, path: Path) -> Path:
    """A Word table on A4 landscape: 变化, 旧版, 新版; deleted words struck through, inserted words
    underlined (and coloured), a legend above the table, page numbers below."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    doc.add_heading(f"新旧对照：《{d.new.title}》", level=0)
    doc.add_paragraph(
        f"旧版 {d.old.date or '日期未注明'}，新版 {d.new.date or '日期未注明'}：修改 {d.count('修改')} 条，"
        f"新增 {d.count('新增')} 条，删除 {d.count('删除')} 条，未变 {d.unchanged} 条。"
    )
    # Marked so that a black-and-white print still tells them apart, not by colour alone.
    legend = doc.add_paragraph("图例：")
    _mark(legend.add_run("删除的文字"), "old", RGBColor(0xB0, 0x00, 0x20))
    legend.add_run("（旧版，删除线）；")
    _mark(legend.add_run("新增的文字"), "new", RGBColor(0x00, 0x70, 0x30))
    legend.add_run("（新版，下划线）。")
    from assistant.word import page_footer

    page_footer(section.footer.paragraphs[0], f"《{d.new.title}》新旧对照")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("变化", "旧版条文", "新版条文"), strict=True):
        cell.text = text
    for c in d.changes:
        row = table.add_row().cells
        row[0].text = f"{c.kind}\n{(c.new or c.old).label}"  # type: ignore[union-attr]
        for cell, side, colour in (
            (row[1], "old", RGBColor(0xB0, 0x00, 0x20)),
            (row[2], "new", RGBColor(0x00, 0x70, 0x30)),
        ):
            p = cell.paragraphs[0]
            for text, changed in side_runs(c, side):
                run = p.add_run(text)
                if changed:
                    _mark(run, side, colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _mark(run, side: str, colour) -> None:  # python-docx run and colour
    """A changed run: deleted words struck through, inserted words underlined, both bold and coloured."""
    run.font.color.rgb = colour
    run.bold = True
    if side == "old":
        run.font.strike = True
    else:
        run.underline = True


def side_runs(c: Change, side: str) -> list[tuple[str, bool]]:
    """One side of a change as (text, changed) runs."""
    if c.kind != "修改" or c.old is None or c.new is None:
        p = c.old if side == "old" else c.new
        return [(p.text, True)] if p else []
    a, b = c.old.body, c.new.body
    out: list[tuple[str, bool]] = []
    for changed, a1, a2, b1, b2 in changed_spans(a, b):
        text = a[a1:a2] if side == "old" else b[b1:b2]
        if text:
            out.append((text, changed))
    return out


CONTEXT = 40  # characters of unchanged text a reader needs beside a change to place it
SENTENCE_END = re.compile(r"[。；！？]")


def in_context(runs: list[tuple[str, bool]], context: int = CONTEXT) -> list[tuple[str, bool]]:
    """The runs of one side with long unchanged stretches cut down to what places each change: up to
    the sentence end after a change and from the sentence start before one (at most about `context`
    characters each), "……" for what lies between. A one-character change in a long article shows
    its sentence, not the article."""
    out: list[tuple[str, bool]] = []
    for i, (text, changed) in enumerate(runs):
        before, after = i > 0, i < len(runs) - 1  # a change before / after this run
        if changed or len(text) <= (before + after) * context * 2:
            out.append((text, changed))
            continue
        head = tail = ""
        if before:  # the rest of the changed sentence
            end = SENTENCE_END.search(text, 0, context * 2)
            head = text[: end.end()] if end else text[:context]
        if after:  # the start of the sentence the next change sits in
            starts = [m.end() for m in SENTENCE_END.finditer(text, max(len(text) - context * 2, len(head)))]
            tail = text[starts[-1] :] if starts and starts[-1] < len(text) else text[-context:]
        out.append((head + "……" + tail, False))
    return out


def diff_xlsx(d: VersionDiff, path: Path) -> Path:
    """One row per change: 变化, 旧版条文位置, 旧版条文, 新版条文位置, 新版条文, 对照, 数字变化 (frozen header, filter)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "新旧对照"
    ws.append(["变化", "旧版条文位置", "旧版条文", "新版条文位置", "新版条文", "对照", "数字变化"])
    for c in d.changes:
        ws.append(
            [
                c.kind,
                c.old.label if c.old else "",
                c.old.text if c.old else "",
                c.new.label if c.new else "",
                c.new.text if c.new else "",
                c.marked,
                "；".join(c.numbers),
            ]
        )
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{max(ws.max_row, 2)}"
    for col, width in zip("ABCDEFG", (8, 12, 50, 12, 50, 60, 24), strict=True):
        ws.column_dimensions[col].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
