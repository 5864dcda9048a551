"""`policyqa serve` (the web app) and `policyqa handout`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus.settings import Settings


def parse_auth(args: argparse.Namespace) -> list[tuple[str, str]] | None:
    pairs = []
    if args.auth:
        pairs.append(args.auth)
    if args.auth_file:
        pairs += [ln.strip() for ln in Path(args.auth_file).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for p in pairs:
        user, sep, pw = p.partition(":")
        if not sep or not user or not pw:
            raise ValueError(f"auth must be user:pass, got {p!r}")
        out.append((user, pw))
    return out or None


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from ui.web import launch

    print(f"policyqa: serving http://{args.host}:{args.port}", file=sys.stderr)
    launch(settings, args.host, args.port, parse_auth(args))
    return 0


def cmd_handout(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.extract import extract_all
    from assistant.handout import build_handout, handout_docx, handout_markdown
    from corpus.versions import superseded
    from ui.cli import _store

    docs = _store(settings).documents()
    old = set() if args.docs else superseded(docs)  # current versions unless documents are named
    h = build_handout(extract_all(d for d in docs if d.id not in old), args.topics or None, args.docs or None)
    out = Path(args.output)
    if out.suffix == ".docx":
        handout_docx(h, out)
    else:
        out.write_text(handout_markdown(h), encoding="utf-8")
    print(out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="the web app")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    g = s.add_mutually_exclusive_group()
    g.add_argument("--auth", help="user:pass")
    g.add_argument("--auth-file", help="file of user:pass lines")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("handout", help="training handout as .docx or .md")
    s.add_argument("--topics", nargs="*")
    s.add_argument("--docs", nargs="*")
    s.add_argument("-o", "--output", default="handout.docx")
    s.set_defaults(func=cmd_handout)
