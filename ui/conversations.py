"""The conversation list a browser keeps (in its own storage): pure functions over a plain dict
{"current": id, "chats": {id: {"title", "updated", "messages"}}}, so they are tested without a page."""

from __future__ import annotations

import copy
import os
import time

from ui.render import plain_message

EMPTY = {"current": "", "chats": {}}


def _fresh(store: dict | None) -> dict:
    store = copy.deepcopy(store) if isinstance(store, dict) and "chats" in store else copy.deepcopy(EMPTY)
    store.setdefault("current", "")
    return store


def record(
    store: dict | None, messages: list[dict], turns: list[dict] | None = None, cards: str | None = None
) -> dict:
    """Keep the current conversation's messages, its turns as data (`Turn.record`: what the next
    follow-up is read against) and its latest answer's source cards; the first question names a new one."""
    store = _fresh(store)
    if not messages:
        return store
    cid = store["current"] or f"c{int(time.time() * 1000)}-{os.urandom(3).hex()}"
    chat = store["chats"].get(cid) or {
        "title": plain_message(str(messages[0].get("content", "")))[:24] or "对话"
    }
    chat.update(messages=messages, updated=time.time())
    if turns is not None:
        chat["turns"] = turns
    if cards is not None:
        chat["cards"] = cards
    store["chats"][cid] = chat
    store["current"] = cid
    return store


def choices(store: dict | None) -> list[tuple[str, str]]:
    """("title · month-day hour:minute" of its last answer, id), most recent first."""
    chats = _fresh(store)["chats"]
    return [
        (
            f"{c['title']} · {time.strftime('%m-%d %H:%M', time.localtime(c['updated']))}"
            if c.get("updated")
            else c["title"],
            cid,
        )
        for cid, c in sorted(chats.items(), key=lambda kv: -kv[1].get("updated", 0))
    ]


def open_chat(store: dict | None, cid: str | None) -> tuple[dict, list[dict]]:
    store = _fresh(store)
    if cid in store["chats"]:
        store["current"] = cid
        return store, list(store["chats"][cid]["messages"])
    return store, []


def turns(store: dict | None) -> list[dict]:
    """The current conversation's turns as data ([] for none, or for one saved before turns were kept)."""
    store = _fresh(store)
    return list(store["chats"].get(store["current"], {}).get("turns", []))


def cards(store: dict | None) -> str:
    """The source cards of the current conversation's latest answer ("" for none)."""
    store = _fresh(store)
    value = store["chats"].get(store["current"], {}).get("cards", "")
    return value if isinstance(value, str) else ""


def new_chat(store: dict | None) -> dict:
    store = _fresh(store)
    store["current"] = ""
    return store


def rename(store: dict | None, title: str) -> dict:
    store = _fresh(store)
    if store["current"] in store["chats"] and title.strip():
        store["chats"][store["current"]]["title"] = title.strip()[:40]
    return store


def delete(store: dict | None) -> tuple[dict, list[dict]]:
    """Remove the current conversation and open the most recent other one (or none)."""
    store = _fresh(store)
    store["chats"].pop(store["current"], None)
    store["current"] = ""
    rest = choices(store)
    return open_chat(store, rest[0][1]) if rest else (store, [])
