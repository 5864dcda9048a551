"""Golden metrics, measured as docs/measured.md reports them: the whole dev corpus indexed, answers
cross-validated by document. They may not drop silently."""

from __future__ import annotations

import pytest

from eval.answers import evaluate_answers_cv, median_length, repeated_cv
from eval.consult import answer_score, article_key, distinct_articles, mean, score, stock_bm25
from eval.extraction import evaluate_extraction, load_extract_gold
from eval.fit import collect, folds
from eval.gold import DATA, load_qa
from eval.retrieval import evaluate_retrieval
from eval.snapshot import load_snapshot


@pytest.fixture(scope="module")
def dev_labelled(dev_assistant, dev_scripts):
    """The 140 dev questions and their candidates, retrieved once for both cross-validations."""
    items = load_qa(DATA / "qa_dev.jsonl") + load_qa(DATA / "qa_dev_more.jsonl")
    return items, collect(dev_assistant, items, dev_scripts)


def _rows(retriever, items, scripts) -> dict:
    return {
        (r.mode, r.type): r
        for r in evaluate_retrieval(
            items, retriever, lambda it: retriever.analyze(it.question, list(it.history)), scripts
        )
    }


def test_fused_retrieval_recalls_the_seed_questions(seed_retriever, seed_scripts):
    rows = _rows(seed_retriever, load_qa(), seed_scripts)
    fused, bm25, dense = rows[("hybrid", "ALL")], rows[("bm25", "ALL")], rows[("dense", "ALL")]
    assert fused.r5 >= 0.95 and fused.mrr >= max(bm25.mrr, dense.mrr) - 0.02


def test_fused_retrieval_beats_both_retrievers_on_the_dev_questions(dev_assistant, dev_scripts):
    # All 130 answerable dev questions (the seeds' 28 alone move by a quarter question: with the fitted
    # dense weight fused R@5 is 0.988 there against BM25's 0.991, MRR 0.899 against 0.852).
    items = load_qa(DATA / "qa_dev.jsonl") + load_qa(DATA / "qa_dev_more.jsonl")
    rows = _rows(dev_assistant.retriever, items, dev_scripts)
    fused, bm25, dense = rows[("hybrid", "ALL")], rows[("bm25", "ALL")], rows[("dense", "ALL")]
    assert fused.r5 >= max(bm25.r5, dense.r5) and fused.mrr >= max(bm25.mrr, dense.mrr)
    assert fused.r5 >= 0.88 and fused.mrr >= 0.78  # measured 0.90 and 0.803


def test_cross_validated_answers_meet_the_bar(dev_assistant, dev_scripts, dev_labelled):
    items, data = dev_labelled
    # The consultation questions' saved candidates join every fold's fitting, as they join the shipped model's.
    scored = evaluate_answers_cv(items, dev_assistant, dev_scripts, data=data, extra=load_snapshot())
    pos = [s for s in scored if s.fact_recall is not None]
    neg = [s for s in scored if s.fact_recall is None]
    assert sum(s.fact_recall for s in pos) / len(pos) >= 0.72
    assert sum(s.citation_hit for s in pos) / len(pos) >= 0.75
    assert sum(s.refused for s in pos) / len(pos) <= 0.10
    # the bar for questions the texts do not answer
    assert sum(s.refused for s in neg) / len(neg) >= 0.75
    length = median_length(scored)
    assert length is not None and length <= 250  # short answers, the clause one click away
    # strict line precision: a cited line holds a gold clause or states a gold fact (measured 0.66)
    assert sum(s.lines_right for s in scored) / sum(s.lines for s in scored) >= 0.60


def test_random_fold_assignments_keep_documents_apart_and_hold_the_bar(
    dev_assistant, dev_scripts, dev_labelled
):
    items, data = dev_labelled
    splits = [folds(data, seed=seed) for seed in (0, 1)]
    for split in splits:
        for train, test in split:
            assert not {data[i].group for i in train} & {data[i].group for i in test}
        assert sorted(i for _, test in split for i in test) == list(range(len(data)))
    assert [sorted(t) for _, t in splits[0]] != [sorted(t) for _, t in splits[1]]
    for fact, cite, false_refusals, refused in repeated_cv(
        items, dev_assistant, dev_scripts, 2, data, load_snapshot()
    ):
        assert fact >= 0.72 and cite >= 0.75 and false_refusals <= 0.10 and refused >= 0.75


