"""Find the words of laws and regulations that jieba's dictionary lacks (`policyqa eval fit-words`), written
to `indexer/rules/corpus_words.txt` for the tokenizer.

jieba cuts a word it does not know into its characters: 犬只 as 犬|只, 养犬人 as 养|犬|人, 占道经营 as 占|道|经营. A
lone character weighs nothing in a question and next to nothing in BM25, so "狗咬人" (狗 read as 犬只) and "占道经营
会怎么处罚" lose the very word that says what they are about. Such a word shows in the texts as a run of lone characters
that recurs: a run of two to four Chinese characters between words the dictionary knows or function characters (的, 由,
向, 并, 市…: "由市" and "并向" recur too, and 为|犬|只 holds 犬只), found in at least `MIN_DOCS` documents, and,
for two characters, standing together far more often than their frequencies as lone characters predict (pointwise
mutual information ≥ `MIN_PMI`). Unsupervised: read from texts alone, no question or answer.
"""

from __future__ import annotations

import math
import re
import tarfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.tokenize import RULES, Tokenizer, lone_runs

WORDS_FILE = RULES / "corpus_words.txt"
MIN_DOCS = 5  # a word of the laws' language, not of one text
MIN_PMI = 5.0  # two characters together e^5 ≈ 150 times as often as chance
LONGEST = 4
# Characters that join or qualify words rather than name anything (particles, prepositions, conjunctions, auxiliaries,
# numerals, units of administration and of text): a run holding one is a phrase, not a word (由市, 并向, 较高, 日起)
FUNCTION_CHARS = re.compile(
    r"[的了是在和与及或并由向对将把被从自以为于其之所者等而且但也又都不未无非已应可能须会要该得按经报后前内外中上下"
    r"日月年时条款项第百十千万零一二三四五六七八九个人市省县区乡镇村此各每本原新有即就现到满指称列令如若使让给同较最更再"
    r"仍曾这均皆]"
)


@dataclass(frozen=True)
class Found:
    word: str
    docs: int  # documents holding it as a run of lone characters
    count: int


def runs(words: Iterable[str]) -> Iterator[str]:
    """A line's runs of two to `LONGEST` lone Chinese characters among its words (as the dictionary cuts them), split at
    function characters (为|犬|只 holds 犬只, 养|犬|人 holds 养犬)."""
    return (
        part
        for part in lone_runs(words, lambda ch: bool(FUNCTION_CHARS.fullmatch(ch)))
        if 2 <= len(part) <= LONGEST
    )


def discover(texts: Iterable[str], tokenizer: Tokenizer) -> list[Found]:
    """The words the dictionary lacks, most widely written first (see the module's docstring)."""
    count: Counter[str] = Counter()
    docs: defaultdict[str, int] = defaultdict(int)
    lone: Counter[str] = Counter()
    tokens = 0
    for text in texts:
        seen: set[str] = set()
        for line in text.splitlines():
            words = tokenizer.precise(line)
            tokens += len(words)
            lone.update(w for w in words if len(w) == 1)
            for r in runs(words):
                count[r] += 1
                seen.add(r)
        for r in seen:
            docs[r] += 1
    found = []
    for word, n in count.items():
        if docs[word] < MIN_DOCS or tokenizer.precise(word) == [word]:
            continue  # one text's, or a word the dictionary cuts whole, set apart by spaces (总　则)
        if len(word) == 2 and math.log(n * tokens / (lone[word[0]] * lone[word[1]])) < MIN_PMI:
            continue
        found.append(Found(word, docs[word], n))
    # a longer run holding a shorter word found is that word beside another (犬只出户, 携犬只), not a word of its own
    words_found = {f.word for f in found}
    found = [f for f in found if not any(w != f.word and w in f.word for w in words_found)]
    return sorted(found, key=lambda f: (-f.docs, -f.count, f.word))


def law_texts(source: Path) -> Iterator[str]:
    """The .md and .txt files of a folder or a .tar.xz archive (read in the archive's order: a compressed stream is read
    once)."""
    if source.is_dir():
        for p in sorted(source.rglob("*")):
            if p.suffix in (".md", ".txt") and p.is_file():
                yield p.read_text(encoding="utf-8", errors="replace")
        return
    with tarfile.open(source, "r:*") as tar:
        for m in tar:
            if m.isfile() and m.name.endswith((".md", ".txt")) and (f := tar.extractfile(m)) is not None:
                yield f.read().decode("utf-8", errors="replace")


def write(found: list[Found], source: str, documents: int, path: Path = WORDS_FILE) -> None:
    header = [
        "# Words of laws and regulations jieba's dictionary lacks, one per line (word, documents, occurrences):",
        f"# written by `policyqa eval fit-words` (eval/fit_words.py) from {documents} documents ({source});",
        f"# a run of 2–{LONGEST} lone characters, none a function character, in ≥ {MIN_DOCS} documents, PMI ≥ {MIN_PMI}.",
    ]
    path.write_text(
        "\n".join([*header, *(f"{f.word} {f.docs} {f.count}" for f in found)]) + "\n", encoding="utf-8"
    )


def fit_words(source: Path) -> str:
    """`eval fit-words`: discover the words in `source` and write them; the report."""
    texts = list(law_texts(source))
    if not texts:
        raise ValueError(f"{source} 中没有 .md 或 .txt 文本")  # the shipped list is not replaced by nothing
    found = discover(texts, Tokenizer(known_only=True))
    write(found, source.name, len(texts))
    return f"{len(found)} words from {len(texts)} documents written to {WORDS_FILE}"
