"""A provision as a reader needs it: a list intro with its items, a heading with its text, and the
article and paragraph (第X条第Y款) it sits in. Pure functions over a document's clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.articles import article_index, article_of
from corpus.model import Clause, Document
from corpus.outline import ARTICLE, ARTICLE_NUMBER

ITEM = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)|[一二三四五六七八九十]{1,3}、)"
)
FIRST_ITEM = re.compile(r"^\s*(?:[（(][一1][）)]|1[、．.](?!\d)|一、)")  # a list's first item
CN = "零一二三四五六七八九十"
MAX_ITEMS_CHARS = 320  # a list longer than this is cut with "等（共N项）"; the whole clause is one click away


@dataclass(frozen=True)
class Provision:
    """The text an answer shows for one clause span, and the clauses it was made of."""

    text: str
    clause_ids: tuple[str, ...]
    label: str  # "第九条第二款", or "" outside articles


def cn_number(n: int) -> str:
    """1..99 as Chinese numerals: 2 → 二, 12 → 十二, 21 → 二十一."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return (CN[tens] if tens > 1 else "") + "十" + (CN[ones] if ones else "")


def article_labels(doc: Document) -> dict[str, str]:
    """Every clause's '第九条第二款' ('第九条' for an article's first paragraph, '' outside articles), in one pass."""
    out: dict[str, str] = {}
    paragraphs: dict[tuple[str, ...], int] = {}
    prev_end: dict[tuple[str, ...], int] = {}
    for c in doc.clauses:
        path = c.heading_path
        idx = article_index(path)
        if idx is None:
            out[c.id] = ""
            continue
        article = ARTICLE.match(path[idx]).group(0)  # type: ignore[union-attr]
        if len(path) != idx + 1:  # a list item inside an article
            out[c.id] = article
            continue
        if c.start != prev_end.get(path, -2):  # a passage cut from a long paragraph continues it
            paragraphs[path] = paragraphs.get(path, 0) + 1
        prev_end[path] = c.end
        n = paragraphs[path]
        out[c.id] = article + (f"第{cn_number(n)}款" if n > 1 else "")
    return out


def article_label(doc: Document | None, clause: Clause) -> str:
    """'第九条第二款' for the second paragraph of article 9; '第九条' for its first; '' outside articles."""
    if doc is not None:
        return article_labels(doc).get(clause.id, "")
    idx = article_index(clause.heading_path)
    return ARTICLE.match(clause.heading_path[idx]).group(0) if idx is not None else ""  # type: ignore[union-attr]


def _items_after(doc: Document, clause: Clause) -> list[Clause]:
    """The clauses nested under `clause` (its list items or a heading's body), in document order."""
    clauses = list(doc.clauses)
    try:
        i = next(k for k, c in enumerate(clauses) if c.id == clause.id)
    except StopIteration:
        return []
    path = clause.heading_path
    out: list[Clause] = []
    for c in clauses[i + 1 :]:
        if len(c.heading_path) > len(path) and c.heading_path[: len(path)] == path:
            out.append(c)
        else:
            break
    return out


def _intro_of(doc: Document, clause: Clause) -> Clause | None:
    """The list intro ("有下列情形之一的，由民政部门依法查处：") a list item sits under, if `clause` is one."""
    path = clause.heading_path
    if len(path) < 2 or not ITEM.match(clause.text):
        return None
    intro = None
    for c in doc.clauses:
        if c.id == clause.id:
            return intro
        if c.heading_path == path[:-1] and (
            c.text.rstrip().endswith(("：", ":")) or LIST_AHEAD.search(c.text)
        ):
            intro = c
        elif c.heading_path == path[:-1] and not c.text.rstrip().endswith(("；", ";")):
            # a paragraph ending "；" is an item whose number the source lost ("下列…应当无偿提供：\n法治宣传教育服务…；\n（二）…")
            intro = None
    return None


def article_opening(doc: Document | None, clause: Clause) -> Clause | None:
    """The paragraph opening the article a later paragraph (款) of it belongs to, or the intro of the
    list a list item sits in ("有下列情形之一的，…处一百元以上两百元以下的罚款；…："): what the clause is
    read with. None for any other clause (an article's first paragraph, a plan's passage)."""
    if doc is None or ARTICLE.match(clause.text):
        return None
    if ITEM.match(clause.text):
        return _intro_of(doc, clause)
    idx = article_index(clause.heading_path)
    if idx is None or len(clause.heading_path) != idx + 1:
        return None
    return next(
        (c for c in doc.clauses if c.heading_path == clause.heading_path and ARTICLE.match(c.text)),
        None,
    )


