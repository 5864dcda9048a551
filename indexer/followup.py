"""Follow-up questions → standalone questions, from the conversation so far (pure functions).

Only a question that cannot stand alone takes anything from the history:
- another place: "那衡水呢？", "那衡水呢？对社区工作者考社工证有什么支持？"
- a slot of the same topic, with no subject of its own: "牵头单位是谁？", "备案期限多长？"
- more of the same: "还有别的要求吗？"
- an item of the last answer: "上面第二条详细说说"
- an anaphoric question ("那新建小区入住率达到多少…") keeps the last place.
A question that names its own place, or states a topic of its own, stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indexer.places import gazetteer

CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
PLACE_SWITCH = re.compile(
    r"^(?:那|那么|那么说|换成|如果是|换作)?\s*([\u4e00-\u9fff]{2,10}?)(?:呢|那边呢|的呢|怎么样|又如何|如何|是怎么规定的)[？?]?\s*(.*)$"
)
MORE = re.compile(
    r"^(?:还有|另外|其他|别的|其它)(?:别的|其他|其它|什么)?(?:要求|规定|措施|内容)?(?:吗|呢|没有)?[？?]?$"
)
ITEM_REF = re.compile(r"(?:上面|上述|刚才|前面)?的?第\s*([一二两三四五六七八九十\d]+)\s*[条个点项]")
# Words that open a question leaning on what was just said.
ANAPHORA = re.compile(r"^(?:那么|那|这个|这些|这|该|其|它|上面|上述|还有|另外|此外|同样|要是|如果)")
# Words that point back into the last turn anywhere in the question.
REFERS_BACK = re.compile(r"这些|这个|这类|这种|他们|它们|上述|上面|前面|刚才|^那|^其|^该")
COMPARISON_WORDS = re.compile(r"各地|各省|各市|分别|哪些地方|哪些城市|哪几个|对比|比较|全国")
# What a question is made of besides its topic: question words, punctuation, polite filler.
QUESTION_WORDS = re.compile(
    r"[？?。，,！!\s]|是谁|是什么|是哪|什么|多少|哪些|哪个|哪家|哪里|哪儿|在哪|吗|呢|谁|怎么|如何|几|多长|多久|多大|"
    r"请问|一下|具体|详细|说说|有没有|是不是|需要|应该|要求|规定|负责|牵头|单位|部门|时间|期限|的|了"
)
# A part of a several-question message shorter than this ("是吗？", "对吗？") is not a question of its own.
MIN_PART_CHARS = 4
ELLIPSIS = re.compile(r"^(?:那|那么)?[\u4e00-\u9fff]{1,10}?呢[？?]$")
# A bare slot question has at most this many topic characters left ("备案" in "备案期限多长？").
SLOT_CHARS = 4


@dataclass(frozen=True)
class Rewrite:
    """The standalone question and whether the history was needed to make it."""

    text: str
    used_history: bool
    own: str = ""  # the question's own words when the history was used ("" for an ellipsis: "那衡水呢？")


def question_parts(text: str) -> list[str]:
    """A message asking several things, one question per part ("公示几天？对名单有意见找谁？"): split
    after each question mark. A part without a topic word of its own stays with the one before; an
    opening ellipsis ("北京呢？", "那农村呢？") stays with the question after it, which it frames."""
    parts: list[str] = []
    opener = ""
    for piece in re.split(r"(?<=[？?])", text.strip()):
        piece = piece.strip()
        if not piece:
            continue
        if ELLIPSIS.match(piece):
            opener += piece
        elif parts and not opener and len(re.findall(r"[\u4e00-\u9fff]", piece)) < MIN_PART_CHARS:
            parts[-1] += piece
        else:
            parts.append(opener + piece)
            opener = ""
    if opener:
        parts.append(opener)
    return parts or [text]


def places_in(text: str, places: Iterable[str]) -> list[str]:
    """Known and well-known place names in `text`, longest first, none inside another."""
    names = sorted(set(places) | gazetteer(), key=len, reverse=True)
    found: list[str] = []
    for n in names:
        if n and n in text and not any(n in f for f in found):
            found.append(n)
    return found


def topic_chars(q: str, places: Iterable[str] = ()) -> int:
    """How many characters of a question say what it is about (not its question words or places)."""
    for p in places:
        q = q.replace(p, "")
    return len(QUESTION_WORDS.sub("", ANAPHORA.sub("", q)))


# How an answer written as prose numbers its items: 一是…二是…, （一）…（二）…, 第一，…, 1、… / 1．…
ITEM_STYLES = (
    r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]{1,2})是",
    r"[（(]([一二三四五六七八九十]{1,2}|\d{1,2})[）)]",
    r"第([一二三四五六七八九十]{1,2})[，,、]",
    r"(?<![\d.．])(\d{1,2})[、．.](?!\d)",
)
ITEM_END = re.compile(r"[；;。\n]")


def _cited_sentence(answer: str, n: int) -> str | None:
    """The sentence of an assistant answer marked [n]; in an answer without marks, its n-th
    numbered item (一是…二是…, （二）…, 2、…) up to the item's end."""
    for sent in re.split(r"(?<=[。；;！？\n])", answer):
        if f"[{n}]" in sent:
            return re.sub(r"\[\d+\]", "", sent).strip()
    for style in ITEM_STYLES:
        marks = list(re.finditer(style, answer))
        numbers = [int(m.group(1)) if m.group(1).isdigit() else CN_DIGITS.get(m.group(1), 0) for m in marks]
        if n not in numbers or numbers[: numbers.index(n) + 1] != list(range(1, n + 1)):
            continue  # counted from one, in order, or not a list
        m = marks[numbers.index(n)]
        end = ITEM_END.search(answer, m.end())
        item = answer[m.end() : end.start() if end else len(answer)].strip(" ，,、：:")
        if item:
            return item
    return None


