"""What every page of the web app shares: the served corpus (`assistant.live`), its documents,
its indicator rows (extracted once per corpus version) and the staging of downloads."""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path

from assistant.answer import Assistant
from assistant.extract import extract_all
from assistant.indicator import Indicator
from assistant.live import LiveCorpus
from assistant.topics import OTHER, RESPONSIBILITY, taxonomy
from corpus import DocumentStore
from corpus.settings import Settings
from corpus.versions import current
from ui import render

log = logging.getLogger(__name__)


class WebState:
    """The served corpus and what the handlers share; one per served corpus."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.live = LiveCorpus(settings)
        self._rows: tuple[int, list[Indicator]] | None = None  # (corpus version, rows)
        self._staging = tempfile.TemporaryDirectory(prefix="policyqa-downloads-")
        self._feedback_lock = threading.Lock()
        self._shown_rows: list[Indicator] = []  # the 对比 rows as last shown (a click reads its row)

    @property
    def store(self) -> DocumentStore:
        return self.live.store

    @property
    def assistant(self) -> Assistant:
        """The current assistant; documents changed since the last index start a background refresh."""
        self.live.check()
        return self.live.assistant

    # ---- shared -------------------------------------------------------------------------
    def docs(self) -> dict:
        return self.assistant.docs

    def doc_choices(self) -> list[tuple[str, str]]:
        return [(f"{d.region}｜{d.title}", d.id) for d in self.assistant.docs.values()]

    def region_choices(self) -> list[str]:
        return sorted({d.region for d in self.assistant.docs.values() if d.region})

    def rows(self) -> list[Indicator]:
        assistant, version = self.assistant, self.live.version
        if self._rows is None or self._rows[0] != version:
            self._rows = (version, extract_all(assistant.docs.values()))
        return self._rows[1]

    def index_status(self) -> str:
        return render.index_status(self.live.status, self.live.indexing)

    def chat_status(self) -> str:
        """Above the chat: said only while answers may miss what the index has not taken in yet."""
        return "" if self.live.complete else self.index_status()

    def rows_of(self, doc_ids: list[str] | None) -> list[Indicator]:
        """The rows a comparison or a handout reads (`corpus.versions.current`): current versions,
        or the documents picked."""
        keep = {d.id for d in current(self.assistant.docs.values(), doc_ids or ())}
        return [r for r in self.rows() if r.doc_id in keep]

    def topics(self) -> list[str]:
        return [n for n, _ in taxonomy()] + [RESPONSIBILITY, OTHER]

    def _download(self, path: Path) -> str:
        """A copy of an export for the browser. The data folder is never served: Gradio moves this
        copy (in a private temp folder) into its cache and serves it as an attachment."""
        staged = Path(self._staging.name) / path.name
        shutil.copyfile(path, staged)
        return str(staged)
