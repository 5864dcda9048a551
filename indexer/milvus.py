"""Clause vectors in Milvus: Milvus Lite (a local file) or a Milvus server, the same pymilvus API.

The dense half of retrieval moves to the engine; the lexical half stays in bm25s with the project's
own jieba tokens, and fusion stays ours, so rankings do not depend on the backend's analyzer (and
Milvus Lite's BM25 function would need its own tokeniser). Each index version is one collection
named after it, written before `current` moves and dropped with the version, so a swap is as
atomic as with FAISS files. A filter on documents goes into the engine's filter expression.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from indexer.errors import IndexCorrupt, IndexProblem

BATCH = 2000
FIELD = "vector"


class MilvusUnavailable(IndexProblem):
    """The configured Milvus cannot be reached or opened."""


_CLIENTS: dict[str, Any] = {}


def client(uri: str, token: str = "") -> Any:  # noqa: ANN401 - pymilvus has no stubs
    """The process's MilvusClient for a file path (Milvus Lite) or an http(s) URI (a server), opened
    once; a clear error when it cannot be reached."""
    if uri in _CLIENTS:
        return _CLIENTS[uri]
    try:
        from pymilvus import MilvusClient
    except ImportError as e:  # pragma: no cover - the dependency is declared
        raise MilvusUnavailable("index_backend = milvus needs pymilvus and milvus-lite installed") from e
    # Milvus Lite answers one call pymilvus makes with "not implemented", logged by grpc as an ERROR
    # with a traceback although nothing failed.
    logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    try:
        _CLIENTS[uri] = MilvusClient(uri=uri, token=token or "", timeout=10)
    except Exception as e:  # pymilvus raises several kinds; all mean the same to the user
        hint = " (Milvus Lite allows one process at a time: is a server or another command using it?)" \
            if not uri.startswith("http") else ""
        raise MilvusUnavailable(f"cannot reach Milvus at {uri}: {e}{hint}") from e
    return _CLIENTS[uri]


def close_all() -> None:
    """Close this process's Milvus connections (Milvus Lite then lets another process open the file)."""
    for uri, c in _CLIENTS.items():
        try:
            c.close()
            if not uri.startswith("http"):  # the embedded server holds the file until released
                from milvus_lite.server_manager import server_manager_instance

                server_manager_instance.release_server(uri)
        except Exception:  # noqa: BLE001, S110 - closing is best effort
            pass
    _CLIENTS.clear()


def collection_name(version: str) -> str:
    """A Milvus-safe collection name for an index version folder name."""
    return "pq_" + "".join(ch if ch.isalnum() else "_" for ch in version)


class MilvusDense:
    """The `DenseIndex` interface over one Milvus collection (inner product on normalised vectors)."""

    def __init__(self, milvus: Any, collection: str, dim: int, count: int) -> None:  # noqa: ANN401
        self.milvus, self.collection, self._dim, self._count = milvus, collection, dim, count

    @classmethod
    def build(cls, milvus: Any, collection: str, vectors: np.ndarray, doc_ids: list[str]) -> MilvusDense:  # noqa: ANN401
        from pymilvus import DataType

        n, dim = vectors.shape if len(vectors) else (0, 1)
        if milvus.has_collection(collection):
            milvus.drop_collection(collection)
        schema = milvus.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field(FIELD, DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
        index = milvus.prepare_index_params()
        index.add_index(FIELD, index_type="FLAT", metric_type="IP")
        milvus.create_collection(collection, schema=schema, index_params=index)
        for s in range(0, n, BATCH):
            rows = [{"id": i, FIELD: vectors[i].tolist(), "doc_id": doc_ids[i]} for i in range(s, min(s + BATCH, n))]
            milvus.insert(collection, rows)
        milvus.flush(collection)
        return cls(milvus, collection, dim, n)

    @classmethod
    def open(cls, milvus: Any, collection: str, dim: int, count: int) -> MilvusDense:  # noqa: ANN401
        if not milvus.has_collection(collection):
            raise IndexCorrupt(f"Milvus collection {collection} is missing: run `policyqa index --rebuild`")
        milvus.load_collection(collection)
        stored = int(milvus.get_collection_stats(collection).get("row_count", -1))
        if stored != count:
            raise IndexCorrupt(f"Milvus collection {collection} holds {stored} vectors for {count} clauses: "
                               "run `policyqa index --rebuild`")
        return cls(milvus, collection, dim, count)

    @property
    def dim(self) -> int:
        return self._dim

    def __len__(self) -> int:
        return self._count

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (ids, scores); `allowed` clause ids become the engine's filter expression."""
        k = min(k, len(self))
        if k <= 0 or (allowed is not None and len(allowed) == 0):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        expr = ""
        if allowed is not None and len(allowed) < len(self):
            expr = f"id in [{','.join(str(int(i)) for i in allowed)}]"
        hits = self.milvus.search(self.collection, data=[np.asarray(query, dtype=np.float32).tolist()], limit=k,
                                  filter=expr, anns_field=FIELD, search_params={"metric_type": "IP"})[0]
        ids = np.array([h["id"] for h in hits], dtype=np.int64)
        return ids, np.array([h["distance"] for h in hits], dtype=np.float32)

    def drop(self) -> None:
        if self.milvus.has_collection(self.collection):
            self.milvus.drop_collection(self.collection)
