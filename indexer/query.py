"""The question, analysed once: standalone text, kind, places, weighted terms, asked units.

Retrieval and answering both take a `Query`; nothing downstream normalises, expands or
classifies the question again.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path

from corpus.choice import Choice
from corpus.normalize import normalize_query
from indexer.asking import ASKS_LEGALITY, Asked, read_asked
from indexer.followup import SLOT_CHARS, Rewrite, rewrite, topic_chars
from indexer.places import PlaceMatch, match_places
from indexer.references import DocRef, referenced_documents
from indexer.tokenize import Tokenizer, expand_query, function_words, synonyms

RULES = Path(__file__).parent / "rules"
# A number as documents write it: Arabic, Chinese numerals, fractions (三分之二), with decimals.
NUM = r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万两零〇半]+(?:点[一二三四五六七八九十零〇]+)?)"
# Words that only make a question a question; they carry no topic (weights stay off them).
QUESTION_TERM = re.compile(
    r"^(?:哪|哪些|哪个|多长|多少|什么|怎么|怎样|如何|几|是否|具体|分别|时候|时间|是不是|有没有|吗|呢|请问|一下|"
    r"规定|要求|有关|相关|按照|根据|文件|意见|条例|办法|怎么办|多久|多大|最多|最少|至少|一般|可以|能否|能不能|需要|应该)$"
)
# Words of the old rule: "2018年版…", "修改前…", "旧版…" ask for a superseded version.
OLD_VERSION = re.compile(r"修改前|修订前|旧版|原来的规定|老版|以前的规定|\d{4}年版")


class Kind(Choice):
    """What kind of answer a question wants."""

    NUMBER = "number"
    RESPONSIBLE = "responsible_unit"
    DEADLINE = "deadline"
    PROCEDURE = "procedure"
    COMPARISON = "comparison"
    FACT = "fact"


@cache
def kind_rules() -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    """(kind, question pattern) in priority order, from rules/kinds.toml."""
    data = tomllib.loads((RULES / "kinds.toml").read_text(encoding="utf-8"))
    return tuple((Kind.parse(k["name"]), re.compile(k["pattern"])) for k in data["kind"])


def _kind_match(question: str) -> tuple[Kind, str]:
    """The first matching kind in priority order and the words it was read from; (FACT, "") when none
    matches. A 《title》 names a document, it does not ask anything: "按《社会救助暂行办法》，哪几类人…"
    asks who, not a procedure (办法)."""
    asked = re.sub(r"《[^》]*》", "", question)
    return next(((kind, m.group(0)) for kind, p in kind_rules() if (m := p.search(asked))), (Kind.FACT, ""))


def detect_kind(question: str) -> Kind:
    """The first matching kind in priority order; FACT when none matches (`_kind_match`)."""
    return _kind_match(question)[0]


def asking_words(question: str) -> str:
    """What `detect_kind` read the kind from ("谁负责", "多久"): words that ask, not what is asked about."""
    return _kind_match(question)[1]


@cache
def _unit_table() -> tuple[dict, ...]:
    """rules/units.toml's rules, read once."""
    return tuple(tomllib.loads((RULES / "units.toml").read_text(encoding="utf-8"))["unit"])


