"""The tree shows the architecture: no module past ~400 lines, and every module says what it is for.

A file that grows past the limit is split along its jobs (``registry/analysis/``,
``registry/review/``, ``registry/view/`` …), not left to grow: the limit is the house
rule (~400 lines) with a little slack, so a test fails where a reader would get lost.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 420
SOURCES = sorted([ROOT / "app.py", *(ROOT / "registry").rglob("*.py"), *(ROOT / "app_pages").glob("*.py")])


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_no_module_is_past_the_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_name(path)} has {lines} lines: split it along its jobs"


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_every_module_has_a_docstring(path):
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{_name(path)} says nothing of its job"


def test_registry_never_imports_streamlit():
    # The library is the same for the app, the CLI and a notebook. The bench's app stage is the
    # exception that proves it: a script it runs in a child process to drive the app under AppTest.
    for path in (ROOT / "registry").rglob("*.py"):
        if path == ROOT / "registry" / "bench" / "apptest_child.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "streamlit" for n in names), _name(path)
