"""Chinese tokens for BM25: jieba search mode, a domain dictionary, stopwords."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

RULES = Path(__file__).parent / "rules"
_QUOTED = re.compile(r"“([\u4e00-\u9fff0-9+]{2,8})”")
# jieba (ICTCLAS) tags of words that never name a topic.
FUNCTION_POS = re.compile(r"^(?:r|d|m|mq|q|c|p|u|uj|ul|uz|ud|ug|uv|y|e|o|x|zg)$")
_NUMBER_UNIT = re.compile(r"\d+(?:\.\d+)?(?:%|平方米|户|人|名|个|年|月|天|次|万元|元|小时|分钟)?")


@cache
def synonyms() -> dict[str, str]:
    """Colloquial word → document words (rules/synonyms.toml), longest first."""
    import tomllib

    table = tomllib.loads((RULES / "synonyms.toml").read_text(encoding="utf-8"))
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def expand_query(query: str) -> tuple[str, str]:
    """(query with document words appended, for BM25; query with them substituted, for dense)."""
    added: list[str] = []
    substituted = query
    for word, doc_words in synonyms().items():
        if word in query:
            added.append(doc_words)
            substituted = substituted.replace(word, doc_words.split()[0])
    return (query + " " + " ".join(added) if added else query), substituted


@cache
def stopwords() -> frozenset[str]:
    return frozenset(
        ln.strip() for ln in (RULES / "stopwords.txt").read_text(encoding="utf-8").splitlines() if ln.strip()
    )


def corpus_terms(texts: Iterable[str]) -> list[str]:
    """Domain terms the corpus itself marks by quoting them (“三社联动”, “一肩挑”)."""
    seen: dict[str, None] = {}
    for t in texts:
        for m in _QUOTED.finditer(t):
            seen.setdefault(m.group(1))
    return list(seen)


class Tokenizer:
    """Owns its own jieba.Tokenizer (never the module-level one) loaded with the domain dictionary."""

    def __init__(self, extra_terms: Iterable[str] = ()) -> None:
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        userdict = RULES / "userdict.txt"
        self._jieba.load_userdict(str(userdict))
        self.extra_terms = sorted(set(extra_terms))
        for term in self.extra_terms:
            self._jieba.add_word(term, freq=20)
        digest = hashlib.sha256(userdict.read_bytes() + "\n".join(self.extra_terms).encode()).hexdigest()
        self.dictionary_hash = digest[:16]
        self._stop = stopwords()
        self._pos: Any = None  # jieba.posseg.POSTokenizer, made on first use

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, part of speech) with jieba's tagger over this tokenizer's dictionary."""
        if self._pos is None:
            import jieba.posseg

            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        return [(w.lower(), flag) for w, flag in self._pos.cut(text)]

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens, lowercased, minus stopwords and punctuation; numbers keep their unit."""
        out = [t.lower() for t in self._jieba.cut_for_search(text) if t.strip()]
        out = [t for t in out if t not in self._stop and re.search(r"\w", t)]
        out.extend(m.group(0) for m in _NUMBER_UNIT.finditer(text) if not m.group(0).isdigit())
        return out


def function_words(tagged: Iterable[tuple[str, str]]) -> set[str]:
    """Words whose part of speech carries no topic (pronouns, adverbs, numerals, measure words,
    conjunctions, prepositions, particles): 每届, 最长, 多少, 这些, 如果."""
    return {w for w, flag in tagged if FUNCTION_POS.match(flag)}
