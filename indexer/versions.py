"""Index versions in the data folder: `<index_dir>/current` links to the version that serves; a build
swaps it in one rename; a replaced version stays `GRACE_S` for readers that resolved it, then goes
with the Milvus rows no other version uses; leftovers of dead builds are removed."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

from corpus.settings import Settings
from indexer.cache import pid_alive
from indexer.errors import IndexCorrupt, IndexMissing

log = logging.getLogger(__name__)
GRACE_S = 300.0  # a replaced version stays this long, so a reader that resolved it can finish loading


def swap_current(root: Path, target: Path) -> None:
    """Point `current` at `target` in one atomic rename. Replaced versions are marked and removed only
    after GRACE_S, so a reader never loses the files it is reading; leftovers of dead builds go."""
    link_tmp = root / f".current-{os.getpid()}"
    link_tmp.unlink(missing_ok=True)
    os.symlink(target.name, link_tmp)
    os.replace(link_tmp, root / "current")
    now = time.time()
    for old in root.glob("v-*"):
        if old.name == target.name:
            continue
        marker = old / ".replaced"
        if not marker.exists():
            marker.write_text(f"{now}\n", encoding="utf-8")
        elif now - marker.stat().st_mtime > GRACE_S:
            drop_milvus(old)
            shutil.rmtree(old, ignore_errors=True)
    remove_dead_builds(root)


def version_manifests(root: Path, but: Path | None = None) -> list[dict]:
    """The readable manifests of the index versions under `root` (except `but`)."""
    out = []
    for v in root.glob("v-*"):
        if but is None or v.name != but.name:
            try:
                out.append(json.loads((v / "manifest.json").read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
    return out


def milvus_fingerprints(root: Path, collection: str, but: Path | None = None) -> set[str]:
    """Document versions whose rows the index versions under `root` keep in a Milvus collection."""
    return {
        fp
        for m in version_manifests(root, but)
        if m.get("dense", {}).get("collection") == collection
        for fp in m.get("documents", {}).values()
    }


def drop_milvus(version: Path) -> None:
    """With a replaced version go the Milvus rows of document versions no other index version uses
    (the whole collection when none uses it); nothing to do for FAISS files."""
    try:
        manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    info = manifest.get("dense", {})
    if info.get("backend") != "milvus":
        return
    from indexer.milvus import MilvusDense, MilvusUnavailable, client

    root, collection = version.parent, info["collection"]
    try:
        milvus = client(info["uri"])
        if not any(
            m.get("dense", {}).get("collection") == collection for m in version_manifests(root, version)
        ):
            if milvus.has_collection(collection):
                milvus.drop_collection(collection)
            return
        kept = milvus_fingerprints(root, collection, but=version)
        MilvusDense.forget(milvus, collection, set(manifest.get("documents", {}).values()) - kept)
    except MilvusUnavailable:
        log.warning("could not remove Milvus rows of replaced index %s from %s", version, collection)


def remove_dead_builds(root: Path) -> list[Path]:
    """Remove `.building-*` folders and `.current-*` links left by builds whose process has died."""
    removed = []
    for junk in [*root.glob(".building-*"), *root.glob(".current-*")]:
        pid = junk.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            if junk.is_symlink() or junk.is_file():
                junk.unlink(missing_ok=True)
            else:
                shutil.rmtree(junk, ignore_errors=True)
            removed.append(junk)
    return removed


def current_version(settings: Settings) -> Path:
    """The version folder `current` points at, resolved once (a swap may follow at any moment)."""
    current = settings.index_dir / "current"
    if not current.exists():
        raise IndexMissing(f"no index in {settings.index_dir}: run `policyqa index`")
    return current.resolve()


def read_manifest(settings: Settings, path: Path | None = None) -> dict:
    path = path or current_version(settings)
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise IndexCorrupt(f"index manifest unreadable in {path}: {e}") from e
    if not isinstance(manifest, dict):
        raise IndexCorrupt(f"index manifest in {path} is not an object ({type(manifest).__name__})")
    return manifest
