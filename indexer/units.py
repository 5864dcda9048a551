"""What the index holds for each clause: the text embedded (the clause under its headings, a list item
after its article's opening), the sentences BM25 scores, what a Milvus row keeps beside its vector;
and a document version's fingerprint (what decides that it is indexed again)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.alternatives import with_alternatives
from corpus.articles import article_context, article_index
from corpus.model import Clause, Document
from corpus.sentences import sentence_spans

MAX_TEXT = 8000  # characters of a clause stored in a Milvus row (clauses are cut at ~300)
MAX_META = 200


@dataclass(frozen=True)
class DocInfo:
    """What a hit needs to know about its document."""

    id: str
    title: str
    region: str
    origin: str
    date: str
    places: tuple[str, ...]
    kind: str = ""  # 法律 / 条例 / 办法 / 意见 …


def passage_text(c: Clause, context: str = "") -> str:
    """What gets embedded: the nearest headings give a clause its topic. A later paragraph or a list
    item of an article (`context`: `corpus.outline.article_context`) is read after the article's
    opening, under the headings above the article (not its number, not the item's own label)."""
    if not context:
        return "；".join(c.heading_path[-2:]) + "：" + c.text
    idx = article_index(c.heading_path) or 0
    return "；".join(c.heading_path[: idx + 1][-2:]) + "：" + context + "……" + c.text


def bm25_units(c: Clause, context: str = "") -> list[str]:
    """BM25 scores sentences, not clauses: a one-sentence answer inside a long clause is not drowned
    by length normalisation. Each sentence carries the clause's nearest heading, or, inside an article,
    the article's opening (`context`), and its bracketed alternatives spelled out (村（居）民委员会 holds
    居民委员会: `corpus.alternatives`)."""
    head = context or (c.heading_path[-1] if c.heading_path else "")
    sentences = [c.text[a:b] for a, b in sentence_spans(c.text)] or [c.text]
    return [head + " " + with_alternatives(s) for s in sentences]


def contexts(docs: Sequence[Document]) -> dict[str, str]:
    """`article_context` of every document's clauses, by clause id."""
    out: dict[str, str] = {}
    for d in docs:
        out.update(article_context(d.clauses))
    return out


def fingerprint(d: Document) -> str:
    """A document version as the index sees it: its text, how it was cut into clauses, and the
    metadata hits carry (a corrected title, region or date re-indexes it)."""
    h = hashlib.sha256(d.content_hash.encode())
    h.update(json.dumps([d.title, d.region, d.date, list(d.places)], ensure_ascii=False).encode())
    for c in d.clauses:
        h.update(f"{c.id}:{c.start}:{c.end}".encode())
    return h.hexdigest()


def milvus_fields(c: Clause, doc: DocInfo) -> dict[str, str]:
    """What a Milvus row holds beside its vector: the clause text and its document's metadata, so the
    store answers filters (and inspection) on its own."""
    return {
        "doc_id": c.doc_id,
        "text": c.text[:MAX_TEXT],
        "title": doc.title[:MAX_META],
        "region": doc.region[:MAX_META],
        "date": doc.date,
        "kind": doc.kind[:MAX_META],
    }
