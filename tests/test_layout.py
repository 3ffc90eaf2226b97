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
SOURCES = sorted([ROOT / "app.py", *(ROOT / "registry").rglob("*.py"), *(ROOT / "app_pages").glob("*.py"), *(ROOT / "bench").glob("*.py")])


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_no_module_is_past_the_limit():
    long = {_name(p): n for p in SOURCES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these along their jobs: {long}"


def test_every_module_has_a_docstring():
    silent = [_name(p) for p in SOURCES if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not silent, f"these modules say nothing of their job: {silent}"


def test_registry_never_imports_streamlit_nor_reaches_into_the_app():
    # The library is the same for the app, the CLI and a notebook: it imports no streamlit and
    # names neither the app's pages nor their folder (the benchmark that drives them is bench/, beside tests/).
    for path in (ROOT / "registry").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            assert not any(n.split(".")[0] in ("streamlit", "app_pages", "bench") for n in names), _name(path)
        # The docs generator lists every folder of the project, the app's among them: it reads their
        # docstrings, it runs nothing of them.
        assert "app_pages" not in text or path == ROOT / "registry" / "docs.py", _name(path)
