"""The index on disk: plain files, a manifest with checksums, swapped in atomically.

Layout: `<index_dir>/current` is a symlink to `v-<timestamp>/` holding `bm25/` (bm25s's own
format), `dense.faiss`, `clause_vectors.npy` (the clauses' vectors again, float16, read
memory-mapped: the answer layer's cosines, whatever the dense backend), `clauses.jsonl` and
`manifest.json`. One text is embedded per clause. A build writes a new version
directory and then replaces the symlink in one rename, so a crash mid-build leaves the old
index serving; loading verifies the version, the embedder and every file's sha256.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.locks import held
from corpus.model import Clause, Document
from corpus.settings import Settings
from indexer.cache import EmbeddingCache
from indexer.dense import DenseIndex, IndexKind
from indexer.embed import Embedder
from indexer.errors import IndexCorrupt, IndexMismatch, IndexMissing, IndexProblem
from indexer.tokenize import Tokenizer, corpus_terms, dictionary_hash
from indexer.units import DocInfo, bm25_units, contexts, fingerprint, milvus_fields, passage_text
from indexer.versions import (
    current_version,
    milvus_fingerprints,
    read_manifest,
    swap_current,
)

log = logging.getLogger(__name__)
# 3: items read with their article's opening; 4: one vector per clause, no sentence vectors;
# 5: words cut by the dictionaries only (no HMM guesses); 6: bracketed alternatives spelled out (村（居）民委员会)
FORMAT_VERSION = 6


@dataclass(frozen=True)
class BuildReport:
    clauses: int
    embedded: int
    cached: int
    seconds: float
    embed_seconds: float
    path: Path


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    clauses: list[Clause]
    docs: dict[str, DocInfo]
    bm25: Any  # bm25s.BM25
    bm25_clause_of: np.ndarray  # sentence row → clause index
    dense: Any  # DenseIndex (FAISS) or MilvusDense: search(query, k, allowed), dim, len
    vectors: np.ndarray  # clause i's unit vector is row i (float16, memory-mapped)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _bm25s():
    """bm25s, with the DEBUG level it sets on its logger at import lowered to the application's."""
    import bm25s

    logging.getLogger("bm25s").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.INFO))
    return bm25s