@cache
def unit_rules() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(what a question asks to be counted, the quantity that answers it), from rules/units.toml."""
    return tuple(
        (re.compile(u["asks"]), re.compile(u["answer"].replace("{num}", NUM))) for u in _unit_table()
    )


def asked_units(asks: str) -> tuple[re.Pattern[str], ...]:
    """The quantities that answer what `asks` asks to be counted (rules/units.toml)."""
    return tuple(u for pattern, u in unit_rules() if pattern.search(asks))


@cache
def _asks_flagged(flag: str) -> re.Pattern[str]:
    """What the rules/units.toml rules marked `flag` (lead, strict) ask, as one pattern."""
    return re.compile("|".join(f"(?:{u['asks']})" for u in _unit_table() if u.get(flag)) or "(?!)")


def asks_exact_time(asks: str) -> bool:
    """`asks` asks a time of one sort (rules/units.toml's `strict` rules: how long before): what leads
    the answer holds a quantity of that sort, not any time ("提前多久" is not answered by "十日内")."""
    return bool(_asks_flagged("strict").search(asks))


def asks_for_time(asks: str) -> bool:
    """`asks` asks how long, how often or how many days (rules/units.toml's `lead` rules): what
    leads the answer states a time. "什么时候成立" asks at what event, which a law says in words."""
    return bool(_asks_flagged("lead").search(asks))


@dataclass(frozen=True)
class Query:
    """One analysed question. `text` is the standalone, normalised form that everything uses."""

    question: str
    text: str
    kind: Kind
    used_history: bool
    places: tuple[str, ...]  # known place names the question names
    place_docs: tuple[str, ...]  # the documents those names select
    unknown_places: tuple[str, ...]  # well-known places the corpus has no document for
    terms: tuple[tuple[str, float], ...]  # topic terms with IDF weights
    words: tuple[tuple[str, float], ...]  # the same topic as whole words (precise mode), IDF-weighted
    units: tuple[re.Pattern[str], ...]  # quantities in the asked unit
    bm25_tokens: tuple[str, ...]
    dense_text: str
    wants_old_version: bool = False
    named_docs: tuple[str, ...] = ()  # documents the question names by title (《物业管理条例》)
    referred_docs: tuple[
        str, ...
    ] = ()  # documents it refers to by year and short name ("2021年基层治理意见")
    # documents of the places the conversation named before, when a follow-up with words of its own
    # used it ("那衡水呢？对考证有什么支持？" after a question about 西咸新区: 西咸新区's)
    earlier_docs: tuple[str, ...] = ()
    asks: str = ""  # the words the kind and the asked units were read from

    @cached_property
    def asked(self) -> Asked:
        """What it asks (a list, whose, a sanction, who answers for a harm…), read once."""
        return read_asked(self.text, self.asks)

    @property
    def weights(self) -> dict[str, float]:
        return dict(self.terms)

    @property
    def known_weights(self) -> dict[str, float]:
        """Topic terms the corpus uses somewhere (a word no document contains cannot tell clauses apart)."""
        return {t: w for t, w in self.terms if w < UNSEEN_IDF}

    @property
    def unseen_words(self) -> tuple[str, ...]:
        """Topic words no indexed unit holds as a token."""
        return tuple(w for w, v in self.words if v >= UNSEEN_IDF)

    @property
    def subject_words(self) -> tuple[str, ...]:
        """Topic words outside the words that ask: "保姆在雇主家受伤了谁负责" is about 保姆, 雇主 and 受伤;
        its 负责 asks who, and a clause saying who is 负责 for anything holds it; "打麻将赌钱违法吗" is about 打麻将 and
        赌钱, its 违法吗 asks whether they are allowed."""
        asking = asking_words(self.asks or self.text) + " ".join(ASKS_LEGALITY.findall(self.text))
        return tuple(w for w, _ in self.words if w not in asking)

    def asks_of_last(self, last: Query | None) -> bool:
        """A follow-up that names no place or document of its own and asks another kind of thing than the
        last question (who leads, by when) asks it of what the last answer quoted. The places and documents
        its standalone form borrowed from the last question are not its own."""
        if last is None or not self.used_history or self.kind is last.kind:
            return False
        own_places = any(p in self.question for p in self.places)
        own_docs = set(self.named_docs) - set(last.named_docs) or set(self.referred_docs) - set(
            last.referred_docs
        )
        return not own_places and not own_docs


def named_documents(text: str, titles: dict[str, str]) -> tuple[str, ...]:
    """Documents a question names by title: the whole title, or a 《book title》 equal to it
    (without 中华人民共和国): 《物业管理条例》 names the national regulation, not 山东省物业管理条例."""
    quoted = {re.sub(r"^中华人民共和国", "", q) for q in re.findall(r"《([^》]{2,40})》", text)}
    out = []
    for doc_id, title in titles.items():
        short = re.sub(r"^中华人民共和国", "", title)
        if (len(short) >= 6 and short in text) or short in quoted:
            out.append(doc_id)
    return tuple(sorted(out))


class QueryAnalyzer:
    """Builds `Query` objects against one index: its tokenizer, its term statistics, its places."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        doc_places: Mapping[str, Iterable[str]],
        doc_freq: Callable[[str], float],
        titles: dict[str, str] | None = None,
        refs: dict[str, DocRef] | None = None,
        full_form: Callable[[str, Sequence[str]], str | None] | None = None,
        written: Callable[[str], bool] | None = None,
        apart: Callable[[Sequence[str], Set[str]], list[tuple[str, float]]] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self._written = written  # whether the texts write a phrase (a colloquial word inside one is theirs)
        # words of the texts the cut leaves in characters (困|人), with the share of clauses holding each
        self._apart = apart
        # what an abbreviation the index never saw stands for in the texts (`tokenize.spelled_out`)
        self._full_form = full_form
        self.doc_places = {d: tuple(n for n in names if n) for d, names in doc_places.items()}
        self.place_names = sorted({n for names in self.doc_places.values() for n in names})
        self._df = doc_freq  # share of indexed units holding a term, 0..1
        self.titles = titles or {}
        self.refs = refs or {}

    def analyze(
        self, question: str, history: Sequence[dict] = (), last: Query | None = None, last_answer: str = ""
    ) -> Query:
        """Resolve follow-ups, normalise, classify, find places and weigh the topic terms.

        A follow-up is read against the last question as it was analysed (`last`) and the answer it
        got: "那衡水呢？" after "牵头单位是谁？" asks what that question asked (who leads), of 衡水.
        `history` ({"role", "content"} turns, as the gold sets and the API give them) is analysed
        turn by turn into that `last` when no `last` is given."""
        if last is None and history:
            last, last_answer = self.replay(history)
        rw = rewrite(normalize_query(question), last.text if last else "", last_answer, self.place_names)
        text = normalize_query(rw.text)
        places: PlaceMatch = match_places(text, self.doc_places)
        words = self.tokenizer.precise(text)
        expanded, substituted = expand_query(text, words, self._written)
        # 电动车, a word no clause holds, is searched and weighed as the texts write it (电动自行车). The
        # embedder reads the question as asked: it knows such words, and a full form found by its
        # characters may be a narrower thing (诈骗罪 → 诈骗犯罪).
        topic = substituted
        # words that name no topic (如果, 可以, 一个) are never read as anything else
        skip = function_words(words) | self.tokenizer.stopwords
        for word, full in self._spelled_out(words, skip).items():
            if full in expanded:  # the colloquial lexicon said so already (业委会)
                continue
            expanded += " " + full
            topic = topic.replace(word, full)
        for joined, (recut, held) in self._cut_otherwise(words, skip).items():
            expanded += " " + held
            topic = topic.replace(joined, recut)
        tokens = self.tokenizer.tokens(expanded)
        # a colloquial word is how the texts say it where they write it and not the register's words (体检
        # where a 条例 writes 体检, never 健康检查): it keeps its weight beside theirs
        register = synonyms()
        replaced = [
            w
            for w in words
            if w in register
            and w not in topic
            and w not in skip
            and self._df(w) > 0
            and not any(self._df(d) > 0 for d in register[w].split())
        ]
        apart = dict(self._apart(words, skip)) if self._apart else {}
        asks = self._asking_part(rw, text)
        # one precise-mode cut of what the topic is read from: function words and topic words
        cut = words if topic == text else self.tokenizer.precise(topic)
        function = function_words(cut)
        kind, units = detect_kind(asks), asked_units(asks)
        if last is not None and rw.used_history and not rw.own:
            # An ellipsis ("那衡水呢？", "还有别的要求吗？") asks again what the last question asked.
            kind, units, asks = last.kind, last.units, last.asks
        earlier: tuple[str, ...] = ()
        if last is not None and rw.used_history and rw.own:
            earlier = tuple(dict.fromkeys((*last.place_docs, *last.earlier_docs)))
        return Query(
            question=question,
            text=text,
            kind=kind,
            used_history=rw.used_history,
            places=places.names,
            place_docs=places.doc_ids,
            unknown_places=places.unknown,
            terms=tuple(
                self._weights(
                    [
                        *self.tokenizer.tokens(" ".join([topic, expanded[len(text) :], *replaced])),
                        *apart,
                    ],
                    places.names,
                    function,
                    apart,
                )
            ),
            words=tuple(self._weights(self.tokenizer.content(cut), places.names, function)),
            units=units,
            bm25_tokens=tuple(tokens),
            dense_text=substituted,
            wants_old_version=bool(OLD_VERSION.search(text)),
            named_docs=named_documents(text, self.titles),
            referred_docs=referenced_documents(text, self.refs),
            earlier_docs=tuple(d for d in earlier if d not in places.doc_ids),
            asks=asks,
        )

    def restore(self, record: Mapping[str, str]) -> Query:
        """A turn's question as analysed, from its record (`Turn.record`): its standalone text analysed
        again, with the kind and the asked units it was read with (an ellipsis keeps what it asked)."""
        q = self.analyze(str(record.get("standalone") or record.get("question", "")))
        asks = str(record.get("asks") or q.asks)
        kind = Kind.parse(record["kind"]) if record.get("kind") in {k.value for k in Kind} else q.kind
        return replace(
            q, question=str(record.get("question", q.question)), kind=kind, asks=asks, units=asked_units(asks)
        )

    def replay(self, history: Sequence[dict]) -> tuple[Query | None, str]:
        """The last question of a {"role", "content"} history as analysed (each follow-up against the
        one before), and the answer it got."""
        last: Query | None = None
        answer = ""
        for turn in history:
            if turn.get("role") == "user":
                last = self.analyze(str(turn.get("content", "")), last=last, last_answer=answer)
                answer = ""
            elif turn.get("role") == "assistant":
                answer = str(turn.get("content", ""))
        return last, answer

    def _spelled_out(self, words: Sequence[str], skip: Set[str]) -> dict[str, str]:
        """Abbreviations among the question's words that no indexed unit holds, with their full forms."""
        if self._full_form is None:
            return {}
        out = {}
        seen = [w for w in words if w not in skip and self._df(w) > 0]
        for w in words:
            if self._df(w) == 0 and w not in skip and (full := self._full_form(w, seen)):
                out[w] = full
        return out

    def _cut_otherwise(self, words: Sequence[str], skip: Set[str]) -> dict[str, tuple[str, str]]:
        """A word of two characters no indexed unit holds and a single character beside it, cut where the
        index holds the word one character across the cut makes: the dictionary's frequencies may cut an
        overlap either way (水表坏了 as 水|表坏, where the texts hold 水表), the texts say which. Each pair as
        it reads, with (the pair with a space where it is cut instead, the word the index holds):
        "水表坏" → ("水表 坏", "水表")."""
        out: dict[str, tuple[str, str]] = {}
        freq = self.tokenizer.frequency

        def held(word: str, instead: str) -> bool:
            # the texts hold it, and it is the commoner word as well: 水表 (8) over 表坏 (3), never 因故 over 故障
            return self._df(word) > 0 and freq(word) > freq(instead)

        for i, w in enumerate(words):
            if len(w) != 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", w) or w in skip or self._df(w) > 0:
                continue
            before, after = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
            if len(before) == 1 and before not in skip and held(before + w[0], w):
                out[before + w] = (f"{before}{w[0]} {w[1]}", before + w[0])
            elif len(after) == 1 and after not in skip and held(w[1] + after, w):
                out[w + after] = (f"{w[0]} {w[1]}{after}", w[1] + after)
        return out

    @staticmethod
    def _asking_part(rw: Rewrite, text: str) -> str:
        """Where the kind and the asked units come from: a follow-up's own words when it has a question
        of its own ("那哪些服务应该放在这些设施里提供？" asks for services, not the last question's area);
        the whole standalone text for an ellipsis ("那衡水呢？", "还有别的要求吗？") or a bare slot
        question that names no kind ("具体内容？")."""
        if not rw.used_history or not rw.own:
            return text
        own = normalize_query(rw.own)
        if detect_kind(own) is Kind.FACT and topic_chars(own) <= SLOT_CHARS:
            return text
        return own

    def _weights(
        self,
        tokens: Iterable[str],
        places: Sequence[str],
        function: set[str],
        shares: Mapping[str, float] | None = None,
    ) -> list[tuple[str, float]]:
        """IDF (Robertson–Spärck Jones, floored) of the share of units holding a term, or of clauses for a word no unit
        holds as one (`shares`: 困人, cut 困|人); places (西|咸 too), question words, function words and single characters
        carry no topic weight."""
        drop = set(places) | set(self.place_names)
        out: dict[str, float] = {}
        for t in tokens:
            if (
                len(t) < 2
                or t.isdigit()
                or QUESTION_TERM.match(t)
                or t in function
                or t in drop
                or any(t in p for p in drop)
            ):
                continue
            out[t] = idf(shares[t] if shares and t in shares else self._df(t))
        return list(out.items())


def idf(df: float) -> float:
    """Robertson–Spärck Jones IDF of a term held by a share `df` of indexed units, floored at 0.1."""
    return max(math.log((1 - df + 0.5 / 1e4) / (df + 0.5 / 1e4)), 0.1)


UNSEEN_IDF = idf(0.0)  # the weight of a term no indexed unit holds
