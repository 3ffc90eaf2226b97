"""The tree shows the architecture: no module past ~400 lines, and every module says what it is for.

A file that grows past the limit is split along its jobs (``registry/analysis/``,
``registry/review/``, ``registry/view/`` …), not left to grow: the limit is the house
rule (~400 lines) with a little slack, so a test fails where a reader would get lost.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 420
SOURCES = sorted([ROOT / "app.py", *(ROOT / "registry").rglob("*.py"), *(ROOT / "app_pages").glob("*.py")])


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_no_module_is_past_the_limit():
    long = {_name(p): n for p in SOURCES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these along their jobs: {long}"


def test_every_module_has_a_docstring():
    silent = [_name(p) for p in SOURCES if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not silent, f"these modules say nothing of their job: {silent}"


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
