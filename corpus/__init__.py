"""Corpus: any policy file in, clean clauses with heading paths out."""

from corpus.alternatives import with_alternatives
from corpus.errors import UnknownDocument, UnreadableFile
from corpus.model import Clause, Document
from corpus.settings import Settings, load_settings
from corpus.store import DocumentStore, IngestResult

__all__ = [
    "Clause",
    "Document",
    "DocumentStore",
    "IngestResult",
    "Settings",
    "UnknownDocument",
    "UnreadableFile",
    "load_settings",
    "with_alternatives",
]