def list_intro(doc: Document | None, clause: Clause) -> str:
    """The sentence opening the list a list item sits in ("七十周岁以上的老年人，…享受下列优惠待遇："),
    empty for any other clause: what the item's figure (or its lack of one) is read with."""
    intro = _intro_of(doc, clause) if doc is not None else None
    return _last_sentence(intro) if intro is not None else ""


# A provision that says what it applies to by pointing back: "违反前款规定的，…处五十元罚款",
# "违反本条例第五十六条第二款第三项、第四项规定的", "违反本条第一款规定". Its words are those it points to.
# The items a reference names, a later one often without its 第 ("第一项至五项", "第一、三项", "第二项、第四项");
# "第一、三款" names paragraphs, not items.
ITEMS = rf"(?:第[（(]?[{CN}\d]+[）)]?项?(?:[、和及或至]第?[（(]?[{CN}\d]+[）)]?项?)*(?<=项))"
BACK_REFERENCE = re.compile(
    r"(?:违反|不符合|有|依照|按照)(?:本(?:条例|办法|规定|法|细则))?"
    rf"(?:(?P<prev>前款)|(?P<article>{ARTICLE_NUMBER})(?:第(?P<para>[{CN}百\d]+)款)?|本条第(?P<own>[{CN}百\d]+)款)"
    rf"(?P<items>{ITEMS}?)"
)
ITEM_NUMBER = re.compile(rf"^\s*[（(]([{CN}\d]{{1,3}})[）)]")
# A sentence that points back to the sentences before it in its own paragraph ("任何人不得擅自…张贴…。违反规定的，
# 责令清除，…并处一百元以上一千元以下罚款"): read with them.
POINTS_BACK = re.compile(r"^\s*(?:违反(?:上述|以上|前述)?(?:规定|要求)|有(?:上述|前述)(?:行为|情形))")
REFERRED_MAX = 300  # characters of the provision pointed to that a penalty is read with
# A sentence that goes on with the one before it: a sanction's further steps ("…责令限期改正；逾期不改正的，…
# 并处二千元以上二万元以下罚款；情节严重的，…"). Alone it says neither who is fined nor for what. So does a proviso
# ("用人单位对终局裁决不得向人民法院提起诉讼。但是，有证据证明…的，可以…申请撤销仲裁裁决"): the rule it excepts from.
CONTINUES = re.compile(
    r"^\s*(?:(?:逾期(?:仍)?(?:不|未)[^，。；]{1,12}的|拒不[^，。；]{1,12}的|"
    r"情节(?:较轻|较重|严重|特别严重|恶劣|显著轻微)的|(?:有|没有|无)违法所得的|违法所得[^，。；]{1,20}的)[，,]|但)"
)


