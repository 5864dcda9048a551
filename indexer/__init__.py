"""Indexer: jieba BM25 + dense FAISS, hybrid fusion, persisted with a manifest."""

from indexer.errors import IndexCorrupt, IndexMismatch, IndexMissing, IndexProblem
from indexer.model import Hit, SearchResult
from indexer.search import Mode, Retriever

__all__ = [
    "Hit",
    "IndexCorrupt",
    "IndexMismatch",
    "IndexMissing",
    "IndexProblem",
    "Mode",
    "Retriever",
    "SearchResult",
]
