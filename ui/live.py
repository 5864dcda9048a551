"""The corpus a server answers from, kept in step with the data folder.

Documents added by an upload or by the CLI are noticed by a cheap check (the documents folder's
change time) and indexed in a background thread while the current index keeps serving; the new
index is swapped in when it is complete. A server starts answering at once from the index on
disk, even when it is behind the documents, and brings it up to date in the background.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from assistant.answer import Assistant
from assistant.llm import client_from
from corpus import DocumentStore
from corpus.settings import Settings
from indexer import Retriever
from indexer.embed import make_embedder
from indexer.persist import build_index, index_problem, load_index

log = logging.getLogger(__name__)
BEHIND = "index out of date with the documents"


class LiveCorpus:
    """`assistant` is always complete and consistent; `version` counts swaps; `status` says what the
    background indexer is doing (for the page), "" when idle."""

    def __init__(self, settings: Settings, on_swap: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.store = DocumentStore(settings)
        self.store.ensure_bundled()
        self.embedder = make_embedder(settings.embedder, settings.st_query_prompt, settings.st_passage_prompt)
        self.llm = client_from(settings)
        self._on_swap = on_swap
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.version = 0
        self.status = ""
        self._again = False
        docs = self.store.documents()
        self._seen = self._stamp()
        problem = index_problem(settings, docs, self.embedder.name)
        if problem == BEHIND:  # serve what is on disk now, catch up in the background
            retriever = Retriever(load_index(settings, self.embedder.name), self.embedder)
        else:  # nothing servable on disk: build first (Retriever.open says why when it is damage)
            retriever = Retriever.open(settings, docs, self.embedder, show_progress=False)
        self.assistant = Assistant(retriever, docs, self.llm)
        if problem == BEHIND:
            self.refresh()

    def _stamp(self) -> int:
        """The documents folder's change time: every write there is a rename into it, which moves it."""
        try:
            return self.store.dir.stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    @property
    def indexing(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def check(self) -> None:
        """Start catching up when documents changed since the last index (cheap: one stat)."""
        if self._stamp() != self._seen and not self.indexing:
            self.refresh()

    def refresh(self) -> None:
        """Index the documents as they are now, in the background; a refresh already running is enough
        when it started after the change, otherwise another follows it."""
        with self._lock:
            if self.indexing:
                self._again = True
                return
            self._again = False
            self._thread = threading.Thread(target=self._rebuild, name="policyqa-index", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the background indexer is idle (tests, shutdown)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)
            if timeout is not None:
                return

    def _rebuild(self) -> None:
        try:
            while True:
                stamp = self._stamp()
                self.store.reload()
                docs = self.store.documents()
                self.status = "索引更新中…"

                def progress(done: int, total: int) -> None:
                    self.status = f"索引更新中：已处理 {done}/{total} 条新条款"

                build_index(docs, self.settings, self.embedder, show_progress=False, on_progress=progress)
                retriever = Retriever(load_index(self.settings, self.embedder.name), self.embedder)
                with self._lock:
                    self.assistant = Assistant(retriever, docs, self.llm)
                    self._seen = stamp
                    self.version += 1
                    again, self._again = self._again, False
                if self._on_swap:
                    self._on_swap()
                if not again and self._stamp() == stamp:
                    break
            self.status = f"索引已更新（{len(docs)} 篇文件）"
        except Exception as e:  # the old index keeps serving; the page says what failed
            log.exception("background indexing failed")
            self.status = f"索引更新失败：{e}"
