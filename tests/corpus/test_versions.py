"""Versions of one instrument, over the two real versions of 上海市住宅物业管理规定 ingested from the dev corpus."""

from __future__ import annotations

from corpus import DocumentStore
from corpus.versions import current, in_order, previous_version, superseded, version_pairs
from eval.gold import DATA


def test_the_current_version_is_read_unless_an_old_one_is_named(fresh_settings):
    folder = DATA / "corpus" / "regulations"
    files = sorted(folder.glob("shanghai_20*_wuye_guiding.md"))
    assert len(files) == 2, files
    store = DocumentStore(fresh_settings)
    store.ingest(files)
    docs = store.documents()
    ((old, new),) = [(a, b) for a, b in version_pairs(docs) if "物业" in b.title]
    assert old.date < new.date and previous_version(docs, new) == old
    assert superseded(docs) >= {old.id} and new.id not in superseded(docs)
    ids = {d.id for d in current(docs)}
    assert new.id in ids and old.id not in ids
    assert [d.id for d in current(docs, [old.id])] == [old.id]  # named on purpose: kept
    assert in_order(new, old) == (old, new) and in_order(old, new) == (old, new)
