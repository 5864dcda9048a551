"""Clause vectors in Milvus: Milvus Lite (a local file) or a Milvus server, the same pymilvus API.

The dense half of retrieval moves to the engine; the lexical half stays in bm25s with the project's
own jieba tokens, and fusion stays ours, so rankings do not depend on the backend's analyzer (and
Milvus Lite's BM25 function would need its own tokeniser).

Incremental: one collection per data directory and embedder; a row's key is its document version
(fingerprint) and clause. A build upserts the rows of new or changed documents only, before
`current` moves; the rows of document versions no index version uses any more are deleted when the
replaced version's grace period ends, so readers of the previous version never lose rows mid-query.
A filter on documents goes into the engine's filter expression.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import IndexCorrupt, IndexProblem

BATCH = 2000
FIELD = "vector"
FP_CHARS = 20  # of a document fingerprint (sha256 hex) in row keys: collisions are out of reach
MAX_VARCHAR = 65535  # Milvus's longest VARCHAR (bytes): a clause text up to 8,000 characters fits
SLACK = 16  # extra results asked for, in case some belong to document versions being replaced
# Milvus's bounded staleness is 5 s: a version built more recently is searched with Strong
# consistency (it sees every row the build wrote, ~200 ms a search), older ones Bounded (~ms).
FRESH_S = 10.0


class MilvusUnavailable(IndexProblem):
    """The configured Milvus cannot be reached or opened."""


_CLIENTS: dict[str, Any] = {}


def client(uri: str, token: str = "") -> Any:  # pymilvus has no stubs
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
        hint = (
            " (Milvus Lite allows one process at a time: is a server or another command using it?)"
            if not uri.startswith("http")
            else ""
        )
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
        except Exception:  # closing is best effort
            pass
    _CLIENTS.clear()


def collection_name(index_dir: Path, embedder_name: str, dim: int) -> str:
    """The collection of one data directory's index for one embedder (a Milvus-safe name)."""
    h = hashlib.sha1(f"{Path(index_dir).resolve()}|{embedder_name}|{dim}".encode()).hexdigest()[:16]
    return f"pq_{h}"


def row_key(fingerprint: str, clause_id: str) -> str:
    """A clause's primary key: the clause in one version of its document (a changed document's
    clauses get new keys, so readers of the previous index version keep theirs until it goes)."""
    return f"{fingerprint[:FP_CHARS]}/{clause_id}"


@dataclass(frozen=True)
class SyncReport:
    inserted: int  # clause vectors written (documents new or changed since the previous version)
    documents: int  # how many documents those were


