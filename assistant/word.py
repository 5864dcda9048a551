"""Parts of the Word documents the project writes (handouts, version comparisons)."""

from __future__ import annotations


def page_footer(paragraph, note: str) -> None:
    """'第 N 页 · note', N a Word PAGE field (filled in by the reader's word processor)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    for kind in ("begin", "instr", "separate", "text", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)
    paragraph.add_run(f" 页 · {note}")
