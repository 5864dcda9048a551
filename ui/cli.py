"""`policyqa`: one command, a subcommand per pipeline stage. Parses, calls the library, prints.

Heavy imports live inside the command bodies so `policyqa --help` is instant.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict

from corpus import DocumentStore, UnknownDocument, UnreadableFile, load_settings
from corpus.errors import DataProblem
from corpus.ingest import display_name
from corpus.metadata import region_level
from corpus.settings import Settings
from corpus.store import IngestResult


def iter_jsonl(arg: str, bad: list[int]):
    """The questions of a JSONL batch ("-" for stdin), blank lines skipped. A line that is none ({"question": "…",
    "history": [{"role": "user", "content": "…"}, …]}) is reported on stderr in Chinese with its number, added to `bad`
    and skipped: the rest of the batch is still answered."""
    src = sys.stdin if arg == "-" else open(arg, encoding="utf-8")
    with src:
        for n, ln in enumerate(src, 1):
            if not ln.strip():
                continue
            try:
                row = json.loads(ln)
            except json.JSONDecodeError as e:
                problem = f"不是有效的 JSON（{e.msg}，第{e.colno}列）"
            else:
                problem = _batch_problem(row)
            if problem:
                print(f"错误：第{n}行{problem}，已跳过。", file=sys.stderr)
                bad.append(n)
            else:
                yield row


def _batch_problem(row: object) -> str:
    """What keeps a parsed batch line from being a question ("" when nothing does)."""
    if not isinstance(row, dict) or not isinstance(row.get("question"), str) or not row["question"].strip():
        return '缺少 "question"（问题文字）'
    history = row.get("history") or []
    if not isinstance(history, list) or not all(
        isinstance(t, dict)
        and t.get("role") in ("user", "assistant")
        and isinstance(t.get("content", ""), str)
        for t in history
    ):
        return '的 "history" 应为 [{"role": "user" 或 "assistant", "content": "…"}, …]'
    return ""


def print_rows(rows: list[dict], as_json: bool, line: Callable[[dict], str], indent: int = 2) -> int:
    """Rows as a JSON array, or one formatted line each."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=indent))
    else:
        for r in rows:
            print(line(r))
    return 0


def _store(settings: Settings) -> DocumentStore:
    store = DocumentStore(settings)
    for r in store.ensure_bundled():
        if not r.ok:
            print(f"bundled corpus: {r.path}: {r.error}", file=sys.stderr)
    return store


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    def report(r: IngestResult) -> None:  # each file's line as soon as it is done
        if r.ok:
            print(
                f"ok    {r.path}: {len(r.doc_ids)} document(s), {r.clauses} clauses ({', '.join(r.doc_ids)})"
                + (f"; {r.note}" if r.note else ""),
                flush=True,
            )
        else:
            print(f"FAIL  {r.path}: {r.error}", flush=True)

    results = _store(settings).ingest(args.paths, on_result=report)
    if not results:
        shown = " ".join(display_name(str(p)) for p in args.paths)
        print(f"error: nothing to ingest in {shown} (no files found)", file=sys.stderr)
        return 2
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} file(s) ingested, {failed} failed", file=sys.stderr)
    return 1 if failed or not results else 0


def cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    docs = _store(settings).documents()
    rows = [
        {
            "id": d.id,
            "title": d.title,
            "region": d.region,
            "level": region_level(d.region),
            "date": d.date,
            "kind": d.kind,
            "number": d.number,
            "issuer": d.issuer,
            "encoding": d.encoding,
            "format": d.fmt,
            "script": d.script,
            "clauses": len(d.clauses),
            "source_file": d.source_file,
            "origin": d.origin,
        }
        for d in docs
    ]
    return print_rows(
        rows,
        args.json,
        lambda r: (
            f"{r['id']:45} {r['region']:10} {r['level'] or '—':4} {r['date'] or '—':10} "
            f"{r['kind'] or '—':4} {r['clauses']:4}  {r['title']}"
        ),
    )


def cmd_correct(args: argparse.Namespace, settings: Settings) -> int:
    fields = {
        k: v
        for k, v in (("title", args.title), ("region", args.region), ("date", args.date))
        if v is not None
    }
    if not fields:
        raise ValueError("nothing to correct: give --title, --region and/or --date")
    doc = _store(settings).correct(args.doc, **fields)
    print(
        f"{doc.id}: {doc.title} | {doc.region or '—'} | {doc.date or '—'} (kept across re-ingests; "
        "the index follows at the next `policyqa index` or in a running server)"
    )
    return 0


def cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    doc = _store(settings).delete(args.doc)
    print(
        f"deleted {doc.id} ({doc.title}); the index follows at the next `policyqa index` or in a running server"
    )
    return 0


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    doc = _store(settings).get(args.doc)
    if args.json:
        out = {k: v for k, v in asdict(doc).items() if k not in ("text", "source_text", "clauses")}
        out["clauses"] = [
            {
                "id": c.id,
                "heading_path": list(c.heading_path),
                "section": c.section,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "orig_start": c.orig_start,
                "orig_end": c.orig_end,
                "kind": c.kind,
            }
            for c in doc.clauses
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{doc.title}  [{doc.id}]  {doc.region} {doc.date} {doc.number}")
    shown: tuple[str, ...] = ()
    for c in doc.clauses:
        path = c.heading_path
        common = 0
        while common < min(len(path), len(shown)) and path[common] == shown[common]:
            common += 1
        for depth in range(common, len(path)):
            print("  " * depth + "▸ " + path[depth])
        shown = path
        print("  " * len(path) + f"· {c.text[:80]}{'…' if len(c.text) > 80 else ''}")
    if args.dropped:
        print("\ndropped lines:")
        for d in doc.dropped:
            print("  " + d)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="policyqa", description="政策问答: cited answers from Chinese policy documents"
    )
    p.add_argument("--data-dir", help="state directory (default: $POLICYQA_HOME or ./data)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="add files or folders to the corpus")
    s.add_argument("paths", nargs="+")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("docs", help="list documents")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("correct", help="correct a document's title, region or date (kept across re-ingests)")
    s.add_argument("doc")
    s.add_argument("--title")
    s.add_argument("--region")
    s.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    s.set_defaults(func=cmd_correct)

    s = sub.add_parser("delete", help="remove a document from the corpus")
    s.add_argument("doc")
    s.set_defaults(func=cmd_delete)

    s = sub.add_parser("show", help="show one document's outline")
    s.add_argument("doc")
    s.add_argument("--json", action="store_true")
    s.add_argument("--dropped", action="store_true", help="also list the clutter lines removed")
    s.set_defaults(func=cmd_show)

    for register in _extra_commands():
        register(sub)
    return p


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    from ui import cli_ask, cli_diff, cli_eval, cli_extract, cli_handout, cli_search, cli_serve

    return [
        cli_search.register,
        cli_ask.register,
        cli_extract.register,
        cli_diff.register,
        cli_serve.register,
        cli_handout.register,
        cli_eval.register,
    ]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings(data_dir=args.data_dir)
    try:
        return int(args.func(args, settings) or 0)
    except (UnknownDocument, UnreadableFile) as e:
        print(f"error: {e.args[0] if isinstance(e, UnknownDocument) else e}", file=sys.stderr)
        return 2
    except (DataProblem, ValueError) as e:  # the one place errors become messages: index problems, bad config
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
