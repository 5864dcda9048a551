"""`policyqa serve`: the web app."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from corpus.settings import Settings

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class ServeError(ValueError):
    """A serve option that cannot work; the CLI prints it as an error line."""


def credentials(args: argparse.Namespace) -> list[tuple[str, str]]:
    """user:pass pairs from --auth-file (one per line, # comments) or POLICYQA_AUTH (comma-separated);
    never from the command line, where any user of the machine could read them in `ps`."""
    lines: list[str] = []
    if args.auth_file:
        path = Path(args.auth_file)
        if not path.is_file():
            raise ServeError(f"auth file {path} not found (one user:password per line)")
        lines += path.read_text(encoding="utf-8").splitlines()
    lines += os.environ.get("POLICYQA_AUTH", "").split(",")
    out = []
    for ln in (x.strip() for x in lines):
        if not ln or ln.startswith("#"):
            continue
        user, sep, pw = ln.partition(":")
        if not sep or not user or not pw:
            raise ServeError("credentials must be user:password lines (the password is not shown here)")
        out.append((user, pw))
    return out


def check_port(host: str, port: int) -> None:
    """Fail with a message, not a traceback, when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError as e:
            raise ServeError(
                f"cannot listen on {host}:{port} ({e.strerror}); is another server running? "
                "choose another port with --port"
            ) from None


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    pairs = credentials(args)
    if args.host not in LOCAL_HOSTS and not pairs and not args.no_auth:
        raise ServeError(
            f"refusing to serve on {args.host} without a login: anyone on the network could upload "
            "files and rebuild the index. Give --auth-file FILE (or POLICYQA_AUTH=user:pass), or "
            "--no-auth if the network is trusted"
        )
    check_port(args.host, args.port)
    if args.host not in LOCAL_HOSTS and not pairs:
        print("policyqa: WARNING serving without a login (--no-auth)", file=sys.stderr)
    from ui.login import Login
    from ui.web import launch

    print(f"policyqa: serving http://{args.host}:{args.port}", file=sys.stderr)
    launch(settings, args.host, args.port, Login(pairs) if pairs else None)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="the web app")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    s.add_argument(
        "--auth-file", help="file of user:password lines (or set POLICYQA_AUTH=user:pass[,user:pass])"
    )
    s.add_argument(
        "--no-auth", action="store_true", help="serve beyond this machine without a login (trusted networks)"
    )
    s.set_defaults(func=cmd_serve)