class MilvusDense:
    """The `DenseIndex` interface over one index version's rows of a Milvus collection: the collection
    holds every document version some index version still uses; `keys` (row order of this version)
    select this version's rows (inner product on normalised vectors)."""

    def __init__(
        self,
        milvus: Any,
        collection: str,
        dim: int,
        keys: list[str],
        doc_of: list[str],
        uri: str = "",
        built_at: float = 0.0,
    ) -> None:
        """Opens the collection for searching; `built_at`: when the index version was built (epoch
        seconds), for the consistency level. A collection that is missing or holds fewer vectors than
        the version's clauses is `IndexCorrupt`."""
        if not milvus.has_collection(collection):
            raise IndexCorrupt(f"Milvus collection {collection} is missing: run `policyqa index --rebuild`")
        milvus.load_collection(collection)
        stored = int(milvus.query(collection, filter="", output_fields=["count(*)"])[0]["count(*)"])
        if stored < len(keys):
            raise IndexCorrupt(
                f"Milvus collection {collection} holds {stored} vectors for {len(keys)} clauses: "
                "run `policyqa index --rebuild`"
            )
        self.milvus, self.collection, self._dim, self.uri = milvus, collection, dim, uri
        self._strong_until = built_at + FRESH_S
        self._row = {k: i for i, k in enumerate(keys)}
        self._doc_of = doc_of

    @staticmethod
    def sync(
        milvus: Any,
        collection: str,
        vectors: np.ndarray,
        keys: list[str],
        fields: list[dict[str, str]],
        fps: list[str],
        stored_fps: set[str],
    ) -> SyncReport:
        """Write the rows of document versions the collection does not hold yet (`stored_fps`: the
        document versions of the index versions still on disk); upserts, so a row written twice is
        harmless. A collection no index version uses is recreated."""
        from pymilvus import DataType

        dim = vectors.shape[1] if len(vectors) else 1
        if milvus.has_collection(collection) and not stored_fps:
            milvus.drop_collection(collection)  # no index version uses it: leftovers of a removed index
        if not milvus.has_collection(collection):
            schema = milvus.create_schema(auto_id=False)
            schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=600)
            schema.add_field(FIELD, DataType.FLOAT_VECTOR, dim=dim)
            schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
            schema.add_field("fp", DataType.VARCHAR, max_length=FP_CHARS)
            schema.add_field("text", DataType.VARCHAR, max_length=MAX_VARCHAR)
            for name in ("title", "region", "date", "kind"):
                schema.add_field(name, DataType.VARCHAR, max_length=1024)
            index = milvus.prepare_index_params()
            index.add_index(FIELD, index_type="FLAT", metric_type="IP")
            # Strong: a search sees every row written before it (a just-indexed document is found)
            milvus.create_collection(
                collection, schema=schema, index_params=index, consistency_level="Strong"
            )
            stored_fps = set()
        stored = {fp[:FP_CHARS] for fp in stored_fps}
        todo = [i for i, fp in enumerate(fps) if fp[:FP_CHARS] not in stored]
        for s in range(0, len(todo), BATCH):
            rows = [
                {"key": keys[i], FIELD: vectors[i].tolist(), "fp": fps[i][:FP_CHARS], **fields[i]}
                for i in todo[s : s + BATCH]
            ]
            milvus.upsert(collection, rows)
        milvus.flush(collection)
        return SyncReport(len(todo), len({fields[i]["doc_id"] for i in todo}))

    @staticmethod
    def forget(milvus: Any, collection: str, fps: set[str]) -> None:
        """Delete the rows of document versions no index version uses any more."""
        if fps and milvus.has_collection(collection):
            listed = ",".join(json.dumps(fp[:FP_CHARS]) for fp in sorted(fps))
            milvus.delete(collection, filter=f"fp in [{listed}]")
            milvus.flush(collection)

    @property
    def dim(self) -> int:
        return self._dim

    def __len__(self) -> int:
        return len(self._row)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (row ids, scores) among this version's rows; the documents of the `allowed` rows become
        the engine's filter expression."""
        k = min(k, len(self))
        if k <= 0 or (allowed is not None and len(allowed) == 0):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        expr = ""
        if allowed is not None and len(allowed) < len(self):
            docs = sorted({self._doc_of[int(i)] for i in allowed})
            expr = f"doc_id in [{','.join(json.dumps(d, ensure_ascii=False) for d in docs)}]"
        # Rows of document versions a newer index version replaced may still be there (until the
        # replaced version's grace period ends): ask for a few more and keep this version's.
        try:
            hits = self._search(query, k + SLACK, expr)
        except Exception:  # a restarted server has released the collection: load, retry once
            try:
                self.milvus.load_collection(self.collection)
                hits = self._search(query, k + SLACK, expr)
            except Exception as e:
                raise MilvusUnavailable(
                    f"Milvus at {self.uri or 'the configured address'} did not answer a search "
                    f"({str(e)[:200]}): is the server running? Nothing is lost; ask again when it is back"
                ) from e
        ok = None if allowed is None else set(allowed.tolist())
        keys = [_primary_key(h) for h in hits]
        mine = [(self._row[k], h["distance"]) for k, h in zip(keys, hits, strict=True) if k in self._row]
        mine = [(i, d) for i, d in mine if ok is None or i in ok][:k]
        return np.array([i for i, _ in mine], dtype=np.int64), np.array(
            [d for _, d in mine], dtype=np.float32
        )

    def _search(self, query: np.ndarray, limit: int, expr: str) -> list[dict]:
        return self.milvus.search(
            self.collection,
            data=[np.asarray(query, dtype=np.float32).tolist()],
            limit=limit,
            filter=expr,
            anns_field=FIELD,
            search_params={"metric_type": "IP"},
            consistency_level="Strong" if time.time() < self._strong_until else "Bounded",
        )[0]


def _primary_key(hit: dict) -> str:
    """A search hit's primary key: Milvus Lite names it by its field ("key"), a server "id"."""
    try:
        return str(hit["key"])
    except KeyError:
        return str(hit["id"])
