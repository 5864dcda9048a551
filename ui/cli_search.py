"""CLI commands for the index: `index`, `search` (one query or a JSONL batch)."""

from __future__ import annotations

import argparse
import json
import sys

from corpus.settings import Settings
from indexer.model import Hit


def hit_json(h: Hit) -> dict:
    c = h.clause
    return {
        "doc_id": c.doc_id,
        "title": h.title,
        "region": h.region,
        "section": c.section,
        "text": c.text,
        "score": round(h.score, 6),
        "start": c.start,
        "end": c.end,
        "clause_id": c.id,
        "source": h.origin,
    }


def open_retriever(settings: Settings):  # import kept lazy
    from indexer import Retriever
    from ui.cli import _store

    return Retriever.open(settings, _store(settings).documents())


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from indexer.embed import make_embedder
    from indexer.persist import build_index, is_current
    from ui.cli import _store

    docs = _store(settings).documents()
    embedder = make_embedder(settings.embedder, settings.st_query_prompt, settings.st_passage_prompt)
    if not args.rebuild and is_current(settings, docs, embedder.name):
        print("index is up to date", file=sys.stderr)
        return 0
    report = build_index(docs, settings, embedder)
    print(
        f"indexed {report.clauses} clauses from {len(docs)} documents in {report.seconds:.1f}s "
        f"({report.embedded} embedded, {report.cached} from cache; embedding {report.embed_seconds:.1f}s) → {report.path}"
    )
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    retriever = open_retriever(settings)
    if args.jsonl:
        from ui.cli import iter_jsonl

        bad: list[int] = []
        for row in iter_jsonl(args.jsonl, bad):
            query = retriever.analyze(row["question"], row.get("history") or [])
            res = retriever.search(query, k=args.k, region=args.region)
            print(
                json.dumps(
                    {
                        "id": row.get("id"),
                        "standalone_question": query.text,
                        "hits": [hit_json(h) for h in res.hits],
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
        return 1 if bad else 0
    if not args.query:
        print("error: give a QUERY or --jsonl FILE", file=sys.stderr)
        return 2
    res = retriever.search(args.query, k=args.k, region=args.region)
    if args.json:
        print(
            json.dumps(
                {
                    "query": res.query,
                    "places": list(res.places),
                    "unknown_places": list(res.unknown_places),
                    "hits": [hit_json(h) for h in res.hits],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if res.places:
        print(f"地点: {'、'.join(res.places)}")
    if res.unknown_places:
        print(f"语料未覆盖的地点: {'、'.join(res.unknown_places)}")
    for n, h in enumerate(res.hits, 1):
        print(
            f"[{n}] {h.score:.4f}  {h.region} · {h.title}\n    {h.clause.section}\n    {h.clause.text[:160]}"
        )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("index", help="build or update the search index")
    s.add_argument("--rebuild", action="store_true", help="rebuild even if up to date")
    s.set_defaults(func=cmd_index)

    s = sub.add_parser("search", help="retrieve clauses")
    s.add_argument("query", nargs="?")
    s.add_argument("-k", type=int, default=10)
    s.add_argument("--region")
    s.add_argument("--json", action="store_true")
    s.add_argument("--jsonl", help='batch: file of {"id","question","history"} lines ("-" for stdin)')
    s.set_defaults(func=cmd_search)
