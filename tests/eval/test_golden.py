"""Golden metrics on the dev set: they may not drop silently."""

from __future__ import annotations

from assistant.followup import standalone_question
from eval.answers import evaluate_answers
from eval.gold import load_qa
from eval.retrieval import evaluate_retrieval


def test_fused_retrieval_beats_both_retrievers_and_recalls(seed_retriever, seed_scripts):
    items = load_qa()
    rows = {(r.mode, r.type): r for r in evaluate_retrieval(
        items, seed_retriever, lambda it: standalone_question(it.question, list(it.history), seed_retriever.place_names()), seed_scripts)}
    fused, bm25, dense = rows[("hybrid", "ALL")], rows[("bm25", "ALL")], rows[("dense", "ALL")]
    assert fused.r5 >= 0.95
    assert fused.r5 >= max(bm25.r5, dense.r5) and fused.mrr > max(bm25.mrr, dense.mrr)
    assert fused.mrr >= 0.84


def test_answer_metrics_meet_the_bar(seed_assistant, seed_scripts):
    scored = evaluate_answers(load_qa(), seed_assistant, seed_scripts)
    pos = [s for s in scored if s.fact_recall is not None]
    neg = [s for s in scored if s.fact_recall is None]
    assert sum(s.fact_recall for s in pos) / len(pos) >= 0.90
    assert sum(s.citation_hit for s in pos) / len(pos) >= 0.90
    assert sum(s.refused for s in neg) / len(neg) >= 0.80
    assert sum(s.refused for s in pos) / len(pos) <= 0.05
    followups = [s for s in pos if s.item.type == "followup"]
    assert sum(s.fact_recall for s in followups) / len(followups) >= 0.90


def test_extraction_metrics_meet_the_bar(seed_store, seed_scripts):
    from assistant.extract import extract_all
    from eval.extraction import evaluate_extraction, load_extract_gold

    docs = seed_store.documents()
    s = evaluate_extraction(load_extract_gold(), extract_all(docs), {d.id: d.origin for d in docs}, seed_scripts)
    assert s.value_recall >= 0.95 and s.value_precision >= 0.90
    assert s.lead_f1 >= 0.95 and s.support_f1 >= 0.90 and s.deadline_accuracy >= 0.85
