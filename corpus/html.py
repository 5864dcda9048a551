"""Main text out of a saved web page: scripts, navigation and footers dropped."""

from __future__ import annotations

import re
from typing import Any

from corpus.cells import CELL

BLOCK_TAGS = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "br",
    "section",
    "article",
    "td",
    "table",
]
MAX_CELL = 200  # a data table's cell is a phrase or a sentence or two, never a page of text
NOISE_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "iframe",
    "form",
    "svg",
    "canvas",
    "button",
    "select",
]


def html_to_text(html: str) -> str:
    """The page's main content as lines of text.

    Readability-style: every <p> scores its text length to its parent; the parent with the
    highest score is the article body. Falls back to the whole <body> for pages without <p>s.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(NOISE_TAGS):
        tag.decompose()
    scores: dict[int, tuple[int, Any]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        n = len(p.get_text(strip=True))
        if parent is not None and n:
            old = scores.get(id(parent), (0, parent))[0]
            scores[id(parent)] = (old + n, parent)
    root = max(scores.values(), key=lambda sv: sv[0])[1] if scores else (soup.body or soup)
    for br in root.find_all("br"):
        br.replace_with("\n")
    for row in root.find_all("tr"):
        # a table row on one line, its cells parted as a .docx row's are (`corpus.cells.CELL`)
        texts = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"], recursive=False)]
        # (a layout table holding the page's text in a cell is left as it is)
        if len(texts) >= 2 and not row.find("table") and max(map(len, texts)) <= MAX_CELL:
            row.replace_with("\n" + f" {CELL} ".join(t.replace("\n", " ") for t in texts) + "\n")
    for tag in root.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = root.get_text()
    text = text.replace("\xa0", " ")
    lines = [ln.strip() for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln) + "\n"


def strip_inline_tags(line: str) -> str:
    """Remove HTML tags that sit inside a line of plain text."""
    return re.sub(r"</?[a-zA-Z][^<>]*>", "", line)
