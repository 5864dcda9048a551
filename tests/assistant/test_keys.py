"""Indicators lined up across documents (`assistant/keys.py`), on the dev corpus's real documents."""

from __future__ import annotations

import pytest

from assistant.compare import split_rows, valued
from assistant.export import to_xlsx
from assistant.extract import extract_all
from assistant.keys import indicator_keys
from corpus import DocumentStore
from corpus.versions import superseded


@pytest.fixture(scope="module")
def current_rows(dev_store: DocumentStore):
    docs = dev_store.documents()
    old = superseded(docs)
    return [r for r in extract_all(docs) if r.doc_id not in old]


def test_a_dozen_indicators_line_up_across_documents_one_value_per_cell(current_rows):
    keys = [k for k in indicator_keys(valued(current_rows)) if k.documents >= 2]
    assert len(keys) >= 12
    for k in keys:
        assert len({r.doc_id for r in k.rows}) == len(k.rows)  # one value per document
        assert all(r.value and (r.value_text or r.value) in r.quote for r in k.rows)
        assert "…" in k.label
    # a sentence stating the same figure twice (五分之一以上的居民、五分之一以上的户) gives two rows that read apart
    assert len({k.label for k in keys}) == len(keys)
    term = next(k for k in keys if k.label.startswith("居民委员会每届任期"))
    assert {(r.region, r.value) for r in term.rows} == {("全国", "五年"), ("北京市", "三年")}


def test_fines_for_different_violations_are_not_lined_up(current_rows):
    """ "逾期不改正的，处…罚款" is in every regulation; what it fines is stated before it."""
    keys = [k for k in indicator_keys(valued(current_rows)) if k.documents >= 2]
    assert not [k.label for k in keys if "罚款" in k.label and "逾期" in k.label]


def test_the_workbook_has_the_lined_up_sheet(current_rows, tmp_path):
    import openpyxl

    indicators, duties = split_rows(current_rows)
    path = to_xlsx(indicators, tmp_path / "对比.xlsx", duty_rows=duties)
    ws = openpyxl.load_workbook(path)["指标对照"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["指标（原文，…为数值）", "单位"] and len(header) >= 4
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) >= 12
    for row in rows:
        filled = [v for v in row[2:] if v and v != "—"]
        assert len(filled) >= 2 and all("；" not in v for v in filled)
