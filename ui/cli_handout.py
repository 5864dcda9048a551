"""`policyqa handout`: the training handout, as Word or Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.settings import Settings


def cmd_handout(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.extract import extract_all
    from assistant.handout import build_handout, handout_docx, handout_markdown
    from corpus.versions import current, superseded
    from ui.cli import _store

    docs = _store(settings).documents()
    h = build_handout(
        extract_all(current(docs, args.docs or ())),
        args.topics or None,
        args.docs or None,
        superseded=superseded(docs),
        quiz=args.quiz,
    )
    out = Path(args.output)
    if out.suffix == ".docx":
        handout_docx(h, out)
    else:
        out.write_text(handout_markdown(h), encoding="utf-8")
    print(out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("handout", help="training handout as .docx or .md")
    s.add_argument("--topics", nargs="*", help="topics or any words to keep (default: every topic)")
    s.add_argument("--docs", nargs="*", help="document ids (default: the current version of each)")
    s.add_argument("-o", "--output", default="handout.docx", help=".docx (Word) or .md")
    s.add_argument(
        "--quiz",
        action="store_true",
        help="add review questions on the tables' figures, answered with their sources",
    )
    s.set_defaults(func=cmd_handout)
