"""`policyqa serve` refuses unsafe or impossible setups with a message, and the login slows guessing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from tests.conftest import ROOT, free_port, serve_process
from ui.login import CLIENT, Login


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", "serve", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


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


def test_a_stranger_failing_as_a_user_locks_that_user_out_from_the_strangers_address_only():
    now = [0.0]
    login = Login(
        [("admin", "s3cret"), ("bob", "pw")],
        max_failures=3,
        window_s=60,
        clock=lambda: now[0],
        max_address_failures=10,
    )

    def from_(address: str, user: str, password: str) -> bool:
        token = CLIENT.set(address)
        try:
            return login(user, password)
        finally:
            CLIENT.reset(token)

    for _ in range(3):
        assert not from_("10.0.0.9", "admin", "guess")
    assert not from_("10.0.0.9", "admin", "s3cret")  # locked for admin, from there
    assert from_("10.0.0.1", "admin", "s3cret")  # the real admin, elsewhere, is not
    for i in range(7):  # spraying names: the address itself is locked after ten failures
        assert not from_("10.0.0.9", f"user{i}", "x")
    assert not from_("10.0.0.9", "bob", "pw")
    assert from_("10.0.0.2", "bob", "pw")


def test_the_server_hands_the_login_the_client_address(seed_settings, seed_retriever, tmp_path):
    import shutil
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    home = tmp_path / "home"
    shutil.copytree(seed_settings.data_dir, home, symlinks=True)
    port = free_port()
    proc = serve_process(home, port, POLICYQA_AUTH="alice:s3cret,bob:pw")

    def login(user: str, password: str) -> int:
        data = urllib.parse.urlencode({"username": user, "password": password}).encode()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", data=data, timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except urllib.error.HTTPError:
                break  # answering (a login page or an error): up
            except OSError:
                assert proc.poll() is None
                time.sleep(0.5)
        assert [login("alice", "guess") for _ in range(5)] == [400] * 5
        assert login("alice", "s3cret") == 400 and login("bob", "pw") == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert "login failed for 'alice' from 127.0.0.1" in out