def test_extraction_meets_the_bar_on_policies_and_regulations(dev_store, dev_scripts):
    from assistant.extract import extract_all

    docs = dev_store.documents()
    rows = extract_all(docs)
    origins = {d.id: d.origin for d in docs}
    seeds = evaluate_extraction(load_extract_gold(DATA / "extract_dev.jsonl"), rows, origins, dev_scripts)
    more = evaluate_extraction(load_extract_gold(DATA / "extract_dev_more.jsonl"), rows, origins, dev_scripts)
    assert seeds.value_recall >= 0.90 and seeds.lead_f1 >= 0.78 and seeds.value_precision >= 0.75
    assert more.value_recall >= 0.85 and more.lead_f1 >= 0.78 and more.value_precision >= 0.80


def test_real_consultation_questions_find_their_articles_better_than_stock_bm25(consult_subset):
    assistant, items, gold = consult_subset
    retriever = assistant.retriever
    ours = mean(
        [
            score(
                distinct_articles(
                    article_key(h.clause) for h in retriever.search(retriever.analyze(it.question), k=40).hits
                ),
                gold[it.id],
            )
            for it in items
        ]
    )
    stock = stock_bm25(list(assistant.docs.values()))
    baseline = mean([score(stock(it.question), gold[it.id]) for it in items])
    assert len(items) == 96
    assert ours.hit5 >= 0.62 and ours.rr >= 0.49  # measured 0.656 and 0.524
    assert ours.hit5 >= baseline.hit5 + 0.10 and ours.rr >= baseline.rr + 0.08  # stock: 0.510 and 0.406


def test_answers_to_consultations_cite_the_marked_article_and_rarely_refuse(consult_subset):
    assistant, items, gold = consult_subset
    scores = [answer_score(assistant.ask(it.question), gold[it.id]) for it in items]
    assert sum(s.cited for s in scores) / len(scores) >= 0.40  # measured 0.448
    assert sum(s.refused for s in scores) / len(scores) <= 0.22  # measured 0.177


def test_the_indicator_table_shows_quantitative_provisions_only(dev_store):
    """Precision against exhaustive labels: every quantitative item of eighteen documents (nine plans of
    the seeds, four central plans, five regulations) labelled from the text; a row matching no item counts."""
    from assistant.extract import extract_all
    from eval.exhaustive import load_items, score_documents

    docs = dev_store.documents()
    scores = score_documents(load_items(), extract_all(docs), {d.id: d.origin for d in docs})
    rows, correct = sum(s.rows for s in scores), sum(s.correct for s in scores)
    items, found = sum(s.items for s in scores), sum(s.found for s in scores)
    assert len(scores) == 18
    assert correct / rows >= 0.95 and found / items >= 0.95  # measured 1.00 (169 rows) and 0.99 (148 items)
    held_out = [s for s in scores if s.split == "held_out"]
    assert len(held_out) == 9 and all(s.precision == 1.0 and s.recall == 1.0 for s in held_out)


def test_a_residents_word_for_publishing_finds_the_article_that_publishes(dev_assistant):
    """公示 is how residents say what a regulation writes as 公布/公开 (indexer/rules/synonyms.toml):
    "名单要在哪儿公示" is answered by the article on where the names are published, not a definition."""
    answer = dev_assistant.ask("上海吃低保的家庭，名单要在哪儿公示？")
    assert not answer.refused and answer.citations[0].article.startswith("第三十八条"), answer.text[:120]
    assert "公开栏" in answer.text.split("[1]")[0]


def test_a_plans_target_is_answered_from_its_indicator_table_not_its_preface(dev_assistant):
    """The preface of a plan ("“十四五”时期是…第一个百年奋斗目标…") shares the plan's name with the question;
    the answer is the indicator-table row (a line holding a figure is not a heading)."""
    answer = dev_assistant.ask("衡水“十四五”规划对城镇社区工作者的配备密度定了什么目标？")
    first = answer.text.splitlines()[0]
    assert "每万名城镇常住人口拥有社区工作者 18" in first and "百年" not in first, first[:120]
