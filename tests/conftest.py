"""Shared fixtures: the real bundled corpus, ingested once per session into a temporary data dir."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import DocumentStore, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "bundled"
EVAL_CORPUS = ROOT / "eval" / "data" / "corpus"
EXTRA = EVAL_CORPUS / "extra-docs"
REGULATIONS = EVAL_CORPUS / "regulations"


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data dir holding the ingested bundled corpus (built once)."""
    home = tmp_path_factory.mktemp("seed-home")
    settings = load_settings(data_dir=home)
    DocumentStore(settings).ensure_bundled()
    return settings


@pytest.fixture(scope="session")
def seed_store(seed_settings: Settings) -> DocumentStore:
    return DocumentStore(seed_settings)


@pytest.fixture(scope="session")
def seed_retriever(seed_settings: Settings, seed_store: DocumentStore):
    """The real index over the real seeds, with the real default embedder (built once, ~40 s)."""
    from indexer import Retriever

    return Retriever.open(seed_settings, seed_store.documents(), show_progress=False)


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """An empty data dir of the test's own."""
    return load_settings(data_dir=tmp_path / "home")


@pytest.fixture
def copied_settings(seed_settings: Settings, seed_retriever, tmp_path: Path) -> Settings:
    """A private copy of the seeded data dir (documents and, once built, the index)."""
    dst = tmp_path / "home"
    shutil.copytree(seed_settings.data_dir, dst, symlinks=True)
    return load_settings(data_dir=dst)


@pytest.fixture(scope="session")
def seed_assistant(seed_retriever, seed_store: DocumentStore):
    from assistant.answer import Assistant

    return Assistant(seed_retriever, seed_store.documents())


@pytest.fixture(scope="session")
def seed_scripts(seed_store: DocumentStore) -> dict[str, str]:
    return {d.id: d.script for d in seed_store.documents()}


@pytest.fixture(scope="session")
def dev_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The whole development corpus (seeds, extra documents, regulations) ingested once."""
    from eval.corpus import dev_store

    settings = load_settings(data_dir=tmp_path_factory.mktemp("dev-home"))
    dev_store(settings)
    return settings


@pytest.fixture(scope="session")
def dev_store(dev_settings: Settings) -> DocumentStore:
    return DocumentStore(dev_settings)


@pytest.fixture(scope="session")
def dev_scripts(dev_store: DocumentStore) -> dict[str, str]:
    return {d.id: d.script for d in dev_store.documents()}


@pytest.fixture(scope="session")
def dev_assistant(dev_settings: Settings, dev_store: DocumentStore):
    """The real index over the whole dev corpus with the real default embedder (built once, ~2 min)."""
    from assistant.answer import Assistant
    from indexer import Retriever

    docs = dev_store.documents()
    return Assistant(Retriever.open(dev_settings, docs, show_progress=False), docs)
