"""How a table row is matched to the exhaustive labels (`eval/exhaustive.py`)."""

from __future__ import annotations

from assistant.indicator import Indicator
from eval.exhaustive import Item, score_documents


def _row(quote: str, value: str) -> Indicator:
    return Indicator("d1", "", "", quote, quote, "c1", "", 0, len(quote), value=value, value_text=value)


def test_a_row_sharing_its_words_equally_with_two_items_takes_the_required_one():
    """A progress table restates its target ("已完成新增15家…", labelled optional) after the target itself
    ("新增15家…，实施…"): the target's row counts for the target, not for its restatement."""
    items = [
        Item("a.txt", "新增15家示范型照料中心，实施", "15家", None, False, "held_out"),
        Item("a.txt", "已完成新增15家示范型照料中心", "15家", None, True, "held_out"),
    ]
    (score,) = score_documents(items, [_row("新增15家示范型照料中心", "15家")], {"d1": "a.txt"})
    assert (score.rows, score.correct, score.items, score.found) == (1, 1, 1, 1)
    assert score.missed == ()


def test_a_row_sharing_more_words_with_an_optional_item_still_takes_it():
    """Required comes after overlap: the row is the restatement's, sharing only "新增15家示范型" with the target."""
    items = [
        Item("a.txt", "新增15家示范型中心", "15家", None, False, "held_out"),
        Item("a.txt", "已完成新增15家示范型照料中心的建设", "15家", None, True, "held_out"),
    ]
    (score,) = score_documents(items, [_row("已完成新增15家示范型照料中心的建设", "15家")], {"d1": "a.txt"})
    assert (score.correct, score.found) == (1, 0)
