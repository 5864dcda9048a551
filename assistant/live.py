"""The corpus a server answers from, kept in step with the data folder.

Documents added by an upload or by the CLI are noticed by a cheap check (the documents folder's
change time) and indexed in a background thread while the current index keeps serving. Indexing
comes in two steps, each swapped in when complete: BM25 over every document first (seconds; new
clauses have no vector yet), then the clause vectors. A server starts answering at once, from the
index on disk when there is one, from a BM25-only build of the documents when there is none, and
says in the page that answers may be incomplete until the vectors are in.
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
from indexer.persist import BEHIND, PENDING, build_index, index_problem, load_index

log = logging.getLogger(__name__)


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
        if problem and problem not in (BEHIND, PENDING):  # nothing servable on disk: BM25 first
            if problem.startswith("index damaged"):
                log.warning("%s; rebuilding it from the documents", problem)
            build_index(docs, settings, self.embedder, show_progress=False, embed=False)
        retriever = Retriever(load_index(settings, self.embedder.name), self.embedder)
        self.assistant = Assistant(retriever, docs, self.llm)
        if problem:  # catch up in the background
            self.status = "正在计算语义向量，答案可能不完整…"
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

    @property
    def complete(self) -> bool:
        """Every clause served has its vector (answers use both retrievers)."""
        return not self.assistant.retriever.pending

    def _swap(self, docs: list, stamp: int) -> bool:
        """Serve the index just built; True when another round is due (a change came in meanwhile)."""
        retriever = Retriever(load_index(self.settings, self.embedder.name), self.embedder)
        with self._lock:
            self.assistant = Assistant(retriever, docs, self.llm)
            self._seen = stamp
            self.version += 1
            again, self._again = self._again, False
        if self._on_swap:
            self._on_swap()
        return again or self._stamp() != stamp

    def _rebuild(self) -> None:
        try:
            while True:
                stamp = self._stamp()
                self.store.reload()
                docs = self.store.documents()
                if index_problem(self.settings, docs, self.embedder.name) == BEHIND:
                    # the new documents searchable by BM25 at once, their vectors next
                    self.status = "索引更新中：新文件先按关键词检索…"
                    build_index(docs, self.settings, self.embedder, show_progress=False, embed=False)
                    if self._swap(docs, stamp):
                        continue
                    if self.complete:  # every vector was cached (a corrected title): nothing to embed
                        break
                self.status = "正在计算语义向量，答案可能不完整…"

                def progress(done: int, total: int) -> None:
                    # all documents' new or changed clauses, not one upload's: said so, so the two counts agree
                    self.status = (
                        f"正在计算语义向量：{done}/{total}（文库中全部新增或改动的条款），答案可能不完整"
                    )

                build_index(docs, self.settings, self.embedder, show_progress=False, on_progress=progress)
                if not self._swap(docs, stamp):
                    break
            self.status = f"索引已更新（{len(docs)} 篇文件）"
        except Exception as e:  # the old index keeps serving; the page says what failed
            log.exception("background indexing failed")
            self.status = f"索引更新失败：{e}"
