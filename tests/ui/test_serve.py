"""`policyqa serve` refuses unsafe or impossible setups with a message, and the login slows guessing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from tests.conftest import ROOT
from ui.login import Login


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", "serve", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})})


def test_serving_to_the_network_without_a_login_is_refused():
    r = serve("--host", "0.0.0.0", "--port", "1")
    assert r.returncode == 2 and "refusing" in r.stderr and "--no-auth" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_missing_auth_file_and_a_busy_port_are_messages_not_tracebacks(tmp_path):
    r = serve("--auth-file", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "not found" in r.stderr and "Traceback" not in r.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        r = serve("--port", str(busy))
    assert r.returncode == 2 and "cannot listen" in r.stderr and "Traceback" not in r.stderr


def test_bad_credentials_in_the_environment_are_refused_without_echoing_them():
    r = serve("--host", "0.0.0.0", env={"POLICYQA_AUTH": "alice-secret-no-colon"})
    assert r.returncode == 2 and "alice-secret-no-colon" not in r.stderr


def test_login_locks_a_user_out_after_repeated_failures():
    now = [0.0]
    login = Login([("alice", "s3cret")], max_failures=3, window_s=60, clock=lambda: now[0])
    assert login("alice", "s3cret")
    for _ in range(3):
        assert not login("alice", "guess")
    assert not login("alice", "s3cret")  # locked, even with the right password
    assert login("bob", "s3cret") is False
    now[0] = 61.0
    assert login("alice", "s3cret")
