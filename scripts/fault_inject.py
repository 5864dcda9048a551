"""Fault injection against the real CLI (a script, not a test): concurrent writers, kill -9 at random
points, a full disk. Prints what it tried and whether the data held.

    .venv/bin/python scripts/fault_inject.py [--trials N] [--seed S]

Held means: every document file parses, `policyqa docs` and `policyqa ask` work afterwards, no
document is lost to a concurrent writer, no temp file is left once the next command has run, and a
full disk fails the files it hits by name while the others are stored.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = "测试{}社区工作办法\n一、人员配备\n（一）每个社区配备专职工作者不少于{}名。\n（二）社区服务用房面积不低于{}平方米。\n"


def cli(home: Path, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "POLICYQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def run(home: Path, *args: str, **kw) -> tuple[int, str, str]:
    p = cli(home, *args, **kw)
    out, err = p.communicate(timeout=900)
    return p.returncode, out, err


def files(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for j in range(n):
        (folder / f"公告{j:03}.txt").write_text(TEXT.format(tag, j + 1, 100 + j), encoding="utf-8")
    return folder


def documents_sound(home: Path) -> tuple[bool, int]:
    """Whether every stored document parses, and how many of the script's own there are (the
    bundled corpus, ingested on first use, is not counted)."""
    ok, n = True, 0
    for f in (home / "documents").glob("*.json"):
        try:
            n += json.loads(f.read_text(encoding="utf-8"))["title"].startswith("测试")
        except (ValueError, KeyError):
            ok = False
    return ok, n


def temp_files(home: Path) -> list[Path]:
    return [
        p
        for p in home.rglob("*")
        if p.name.endswith((".tmp", ".tmp.npy", ".tmp.json")) or ".building-" in p.name
    ]


def concurrent_ingests(work: Path, trials: int) -> list[tuple[str, bool, str]]:
    out = []
    for t in range(trials):
        home = work / f"concurrent-{t}"
        folders = [files(work / f"c{t}-{i}", 40, "甲乙丙丁"[i]) for i in range(4)]
        procs = [cli(home, "ingest", str(f)) for f in folders]
        codes = [p.wait(timeout=900) for p in procs]
        sound, n = documents_sound(home)
        out.append(
            (
                f"4 ingests at once, 40 same-named files each (trial {t + 1})",
                sound and n == 160 and codes == [0] * 4,
                f"{n} of 160 documents kept, exit codes {codes}",
            )
        )
    return out


def killed(work: Path, trials: int, rng: random.Random, command: str) -> list[tuple[str, bool, str]]:
    out = []
    for t in range(trials):
        home = work / f"kill-{command}-{t}"
        if command == "index":
            run(home, "docs")  # the bundled corpus ingested
        folder = files(work / f"k{command}{t}", 2000 if command == "ingest" else 200, "戊")
        p = cli(
            home,
            *(["ingest", str(folder)] if command == "ingest" else ["index", "--rebuild"]),
            start_new_session=True,
        )
        delay = rng.uniform(1.0, 4.0) if command == "ingest" else rng.uniform(2.0, 20.0)
        time.sleep(delay)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        sound, n = documents_sound(home)
        code_docs, _, err_docs = run(home, "docs")
        code_ask, answer, err_ask = run(home, "ask", "每个社区至少配几名专职工作者？")
        left = temp_files(home)
        held = sound and code_docs == 0 and code_ask == 0 and not left
        detail = (
            f"killed after {delay:.1f} s; {n} documents stored, all parse: {sound}; docs exit {code_docs}, "
            f"ask exit {code_ask}; temp files left after the next commands: {len(left)}"
        )
        if not held:
            detail += f"; {(err_docs + err_ask)[-300:]}"
        out.append((f"kill -9 during `policyqa {command}` (trial {t + 1})", held, detail))
    return out


def full_disk(work: Path) -> list[tuple[str, bool, str]]:
    mnt = work / "small-disk"
    mnt.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        return [("full disk on a 1 MB tmpfs", False, "could not mount a tmpfs here (not root?): not tried")]
    try:
        home = mnt / "home"
        folder = files(work / "big", 300, "己")
        code, out, err = run(home, "ingest", str(folder))
        lines = out.splitlines()
        ok_n = sum(ln.startswith("ok") for ln in lines)
        failed = [ln for ln in lines if ln.startswith("FAIL")]
        sound, n = documents_sound(home)
        named = all("could not be stored" in ln for ln in failed)
        left = temp_files(home)
        held = (
            sound
            and n == ok_n
            and ok_n + len(failed) == 300
            and named
            and "Traceback" not in err
            and not left
        )
        return [
            (
                "ingest 300 files onto a 1 MB tmpfs",
                held,
                f"{ok_n} stored, {len(failed)} failed by name ({failed[0][:90] if failed else '-'}); "
                f"all documents parse: {sound}; temp files left: {len(left)}; exit {code}",
            )
        ]
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="pq-faults-"))
    try:
        rows = concurrent_ingests(work, args.trials)
        rows += killed(work, args.trials, rng, "ingest")
        rows += killed(work, args.trials, rng, "index")
        rows += full_disk(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| tried | held | what happened |\n|---|---|---|")
    for what, held, detail in rows:
        print(f"| {what} | {'yes' if held else 'NO'} | {detail} |")
    print(f"\n{sum(h for _, h, _ in rows)} of {len(rows)} held")
    return 0 if all(h for _, h, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
