"""The web login: constant-time password checks, and lock-outs after repeated failures: a user name
from one client address (so a stranger failing as `admin` does not lock the real admin out), and a
client address that fails across many names. Gradio's auth callable sees only the name and the
password; `ClientAddress` (ASGI middleware) hands it the address of the request being served."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import Any

log = logging.getLogger(__name__)


CLIENT: ContextVar[str] = ContextVar("client_address", default="")


class ClientAddress:
    """ASGI middleware: the request's client address in `CLIENT` while it is served."""

    def __init__(self, app: Any) -> None:  # any ASGI app
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        token = CLIENT.set(str((scope.get("client") or ("",))[0]))
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(token)


class Login:
    """`Login(pairs)(user, password) -> bool`, as Gradio's `auth=` expects."""

    def __init__(
        self,
        pairs: Sequence[tuple[str, str]],
        max_failures: int = 5,
        window_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        max_address_failures: int = 20,
    ) -> None:
        self._pairs = dict(pairs)
        self.max_failures, self.window_s = max_failures, window_s
        self.max_address_failures = max_address_failures
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> int:
        recent = self._failures[key]
        while recent and now - recent[0] > self.window_s:
            recent.popleft()
        return len(recent)

    def locked(self, user: str, address: str = "") -> bool:
        """This name from this address, or this address, failed too often within the window."""
        now = self._clock()
        with self._lock:
            return self._recent(f"user:{user}@{address}", now) >= self.max_failures or (
                bool(address) and self._recent(f"addr:{address}", now) >= self.max_address_failures
            )

    def __call__(self, user: str, password: str) -> bool:
        address = CLIENT.get()
        if self.locked(user, address):
            log.warning(
                "login for %r from %s refused: too many failures, locked for up to %.0f s",
                user,
                address or "?",
                self.window_s,
            )
            return False
        expected = self._pairs.get(user, "")
        ok = bool(expected) and hmac.compare_digest(expected.encode("utf-8"), password.encode("utf-8"))
        if not ok:
            with self._lock:
                now = self._clock()
                self._failures[f"user:{user}@{address}"].append(now)
                if address:
                    self._failures[f"addr:{address}"].append(now)
            log.warning("login failed for %r from %s", user, address or "?")
        return ok