def build_index(
    docs: Sequence[Document],
    settings: Settings,
    embedder: Embedder,
    show_progress: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    embed: bool = True,
) -> BuildReport:
    """Build a new index version from documents and swap it in; `on_progress(done, total)` follows
    the embedding of clauses not in the cache. With `embed=False` the version is built in seconds:
    BM25 over every clause, cached vectors where there are some, a zero vector (never returned by
    dense search) for the rest, counted as `pending` in the manifest until a full build replaces it.
    One build at a time per index (a server's and the CLI's): a second waits for the first."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with held(settings.index_dir / ".build.lock", "the index"):
        return _build(docs, settings, embedder, show_progress, on_progress, embed)


def _build(
    docs: Sequence[Document],
    settings: Settings,
    embedder: Embedder,
    show_progress: bool,
    on_progress: Callable[[int, int], None] | None,
    embed: bool,
) -> BuildReport:
    t0 = time.perf_counter()
    clauses = [c for d in docs for c in d.clauses]
    root = settings.index_dir
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{os.urandom(3).hex()}-{os.getpid()}"  # unique; the pid last
    tmp = root / f".building-{stamp}"
    tmp.mkdir()
    try:
        tokenizer = Tokenizer(corpus_terms(c.text for c in clauses))
        context = contexts(docs)
        units = [(ci, u) for ci, c in enumerate(clauses) for u in bm25_units(c, context.get(c.id, ""))]
        corpus_tokens = [tokenizer.tokens(u) or ["∅"] for _, u in units]
        bm25s = _bm25s()
        bm25 = bm25s.BM25()
        bm25.index(corpus_tokens, show_progress=False)
        bm25.save(str(tmp / "bm25"), show_progress=False)
        np.save(tmp / "bm25_clause_of.npy", np.array([ci for ci, _ in units], dtype=np.int64))

        cache = EmbeddingCache(settings.cache_dir, embedder.name)
        t_embed = time.perf_counter()
        texts = [passage_text(c, context.get(c.id, "")) for c in clauses]
        pending = 0
        if embed or settings.index_backend == "milvus":  # Milvus rows are written once per clause version
            vectors, embedded = _embed(texts, cache, embedder, show_progress, on_progress)
            cache.save()
        else:  # BM25 now; clauses not in the cache get a zero vector until the full build
            vectors, pending = cache.lookup(texts, embedder.dim)
            embedded = 0
        embed_seconds = time.perf_counter() - t_embed
        if len(clauses) == 0:
            vectors = np.zeros((0, embedder.dim), dtype=np.float32)
        np.save(tmp / "clause_vectors.npy", vectors.astype(np.float16))
        final = root / f"v-{stamp}"
        fingerprints = {d.id: fingerprint(d) for d in docs}
        info = {d.id: DocInfo(d.id, d.title, d.region, d.origin, d.date, d.places, d.kind) for d in docs}
        if settings.index_backend == "milvus":
            from indexer.milvus import MilvusDense, client, collection_name, row_key

            dim = int(vectors.shape[1]) if len(clauses) else embedder.dim
            collection = collection_name(root, embedder.name, dim)
            fps = [fingerprints[c.doc_id] for c in clauses]
            sync = MilvusDense.sync(
                client(settings.milvus_target, settings.milvus_token),
                collection,
                vectors,
                [row_key(fp, c.id) for fp, c in zip(fps, clauses, strict=True)],
                [milvus_fields(c, info[c.doc_id]) for c in clauses],
                fps,
                milvus_fingerprints(root, collection),
            )
            dense_info = {
                "backend": "milvus",
                "uri": settings.milvus_target,
                "collection": collection,
                "written": {"clauses": sync.inserted, "documents": sync.documents},
            }
        else:
            DenseIndex.build(vectors, IndexKind.parse(settings.faiss_index)).save(tmp / "dense.faiss")
            dense_info = {"backend": "faiss", "kind": settings.faiss_index}

        with (tmp / "clauses.jsonl").open("w", encoding="utf-8") as f:
            for c in clauses:
                f.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
        with (tmp / "documents.jsonl").open("w", encoding="utf-8") as f:
            for d in info.values():
                f.write(json.dumps(asdict(d), ensure_ascii=False) + "\n")
        files = {str(p.relative_to(tmp)): _sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        manifest = {
            "format_version": FORMAT_VERSION,
            "embedder": {
                "name": embedder.name,
                "dim": int(vectors.shape[1]) if len(clauses) else embedder.dim,
            },
            "faiss_index": settings.faiss_index,
            "dense": dense_info,
            "dictionary_hash": tokenizer.dictionary_hash,
            "extra_terms": tokenizer.extra_terms,
            "documents": fingerprints,
            "clause_count": len(clauses),
            "files": files,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "build_seconds": round(time.perf_counter() - t0, 2),
            "embedded": embedded,
            "pending": pending,
        }
        (tmp / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_current(root, final)
    cached = len(set(texts)) - embedded - pending  # clause texts found in the cache
    return BuildReport(len(clauses), embedded, cached, time.perf_counter() - t0, embed_seconds, final)


def _embed(
    texts: Sequence[str],
    cache: EmbeddingCache,
    embedder: Embedder,
    show_progress: bool,
    on_progress: Callable[[int, int], None] | None,
) -> tuple[np.ndarray, int]:
    """Vectors for `texts`, embedding those not in the cache; (vectors, how many were embedded)."""
    todo, done = cache.missing(texts), [0]
    bar = None
    if show_progress:
        from tqdm import tqdm

        bar = tqdm(total=todo, desc="embedding clauses", unit="clause", file=sys.stderr, leave=False)

    def step(n: int) -> None:
        done[0] += n
        if bar:
            bar.update(n)
        if on_progress:
            on_progress(done[0], todo)

    try:
        return cache.embed(texts, embedder.embed_passages, progress=step)
    finally:
        if bar:
            bar.close()


REQUIRED_FILES = (
    "clauses.jsonl",
    "documents.jsonl",
    "bm25_clause_of.npy",
    "clause_vectors.npy",
)  # + dense.faiss for the FAISS backend
BEHIND = "index out of date with the documents"
PENDING = "index serving BM25 while clause vectors are computed"


def load_index(settings: Settings, embedder_name: str, verify: bool = True) -> LoadedIndex:
    """Load the current index, refusing a wrong version/embedder and any file that fails its checksum.
    Everything is read from the one version folder resolved at the start."""
    path = current_version(settings)
    manifest = read_manifest(settings, path)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(
            f"index format {manifest.get('format_version')} != {FORMAT_VERSION}: run `policyqa index --rebuild`"
        )
    built_with = manifest.get("embedder", {}).get("name")
    if built_with != embedder_name:
        raise IndexMismatch(
            f"index was built with embedder {built_with!r} but {embedder_name!r} is configured: run `policyqa index --rebuild`"
        )
    listed = manifest.get("files", {})
    backend = manifest.get("dense", {}).get("backend", "faiss")
    missing = [
        f for f in (*REQUIRED_FILES, *(("dense.faiss",) if backend == "faiss" else ())) if f not in listed
    ]
    if missing:
        raise IndexCorrupt(
            f"index manifest in {path} does not list {', '.join(missing)}: run `policyqa index --rebuild`"
        )
    if verify:
        for rel, digest in listed.items():
            f = path / rel
            if not f.is_file():
                raise IndexCorrupt(f"index file missing: {f}")
            if _sha256(f) != digest:
                raise IndexCorrupt(
                    f"index file damaged (checksum mismatch, truncated?): {f}: run `policyqa index --rebuild`"
                )
    try:
        return _read_version(path, manifest)
    except IndexProblem:
        raise
    except Exception as e:  # a file that passed (or skipped) its checksum and still cannot be read
        raise IndexCorrupt(
            f"index at {path} cannot be read ({type(e).__name__}: {e}): run `policyqa index --rebuild`"
        ) from e


def _read_version(path: Path, manifest: dict) -> LoadedIndex:
    bm25s = _bm25s()
    clauses = []
    with (path / "clauses.jsonl").open(encoding="utf-8") as f:
        for ln in f:
            raw = json.loads(ln)
            raw["heading_path"] = tuple(raw["heading_path"])
            clauses.append(Clause(**raw))
    docs = {}
    with (path / "documents.jsonl").open(encoding="utf-8") as f:
        for ln in f:
            raw = json.loads(ln)
            raw["places"] = tuple(raw["places"])
            docs[raw["id"]] = DocInfo(**raw)
    bm25 = bm25s.BM25.load(str(path / "bm25"), show_progress=False, mmap=True)  # postings read as used
    clause_of = np.load(path / "bm25_clause_of.npy", allow_pickle=False)
    info = manifest.get("dense", {"backend": "faiss"})
    if info.get("backend") == "milvus":
        from indexer.milvus import MilvusDense, client, row_key

        fps = manifest.get("documents", {})
        keys = [row_key(fps.get(c.doc_id, ""), c.id) for c in clauses]
        dense: DenseIndex | MilvusDense = MilvusDense(
            client(info["uri"]),
            info["collection"],
            manifest["embedder"]["dim"],
            keys,
            [c.doc_id for c in clauses],
            info["uri"],
            _epoch(manifest.get("built_at", "")),
        )
    else:
        dense = DenseIndex.load(path / "dense.faiss")
    if len(dense) != len(clauses) or dense.dim != manifest["embedder"]["dim"]:
        raise IndexCorrupt(
            f"index at {path} is inconsistent: {len(dense)} vectors for {len(clauses)} clauses"
        )
    vectors = np.load(path / "clause_vectors.npy", mmap_mode="r", allow_pickle=False)
    if len(vectors) != len(clauses):
        raise IndexCorrupt(
            f"index at {path} is inconsistent: {len(vectors)} clause vectors for {len(clauses)} clauses"
        )
    return LoadedIndex(path, manifest, clauses, docs, bm25, clause_of, dense, vectors)


def _epoch(stamp: str) -> float:
    """A manifest's `built_at` (local time, to the second) as epoch seconds; 0 when absent."""
    try:
        return time.mktime(time.strptime(stamp, "%Y-%m-%dT%H:%M:%S"))
    except ValueError:
        return 0.0


