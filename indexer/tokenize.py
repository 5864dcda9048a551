"""Chinese tokens for BM25: jieba search mode, a domain dictionary, stopwords."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"
_QUOTED = re.compile(r"“([\u4e00-\u9fff0-9+]{2,8})”")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# jieba (ICTCLAS) tags of words that never name a topic.
FUNCTION_POS = re.compile(r"^(?:r|d|m|mq|q|c|p|u|uj|ul|uz|ud|ug|uv|y|e|o|x|zg)$")
NOUN_POS = re.compile(r"^(?:n[a-z]*|vn)$")  # what a word before it may modify into a thing's name
# Words are cut by the dictionaries only: jieba's HMM guesses words the dictionaries lack, and in
# questions and clauses alike it glues a word's last character to a function word ("残疾人证由谁发"
# → 残疾人|证由, "老年人节是哪天" → 节是), words no clause shares. Part of the index's dictionary hash.
HMM_OFF = b"\nhmm=off"
_NUMBER_UNIT = re.compile(r"\d+(?:\.\d+)?(?:%|平方米|户|人|名|个|年|月|天|次|万元|元|小时|分钟)?")


@cache
def synonyms() -> dict[str, str]:
    """Colloquial word → document words (rules/synonyms.toml), longest first."""
    import tomllib

    table = tomllib.loads((RULES / "synonyms.toml").read_text(encoding="utf-8"))
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def expand_query(
    query: str, words: Iterable[str] | None = None, written: Callable[[str], bool] | None = None
) -> tuple[str, str]:
    """(query with document words appended, for BM25; query with them substituted, for dense).
    Given the query's words (`Tokenizer.precise`), a colloquial word counts only where it starts and
    ends on word boundaries: 老人 is a word of "老人多大" but not of "老人节是哪天" (老人节); and, given
    what the texts write (`written`), not where it and the word after it are a phrase of the texts:
    最低 asks a bound in "最低应该是多少度" but names a thing in "饭店可以设最低消费吗" (最低消费额)."""
    bounds: set[int] | None = None
    after: dict[int, str] = {}  # the question's word starting at each boundary
    if words is not None:
        bounds, at = {0}, 0
        for w in words:
            at = query.find(w, at)
            if at < 0:
                bounds = None  # the cut does not spell the query (case, spaces): no check
                break
            after[at] = w
            at += len(w)
            bounds.add(at)
    added: list[str] = []
    spans: list[tuple[int, int, str]] = []  # where a colloquial word stands, longest words first
    for word, doc_words in synonyms().items():
        spots = [m.start() for m in re.finditer(re.escape(word), query)]
        spots = [i for i in spots if bounds is None or (i in bounds and i + len(word) in bounds)]
        if written is not None:  # 最低|消费: a noun after it, the texts writing the two as a phrase
            spots = [
                i
                for i in spots
                if not ((nxt := after.get(i + len(word))) and written(word + nxt) and is_noun(nxt))
            ]
        if spots:
            added.append(doc_words)
        spans += [
            (i, i + len(word), doc_words.split()[0])
            for i in spots
            if not any(a < i + len(word) and i < b for a, b, _ in spans)
        ]
    substituted = query
    for a, b, doc_word in sorted(spans, reverse=True):
        substituted = substituted[:a] + doc_word + substituted[b:]
    return (query + " " + " ".join(added) if added else query), substituted


# A character that may stand between two kept characters of an abbreviation: no punctuation, space
# or figure (电动车 is 电动自行车, never 电动…，…车).
# Nor a function character: 安全设备 is not "安全的重要设备", 受害者 not "受到侵害或者".
_GAP = r"[^\s\d，。；：、！？“”‘’（）《》()\[\]的或者对和与及等是了在被其所为]"
MAX_LEFT_OUT = 2  # characters an abbreviation leaves out of its full form
SHORT_FORM = 3  # the length of an abbreviation spelled out character by character
CONTRACTED = 2  # a two-character word spelled out only as two words it keeps one character of each


def in_register(word: str) -> str | None:
    """A word holding a colloquial word of the register (rules/synonyms.toml) with that part written as
    the texts write it: 低保金 → 最低生活保障金 (低保 → 最低生活保障). The caller checks the texts use it."""
    for colloquial, doc_words in synonyms().items():
        if colloquial in word and colloquial != word:
            return word.replace(colloquial, doc_words.split()[0])
    return None


def is_short_form(word: str) -> bool:
    """A word that may be an abbreviation `spelled_out` looks up: two or three Chinese characters."""
    return len(word) in (CONTRACTED, SHORT_FORM) and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def spelled_out(word: str, text: str, cut: Callable[[str], list[str]] | None = None) -> str | None:
    """The full form an abbreviation stands for in `text` (Chinese shortens a name by keeping some of
    its characters in order: 电动车 ← 电动自行车, 业委会 ← 业主委员会): the most frequent span that starts
    with the word's first character, ends with its last, holds the others in order and leaves out at
    most `MAX_LEFT_OUT` characters; None unless such a span occurs at least twice. For words the
    index never saw: a word the texts use is its own full form. Character by character, only a word of
    three characters, the length of most short forms (业委会, 居委会, 物业费): a longer question word is
    more often a phrase of its own whose spelled-out "full form" is another thing (投入使用 is not
    投入品使用, 专职人员 not only 专职工作人员).

    A word of two characters is a verb and its object, or two words, each cut to one character (停水 ←
    停止供水, 维保 ← 维护保养, 受伤 ← 受到伤害): spelled out only as two words of two characters (`cut`, the
    dictionary's), the first starting with its first character and the second ending with its last; a
    span the dictionary cuts otherwise is not its full form (司机 is not 司法机|关). Or two things the
    texts list apart, a character each (烟酒 ← 烟、酒, 水电 ← 水、电): the list as the texts write it."""
    if not is_short_form(word) or (len(word) == CONTRACTED and cut is None):
        return None
    if len(word) == CONTRACTED and text.count(listed := f"{word[0]}、{word[1]}") >= 2:
        return listed
    pattern = (f"{_GAP}{{0,{MAX_LEFT_OUT}}}?").join(re.escape(ch) for ch in word)
    if len(word) == CONTRACTED:
        pattern = f"{re.escape(word[0])}{_GAP}{{2}}{re.escape(word[1])}"
    counts: dict[str, int] = {}
    for m in re.finditer(pattern, text):
        span = m.group(0)
        if len(span) - len(word) <= MAX_LEFT_OUT:
            counts[span] = counts.get(span, 0) + 1
    if len(word) == CONTRACTED and cut is not None:
        counts = {span: n for span, n in counts.items() if _two_words(span, word, cut)}
    if not counts:
        return None
    span, n = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return span if n >= 2 and span != word else None


def _two_words(span: str, word: str, cut: Callable[[str], list[str]]) -> bool:
    """`span` is two words of two characters, the first holding `word`'s first character, the second its last."""
    words = cut(span)
    return (
        len(words) == 2
        and all(len(w) == 2 and w != word for w in words)
        and words[0][0] == word[0]
        and words[1][1] == word[1]
    )


@cache
def stopwords() -> frozenset[str]:
    return frozenset(
        ln.strip() for ln in (RULES / "stopwords.txt").read_text(encoding="utf-8").splitlines() if ln.strip()
    )


def lone_runs(words: Iterable[str], breaks: Callable[[str], bool]) -> Iterator[str]:
    """The runs of lone Chinese characters among a cut's words (困|人 of 电梯|困|人|故障), each split where a character
    `breaks` it (a function character: 为|犬|只 holds 犬只): the words the dictionary left in characters, found in a
    question (`Vocabulary.written_apart`) and in the laws (`eval.fit_words`)."""
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1 and _HAN.fullmatch(w):
            run.append(w)
            continue
        part = ""
        for ch in run:
            if breaks(ch):
                if part:
                    yield part
                part = ""
            else:
                part += ch
        if part:
            yield part
        run = []


def corpus_terms(texts: Iterable[str]) -> list[str]:
    """Domain terms the corpus itself marks by quoting them (“三社联动”, “一肩挑”)."""
    seen: dict[str, None] = {}
    for t in texts:
        for m in _QUOTED.finditer(t):
            seen.setdefault(m.group(1))
    return list(seen)


def dictionary_hash(extra_terms: Iterable[str]) -> str:
    """What the words are cut with (the domain dictionary, the laws' words it lacks, the corpus's quoted terms, HMM
    off): an index whose clauses were cut otherwise must be rebuilt."""
    digest = hashlib.sha256(
        (RULES / "userdict.txt").read_bytes()
        + (RULES / "corpus_words.txt").read_bytes()
        + "\n".join(sorted(set(extra_terms))).encode()
        + HMM_OFF
    )
    return digest.hexdigest()[:16]


def corpus_words() -> list[str]:
    """Words of laws and regulations jieba's dictionary lacks (rules/corpus_words.txt, `policyqa eval fit-words`)."""
    lines = (RULES / "corpus_words.txt").read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


class Tokenizer:
    """Owns its own jieba.Tokenizer (never the module-level one) loaded with the domain dictionary."""

    def __init__(self, extra_terms: Iterable[str] = (), known_only: bool = False) -> None:
        """With the laws' words jieba lacks (犬只, 占道), each weighed just enough to be cut whole; `known_only`: without
        them (to find them: `eval.fit_words`)."""
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._jieba.load_userdict(str(RULES / "userdict.txt"))
        for word in () if known_only else corpus_words():
            self._jieba.add_word(word, freq=20)
            self._jieba.suggest_freq(word, tune=True)
        self.extra_terms = sorted(set(extra_terms))
        for term in self.extra_terms:
            self._jieba.add_word(term, freq=20)
        self.dictionary_hash = dictionary_hash(self.extra_terms)
        self._stop = stopwords()

    def precise(self, text: str) -> list[str]:
        """Precise-mode words, lowercased: each word once, whole (个人所得税, not also 个人, 所得 and
        所得税 as search mode adds)."""
        return [t.lower() for t in self._jieba.cut(text, HMM=False) if t.strip()]

    def compound(self, word: str) -> tuple[str, str] | None:
        """(modifier, head) of a compound the dictionary knows as one word, cut as it reads from the left:
        the longest dictionary word it starts with, then the rest when that is a dictionary word of two
        characters or more (签|合同, 保险|公司, 做|手术); None when the rest is a single character
        (邻居|家, 赡养|人: 居家 and 养人 are not what they are made of)."""
        freq = self._jieba.FREQ
        for cut in range(len(word) - 1, 0, -1):
            if freq.get(word[:cut]):
                head = word[cut:]
                return (word[:cut], head) if len(head) >= 2 and freq.get(head) else None
        return None

    @property
    def stopwords(self) -> frozenset[str]:
        return self._stop

    def frequency(self, word: str) -> int:
        """How common a word is in the dictionary (0 for a word it lacks)."""
        return int(self._jieba.FREQ.get(word) or 0)

    def content(self, words: Iterable[str]) -> list[str]:
        """The words minus stopwords and punctuation."""
        return [t for t in words if t not in self._stop and re.search(r"\w", t)]

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens, lowercased, minus stopwords and punctuation; numbers keep their unit."""
        out = [t.lower() for t in self._jieba.cut_for_search(text, HMM=False) if t.strip()]
        out = [t for t in out if t not in self._stop and re.search(r"\w", t)]
        out.extend(m.group(0) for m in _NUMBER_UNIT.finditer(text) if not m.group(0).isdigit())
        return out


@cache
def domain_tokenizer() -> Tokenizer:
    """One `Tokenizer` with the domain dictionary alone, shared by whoever reads text without an index
    (the tables' counters and indicator names): each instance loads a jieba dictionary of its own."""
    return Tokenizer()


def function_words(words: Iterable[str]) -> set[str]:
    """The words (`Tokenizer.precise`) that `function_word_table` lists: 如果, 这些, 每次, 几个."""
    table = function_word_table()
    return {w for w in words if w in table}


@cache
def function_word_table() -> frozenset[str]:
    """Dictionary words whose part of speech names no topic (pronouns, adverbs, numerals, measure
    words, conjunctions, prepositions, particles), read from the tags in jieba's own dictionary
    (a table of ~24k words, not the ~100 MB tagger); words of our domain dictionary never count."""
    words = {w for w, tag in _dictionary_tags() if FUNCTION_POS.match(tag)}
    domain = {
        ln.split()[0]
        for ln in (RULES / "userdict.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    }
    return frozenset(words - domain)


def is_noun(word: str) -> bool:
    """A noun by jieba's dictionary tags (n…, or vn: 消费, 工资 name things as often as they do them)."""
    return word in dictionary_nouns()


@cache
def dictionary_nouns() -> frozenset[str]:
    """The nouns of jieba's dictionary (`is_noun`): one pass over its file, kept as a set (~20 MB; its ~350k tags
    as jieba's part-of-speech cutter keeps them take ~90 MB)."""
    return frozenset(w for w, tag in _dictionary_tags() if NOUN_POS.match(tag))


def is_qualifier(word: str) -> bool:
    """An adjective or a word that only qualifies a noun, by jieba's dictionary tags (a: 一般; b: 公共, 专职, 大型)."""
    return word in _dictionary_qualifiers()


@cache
def _dictionary_qualifiers() -> frozenset[str]:
    return frozenset(w for w, tag in _dictionary_tags() if tag in ("a", "b"))


def _dictionary_tags() -> Iterator[tuple[str, str]]:
    """Each word of jieba's own dictionary with its part-of-speech tag, read from its file."""
    import jieba

    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                yield parts[0].lower(), parts[2]
