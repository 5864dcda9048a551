"""`policyqa eval STAGE`: measure a stage against the dev gold sets, or refit what is fitted; the
work is `eval/stages.py`'s (the one door from the command line into eval)."""

from __future__ import annotations

import argparse

from corpus.settings import Settings


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from eval.stages import EvalOptions, run

    options = EvalOptions(tuple(args.set or ()), args.home, args.repeats, args.output)
    return run(args.stage, settings, options)


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
            "fit-words",
            "consult",
            "feedback",
        ],
    )
    s.add_argument(
        "--set",
        nargs="*",
        help="gold JSONL file(s) (default: the bundled dev sets); refusals: question lists "
        "(default: eval/data/spot_check_uncovered.txt); fit-words: the law texts (a folder or a .tar.xz)",
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