def is_current(settings: Settings, docs: Sequence[Document], embedder_name: str) -> bool:
    """True when the index exists, uses this embedder and covers exactly these document versions."""
    return index_problem(settings, docs, embedder_name) == ""


def index_problem(settings: Settings, docs: Sequence[Document], embedder_name: str) -> str:
    """Why the index cannot serve these documents as it is ("" when it can): none built yet, out of
    date, or damaged (a missing `current` link beside built versions, an unreadable manifest)."""
    root = settings.index_dir
    try:
        m = read_manifest(settings)
    except IndexMissing:
        if any(root.glob("v-*")):
            return f"index damaged: the `current` link in {root} is missing"
        return "no index yet"
    except IndexCorrupt as e:
        return f"index damaged: {e}"
    if m.get("format_version") != FORMAT_VERSION:
        return f"index in an older format ({m.get('format_version')}; this version writes {FORMAT_VERSION})"
    if m.get("embedder", {}).get("name") != embedder_name:
        return "index built with another embedder"
    if m.get("dictionary_hash") != dictionary_hash(m.get("extra_terms", [])):
        # the clauses' words were cut with another dictionary than the questions' will be
        return "index built with another word dictionary"
    dense = m.get("dense", {"backend": "faiss"})
    if dense.get("backend", "faiss") != settings.index_backend or (
        settings.index_backend == "milvus" and dense.get("uri") != settings.milvus_target
    ):
        return f"index built for another backend ({dense.get('backend', 'faiss')})"
    if m.get("documents") != {d.id: fingerprint(d) for d in docs}:
        return BEHIND
    if m.get("pending"):
        return PENDING
    return ""
