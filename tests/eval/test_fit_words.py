from pathlib import Path

import pytest

from eval.fit_words import WORDS_FILE, discover, fit_words, law_texts
from indexer.tokenize import Tokenizer, corpus_words


def _laws(n: int) -> list[str]:
    """`n` regulations of different cities, each writing 犬只 (which jieba's dictionary cuts into characters) and the
    phrase 由市 (a run of lone characters too, made of function characters) among many other words; one writes 犬笼."""
    texts = [
        f"# {city}养犬管理规定\n第一条 养犬人应当为犬只办理登记，由市综合行政执法部门负责。\n"
        "第二条 携带犬只外出的，应当采取安全措施。\n" + "本规定自公布之日起施行。\n" * 200
        for city in ("甲市", "乙市", "丙市", "丁市", "戊市", "己市")[:n]
    ]
    texts[0] += "第三条 犬笼应当保持清洁。\n"
    return texts


def test_words_the_dictionary_cuts_into_characters_are_found_where_many_texts_write_them(
    tmp_path: Path,
) -> None:
    tokenizer = Tokenizer(known_only=True)
    assert tokenizer.precise("犬只") == ["犬", "只"]  # what the discovery is for
    found = {f.word: f for f in discover(_laws(6), tokenizer)}
    assert "犬只" in found and found["犬只"].docs == 6 and found["犬只"].count == 12
    assert "由市" not in found  # function characters: a phrase, not a word
    assert "犬笼" not in found  # one text alone
    assert "犬只" not in {f.word for f in discover(_laws(4), tokenizer)}  # fewer than five texts

    # the command reads a folder of texts (or an archive) and writes the tokenizer's word list
    folder = tmp_path / "laws"
    folder.mkdir()
    for i, text in enumerate(_laws(6)):
        (folder / f"{i}.md").write_text(text, encoding="utf-8")
    assert len(list(law_texts(folder))) == 6
    # a folder holding no text is an error, and the shipped list is kept
    empty = tmp_path / "empty"
    empty.mkdir()
    shipped = WORDS_FILE.read_bytes()
    with pytest.raises(ValueError, match="没有"):
        fit_words(empty)
    assert WORDS_FILE.read_bytes() == shipped


def test_the_shipped_tokenizer_cuts_the_laws_words_whole() -> None:
    words = corpus_words()
    assert {"犬只", "养犬", "占道", "扬尘"} <= set(words)
    tokenizer = Tokenizer()
    assert tokenizer.precise("养犬人应当为犬只办理登记") == [
        "养犬",
        "人",
        "应当",
        "为",
        "犬只",
        "办理",
        "登记",
    ]
    assert tokenizer.precise("占道经营会怎么处罚") == ["占道", "经营", "会", "怎么", "处罚"]
