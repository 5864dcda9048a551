"""CLI commands for extraction: `extract` (all indicator rows) and `compare` (the comparison table)."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from corpus.settings import Settings

FIELDS = [
    "doc_id",
    "region",
    "title",
    "version_date",
    "indicator",
    "comparator",
    "value",
    "value_text",
    "baseline",
    "unit",
    "scope",
    "deadline",
    "lead_units",
    "support_units",
    "quote",
    "context",
    "clause",
    "start",
    "end",
    "topic",
    "section",
    "article",
    "clause_id",
]


def _rows(settings: Settings):
    from assistant.extract import extract_all
    from ui.cli import _store

    return extract_all(_store(settings).documents())


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.export import neutral
    from assistant.indicator import indicator_json
    from ui.cli import print_rows

    rows = [indicator_json(r) for r in _rows(settings)]
    if not args.csv:
        return print_rows(
            rows,
            args.json,
            lambda r: (
                f"{r['region']:8} {r['topic']:8} {r['value'] or '—':10} {r['deadline'] or '':12} "
                f"{'、'.join(r['lead_units'])[:20]:20} {r['quote'][:50]}"
            ),
            indent=1,
        )
    w = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        row = {**r, "lead_units": "、".join(r["lead_units"]), "support_units": "、".join(r["support_units"])}
        w.writerow({k: neutral(v) if isinstance(v, str) else v for k, v in row.items()})
    return 0


def cmd_compare(args: argparse.Namespace, settings: Settings) -> int:
    """The overview grid (md) or one row per indicator (csv, xlsx); current versions unless
    documents are named or --all-versions is given."""
    from assistant.compare import build_table, split_rows, to_markdown, valued
    from assistant.export import to_csv, to_xlsx
    from corpus.versions import current
    from ui.cli import _store

    rows = _rows(settings)
    if not args.all_versions:
        keep = {d.id for d in current(_store(settings).documents(), args.docs or ())}
        rows = [r for r in rows if r.doc_id in keep]
    topics = [args.topic] if args.topic else None
    # the indicator table; who does what without a figure goes to 职责分工; an unknown topic is an error
    table = build_table(
        valued(rows), topics, args.docs or None
    )  # every document with indicators keeps its column
    rows, duty_rows = split_rows(rows, topics, args.docs or None)
    if args.format == "xlsx":
        out = Path(args.output or settings.exports_dir / "comparison.xlsx")
        to_xlsx(rows, out, table, duty_rows)
        print(out)
        return 0
    text = to_markdown(table) if args.format == "md" else to_csv(rows)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("extract", help="targets, deadlines and responsible units as rows")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true")
    g.add_argument("--csv", action="store_true")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("compare", help="cross-document comparison table")
    s.add_argument("--topic")
    s.add_argument("--docs", nargs="*")
    s.add_argument(
        "--format",
        choices=["md", "csv", "xlsx"],
        default="md",
        help="md: the topic × document overview; csv, xlsx: one row per indicator",
    )
    s.add_argument("--all-versions", action="store_true", help="include superseded versions of an instrument")
    s.add_argument("-o", "--output")
    s.set_defaults(func=cmd_compare)
