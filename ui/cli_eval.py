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


def _items(args: argparse.Namespace | None = None) -> list:
    """The gold sets given with --set, else the dev questions (qa_dev + qa_dev_more)."""
    from eval.gold import DATA, load_qa

    paths = (
        [Path(p) for p in args.set]
        if args and args.set
        else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
    )
    return [it for p in paths for it in load_qa(p)]


def _assistant(settings: Settings, store, model=None):
    from assistant.answer import Assistant
    from indexer import Retriever

    docs = store.documents()
    return Assistant(Retriever.open(settings, docs, show_progress=sys.stderr.isatty()), docs, model=model)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.stage == "feedback":
        return _feedback_candidates(settings, args.output)
    from eval.corpus import dev_store, eval_settings

    settings = eval_settings(settings, args.home)
    if args.stage in ("consult", "fit-retrieval", "fit-question-map"):
        return _consult(args, settings)
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
        from eval.snapshot import SNAPSHOT, load_snapshot

        items = _items(args)
        assistant = _assistant(settings, store)
        data = collect(assistant, items, scripts)  # every question's candidates, retrieved once
        consult = load_snapshot() if SNAPSHOT.exists() else []  # in every fold's training, as shipped
        for title, scored in (
            (
                "in-sample (the shipped model, fitted on these questions)",
                evaluate_answers(items, assistant, scripts),
            ),
            (
                "cross-validated (5 folds grouped by document; each question answered by a model that never saw its "
                "document)",
                evaluate_answers_cv(items, assistant, scripts, data=data, extra=consult),
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
            print(format_repeats(repeated_cv(items, assistant, scripts, args.repeats, data, consult)))
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
        from eval.consult import CONSULT_SET
        from eval.fit import collect, data_version, fit_with_threshold
        from eval.gold import DATA
        from eval.snapshot import SNAPSHOT, save_snapshot

        n = len(FEATURES)
        blank = AnswerModel(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5)
        items = _items(args)
        data = collect(_assistant(settings, store, blank), items, scripts)
        consult = _consult_candidates(settings, blank)
        save_snapshot(consult, data_version([CONSULT_SET]))
        print(f"wrote {SNAPSHOT} ({len(consult)} consultation questions)", file=sys.stderr)
        model, report = fit_with_threshold(data + consult)
        paths = (
            [Path(p) for p in args.set] if args.set else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
        )
        extra = {
            "fitted_by": "policyqa eval fit (eval/fit.py)",
            "data_version": data_version([*paths, CONSULT_SET]),
            "questions": len(items) + len(consult),
            "candidates": int(sum(len(d.cands) for d in data + consult)),
            "positives": int(sum(int(d.labels.sum()) for d in data + consult)),
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
        if not args.set:
            from eval.exhaustive import format_documents, load_items, score_documents

            print()
            print("precision and recall against exhaustive labels (every quantitative item of the document):")
            print(format_documents(score_documents(load_items(), found, origins)))
        return 0
    return 2


def _consult(args: argparse.Namespace, settings: Settings) -> int:
    """`eval consult`: article retrieval and answers on the consultation questions, beside the stock
    pipeline; `eval fit-retrieval`: refit the fusion weights (consultations and dev questions);
    `eval fit-question-map`: refit the map of question vectors (consultations)."""
    from eval.consult import (
        CONSULT_LAWS,
        CONSULT_SET,
        GoldResolver,
        answer_score,
        article_key,
        consult_settings,
        consult_store,
        distinct_articles,
        format_answers,
        format_consult,
        load_consult,
        mean,
        score,
        stock_bm25,
    )
    from eval.fit_retrieval import fit, grid_scores
    from indexer import Retriever
    from indexer.search import Mode

    csettings = consult_settings(settings)
    docs = consult_store(csettings).documents()
    items = load_consult(Path(args.set[0]) if args.set else CONSULT_SET)
    resolver = GoldResolver(docs)
    gold = {it.id: resolver.resolve(it) for it in items}
    retriever = Retriever.open(csettings, docs, show_progress=sys.stderr.isatty())
    if args.stage == "fit-question-map":
        from eval.fit import data_version
        from eval.fit_question_map import fit as fit_map
        from eval.fit_question_map import map_data
        from indexer.question_map import MAP_FILE

        qmap, report = fit_map(retriever, map_data(retriever, items, gold))
        out = Path(args.output) if args.output else MAP_FILE
        qmap.save(
            out,
            {
                "fitted_by": "policyqa eval fit-question-map (eval/fit_question_map.py)",
                "data_version": data_version([CONSULT_SET, CONSULT_LAWS]),
                "cross_validated": report,
            },
        )
        print(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"wrote {out}", file=sys.stderr)
        return 0
    if args.stage == "fit-retrieval":
        from eval.corpus import dev_store
        from eval.fit import data_version
        from eval.gold import DATA
        from indexer.fusion import WEIGHTS_FILE

        store = dev_store(settings)
        dev = _assistant(settings, store).retriever
        scripts = {d.id: d.script for d in store.documents()}
        grid = grid_scores(retriever, items, gold, dev, _items(), scripts)
        weights, report = fit(grid)
        extra = {
            "fitted_by": "policyqa eval fit-retrieval (eval/fit_retrieval.py)",
            "data_version": data_version([CONSULT_SET, DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]),
            "cross_validated": report,
        }
        out = Path(args.output) if args.output else WEIGHTS_FILE
        out.write_text(weights.to_json(extra) + "\n", encoding="utf-8")
        print(weights.to_json(extra))
        print(f"wrote {out}", file=sys.stderr)
        return 0
    from assistant.answer import Assistant

    stock = stock_bm25(docs)
    rows = [("stock jieba + BM25 (articles)", mean([score(stock(it.question), gold[it.id]) for it in items]))]
    from indexer.question_map import MAP_FILE, default_question_map

    shipped_map = default_question_map()
    for mode, mapped in ((Mode.BM25, False), (Mode.DENSE, False), (Mode.HYBRID, False), (Mode.HYBRID, True)):
        retriever.use_question_map(shipped_map if mapped else None)
        scored = []
        for it in items:
            hits = retriever.search(retriever.analyze(it.question), k=40, mode=mode).hits
            scored.append(score(distinct_articles(article_key(h.clause) for h in hits), gold[it.id]))
        name = (
            "with the question map fitted on these questions (in-sample)"
            if mapped
            else "without the question map"
        )
        rows.append((f"policyqa {mode.value}, {name}", mean(scored)))
    retriever.use_question_map(None)
    grid = grid_scores(retriever, items, gold)
    retriever.use_question_map(shipped_map)
    _, report = fit(grid)
    print(format_consult(rows))
    print(
        f"hybrid MRR with the weight fitted on these questions {report['mrr_in_sample']['consult']:.3f}; "
        f"cross-validated by law (each law's weight chosen on the others) {report['mrr_cross_validated']['consult']:.3f}"
    )
    if MAP_FILE.with_suffix(".json").exists():
        cv = json.loads(MAP_FILE.with_suffix(".json").read_text(encoding="utf-8"))["cross_validated"]
        print(
            "question map, as fitted by `policyqa eval fit-question-map`: hit@5/MRR without it "
            f"{cv['without_map']['hit5']:.3f}/{cv['without_map']['mrr']:.3f}; held out by question "
            f"{cv['cross_validated_by_question']['hit5']:.3f}/{cv['cross_validated_by_question']['mrr']:.3f}; "
            f"held out by law {cv['cross_validated_by_law']['hit5']:.3f}/{cv['cross_validated_by_law']['mrr']:.3f}"
        )
    shipped = Assistant(retriever, docs)
    scores = [
        (
            "the shipped model (fitted on these questions and the dev questions)",
            [answer_score(shipped.ask(it.question), gold[it.id]) for it in items],
        )
    ]
    from eval.corpus import dev_store
    from eval.fit import collect, fit_with_threshold, folds
    from eval.snapshot import collect_consult

    store = dev_store(settings)
    dev = collect(_assistant(settings, store), _items(), {d.id: d.script for d in store.documents()})
    data = collect_consult(shipped, items, gold)
    # Each fold's questions are answered with an answer model and a question map fitted without them.
    if shipped_map is not None:
        from dataclasses import replace

        import numpy as np

        from eval.fit_question_map import map_data, map_for, question_folds

        penalty = float(
            json.loads(MAP_FILE.with_suffix(".json").read_text(encoding="utf-8"))["cross_validated"][
                "penalty"
            ]
        )
        mdata = map_data(retriever, items, gold)
        row_of = {it.id: j for j, it in enumerate(mdata.items)}
    splits: list[tuple[str, list]] = [
        ("by law (each law answered by a model fitted without it)", list(folds(data)))
    ]
    if shipped_map is not None:
        splits.append(("by question (other questions about the same laws)", question_folds(len(items))))
    for name, split in splits:
        held_out: list = [None] * len(items)
        for train, test in split:
            model, _ = fit_with_threshold(dev + [data[i] for i in train])
            if shipped_map is not None:
                train_rows = np.array([row_of[items[i].id] for i in train if items[i].id in row_of])
                fitted = map_for(retriever, mdata, train_rows, penalty)
                retriever.use_question_map(replace(fitted, dense_weight=shipped_map.dense_weight))
            fold = Assistant(retriever, docs, model=model)
            for i in test:
                held_out[i] = answer_score(fold.ask(items[i].question), gold[items[i].id])
        scores.append((f"cross-validated {name}", held_out))
    retriever.use_question_map(shipped_map)
    print(format_answers(scores))
    return 0


def _consult_candidates(settings: Settings, model) -> list:
    """The consultation questions' candidates over the 61 laws (indexed in `<home>/consult` first)."""
    from assistant.answer import Assistant
    from eval.consult import GoldResolver, consult_settings, consult_store, load_consult
    from eval.snapshot import collect_consult
    from indexer import Retriever

    csettings = consult_settings(settings)
    docs = consult_store(csettings).documents()
    items = load_consult()
    resolver = GoldResolver(docs)
    assistant = Assistant(
        Retriever.open(csettings, docs, show_progress=sys.stderr.isatty()), docs, model=model
    )
    return collect_consult(assistant, items, {it.id: resolver.resolve(it) for it in items})


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
        try:
            r = json.loads(ln)
            question, answer = r["question"], r["answer"]
        except (ValueError, KeyError, TypeError) as e:  # one damaged line is named and skipped
            print(f"{src}:{i}: skipped, not a feedback record ({type(e).__name__}: {e})", file=sys.stderr)
            continue
        quotes = [q.split("：“", 1)[-1].rstrip("”") for q in r.get("sources", [])]
        lines.append(
            json.dumps(
                {
                    "id": f"fb{i:04d}",
                    "question": question,
                    "history": [],
                    "type": "from_feedback",
                    "status": "proposed" if r.get("liked") else "needs_label",
                    "answer_given": answer,
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
    s.add_argument(
        "stage",
        choices=[
            "retrieval",
            "answers",
            "refusals",
            "extraction",
            "fit",
            "fit-retrieval",
            "fit-question-map",
            "consult",
            "feedback",
        ],
    )
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
