"""The catalog: metadata the text can't be trusted to give, by file name (and part)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    file: str
    part: int = 0
    origin: str = ""
    title: str = ""
    issuer: str = ""
    region: str = ""
    date: str = ""
    number: str = ""
    places: tuple[str, ...] = field(default=())


def load_catalog(path: Path) -> dict[tuple[str, int], Entry]:
    """Entries keyed by (file name, part); an absent catalog is empty."""
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[tuple[str, int], Entry] = {}
    for row in data.get("document", []):
        row = dict(row)
        row["places"] = tuple(row.get("places", ()))
        entry = Entry(**row)
        out[(entry.file, entry.part)] = entry
    return out
