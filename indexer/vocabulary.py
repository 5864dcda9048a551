"""How an index's clauses write a question's words they never hold: a colloquial part as the register
writes it, an abbreviation spelled out, a compound's head."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set

from corpus.model import Clause
from indexer.tokenize import (
    CONTRACTED,
    Tokenizer,
    function_word_table,
    in_register,
    is_short_form,
    lone_runs,
    spelled_out,
)

# An auxiliary verb standing alone (…人应承担, …后可): never part of a word the cut left in characters
MODAL = re.compile(r"[应会可能要需得该]")


class Vocabulary:
    """One index's clauses read for the words a question uses and they do not."""

    def __init__(
        self, tokenizer: Tokenizer, clauses: Sequence[Clause], doc_freq: Callable[[str], float]
    ) -> None:
        self.tokenizer = tokenizer
        self.clauses = clauses
        self._doc_freq = doc_freq
        self._all_text: str | None = None
        # each word's full form and each phrase's count, looked up once: each is a pass over every clause's text
        self._spelled: dict[str, str | None] = {}
        self._written: dict[str, bool] = {}
        self._shares: dict[str, float] = {}

    @property
    def _text(self) -> str:
        """The clauses' text, joined once, on the first word that needs it."""
        if self._all_text is None:
            self._all_text = "\n".join(c.text for c in self.clauses)
        return self._all_text

    def full_form(self, word: str, others: Sequence[str] = ()) -> str | None:
        """How these clauses write a word they never hold: with its colloquial part as the register
        writes it (`tokenize.in_register`: 低保金 → 最低生活保障金), or spelled out if it is an abbreviation
        (`tokenize.spelled_out`: 业委会 → 业主委员会). A full form counts where the texts use it twice, as
        `spelled_out`'s. A word of two
        characters says little: its full form counts only where a clause holding it holds another of the
        question's words the index knows (`others`): 停水 in "拖欠物业费，物业可以停水吗" is the 停止供水 of a
        clause on 物业服务费; 分家 asked about parents' property is not 分裂国家. A question holding no such
        word ("突然停水太久了", "公交司机可以拒载吗") has nothing to check it by, and nothing else to be read by."""
        if (written := in_register(word)) and self.writes(written):
            return written
        if word not in self._spelled and is_short_form(word):
            self._spelled[word] = spelled_out(word, self._text, self.tokenizer.precise)
        if full := self._spelled.get(word):
            others = [o for o in others if len(o) > 1 and o not in full]
            if (
                len(word) == CONTRACTED
                and others
                and not any(full in c.text and any(o in c.text for o in others) for c in self.clauses)
            ):
                return None
            return full
        return None

    def writes(self, phrase: str) -> bool:
        """The clauses write `phrase` as it stands, at least twice (a phrase of theirs, as `spelled_out` counts):
        looked for up to its second occurrence, once per phrase."""
        if phrase not in self._written:
            first = self._text.find(phrase)
            self._written[phrase] = first >= 0 and self._text.find(phrase, first + 1) >= 0
        return self._written[phrase]

    def written_apart(self, words: Sequence[str], skip: Set[str]) -> list[tuple[str, float]]:
        """Two characters the cut left apart (`words`, precise mode) that these clauses write as they stand (困|人 of
        "电梯困人故障"): a word of theirs the dictionary lacks, with the share of clauses holding it. Only a run of two
        characters standing alone, none of them `skip`ped or an auxiliary verb: a run of three is read no way (定|作|人)."""
        out = []
        for pair in lone_runs(words, lambda ch: ch in skip or bool(MODAL.fullmatch(ch))):
            if len(pair) == 2 and self.writes(pair):
                if pair not in self._shares:
                    self._shares[pair] = sum(pair in c.text for c in self.clauses) / max(len(self.clauses), 1)
                out.append((pair, self._shares[pair]))
        return out

    def head_word(self, word: str) -> str | None:
        """The head of a compound no clause holds, when the clauses hold it: a Chinese compound ends in its
        head (签合同 is about a 合同, 家政公司 is a 公司), so a question asking with it is about what the head
        names, not about something the texts never mention; None when the head is unseen too (个人所得税's
        所得税), when the modifier says which or how many (哪些|地方, 各个|部门, 第三|类), or for an
        A-not-A question (算不算)."""
        parts = self.tokenizer.compound(word)
        if parts is None or self._doc_freq(parts[1]) == 0:
            return None
        modifier, head = parts
        if modifier in function_word_table() or (len(word) == 3 and word[1] in "不没" and word[0] == word[2]):
            return None
        return head
