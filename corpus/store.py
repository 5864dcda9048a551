"""The ingested documents in the data directory: one JSON file each, written atomically."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus.catalog import load_catalog
from corpus.errors import UnknownDocument, UnreadableFile
from corpus.ingest import build_documents
from corpus.model import Clause, Document
from corpus.settings import Settings

log = logging.getLogger(__name__)
BUNDLED = Path(__file__).parent / "bundled"
SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input file."""

    path: str
    doc_ids: tuple[str, ...] = ()
    clauses: int = 0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def atomic_write(path: Path, data: str) -> None:
    """Write via a temporary file and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_to_json(doc: Document) -> str:
    return json.dumps(asdict(doc), ensure_ascii=False)


def document_from_json(data: str) -> Document:
    raw = json.loads(data)
    raw["clauses"] = tuple(Clause(**{**c, "heading_path": tuple(c["heading_path"])}) for c in raw["clauses"])
    raw["places"] = tuple(raw["places"])
    raw["dropped"] = tuple(raw["dropped"])
    raw["dates"] = tuple(tuple(d) for d in raw.get("dates", ()))
    return Document(**raw)


def expand(paths: list[str | Path]) -> list[Path]:
    """Files named, and the supported files inside folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    return out


class DocumentStore:
    """Ingested documents under `<data_dir>/documents`. The bundled corpus arrives on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.dir = settings.documents_dir
        self._cache: dict[str, Document] | None = None

    def ensure_bundled(self) -> list[IngestResult]:
        """Ingest the bundled corpus once per data directory."""
        marker = self.dir / ".bundled"
        if marker.exists():
            return []
        results = self.ingest([BUNDLED])
        atomic_write(marker, "ingested\n")
        return results

    def ingest(self, paths: list[str | Path], catalog_path: Path | None = None) -> list[IngestResult]:
        """Ingest files/folders; one bad file never stops the others nor leaves a half-written document."""
        results: list[IngestResult] = []
        for path in expand(paths):
            catalog = load_catalog(catalog_path or path.parent / "catalog.toml")
            try:
                docs = build_documents(path, catalog, self.settings.max_file_bytes, self.settings.max_clause_chars)
            except UnreadableFile as e:
                log.warning("%s", e)
                results.append(IngestResult(str(path), error=e.reason))
                continue
            for doc in docs:
                atomic_write(self.dir / f"{doc.id}.json", document_to_json(doc))
            self._cache = None
            results.append(IngestResult(str(path), tuple(d.id for d in docs), sum(len(d.clauses) for d in docs)))
        return results

    def documents(self) -> list[Document]:
        """All ingested documents, sorted by id."""
        if self._cache is None:
            self._cache = {}
            for f in sorted(self.dir.glob("*.json")):
                doc = document_from_json(f.read_text(encoding="utf-8"))
                self._cache[doc.id] = doc
        return list(self._cache.values())

    def get(self, doc_id: str) -> Document:
        """One document by id (or unique id prefix)."""
        docs = {d.id: d for d in self.documents()}
        if doc_id in docs:
            return docs[doc_id]
        matches = [d for k, d in docs.items() if k.startswith(doc_id)]
        if len(matches) == 1:
            return matches[0]
        raise UnknownDocument(f"no document {doc_id!r}; known: {', '.join(docs)}")

    def remove(self, doc_id: str) -> None:
        (self.dir / f"{doc_id}.json").unlink(missing_ok=True)
        self._cache = None
