"""Errors the corpus layer knows how to name."""

from __future__ import annotations

from pathlib import Path


class UnreadableFile(Exception):
    """A file that cannot be turned into a document; names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DataProblem(Exception):
    """Base of what a command names when data it reads can't be used as it is (an index, a store)."""


class UnknownDocument(KeyError):
    """No ingested document has this id."""
