"""Problems with an index on disk, each a clear message."""

from __future__ import annotations

from corpus.errors import DataProblem


class IndexProblem(DataProblem):
    """Base: the index can't be used as it is."""


class IndexMissing(IndexProblem):
    """No index has been built in this data directory."""


class IndexMismatch(IndexProblem):
    """Built with another embedder, dictionary or format version than configured."""


class IndexCorrupt(IndexProblem):
    """A file is missing, truncated or altered (checksum mismatch)."""
