"""Query analysis against the real seed index: which words of a question carry topic weight."""

from indexer.tokenize import Tokenizer


def test_function_words_come_from_the_dictionary_tags() -> None:
    words = Tokenizer().function_words("如果这些社区每次最多能设几个服务站？")
    assert {"如果", "这些", "每次", "几个"} <= words
    assert not {"社区", "服务站"} & words


def test_pronouns_adverbs_and_conjunctions_carry_no_topic_weight(seed_retriever) -> None:  # noqa: ANN001
    # 如果 (conjunction), 这些 / 每次 (pronouns), 最多 (adverb) are rare in policy text, so IDF alone
    # would make them the question's weightiest words; the answer must be judged on 服务站 and 面积.
    q = seed_retriever.analyze("如果这些社区每次最多能设几个服务站？服务站的面积有什么要求？")
    assert not {"如果", "这些", "每次", "最多"} & set(q.weights)
    assert {"服务站", "面积"} <= set(q.weights)
