"""CLI commands for the assistant: `ask` (one question or a JSONL batch) and `chat`."""

from __future__ import annotations

import argparse
import json
import sys

from corpus.settings import Settings


def _assistant(settings: Settings):  # import kept lazy
    from assistant.answer import Assistant
    from ui.cli import _store

    return Assistant.open(settings, _store(settings))


def print_answer(a) -> None:
    print(a.text)
    for c in a.citations:
        print(f"  [{c.n}] 《{c.title}》 {c.region} · {c.section}\n      “{c.quote}”")
    if a.refused and a.related:
        print("  可能相关：")
        for c in a.related:
            print(f"   - 《{c.title}》 {c.section}: {c.quote}…")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    assistant = _assistant(settings)
    if args.jsonl:
        from ui.cli import iter_jsonl

        bad: list[int] = []
        for row in iter_jsonl(args.jsonl, bad):
            out = assistant.ask(row["question"], row.get("history") or []).as_json()
            print(json.dumps({"id": row.get("id"), **out}, ensure_ascii=False), flush=True)
        return 1 if bad else 0
    if not args.question:
        print("error: give a QUESTION or --jsonl FILE", file=sys.stderr)
        return 2
    from assistant.model import Scope

    a = assistant.ask(args.question, scope=Scope(region=args.region))
    if args.json:
        print(json.dumps({"question": args.question, **a.as_json()}, ensure_ascii=False, indent=2))
    else:
        print_answer(a)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    assistant = _assistant(settings)
    turns: list = []  # the conversation as data (assistant.model.Turn): a follow-up is read against the last
    print("政策问答 — 输入问题，空行或 Ctrl-D 退出", file=sys.stderr)
    while True:
        try:
            q = input("问> ").strip()
        except EOFError:
            break
        if not q:
            break
        turns.append(assistant.turn(q, turns))
        a = turns[-1].answer
        if a.used_history:
            print(f"（理解为：{a.standalone_question}）")
        print_answer(a)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("ask", help="answer a question with citations")
    s.add_argument("question", nargs="?")
    s.add_argument("--json", action="store_true")
    s.add_argument("--region")
    s.add_argument("--jsonl", help='batch: file of {"id","question","history"} lines ("-" for stdin)')
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", help="a conversation in the terminal")
    s.set_defaults(func=cmd_chat)
