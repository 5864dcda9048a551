"""`policyqa diff OLD [NEW]`: what changed between two versions of one instrument (新旧对照)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.settings import Settings


def cmd_diff(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.diff import diff_markdown, diff_versions
    from corpus.versions import in_order, previous_version
    from ui.cli import _store

    store = _store(settings)
    first = store.get(args.old)
    if args.new:
        old, new = first, store.get(args.new)
    else:
        earlier, new = previous_version(store.documents(), first), first
        if earlier is None:
            raise ValueError(
                f"no earlier version of 《{first.title}》 ({first.region or '地区未注明'}) is ingested; "
                "name both documents: policyqa diff OLD NEW"
            )
        old = earlier
    old, new = in_order(old, new)  # from the older to the newer whatever the order given
    d = diff_versions(old, new)
    if args.json:
        text = json.dumps(
            {
                "old": old.id,
                "new": new.id,
                "old_date": old.date,
                "new_date": new.date,
                "unchanged": d.unchanged,
                "changes": [c.as_json() for c in d.changes],
            },
            ensure_ascii=False,
            indent=1,
        )
    else:
        text = diff_markdown(d)
    if args.output and args.output.endswith((".docx", ".xlsx")):
        from assistant.diff import diff_docx, diff_xlsx

        print((diff_docx if args.output.endswith(".docx") else diff_xlsx)(d, Path(args.output)))
    elif args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text + ("\n" if args.json else ""))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("diff", help="what changed between two versions of a document (新旧对照)")
    s.add_argument("old", help="document id (alone: compared with its previous version)")
    s.add_argument("new", nargs="?", help="document id of the other version")
    s.add_argument("--json", action="store_true")
    s.add_argument("-o", "--output", help="write to a file: .md, .json, .docx or .xlsx")
    s.set_defaults(func=cmd_diff)