def rewrite(question: str, prev_question: str, prev_answer: str = "", places: Iterable[str] = ()) -> Rewrite:
    """One question against the previous standalone question (and the answer it got)."""
    q = question.strip()
    if not prev_question:
        return Rewrite(q, False)
    places = list(places)
    prev_places = places_in(prev_question, places)
    own_places = places_in(q, places)

    m = ITEM_REF.search(q)
    if m and prev_answer and topic_chars(q[: m.start()] + q[m.end() :]) <= SLOT_CHARS:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else CN_DIGITS.get(raw, 0)
        sentence = _cited_sentence(prev_answer, n)
        if sentence:
            return Rewrite(f"{sentence} {' '.join(prev_places)}".strip(), True, q)

    if MORE.match(q):
        return Rewrite(f"{prev_question} 其他要求", True)

    m = PLACE_SWITCH.match(q)
    if m and places_in(m.group(1), places):
        new_place = m.group(1)
        rest = m.group(2).strip()
        topic = prev_question
        for p in prev_places:
            topic = topic.replace(p, "")
        if rest and topic_chars(rest) > SLOT_CHARS:
            return Rewrite(f"{new_place}{rest} {topic}", True, rest)  # its own question, on the same subject
        swapped = prev_question
        for p in prev_places:
            swapped = swapped.replace(p, new_place)
        return Rewrite(swapped if prev_places else f"{new_place}{prev_question}", True)

    n_topic = topic_chars(q, own_places)
    if own_places and n_topic > SLOT_CHARS:
        return Rewrite(q, False)  # names its own place and topic: stands alone
    if n_topic <= SLOT_CHARS:
        # A bare slot question ("牵头单位是谁？", "备案期限多长？"): same topic as before.
        return Rewrite(f"{q} {prev_question}", True, q)
    if COMPARISON_WORDS.search(q):
        return Rewrite(q, False)  # asks across places: nothing to inherit
    if prev_places and not own_places:
        # A question of its own in a conversation about one place stays about that place.
        return Rewrite(f"{prev_places[0]}{re.sub(r'^(?:那么|那)', '', q)}", True, q)
    if REFERS_BACK.search(q):
        return Rewrite(f"{q} {prev_question}", True, q)  # "这些设施", "他们": the subject is in the last turn
    return Rewrite(q, False)


def standalone_question(question: str, history: Sequence[dict], places: Iterable[str] = ()) -> Rewrite:
    """Resolve a question against a history of {"role","content"} turns (earlier follow-ups resolved first)."""
    places = list(places)
    prev_q, prev_a = "", ""
    for turn in history:
        if turn.get("role") == "user":
            prev_q = rewrite(turn.get("content", ""), prev_q, prev_a, places).text
            prev_a = ""
        elif turn.get("role") == "assistant":
            prev_a = turn.get("content", "")
    return rewrite(question, prev_q, prev_a, places)
