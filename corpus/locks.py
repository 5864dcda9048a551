"""One writer at a time: an inter-process lock on a file (POSIX `flock`), held while a command
writes (ingest, correct, delete into the documents; a build into the index). Readers never take it.

`flock` belongs to the open file, so two threads of one process exclude each other as two
processes do; the kernel drops the lock when its holder dies (kill -9 included)."""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


@contextmanager
def held(path: Path, what: str) -> Iterator[None]:
    """Hold the lock file at `path`, waiting (and saying so once) while another writer has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("waiting for another policyqa command writing %s (%s)", what, path.parent)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
