"""Data flows one way: corpus → indexer → assistant → ui; eval may import anything, nothing imports eval."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

ORDER = ["corpus", "indexer", "assistant", "ui"]


def imports_of(package: str) -> set[tuple[str, str]]:
    out = set()
    for f in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                out.add((f.name, node.module.split(".")[0]))
            elif isinstance(node, ast.Import):
                out.update((f.name, a.name.split(".")[0]) for a in node.names)
    return out


@pytest.mark.parametrize("package", ORDER)
def test_lower_layers_never_import_upper_ones(package: str):
    upper = set(ORDER[ORDER.index(package) + 1 :]) | {"eval"}
    bad = {(f, m) for f, m in imports_of(package) if m in upper}
    if package == "ui":  # the CLI's `eval` command is the one door into eval
        bad = {(f, m) for f, m in bad if f != "cli_eval.py"}
    assert bad == set()


def test_the_screen_reaches_the_index_layer_only_through_the_index_and_search_commands():
    """The UI formats: answering goes through the assistant; only `policyqa index|search` open the
    index layer themselves."""
    assert {f for f, m in imports_of("ui") if m == "indexer"} == {"cli_search.py"}


def test_no_product_file_is_over_400_lines():
    sizes = {
        str(f.relative_to(ROOT)): len(f.read_text(encoding="utf-8").splitlines())
        for package in ORDER + ["eval"]
        for f in (ROOT / package).glob("*.py")
    }
    assert {f: n for f, n in sizes.items() if n > 400} == {}
