"""Follow-up questions → standalone questions, from the conversation so far (pure functions).

Handles the ways people lean on the last turn:
- another place: "那衡水呢？", "那衡水呢？对社区工作者考社工证有什么支持？"
- another slot of the same topic: "牵头单位是谁？", "办公室设在哪？"
- more of the same: "还有别的要求吗？"
- a cited item of the last answer: "上面第二条详细说说"
- a question with its own topic but no place: "那新建小区入住率达到多少…" keeps the last place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from indexer.places import gazetteer

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
PLACE_SWITCH = re.compile(r"^(?:那|那么|那么说|换成|如果是)?\s*([\u4e00-\u9fff]{2,10}?)(?:呢|那边呢|的呢|怎么样|又如何|如何)[？?]?\s*(.*)$")
MORE = re.compile(r"^(?:还有|另外|其他|别的|其它)(?:别的|其他|其它|什么)?(?:要求|规定|措施|内容)?(?:吗|呢|没有)?[？?]?$")
ITEM_REF = re.compile(r"(?:上面|上述|刚才|前面)?的?第\s*([一二两三四五六七八九十\d]+)\s*[条个点项]")
ANAPHORA = re.compile(r"^(?:那|那么|这|这个|该|其|它|上面|上述|还有|另外|此外)")
QUESTION_WORDS = re.compile(r"[？?。，,！!\s]|是谁|是什么|是哪|什么|多少|哪些|哪个|哪里|哪儿|在哪|吗|呢|谁|怎么|如何|几")


def _places_in(text: str, places: Iterable[str]) -> list[str]:
    names = sorted(set(places) | gazetteer(), key=len, reverse=True)
    found: list[str] = []
    for n in names:
        if n in text and not any(n in f for f in found):
            found.append(n)
    return found


def _content_len(q: str) -> int:
    return len(QUESTION_WORDS.sub("", q))


def _cited_sentence(answer: str, n: int) -> str | None:
    """The sentence of an assistant answer marked [n]."""
    for sent in re.split(r"(?<=[。；;！？\n])", answer):
        if f"[{n}]" in sent:
            return re.sub(r"\[\d+\]", "", sent).strip()
    return None


def rewrite(question: str, prev_question: str, prev_answer: str = "", places: Iterable[str] = ()) -> str:
    """One follow-up against the previous standalone question (and the answer it got)."""
    q = question.strip()
    if not prev_question:
        return q
    places = list(places)
    prev_places = _places_in(prev_question, places)
    own_places = _places_in(q, places)

    m = ITEM_REF.search(q)
    if m and prev_answer:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else CN_DIGITS.get(raw, 0)
        sentence = _cited_sentence(prev_answer, n)
        if sentence:
            return f"{sentence} {' '.join(prev_places)}".strip()

    if MORE.match(q):
        return f"{prev_question} 其他要求"

    m = PLACE_SWITCH.match(q)
    if m and _places_in(m.group(1), places):
        new_place = m.group(1)
        rest = m.group(2).strip()
        if rest and _content_len(rest) > 4:
            return f"{new_place}{rest}"
        swapped = prev_question
        for p in prev_places:
            swapped = swapped.replace(p, new_place)
        return swapped if prev_places else f"{new_place}{prev_question}"

    if _content_len(q) <= 13:
        # A bare slot question ("牵头单位是谁？"): same topic as before.
        return f"{q} {prev_question}"
    if not own_places and prev_places:
        return f"{''.join(prev_places[:1])}{re.sub(r'^(?:那么|那)', '', q)}"
    return q


def standalone_question(question: str, history: Sequence[dict], places: Iterable[str] = ()) -> str:
    """Resolve a question against a history of {"role","content"} turns (earlier follow-ups resolved first)."""
    places = list(places)
    prev_q, prev_a = "", ""
    for turn in history:
        if turn.get("role") == "user":
            prev_q = rewrite(turn.get("content", ""), prev_q, prev_a, places)
            prev_a = ""
        elif turn.get("role") == "assistant":
            prev_a = turn.get("content", "")
    return rewrite(question, prev_q, prev_a, places)
