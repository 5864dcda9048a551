"""The development corpus the gold sets are measured on: the bundled seeds, the extra documents
and the regulations, ingested together into a data directory of their own (never the user's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from corpus import DocumentStore, Settings
from eval.gold import DATA

DEV_CORPUS = DATA / "corpus"
DEV_FOLDERS = (DEV_CORPUS / "extra-docs", DEV_CORPUS / "regulations")


def dev_files() -> list[Path]:
    """The documents of the development corpus (each folder's README describes it; it is not one)."""
    return sorted(f for d in DEV_FOLDERS for f in d.iterdir() if f.is_file() and f.name != "README.md")


def eval_settings(settings: Settings, home: str | Path | None = None) -> Settings:
    """Settings for the eval home: `<data dir>/eval` unless given; everything else as configured."""
    return replace(settings, data_dir=Path(home) if home else settings.data_dir / "eval")


def dev_store(settings: Settings) -> DocumentStore:
    """The document store of the eval home, with the whole development corpus ingested once."""
    store = DocumentStore(settings)
    store.ensure_bundled()
    ingest_once(store, settings.documents_dir / ".dev-corpus", "dev corpus", lambda: list(dev_files()))
    return store


def ingest_once(store: DocumentStore, marker: Path, what: str, paths: Callable[[], list[Path]]) -> None:
    """Ingest `paths()` into `store` unless `marker` says it was done; any file that fails stops the
    evaluation (its figures would be of another corpus)."""
    if marker.exists():
        return
    failed = [r for r in store.ingest(paths()) if not r.ok]
    if failed:
        raise RuntimeError(f"{what} did not ingest: " + "; ".join(f"{r.path}: {r.error}" for r in failed))
    marker.write_text("ingested\n", encoding="utf-8")


def corpus_of(origin: str) -> str:
    """Which part of the dev corpus a source file belongs to: extra-docs, regulations or seeds."""
    return next((d.name for d in DEV_FOLDERS if (d / origin).is_file()), "seeds")
