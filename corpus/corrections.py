"""Corrections a user makes to a document's metadata (title, region, date), kept beside the
documents in `<data dir>/corrections.json` and applied whenever documents are read, so they
survive a re-ingest of the same file. Pure functions plus one small atomic file."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from corpus.metadata import place_aliases
from corpus.model import Document

FIELDS = ("title", "region", "date")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def validate(fields: dict[str, str]) -> dict[str, str]:
    """The corrections as stored, or ValueError naming what is wrong."""
    out = {}
    for k, v in fields.items():
        if k not in FIELDS:
            raise ValueError(f"cannot correct {k!r}; only {', '.join(FIELDS)}")
        v = (v or "").strip()
        if k == "date" and v and not DATE.match(v):
            raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
        if k == "title" and not v:
            raise ValueError("a title cannot be empty")
        if len(v) > 200:
            raise ValueError(f"{k} is too long ({len(v)} characters)")
        out[k] = v
    return out


def apply(doc: Document, fields: dict[str, str]) -> Document:
    """The document with its corrections; a corrected region brings the names questions use for it."""
    if not fields:
        return doc
    doc = replace(doc, **{k: v for k, v in fields.items() if k in FIELDS})  # type: ignore[arg-type]  # FIELDS are str fields
    if "region" in fields:
        doc = replace(doc, places=tuple(place_aliases(doc.region)))
    return doc


def load(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as e:
        raise ValueError(f"corrections file {path} is damaged ({e}); fix or remove it") from e
    if not isinstance(data, dict) or not all(isinstance(d, dict) for d in data.values()):
        raise ValueError(f"corrections file {path} is damaged (not an object of objects); fix or remove it")
    return {str(k): {f: str(v) for f, v in d.items() if f in FIELDS} for k, d in data.items()}