def with_continuations(text: str, spans: list[tuple[int, int]], whole_item: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of `text` with each sentence that goes on with the one before it (`CONTINUES`)
    joined to it: one sanction, one sentence. A list item's sentences are one: "（二）按照每个街道办事处或者三至十万人口的
    标准设置一所社区卫生服务中心；服务人口规模超过十万人…的，可以适当增设…" is not shown from its second half — when the
    item is no longer than `whole_item` characters, what a quote shows (a plan's "（一）…；…；…" paragraph is shown by its
    sentences, not trimmed mid-sentence), and its sentences end in ；."""
    out: list[tuple[int, int]] = []
    item = len(text) <= whole_item and bool(ITEM_NUMBER.match(text))
    for s, e in spans:
        if out and ((item and text[out[-1][1] - 1] in "；;") or CONTINUES.match(text[s:e])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# A later sentence naming items alone, of the provision its clause points back to ("违反前款第一项至第三项规定的，可以处
# 五十元罚款；违反第四项、第五项规定的，处二百元罚款")
ITEMS_ALONE = re.compile(rf"违反({ITEMS})规定")


def points_on_its_own(text: str, start: int, end: int) -> bool:
    """The sentence `text[start:end]` of a clause pointing back names a reference of its own, not the clause's first
    ("…；违反第四项、第五项规定的，处二百元罚款"): what it refers to is not the clause's."""
    first = BACK_REFERENCE.search(text)
    sentence = text[start:end]
    return (
        first is not None
        and not start <= first.start() < end
        and bool(BACK_REFERENCE.search(sentence) or ITEMS_ALONE.search(sentence))
    )


def referred_text(doc: Document | None, clause: Clause, sentence: str = "") -> str:
    """What a clause (or a `sentence` of it) pointing back to another provision refers to, cut to
    `REFERRED_MAX`; empty for any other clause: the paragraph before it ("前款"), a paragraph of its own
    article ("本条第二款"), or the article, paragraph and items it names ("本规定第五十六条第二款第三项、第四项").
    A fine for "违反前款规定的" fines the acts the list before it names, and no other paragraph's; a sentence
    naming items alone ("违反第四项、第五项规定的") those items of what its clause points to."""
    m = BACK_REFERENCE.search(clause.text) if doc is not None else None
    if m is None or doc is None:
        return ""
    named = m.group("items")
    if sentence and (own := BACK_REFERENCE.search(sentence)):
        m, named = own, own.group("items")
    elif sentence and (alone := ITEMS_ALONE.search(sentence)):
        named = alone.group(1)
    article = article_of((m.group("article"),) if m.group("article") else clause.heading_path)
    paragraphs = _paragraphs(doc, article)
    if m.group("prev"):
        here = next((i for i, p in enumerate(paragraphs) if any(c.id == clause.id for c in p)), 0)
        chosen = paragraphs[here - 1 : here] if here else []
    elif m.group("para") or m.group("own"):
        n = _number(m.group("para") or m.group("own"))
        chosen = paragraphs[n - 1 : n] if n else []
    else:
        chosen = paragraphs
    found = [c for p in chosen for c in p if c.id != clause.id]
    wanted = _item_numbers(named)
    if wanted:
        items = [c for c in found if (num := ITEM_NUMBER.match(c.text)) and _number(num.group(1)) in wanted]
        found = items or found
    return "".join(c.text for c in found)[:REFERRED_MAX]


# "违反本条例第九条规定的", "违反本条例第十五条第一、三款和第二十一条规定的", "违反本条例第三十四条第一项至第四项的规定的",
# "有本条例第八条第七项行为，随地…吐痰…的", an item of a sanctions article "（四）违反第三十条规定，盗用…的": the articles whose
# breach a clause sanctions (another law's is named by its title first: "违反《…》第十条")
BREACHED = re.compile(
    rf"(?:违反|有)(?:本(?:条例|办法|规定|法|细则))?((?:[、，和及或与]?{ARTICLE_NUMBER}(?:[至到]?第?[{CN}百\d、至到]+[款项])*)+)"
    r"的?(?:规定|所列|行为)"
)
# "违反前款第一项至第三项规定的，可以处五十元罚款", "违反本条第一款规定的，责令改正": a breach of its own article
BREACHED_HERE = re.compile(rf"违反(?:前[两二三]?款|本条第[{CN}\d]+款)")


_BREACHES: dict[
    tuple[str, str], dict[str, list[Clause]]
] = {}  # by document: article → the clauses sanctioning it


def sanctions_for(doc: Document | None, article: str) -> list[Clause]:
    """The clauses of `doc` that sanction a breach of `article`, naming it by its number alone ("第三十一条违反本条例第九条
    规定的，…罚款") or, in the article itself, by its paragraph ("违反前款第一项至第三项规定的，可以处五十元罚款");
    each document is read for them once."""
    if doc is None or not article:
        return []
    key = (doc.id, doc.content_hash)
    if key not in _BREACHES:
        found: dict[str, list[Clause]] = {}
        for c in doc.clauses:
            if m := BREACHED.search(c.text):
                for named in dict.fromkeys(re.findall(ARTICLE_NUMBER, m.group(1))):
                    found.setdefault(named, []).append(c)
            elif BREACHED_HERE.search(c.text) and (own := article_of(c.heading_path)):
                found.setdefault(own, []).append(c)
        _BREACHES[key] = found
    return _BREACHES[key].get(article, [])


def _paragraphs(doc: Document, article: str) -> list[list[Clause]]:
    """An article's paragraphs (款), each with the list items under it, in order."""
    labels = article_labels(doc)
    out: list[list[Clause]] = []
    last = ""
    for c in doc.clauses:
        if not article or article_of(c.heading_path) != article:
            continue
        deep = len(c.heading_path) != (article_index(c.heading_path) or 0) + 1
        if not out or (not deep and labels.get(c.id, "") != last):
            out.append([])
            last = labels.get(c.id, "")
        out[-1].append(c)
    return out


def _item_numbers(named: str) -> set[int]:
    """The items a reference names: "第三项、第四项" 3 and 4; a range "第四项至第八项" every item from 4 to 8."""
    wanted: set[int] = set()
    last = 0
    for m in re.finditer(rf"(至)?第?[（(]?([{CN}\d]+)", named):
        n = _number(m.group(2))
        wanted.update(range(last + 1, n + 1) if m.group(1) and 0 < last < n else (n,))
        last = n
    return wanted - {0}


def _number(text: str) -> int:
    """一 → 1, 十二 → 12, 3 → 3 (0 when it is no number)."""
    import cn2an  # ~0.1 s to import: only when a reference names a paragraph or item

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return 0


def _last_sentence(intro: Clause) -> str:
    """The sentence of a list's intro clause that opens the list: its last ("…履行下列职责："), or, where the
    intro goes on after announcing the list, from the sentence announcing it on ("有下列情形之一，学校有过错的，应当承担
    相应的责任；学校无过错的，不承担责任。法律法规另有规定的除外。"; "有下列行为之一的，由…依法给予处罚；构成犯罪的，依法追究
    刑事责任：", whose last part alone would make every item a crime)."""
    text = intro.text.rstrip()
    if not text.endswith(("：", ":")) and (m := LIST_AHEAD.search(text)):
        return text[max(text.rfind("。", 0, m.start()) + 1, 0) :].lstrip()
    parts = re.split(r"(?<=[。；;])", text)
    since = len(parts) - next((i for i, p in enumerate(reversed(parts)) if p.endswith("。")), len(parts))
    announcing = [i for i in range(since, len(parts)) if LIST_AHEAD.search(parts[i])]  # in the last sentence
    first = announcing[-1] if announcing and not LIST_AHEAD.search(parts[-1]) else len(parts) - 1
    return "".join(parts[first:]).lstrip() or intro.text


# An intro announcing the list after it without ending in a colon: "有下列情形之一，…不承担责任。"
LIST_AHEAD = re.compile(r"下列(?:情形|行为|事项|规定|条件|人员|情况)|如下")


def complete(
    doc: Document | None,
    clause: Clause,
    start: int,
    end: int,
    with_intro: bool = True,
    with_items: bool = True,
    whole_list: bool = False,
) -> Provision:
    """The span [start, end) of a clause, completed: a list intro ("…下列职责：") brings its items,
    a bare heading brings the text under it, and a list item is shown after the sentence that
    introduces its list (the item "（二）…收取报酬的" says what; its intro says who acts and how),
    unless `with_intro` is False (the answer already shows that intro). Without `with_items` a list
    intro stands alone: the figure asked for is in it ("业主委员会…由五至十一人单数组成，…履行下列职责："),
    not in the duties listed after it. With `whole_list` a list item is shown as its whole list (its
    opening and every item), for a question asking which things a set holds."""
    text = clause.text[start:end]
    label = article_label(doc, clause)
    intro_clause = _intro_of(doc, clause) if doc is not None and with_intro else None
    if doc is not None and intro_clause is not None and whole_list:
        opening = _last_sentence(intro_clause)
        at = intro_clause.text.rfind(opening)
        whole = complete(doc, intro_clause, at, at + len(opening))
        if clause.id in whole.clause_ids:  # a list too long to show whole still shows the item asked for
            return whole
    if doc is not None and intro_clause is not None:
        lead = _last_sentence(intro_clause)
        first = next(iter(_items_after(doc, intro_clause)), None)
        gap = "" if first is not None and first.id == clause.id else "……"  # items left out between
        return Provision(lead + gap + text, (intro_clause.id, clause.id), label)
    intro = text.rstrip().endswith(("：", ":"))
    heading = len(clause.text) <= 40 and not re.search(r"[，。；！？]", clause.text)
    if intro and not with_items:
        # "…每届任期三年至五年，履行下列职责：" read without its items ends before what announces them
        cut = text.rstrip().rfind("，")
        if cut > 0 and re.search(r"下列|如下|以下", text[cut:]):
            text = text[:cut]
        return Provision(text, (clause.id,), label)
    if doc is None or not (intro or heading):
        return Provision(text, (clause.id,), label)
    if intro and end < len(clause.text.rstrip()):
        rest = clause.text[end:]  # the items follow inside the same clause
        return Provision(text + _cut(rest), (clause.id,), label)
    items = _items_after(doc, clause)
    if not items:
        return Provision(text, (clause.id,), label)
    joined, used = text, [clause.id]
    for n, c in enumerate(items):
        if len(joined) + len(c.text) > MAX_ITEMS_CHARS and n > 0:
            joined += f"……（共{len(items)}项）"
            break
        joined += c.text
        used.append(c.id)
    return Provision(joined, tuple(used), label)


def _cut(rest: str) -> str:
    if len(rest) <= MAX_ITEMS_CHARS:
        return rest
    cut = max(rest.rfind(ch, 0, MAX_ITEMS_CHARS) for ch in "；。")
    return rest[: cut + 1 if cut > 0 else MAX_ITEMS_CHARS] + "……"
