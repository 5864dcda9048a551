"""Shared fixtures: the real bundled corpus, ingested once per session into a temporary data dir."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import DocumentStore, Settings, load_settings
from corpus.model import Document

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_process(home: Path, port: int, **env: str) -> subprocess.Popen:
    """`policyqa serve` on loopback in a process of its own, its output captured as text."""
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(home), "serve", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


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


def _bind_reusable(port: int):  # a socket or None, as the launcher's own probe
    import socket

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        return sock
    except OSError:
        sock.close()
        return None


class MilvusServer:
    """The `milvus` package's standalone server (etcd and storage inside), on a free loopback port
    with its data in a temp dir; `stop`/`start` restart it in place."""

    def __init__(self, base: Path) -> None:
        from milvus import default_server

        self.server = default_server
        self.server.set_base_dir(str(base))
        # The launcher probes each port by binding it without SO_REUSEADDR, so after a restart it would
        # move to other ports while the old ones sit in TIME_WAIT; the server itself (Go) reuses them.
        self.server.config.try_bind_port = _bind_reusable
        self.uri = ""

    def start(self) -> None:
        self.server.start()  # its ports: the first free ones from Milvus's defaults (19530 …)
        self.uri = f"http://127.0.0.1:{self.server.listen_port}"

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory: pytest.TempPathFactory):
    """A real Milvus server for the session (about 10 s to start)."""
    server = MilvusServer(tmp_path_factory.mktemp("milvus-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seed_assistant(seed_retriever, seed_store: DocumentStore):
    from assistant.answer import Assistant

    return Assistant(seed_retriever, seed_store.documents())


@pytest.fixture(scope="session")
def seed_scripts(seed_store: DocumentStore) -> dict[str, str]:
    return {d.id: d.script for d in seed_store.documents()}


@pytest.fixture(scope="session")
def dev_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The whole development corpus (seeds, extra documents, regulations) ingested once; its embedding cache starts
    from the clause vectors `scripts/test_vectors.py` wrote (`data/dev_vectors`: the default embedder's own, so the
    index is the one a build embedding every clause makes; a clause whose text changed since is embedded anew)."""
    from eval.corpus import dev_store
    from indexer.cache import EmbeddingCache
    from indexer.embed import make_embedder

    settings = load_settings(data_dir=tmp_path_factory.mktemp("dev-home"))
    cache = EmbeddingCache(settings.cache_dir, make_embedder(settings.embedder).name).dir
    shutil.copytree(Path(__file__).parent / "data" / "dev_vectors", cache)
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


# Five of the consultation laws (~700 clauses) and the questions marked only with their articles:
# the real consultation set, small enough to index in every test run.
CONSULT_SUBSET = (
    "劳动合同法",
    "劳动合同法实施条例",
    "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
    "著作权法",
    "著作权法实施条例",
)


@pytest.fixture(scope="session")
def consult_subset(tmp_path_factory: pytest.TempPathFactory):
    """(assistant, questions, marked articles) over the consultation subset, with the real index (built once)."""
    import re

    from assistant.answer import Assistant
    from eval.consult import GoldResolver, consult_settings, consult_store, load_consult
    from indexer import Retriever

    settings = consult_settings(load_settings(data_dir=tmp_path_factory.mktemp("consult-home")))
    docs = consult_store(
        settings, only=lambda name: re.sub(r"\(\d{4}-\d{2}-\d{2}\)\.md$", "", name) in CONSULT_SUBSET
    ).documents()
    items = [it for it in load_consult() if all(g.doc in CONSULT_SUBSET for g in it.gold)]
    resolver = GoldResolver(docs)
    gold = {it.id: resolver.resolve(it) for it in items}
    retriever = Retriever.open(settings, docs, show_progress=False)
    # The shipped question map was fitted on these questions: the figures here are what a collection
    # nobody asked about gets (tests/indexer/test_question_map.py fits one on half of them).
    retriever.use_question_map(None)
    return Assistant(retriever, docs), items, gold


def ingested(settings, path: Path, text: str | None = None) -> Document:
    """The one document a file (written with `text`, when given) gives, ingested into the data dir of `settings`."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    store = DocumentStore(settings)
    [res] = store.ingest([path])
    assert res.ok, res.error
    [doc_id] = res.doc_ids
    return store.get(doc_id)
