"""The corpus domain: a Document and the Clauses it is cut into."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath


@dataclass(frozen=True)
class Clause:
    """The smallest citable unit: a numbered item, a paragraph, a table row or a passage of one.

    `start`/`end` index the document's normalised text; `orig_start`/`orig_end` index its
    source text (the decoded file, or the text extracted from DOCX/PDF/HTML), so a UI can
    highlight the original.
    """

    id: str
    doc_id: str
    heading_path: tuple[str, ...]
    text: str
    start: int
    end: int
    orig_start: int
    orig_end: int
    kind: str = "text"  # "text" | "table_row"

    @property
    def section(self) -> str:
        """The heading path as one readable string."""
        return " › ".join(self.heading_path)


@dataclass(frozen=True)
class Document:
    """One policy document, normalised, with its clauses and where it came from."""

    id: str
    title: str
    source_file: str
    origin: str
    region: str
    issuer: str
    date: str
    number: str
    encoding: str
    fmt: str
    script: str  # "simplified" | "traditional" | "taiwan"
    places: tuple[str, ...]
    content_hash: str
    text: str
    source_text: str
    clauses: tuple[Clause, ...] = field(default=())
    dropped: tuple[str, ...] = field(default=())  # clutter lines removed, "rule: line"
    kind: str = ""  # 法律 / 行政法规 / 条例 / 办法 / 规定 / 意见 / 方案 / 规划 / 通知 …
    dates: tuple[tuple[str, str], ...] = field(default=())  # (event, YYYY-MM-DD) from the text's own header
    source_path: str = (
        ""  # the ingested file's absolute path (undecodable bytes as \\xNN): same path, same document
    )
    part: str = ""  # the part of a code published in parts (民法典 合同编); "" for a whole document

    def matches(self, search: str) -> bool:
        """Whether its title, place, kind, date, number or file name holds every word of `search`
        ("上海 物业", "2020"); an empty search matches."""
        name = PurePath(self.source_file).name
        text = " ".join((self.title, self.region, *self.places, self.kind, self.date, self.number, name))
        return all(w in text for w in search.split())

    def clause(self, clause_id: str) -> Clause | None:
        """The clause with this id, if the document has it."""
        return next((c for c in self.clauses if c.id == clause_id), None)
