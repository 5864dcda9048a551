"""The catalog: metadata the text can't be trusted to give, by file name (and part)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from corpus.metadata import Identity


@dataclass(frozen=True, kw_only=True)
class Entry(Identity):
    """A catalog row: the identity fields it sets override what the text states."""

    file: str
    part: int = 0
    origin: str = ""
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
