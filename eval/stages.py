"""The stages of `policyqa eval` over the development corpus: retrieval, answers, refusals,
extraction, the answer selector's fit, and gold-set candidates from the web app's feedback.

Measured on the development corpus (bundled seeds + eval/data/corpus), ingested into its own data
directory (`<data dir>/eval`, or `--home`). Answers and extraction report in-sample and
cross-validated (grouped by document) figures; `fit` refits the answer selector. The consultation
stages are in `eval/consult_stages.py`.
"""

from __future__ import annotations

import json
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from corpus.settings import Settings


@dataclass(frozen=True)
class EvalOptions:
    """What `policyqa eval` was given besides the stage."""

    set: tuple[str, ...] = ()  # gold JSONL files (default: the bundled dev sets)
    home: str | None = None  # the data directory for the dev corpus and its index
    repeats: int = 0  # answers: random document-to-fold assignments repeated
    output: str | None = None  # where a fit or the feedback candidates are written


def items_of(options: EvalOptions | None = None) -> list:
    """The gold sets given with --set, else the dev questions (qa_dev + qa_dev_more)."""
    from eval.gold import DATA, load_qa

    paths = (
        [Path(p) for p in options.set]
        if options and options.set
        else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
    )
    return [it for p in paths for it in load_qa(p)]


def assistant_for(settings: Settings, store, model=None):
    from assistant.answer import Assistant
    from indexer import Retriever

    docs = store.documents()
    return Assistant(Retriever.open(settings, docs, show_progress=sys.stderr.isatty()), docs, model=model)


def run(stage: str, settings: Settings, options: EvalOptions) -> int:
    """Run one stage; its report goes to stdout, what it wrote is named on stderr."""
    if stage == "feedback":
        return feedback_candidates(settings, options.output)
    if stage == "fit-words":
        from eval.fit_words import fit_words

        source = Path(options.set[0]) if options.set else None
        if source is None or not source.exists():
            print(
                f"fit-words 需要法律法规文本：--set <文件夹或 .tar.xz>{f'（找不到 {source}）' if source else ''}",
                file=sys.stderr,
            )
            return 2
        try:
            print(fit_words(source))
        except (tarfile.TarError, ValueError) as e:
            print(f"无法读取法律法规文本 {source}：{e}", file=sys.stderr)
            return 2
        return 0
    from eval.corpus import dev_store, eval_settings

    settings = eval_settings(settings, options.home)
    if stage in ("consult", "fit-retrieval", "fit-question-map"):
        from eval.consult_stages import run_consult

        return run_consult(stage, settings, options)
    store = dev_store(settings)
    scripts = {d.id: d.script for d in store.documents()}
    if stage == "retrieval":
        from eval.retrieval import evaluate_retrieval, format_rows
        from indexer import Retriever

        retriever = Retriever.open(settings, store.documents(), show_progress=sys.stderr.isatty())
        rows = evaluate_retrieval(
            items_of(options), retriever, lambda it: retriever.analyze(it.question, list(it.history)), scripts
        )
        print(format_rows(rows))
        return 0
    if stage == "answers":
        from eval.answers import by_corpus, evaluate_answers, evaluate_answers_cv, format_answer_table
        from eval.fit import collect
        from eval.snapshot import SNAPSHOT, load_snapshot

        items = items_of(options)
        assistant = assistant_for(settings, store)
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
        if options.repeats:
            from eval.answers import format_repeats, repeated_cv

            print("cross-validated, documents assigned to folds at random (mean ± sd, range over repeats):")
            print(format_repeats(repeated_cv(items, assistant, scripts, options.repeats, data, consult)))
        return 0
    if stage == "refusals":
        from eval.spot import SPOT_CHECK, format_spot_check, load_questions, spot_check

        questions = [q for p in (options.set or [SPOT_CHECK]) for q in load_questions(Path(p))]
        print(format_spot_check(spot_check(assistant_for(settings, store), questions)))
        return 0
    if stage == "fit":
        import numpy as np

        from assistant.features import FEATURES
        from assistant.selector import MODEL_FILE, AnswerModel
        from eval.consult import CONSULT_SET
        from eval.consult_stages import consult_candidates
        from eval.fit import collect, data_version, fit_with_threshold
        from eval.gold import DATA
        from eval.snapshot import SNAPSHOT, save_snapshot

        n = len(FEATURES)
        blank = AnswerModel(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5)
        items = items_of(options)
        data = collect(assistant_for(settings, store, blank), items, scripts)
        consult = consult_candidates(settings, blank)
        save_snapshot(consult, data_version([CONSULT_SET]))
        print(f"wrote {SNAPSHOT} ({len(consult)} consultation questions)", file=sys.stderr)
        model, report = fit_with_threshold(data + consult)
        paths = (
            [Path(p) for p in options.set]
            if options.set
            else [DATA / "qa_dev.jsonl", DATA / "qa_dev_more.jsonl"]
        )
        extra = {
            "fitted_by": "policyqa eval fit (eval/fit.py)",
            "data_version": data_version([*paths, CONSULT_SET]),
            "questions": len(items) + len(consult),
            "candidates": int(sum(len(d.cands) for d in data + consult)),
            "positives": int(sum(int(d.labels.sum()) for d in data + consult)),
            "cross_validated": report,
        }
        out = Path(options.output) if options.output else MODEL_FILE
        out.write_text(model.to_json(extra) + "\n", encoding="utf-8")
        print(json.dumps({"threshold": model.threshold, **extra}, ensure_ascii=False, indent=1))
        print(f"wrote {out}", file=sys.stderr)
        return 0
    if stage == "extraction":
        from assistant.extract import extract_all
        from eval.extraction import evaluate_extraction, format_extraction, load_extract_gold

        docs = store.documents()
        origins = {d.id: d.origin for d in docs}
        found = extract_all(docs)
        gold = load_extract_gold(Path(options.set[0]) if options.set else None)
        print(format_extraction(evaluate_extraction(gold, found, origins, scripts)))
        if not options.set:
            from eval.exhaustive import format_documents, load_items, score_documents

            print()
            print("precision and recall against exhaustive labels (every quantitative item of the document):")
            print(format_documents(score_documents(load_items(), found, origins)))
        return 0
    return 2


def feedback_candidates(settings: Settings, output: str | None) -> int:
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
