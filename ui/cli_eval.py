"""`policyqa eval retrieval|answers|refusals|extraction|fit`: measure a stage against the dev gold sets.

Measured on the development corpus (bundled seeds + eval/data/corpus), ingested into its own data
directory (`<data dir>/eval`, or `--home`). Answers and extraction report in-sample and
cross-validated (grouped by document) figures; `fit` refits the answer selector.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.settings import Settings


def _items(args: argparse.Namespace) -> list:
    from eval.gold import DATA, load_qa

    paths = [Path(p) for p in args.set] if args.set else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
    return [it for p in paths for it in load_qa(p)]


def _assistant(settings: Settings, store, model=None):  # noqa: ANN001, ANN202
    from assistant.answer import Assistant
    from indexer import Retriever

    docs = store.documents()
    return Assistant(Retriever.open(settings, docs, show_progress=sys.stderr.isatty()), docs, model=model)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.stage == "feedback":
        return _feedback_candidates(settings, args.output)
    from eval.corpus import dev_store, eval_settings

    settings = eval_settings(settings, args.home)
    store = dev_store(settings)
    scripts = {d.id: d.script for d in store.documents()}
    if args.stage == "retrieval":
        from eval.retrieval import evaluate_retrieval, format_rows
        from ui.cli_search import open_retriever

        retriever = open_retriever(settings)
        rows = evaluate_retrieval(
            _items(args), retriever, lambda it: retriever.analyze(it.question, list(it.history)), scripts
        )
        print(format_rows(rows))
        return 0
    if args.stage == "answers":
        from eval.answers import by_corpus, evaluate_answers, evaluate_answers_cv, format_answer_table
        from eval.fit import collect

        items = _items(args)
        assistant = _assistant(settings, store)
        data = collect(assistant, items, scripts)  # every question's candidates, retrieved once
        for title, scored in (
            (
                "in-sample (the shipped model, fitted on these questions)",
                evaluate_answers(items, assistant, scripts),
            ),
            (
                "cross-validated (5 folds grouped by document; each question answered by a model that never saw its "
                "document)",
                evaluate_answers_cv(items, assistant, scripts, data=data),
            ),
        ):
            print(f"{title}:")
            print(format_answer_table(scored))
            print()
            print(format_answer_table(scored, by_corpus, "corpus"))
            print()
        if args.repeats:
            from eval.answers import format_repeats, repeated_cv

            print("cross-validated, documents assigned to folds at random (mean ± sd, range over repeats):")
            print(format_repeats(repeated_cv(items, assistant, scripts, args.repeats, data)))
        return 0
    if args.stage == "refusals":
        from eval.spot import SPOT_CHECK, format_spot_check, load_questions, spot_check

        questions = [q for p in (args.set or [SPOT_CHECK]) for q in load_questions(Path(p))]
        print(format_spot_check(spot_check(_assistant(settings, store), questions)))
        return 0
    if args.stage == "fit":
        import numpy as np

        from assistant.features import FEATURES
        from assistant.selector import MODEL_FILE, AnswerModel
        from eval.fit import collect, data_version, fit_with_threshold
        from eval.gold import DATA

        n = len(FEATURES)
        blank = AnswerModel(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5)
        items = _items(args)
        data = collect(_assistant(settings, store, blank), items, scripts)
        model, report = fit_with_threshold(data)
        paths = (
            [Path(p) for p in args.set] if args.set else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
        )
        extra = {
            "fitted_by": "policyqa eval fit (eval/fit.py)",
            "data_version": data_version(paths),
            "questions": len(items),
            "candidates": int(sum(len(d.cands) for d in data)),
            "positives": int(sum(int(d.labels.sum()) for d in data)),
            "cross_validated": report,
        }
        out = Path(args.output) if args.output else MODEL_FILE
        out.write_text(model.to_json(extra) + "\n", encoding="utf-8")
        print(json.dumps({"threshold": model.threshold, **extra}, ensure_ascii=False, indent=1))
        print(f"wrote {out}", file=sys.stderr)
        return 0
    if args.stage == "extraction":
        from assistant.extract import extract_all
        from eval.extraction import evaluate_extraction, format_extraction, load_extract_gold

        docs = store.documents()
        origins = {d.id: d.origin for d in docs}
        found = extract_all(docs)
        gold = load_extract_gold(Path(args.set[0]) if args.set else None)
        print(format_extraction(evaluate_extraction(gold, found, origins, scripts)))
        return 0
    return 2


def _feedback_candidates(settings: Settings, output: str | None) -> int:
    """有用/没用 marks from the web app → gold-set candidates (JSONL) for the team to review: a liked
    answer proposes its question with the cited quotes as gold; a disliked one is flagged to label."""
    src = settings.data_dir / "feedback.jsonl"
    if not src.is_file():
        raise ValueError(f"no feedback yet ({src} does not exist): mark answers 有用/没用 in the web app")
    lines = []
    for i, ln in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not ln.strip():
            continue
        r = json.loads(ln)
        quotes = [q.split("：“", 1)[-1].rstrip("”") for q in r.get("sources", [])]
        lines.append(
            json.dumps(
                {
                    "id": f"fb{i:04d}",
                    "question": r["question"],
                    "history": [],
                    "type": "from_feedback",
                    "status": "proposed" if r.get("liked") else "needs_label",
                    "answer_given": r["answer"],
                    "candidate_quotes": quotes,
                    "reason": r.get("reason", ""),
                },
                ensure_ascii=False,
            )
        )
    text = "\n".join(lines) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{len(lines)} candidates → {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "eval",
        help="measure retrieval, answers, refusals or extraction on the dev gold sets; fit the answer model",
    )
    s.add_argument("stage", choices=["retrieval", "answers", "refusals", "extraction", "fit", "feedback"])
    s.add_argument(
        "--set",
        nargs="*",
        help="gold JSONL file(s) (default: the bundled dev sets); refusals: question lists "
        "(default: eval/data/spot_check_uncovered.txt)",
    )
    s.add_argument(
        "--home", help="data directory for the dev corpus and its index (default: <data dir>/eval)"
    )
    s.add_argument(
        "--repeats",
        type=int,
        default=0,
        help="answers: also repeat the cross-validation with N random document-to-fold assignments",
    )
    s.add_argument(
        "-o",
        "--output",
        help="fit: where to write the model (default: assistant/rules/answer_model.json); "
        "feedback: where to write the candidates (default: stdout)",
    )
    s.set_defaults(func=cmd_eval)
