"""The web login: constant-time password checks, and a user locked out for a while after repeated
failures (Gradio's auth callable sees names, not addresses, so the lock is per user name)."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)


class Login:
    """`Login(pairs)(user, password) -> bool`, as Gradio's `auth=` expects."""

    def __init__(self, pairs: Sequence[tuple[str, str]], max_failures: int = 5, window_s: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._pairs = dict(pairs)
        self.max_failures, self.window_s = max_failures, window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def locked(self, user: str) -> bool:
        now = self._clock()
        with self._lock:
            recent = self._failures[user]
            while recent and now - recent[0] > self.window_s:
                recent.popleft()
            return len(recent) >= self.max_failures

    def __call__(self, user: str, password: str) -> bool:
        if self.locked(user):
            log.warning("login for %r refused: too many failures, locked for up to %.0f s", user, self.window_s)
            return False
        expected = self._pairs.get(user, "")
        ok = bool(expected) and hmac.compare_digest(expected.encode("utf-8"), password.encode("utf-8"))
        if not ok:
            with self._lock:
                self._failures[user].append(self._clock())
            log.warning("login failed for %r", user)
        return ok
