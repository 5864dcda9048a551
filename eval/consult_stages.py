"""The consultation stages of `policyqa eval`: `consult` (article retrieval and answers on the real
consultation questions beside the stock pipeline, held out by law and by question), `fit-retrieval`
(the fusion weights) and `fit-question-map` (the map of question vectors)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.settings import Settings
from eval.stages import EvalOptions, assistant_for, items_of

if TYPE_CHECKING:
    import numpy as np

    from eval.consult import ArticleKey, ConsultItem
    from eval.fit import Labelled
    from indexer.question_map import QuestionMap


def run_consult(stage: str, settings: Settings, options: EvalOptions) -> int:
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
    items = load_consult(Path(options.set[0]) if options.set else CONSULT_SET)
    resolver = GoldResolver(docs)
    gold = {it.id: resolver.resolve(it) for it in items}
    retriever = Retriever.open(csettings, docs, show_progress=sys.stderr.isatty())
    if stage == "fit-question-map":
        from eval.fit import data_version
        from eval.fit_question_map import fit as fit_map
        from eval.fit_question_map import map_data
        from indexer.question_map import MAP_FILE

        qmap, report = fit_map(retriever, map_data(retriever, items, gold))
        out = Path(options.output) if options.output else MAP_FILE
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
    if stage == "fit-retrieval":
        from eval.corpus import dev_store
        from eval.fit import data_version
        from eval.gold import DATA
        from indexer.fusion import WEIGHTS_FILE

        store = dev_store(settings)
        dev = assistant_for(settings, store).retriever
        scripts = {d.id: d.script for d in store.documents()}
        grid = grid_scores(retriever, items, gold, dev, items_of(), scripts)
        weights, report = fit(grid)
        extra = {
            "fitted_by": "policyqa eval fit-retrieval (eval/fit_retrieval.py)",
            "data_version": data_version([CONSULT_SET, DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]),
            "cross_validated": report,
        }
        out = Path(options.output) if options.output else WEIGHTS_FILE
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
    from eval.fit_question_map import map_data

    store = dev_store(settings)
    dev = collect(assistant_for(settings, store), items_of(), {d.id: d.script for d in store.documents()})
    # Each fold's questions are answered with an answer model and a question map fitted without them:
    # by law (the map refitted without the law's questions) and by question (the folds' maps).
    mdata = map_data(retriever, items, gold) if shipped_map is not None else None
    fold_maps = question_fold_maps(retriever, items, gold, mdata) if mdata is not None else None
    data = held_out_candidates(shipped, items, gold, fold_maps)
    splits: list[tuple[str, list[tuple[list[int], list[int], QuestionMap | None]]]] = [
        (
            "by law (each law answered by a model fitted without it)",
            [
                (train, test, map_without(retriever, mdata, [items[i] for i in test]) if mdata else None)
                for train, test in folds(data)
            ],
        )
    ]
    if fold_maps is not None:
        everything = set(range(len(items)))
        by_question: list[tuple[list[int], list[int], QuestionMap | None]] = [
            (sorted(everything - {int(i) for i in test}), [int(i) for i in test], qmap)
            for test, qmap in fold_maps
        ]
        splits.append(("by question (other questions about the same laws)", by_question))
    for name, runs in splits:
        held_out: list = [None] * len(items)
        for train, test, fold_map in runs:
            model, _ = fit_with_threshold(dev + [data[i] for i in train])
            retriever.use_question_map(fold_map if fold_map is not None else shipped_map)
            fold = Assistant(retriever, docs, model=model)
            for i in test:
                held_out[i] = answer_score(fold.ask(items[i].question), gold[items[i].id])
        scores.append((f"cross-validated {name}", held_out))
    retriever.use_question_map(shipped_map)
    print(format_answers(scores))
    return 0


def consult_candidates(settings: Settings, model) -> list:
    """The consultation questions' candidates over the 61 laws (indexed in `<home>/consult` first)."""
    from assistant.answer import Assistant
    from eval.consult import GoldResolver, consult_settings, consult_store, load_consult
    from indexer import Retriever

    csettings = consult_settings(settings)
    docs = consult_store(csettings).documents()
    items = load_consult()
    resolver = GoldResolver(docs)
    assistant = Assistant(
        Retriever.open(csettings, docs, show_progress=sys.stderr.isatty()), docs, model=model
    )
    return held_out_candidates(assistant, items, {it.id: resolver.resolve(it) for it in items})


def map_without(retriever, data, held_out: Sequence[ConsultItem]) -> QuestionMap:
    """The shipped question map refitted without `held_out` (its penalty and fusion weight)."""
    from dataclasses import replace

    import numpy as np

    from eval.fit_question_map import map_for
    from indexer.question_map import MAP_FILE, default_question_map

    shipped = default_question_map()
    assert shipped is not None
    report = json.loads(MAP_FILE.with_suffix(".json").read_text(encoding="utf-8"))
    penalty = float(report["cross_validated"]["penalty"])
    ids = {it.id for it in held_out}
    rows = np.array([j for j, it in enumerate(data.items) if it.id not in ids])
    return replace(map_for(retriever, data, rows, penalty), dense_weight=shipped.dense_weight)


def question_fold_maps(
    retriever, items: Sequence[ConsultItem], gold: dict[str, list[set[ArticleKey]]], data=None
) -> list[tuple[np.ndarray, QuestionMap]]:
    """The folds by question, each with the question map refitted without its questions (`data`: the
    questions' `map_data`, when already read)."""
    from eval.fit_question_map import map_data, question_folds

    data = data or map_data(retriever, items, gold)
    return [
        (test, map_without(retriever, data, [items[i] for i in test]))
        for _, test in question_folds(len(items))
    ]


def held_out_candidates(
    assistant,
    items: Sequence[ConsultItem],
    gold: dict[str, list[set[ArticleKey]]],
    fold_maps: list[tuple[np.ndarray, QuestionMap]] | None = None,
) -> list[Labelled]:
    """Each consultation question's candidates found as a question the question map never saw finds
    them: by a map refitted without its fold (folds by question). Candidates found with the shipped map,
    fitted on these very questions, would be easier than any new question's (in-sample hit@5 0.98
    against 0.75 held out), and the selector fitted on them would trust them so."""
    from eval.snapshot import collect_consult

    retriever = assistant.retriever
    shipped = retriever.question_map
    if shipped is None:
        return collect_consult(assistant, items, gold)
    out: list[Labelled | None] = [None] * len(items)
    try:
        for test, qmap in fold_maps or question_fold_maps(retriever, items, gold):
            fold = [items[i] for i in test]
            retriever.use_question_map(qmap)
            for i, labelled in zip(test, collect_consult(assistant, fold, gold), strict=True):
                out[i] = labelled
    finally:
        retriever.use_question_map(shipped)
    return [d for d in out if d is not None]
