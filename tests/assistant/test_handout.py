"""The training handout as a trainer prints it: the bundled corpus's DOCX, read back with python-docx."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest

from assistant.compare import NoMatchingRows
from assistant.extract import extract_all
from assistant.handout import build_handout, handout_docx, handout_markdown
from assistant.indicator import numbers
from corpus import DocumentStore

LINE_CHARS, PAGE_LINES = 44, 46  # 10.5 pt on A4 inside 2.2 cm margins


def estimated_pages(document) -> float:  # a python-docx Document
    """Lines of text at `LINE_CHARS` (a table cell at its share of the width, 9 pt) over `PAGE_LINES`."""
    lines = 0.0
    for p in document.paragraphs:
        if p.text.strip():
            lines += math.ceil(len(p.text) / LINE_CHARS) + p.style.name.startswith("Heading")
    for t in document.tables:
        width = max(50 // len(t.columns), 1)
        lines += 2 + sum(0.85 * max(math.ceil(len(c.text) / width) for c in row.cells) for row in t.rows)
    return lines / PAGE_LINES


@pytest.fixture(scope="module")
def handout(seed_store: DocumentStore, tmp_path_factory: pytest.TempPathFactory):
    import docx

    h = build_handout(extract_all(seed_store.documents()))
    path = handout_docx(h, tmp_path_factory.mktemp("handout") / "培训材料.docx")
    return h, docx.Document(str(path))


def test_the_handout_prints_on_about_fifteen_pages_with_narrow_tables(handout):
    h, document = handout
    assert document.tables and all(len(t.columns) <= 8 for t in document.tables)
    assert 5 <= estimated_pages(document) <= 16  # 62 pages with a 29-column table before


def test_no_paragraph_is_repeated_and_every_provision_is_whole_sentences(handout, seed_store):
    h, document = handout
    body = [
        p.text
        for p in document.paragraphs
        if p.text.strip() and not p.style.name.startswith(("Heading", "Title"))
    ]
    repeated = [t for t, n in Counter(body).items() if n > 1]
    assert not repeated
    provisions = [p for _, docs in h.topics for _, items in docs for p in items]
    assert len(provisions) >= 20
    # a bare unit list ("（牵头单位：…；责任单位：…）") is not a provision; a source does not repeat its provision
    assert not [p.text for p in provisions if p.text.startswith(("（牵头", "(牵头"))]
    assert not [p.text for p in provisions if p.text.rstrip("；。") in p.source]
    texts = "\n".join(d.text for d in seed_store.documents())
    for p in provisions:
        if p.table_row:  # an indicator table's row, read with its header
            assert p.text.endswith("）") and "（" in p.text
            continue
        # as written, from a sentence's start (or a line's) to a sentence's end (or the line's)
        at = texts.find(p.text)
        assert at >= 0, p.text
        assert at == 0 or texts[at - 1] in "\n。；！？", p.text
        end = at + len(p.text)
        assert re.search(r"[。；！？][”’）)]*$", p.text) or end == len(texts) or texts[end] == "\n", p.text


def test_every_figure_in_the_tables_is_in_its_document_and_sources_carry_their_version(handout, seed_store):
    h, _ = handout
    texts: dict[str, str] = {}
    for d in seed_store.documents():
        texts[d.region] = texts.get(d.region, "") + d.text
    assert h.tables
    for _, lines in h.tables:
        for region, _, baseline, value, _, _ in lines:
            assert value in texts[region], (region, value)
            assert all(n in texts[region] for n in numbers(baseline)), (region, baseline)
    md = handout_markdown(h)
    assert h.sources and "## 文件来源" in md and "现行" in md
    dated = [s for s in h.sources if s.version_date]
    assert dated and all(f"{s.version_date}版" in md for s in dated)


def test_an_unknown_topic_is_an_error_not_an_empty_handout(seed_store):
    with pytest.raises(NoMatchingRows, match="没有与“量子计算”有关的指标"):
        build_handout(extract_all(seed_store.documents()), ["量子计算"])


def test_review_questions_are_answered_with_the_figure_as_written_and_its_source(seed_store, tmp_path):
    """`--quiz`: a few questions per topic on the tables' figures, from different documents; each
    answer's figures stand verbatim in the sentence it cites, with the document, version and place in
    it; printed after the questions (a trainer hands out the questions alone)."""
    import docx

    rows = extract_all(seed_store.documents())
    h = build_handout(rows, quiz=True)
    assert not build_handout(rows).quiz and h.quiz
    assert len(h.quiz) <= 2 * len(h.tables)
    for q in h.quiz:
        assert q.question.endswith("有什么要求？") and "《" in q.question
        figures = numbers(q.answer)
        assert figures and all(n in q.quote for n in figures), q
        assert "《" in q.source and ("第" in q.source or "›" in q.source or "、" in q.source), q.source
    md = handout_markdown(h)
    assert md.index("## 复习题") < md.index("## 参考答案") < md.index("## 文件来源")
    text = "\n".join(p.text for p in docx.Document(str(handout_docx(h, tmp_path / "q.docx"))).paragraphs)
    assert "复习题" in text and f"1. {h.quiz[0].question}" in text and "依据：" in text
