"""Articles in a heading path: which article a clause sits in (第九条, 第一百三十四条之一), and what a later paragraph
or list item of it is read with (the article's opening, the sentence introducing the list)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.model import Clause
from corpus.outline import ARTICLE

CONTEXT_MAX = 100  # characters of an article's opening carried by its later paragraphs and items


def article_index(path: Sequence[str]) -> int | None:
    """Where in a heading path the article sits (the innermost 第X条), None outside articles."""
    return next((i for i in range(len(path) - 1, -1, -1) if ARTICLE.match(path[i])), None)


def _first_sentence(text: str) -> str:
    m = re.match(r"[^。；！？]+[。；！？]?", text)
    return (m.group(0) if m else text)[:CONTEXT_MAX]


def article_context(clauses: Sequence[Clause]) -> dict[str, str]:
    """What a clause that does not open its article is about: for a later paragraph (款), the
    article's first sentence; for a list item, the sentence introducing the list ("劳动者有下列情形之一
    的，用人单位可以解除劳动合同："), else the article's first sentence. "（四）多次抢劫或者抢劫数额巨大的；"
    alone says nothing of 抢劫罪's penalty; retrieval reads it with its article's opening."""
    out: dict[str, str] = {}
    opening: dict[tuple[str, ...], str] = {}
    intro: dict[tuple[str, ...], str] = {}
    for c in clauses:
        idx = article_index(c.heading_path)
        if idx is None:
            continue
        article = c.heading_path[: idx + 1]
        text = c.text.strip()
        if len(c.heading_path) == idx + 1:  # a paragraph of the article
            if ARTICLE.match(text):
                opening[article] = _first_sentence(ARTICLE.sub("", text, count=1).strip())
            else:
                out[c.id] = opening.get(article, "")
            last = re.split(r"(?<=[。；！？])", text.rstrip())
            tail = last[-1] if last[-1] else (last[-2] if len(last) > 1 else "")
            tail = ARTICLE.sub("", tail, count=1).strip()
            intro[article] = tail[-CONTEXT_MAX:] if tail.endswith(("：", ":")) else ""
        else:  # a list item
            out[c.id] = intro.get(article) or opening.get(article, "")
    return {k: v for k, v in out.items() if v}


def article_of(path: Sequence[str]) -> str:
    """The article ('第九条', '第一百三十四条之一') a heading path sits in; '' outside articles."""
    i = article_index(path)
    m = ARTICLE.match(path[i]) if i is not None else None
    return m.group(0) if m else ""
