"""`policyqa eval retrieval|answers|extraction`: measure a stage against a gold set."""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.settings import Settings


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from ui.cli import _store

    store = _store(settings)
    scripts = {d.id: d.script for d in store.documents()}
    if args.stage == "retrieval":
        from assistant.followup import standalone_question
        from eval.gold import load_qa
        from eval.retrieval import evaluate_retrieval, format_rows
        from ui.cli_search import open_retriever

        items = load_qa(Path(args.set) if args.set else None)
        rows = evaluate_retrieval(items, open_retriever(settings),
                                  lambda it: standalone_question(it.question, list(it.history)), scripts)
        print(format_rows(rows))
        return 0
    if args.stage == "answers":
        from assistant.answer import Assistant
        from eval.answers import evaluate_answers, format_answer_table
        from eval.gold import load_qa

        items = load_qa(Path(args.set) if args.set else None)
        print(format_answer_table(evaluate_answers(items, Assistant.open(settings), scripts)))
        return 0
    if args.stage == "extraction":
        from assistant.extract import extract_all
        from eval.extraction import evaluate_extraction, format_extraction, load_extract_gold

        docs = store.documents()
        origins = {d.id: d.origin for d in docs}
        rows = extract_all(docs)
        gold = load_extract_gold(Path(args.set) if args.set else None)
        print(format_extraction(evaluate_extraction(gold, rows, origins, scripts)))
        return 0
    return 2


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("eval", help="measure retrieval, answers or extraction on a gold set")
    s.add_argument("stage", choices=["retrieval", "answers", "extraction"])
    s.add_argument("--set", help="gold JSONL (default: the bundled dev set)")
    s.set_defaults(func=cmd_eval)
