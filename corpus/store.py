"""The ingested documents in the data directory: one JSON file each, written atomically."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from corpus import corrections
from corpus.catalog import load_catalog
from corpus.errors import UnknownDocument, UnreadableFile
from corpus.ingest import build_documents, display_name
from corpus.locks import held
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
    note: str = ""  # e.g. the same text is already in the store under another name

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


class _Reported(list):
    """The results list, telling a listener about each result as it is added."""

    def __init__(self, listener: Callable[[IngestResult], None] | None) -> None:
        super().__init__()
        self._listener = listener

    def append(self, r: IngestResult) -> None:
        super().append(r)
        if self._listener:
            self._listener(r)


def remove_stale_temp_files(folder: Path, older_than_s: float = 60.0) -> list[Path]:
    """`.*.tmp` files an interrupted write left behind (a live write takes milliseconds)."""
    now, removed = time.time(), []
    for f in folder.glob(".*.tmp"):
        try:
            if now - f.stat().st_mtime > older_than_s:
                f.unlink()
                removed.append(f)
        except OSError:
            pass
    return removed


def _unique(doc: Document, known: dict[str, Document]) -> Document:
    """The document under an id no document from another file has (same file: same id, an update)."""
    old = known.get(doc.id)
    if old is None or _same_file(old, doc):
        return doc
    digest = hashlib.sha1(doc.source_path.encode("utf-8")).hexdigest()
    for n in range(6, 41):
        new_id = f"{doc.id}-{digest[:n]}"
        if new_id not in known or _same_file(known[new_id], doc):
            break
    clauses = tuple(replace(c, id=new_id + c.id[len(doc.id) :], doc_id=new_id) for c in doc.clauses)
    return replace(doc, id=new_id, clauses=clauses)


def _same_file(a: Document, b: Document) -> bool:
    return a.source_path == b.source_path if a.source_path else a.source_file == b.source_file


LEGACY = {
    ".doc": "Word 97-2003",
    ".wps": "WPS",
    ".xls": "Excel 97-2003",
    ".et": "WPS 表格",
    ".ppt": "PowerPoint 97-2003",
    ".dps": "WPS 演示",
    ".rtf": "RTF",
}


def skip_reason(path: Path) -> str:
    """Why a file found in a folder is not ingested ("" when it is)."""
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return "hidden file, skipped"
    if suffix in LEGACY:
        return f"{suffix} ({LEGACY[suffix]}) is not supported: save it as .docx or .pdf"
    if suffix not in SUPPORTED_SUFFIXES:
        return f"unsupported type '{suffix or '(no extension)'}'; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
    return ""


def expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files named, and every file inside folders named (sorted; a folder's catalog.toml is its metadata)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.name != "catalog.toml"))
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

    def ingest(
        self,
        paths: Sequence[str | Path],
        catalog_path: Path | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Ingest files/folders; one bad file never stops the others nor leaves a half-written document.

        Ids never collide: a file whose id is taken by a document from another path gets the id plus
        a hash of its path; ingesting the same path again updates its document; a text already
        stored under another name is recognised as that document and not added twice."""
        files = expand(paths)  # listed before the lock file exists (a folder may hold the data directory)
        with held(self.lock_path, "documents"):  # ids are chosen against what is stored: one writer
            return self._ingest(paths, files, catalog_path, on_result)

    @property
    def lock_path(self) -> Path:
        return self.settings.data_dir / ".documents.lock"

    def _ingest(
        self,
        paths: Sequence[str | Path],
        files: list[Path],
        catalog_path: Path | None,
        on_result: Callable[[IngestResult], None] | None,
    ) -> list[IngestResult]:
        results = _Reported(on_result)
        remove_stale_temp_files(self.dir)
        self._cache = None  # what another process stored meanwhile counts
        known = {d.id: d for d in self.documents()}
        by_text = {d.content_hash: d for d in known.values()}
        named = {Path(p) for p in paths}
        for path in files:
            shown = display_name(str(path))
            reason = "" if path in named else skip_reason(path)
            if reason:
                results.append(IngestResult(shown, error=reason))
                continue
            try:
                catalog = load_catalog(catalog_path or path.parent / "catalog.toml")
                docs = build_documents(
                    path, catalog, self.settings.max_file_bytes, self.settings.max_clause_chars
                )
            except UnreadableFile as e:
                log.warning("%s", e)
                results.append(IngestResult(shown, error=e.reason))
                continue
            except Exception as e:  # an unforeseen failure on one file must not stop the batch
                log.exception("%s: could not be ingested", shown)
                results.append(IngestResult(shown, error=f"could not be ingested ({type(e).__name__}: {e})"))
                continue
            ids, clauses, same_as = [], 0, []
            try:
                for doc in docs:
                    twin = by_text.get(doc.content_hash)
                    if twin is not None and twin.source_path != doc.source_path:
                        same_as.append(twin)
                        ids.append(twin.id)
                        continue
                    doc = _unique(doc, known)
                    atomic_write(self.dir / f"{doc.id}.json", document_to_json(doc))
                    known[doc.id] = by_text[doc.content_hash] = doc
                    ids.append(doc.id)
                    clauses += len(doc.clauses)
            except OSError as e:  # a full disk, a read-only folder: this file fails, the batch goes on
                self._cache = None
                log.warning("%s: could not be stored: %s", shown, e)
                results.append(IngestResult(shown, error=f"could not be stored ({e.strerror or e})"))
                continue
            self._cache = None
            notes = [f"same text as {t.source_file} ({t.id}), not added again" for t in same_as]
            notes += sorted({f"read as {d.encoding}" for d in docs if "replaced" in d.encoding})
            note = "; ".join(notes)
            results.append(IngestResult(shown, tuple(ids), clauses, note=note))
        return results

    @property
    def corrections_path(self) -> Path:
        return self.settings.data_dir / "corrections.json"

    def correct(self, doc_id: str, **fields: str) -> Document:
        """Correct a document's title, region or date; stored apart from the document, so a
        re-ingest keeps the correction. Returns the corrected document."""
        doc = self.get(doc_id)
        with held(self.lock_path, "documents"):  # read, change, write: another writer waits
            all_fixes = corrections.load(self.corrections_path)
            all_fixes[doc.id] = {**all_fixes.get(doc.id, {}), **corrections.validate(fields)}
            atomic_write(self.corrections_path, json.dumps(all_fixes, ensure_ascii=False, indent=1))
            self._touch()
        return self.get(doc.id)

    def delete(self, doc_id: str) -> Document:
        """Remove a document (and its corrections) from the store; the index follows at its next build."""
        doc = self.get(doc_id)
        with held(self.lock_path, "documents"):
            (self.dir / f"{doc.id}.json").unlink(missing_ok=True)
            fixes = corrections.load(self.corrections_path)
            if fixes.pop(doc.id, None) is not None:
                atomic_write(self.corrections_path, json.dumps(fixes, ensure_ascii=False, indent=1))
            self._touch()
        return doc

    def _touch(self) -> None:
        """Mark the documents folder changed (a server watching it re-reads and re-indexes)."""
        self._cache = None
        self.dir.mkdir(parents=True, exist_ok=True)
        os.utime(self.dir)

    def reload(self) -> None:
        """Forget the cached documents (another process may have added some)."""
        self._cache = None

    def documents(self) -> list[Document]:
        """All ingested documents, sorted by id."""
        cache = self._cache
        if cache is None:  # built aside and then published: a `reload` in another thread cannot break it
            cache = {}
            try:
                fixes = corrections.load(self.corrections_path)
            except ValueError as e:  # documents still load, uncorrected; `correct` refuses until it is fixed
                log.warning("%s; documents are shown without their corrections", e)
                fixes = {}
            for f in sorted(self.dir.glob("*.json")):
                try:
                    doc = document_from_json(f.read_text(encoding="utf-8"))
                except (ValueError, TypeError, KeyError, OSError) as e:  # one damaged file stops nothing else
                    log.warning(
                        "%s is damaged and skipped (%s: %s): ingest its source again", f, type(e).__name__, e
                    )
                    continue
                cache[doc.id] = corrections.apply(doc, fixes.get(doc.id, {}))
            self._cache = cache
        return list(cache.values())

    def get(self, doc_id: str) -> Document:
        """One document by id (or unique id prefix)."""
        docs = {d.id: d for d in self.documents()}
        if doc_id in docs:
            return docs[doc_id]
        matches = [d for k, d in docs.items() if k.startswith(doc_id)]
        if len(matches) == 1:
            return matches[0]
        raise UnknownDocument(f"no document {doc_id!r}; known: {', '.join(docs)}")
