"""The browser-kept conversation list: new, record, open, rename, delete."""

from __future__ import annotations

import re
import time

from ui import conversations as conv


def msgs(q: str) -> list[dict]:
    return [{"role": "user", "content": q}, {"role": "assistant", "content": "答"}]


def test_conversations_are_kept_named_switched_renamed_and_deleted():
    store = conv.record(None, msgs("每个社区至少配几名专职工作者？"))
    first = store["current"]
    ((label, cid),) = conv.choices(store)
    assert cid == first and re.fullmatch(
        r"每个社区至少配几名专职工作者？ · \d\d-\d\d \d\d:\d\d", label
    )  # dated
    assert label.endswith(time.strftime("%m-%d %H:%M", time.localtime(store["chats"][first]["updated"])))
    store = conv.record(store, msgs("每个社区至少配几名专职工作者？") + msgs("牵头单位是谁？"))
    assert len(store["chats"][first]["messages"]) == 4 and len(store["chats"]) == 1
    store = conv.new_chat(store)
    store = conv.record(store, msgs("衡水的覆盖率目标？"))
    second = store["current"]
    assert second != first and [c for _, c in conv.choices(store)] == [second, first]
    store, messages = conv.open_chat(store, first)
    assert store["current"] == first and len(messages) == 4
    store = conv.rename(store, "  配备标准  ")
    assert any(label.startswith("配备标准 · ") and cid == first for label, cid in conv.choices(store))
    store, messages = conv.delete(store)
    assert (
        first not in store["chats"]
        and store["current"] == second
        and messages[0]["content"] == "衡水的覆盖率目标？"
    )
    store, messages = conv.delete(store)
    assert store == {"current": "", "chats": {}} and messages == []


def test_damaged_or_missing_storage_starts_empty():
    assert conv.choices(None) == [] and conv.choices({"weird": 1}) == []
    assert conv.open_chat([], "x") == ({"current": "", "chats": {}}, [])


def test_each_conversation_keeps_its_latest_answers_cards():
    store = conv.record(
        None, msgs("凯里每个社区至少配几名专职工作者？"), [], "<div class='pq-card'>凯里</div>"
    )
    first = store["current"]
    store = conv.record(
        store, msgs("凯里每个社区至少配几名专职工作者？") + msgs("那衡水呢？")
    )  # no new cards given
    assert conv.cards(store) == "<div class='pq-card'>凯里</div>"
    store = conv.new_chat(store)
    assert conv.cards(store) == ""
    store = conv.record(store, msgs("衡水的覆盖率目标？"), [], "<div class='pq-card'>衡水</div>")
    store, _ = conv.open_chat(store, first)
    assert "凯里" in conv.cards(store)
    assert conv.cards({"current": "x", "chats": {"x": {"messages": [], "cards": 5}}}) == ""  # damaged storage
