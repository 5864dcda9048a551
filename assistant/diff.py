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

from assistant.provision import ARTICLE
from corpus.model import Document

SAME_PROVISION = 0.5  # difflib ratio above which two texts are one provision revised, not two provisions


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
        return {"kind": self.kind, "old_label": self.old.label if self.old else None,
                "new_label": self.new.label if self.new else None, "old_text": self.old.text if self.old else None,
                "new_text": self.new.text if self.new else None, "marked": self.marked,
                "old_clause_ids": list(self.old.clause_ids) if self.old else [],
                "new_clause_ids": list(self.new.clause_ids) if self.new else []}


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
        best = max(range(j, len(news)), key=lambda k: _ratio(o.body, news[k].body), default=None)
        if best is not None and _ratio(o.body, news[best].body) >= SAME_PROVISION:
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
    head = (f"# 新旧对照：《{d.new.title}》\n\n旧版：{d.old.date or '日期未注明'}（{d.old.id}）　"
            f"新版：{d.new.date or '日期未注明'}（{d.new.id}）\n\n"
            f"修改 {d.count('修改')} 条，新增 {d.count('新增')} 条，删除 {d.count('删除')} 条，未变 {d.unchanged} 条。\n\n"
            "〔删：…〕为删去的文字，【增：…】为新增的文字。\n")
    esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = [head, "| 变化 | 旧版 | 新版 | 对照 |", "|---|---|---|---|"]
    for c in d.changes:
        lines.append(f"| {c.kind} | {esc(c.old.label) if c.old else '—'} | {esc(c.new.label) if c.new else '—'} | "
                     f"{esc(c.marked)} |")
    return "\n".join(lines) + "\n"


def diff_docx(d: VersionDiff, path: Path) -> Path:
    """A Word table on A4 landscape: 变化, 旧版, 新版 with the changed words coloured."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    doc.add_heading(f"新旧对照：《{d.new.title}》", level=0)
    doc.add_paragraph(f"旧版 {d.old.date or '日期未注明'}，新版 {d.new.date or '日期未注明'}：修改 {d.count('修改')} 条，"
                      f"新增 {d.count('新增')} 条，删除 {d.count('删除')} 条，未变 {d.unchanged} 条。")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("变化", "旧版条文", "新版条文"), strict=True):
        cell.text = text
    for c in d.changes:
        row = table.add_row().cells
        row[0].text = f"{c.kind}\n{(c.new or c.old).label}"  # type: ignore[union-attr]
        for cell, side, colour in ((row[1], "old", RGBColor(0xB0, 0x00, 0x20)), (row[2], "new", RGBColor(0x00, 0x70, 0x30))):
            p = cell.paragraphs[0]
            for text, changed in side_runs(c, side):
                run = p.add_run(text)
                if changed:
                    run.font.color.rgb = colour
                    run.bold = True
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


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
