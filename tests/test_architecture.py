"""The import graph is the architecture: no circle between files or packages, and packages import downwards only.

The graph is read from the code's own imports (``ast``: module level and inside functions,
absolute and relative), never by importing it. A module imports what it names: ``from .
import x`` imports ``x``; an import of a submodule does not count as one of its parent
package's ``__init__`` (Python runs it, but that is not a dependency the code chose).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent

#: The layers of ``registry``, lowest first. A module may import modules of its own layer or of a lower one.
#: Each entry is a module or a package (with everything in it); ``registry`` alone is the package's
#: ``__init__`` (the names a notebook needs), which sits on top.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            "registry.errors",
            "registry.dates",
            "registry.vocab",
            "registry.collector",
            "registry.cells",
            "registry.thresholds",
            "registry.findings",
            "registry.rules",
            "registry.auth",
            "registry.message",
        ),
    ),
    (
        "store",
        (
            "registry.store.tables",
            "registry.store.schema",
            "registry.store.migrations",
            "registry.store.privacy",
            "registry.store.person",
            "registry.store.db",
            "registry.store.validate",
            "registry.store.writes",
            "registry.store.erasure",
            "registry.store.queries",
        ),
    ),
    ("i18n", ("registry.i18n",)),
    ("view", ("registry.view",)),
    ("network", ("registry.network.graph", "registry.network.gexf", "registry.network.mapview", "registry.network.mapdraw")),
    ("settings", ("registry.settings", "registry.freshness")),
    ("io", ("registry.io.ingest", "registry.io.export", "registry.io.seed", "registry.io.demo", "registry.io.synth")),
    ("analysis", ("registry.analysis",)),
    (
        "edit",
        (
            "registry.edit.editing",
            "registry.edit.forms",
            "registry.edit.pickers",
            "registry.edit.browse",
            "registry.edit.audit",
            "registry.profile",
        ),
    ),
    ("checks", ("registry.checks", "registry.backup")),
    ("review", ("registry.review",)),
    ("render", ("registry.render",)),
    (
        "documents",
        ("registry.documents", "registry.annual", "registry.calendar.windows", "registry.calendar.items", "registry.calendar.formats"),
    ),
    ("cli", ("registry.cli.commands", "registry.cli.clikit", "registry.cli.documents", "registry.__main__")),
    ("notebook API", ("registry",)),
    ("docs", ("registry.docs", "registry.docs_tables")),
)

#: Third-party or app code the library never imports.
NEVER_IN_REGISTRY = ("streamlit", "app_pages", "app")

#: Known exceptions to NEVER_IN_REGISTRY, each with its reason; the list may only shrink. None is left:
#: the benchmark, which drives the app, is bench/ beside tests/.
ALLOWED_OUTSIDE: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted((ROOT / "registry").rglob("*.py"))}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """Return ``(imported name, line)`` for every import in a file; registry names resolved to their module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def module_of(dotted: str) -> str:
        # The longest prefix that is a module: 'registry.store.writes.insert' -> 'registry.store.writes'.
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            if ".".join(parts[:i]) in modules:
                return ".".join(parts[:i])
        return dotted

    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(module_of(a.name), node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                # 'from . import x' names module x when there is one, else an attribute of the package.
                out.append((module_of(f"{base}.{alias.name}"), node.lineno))
    return out


@lru_cache(maxsize=1)  # read once for all the tests of this file
def _graph() -> tuple[nx.DiGraph, dict[str, Path]]:
    modules = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, path in modules.items():
        for target, line in _imports(name, path, modules):
            if target != name:
                g.add_edge(name, target, line=line)
    return g, modules


def _layer(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (length of the matching entry, layer)
    for i, (_, entries) in enumerate(LAYERS):
        for entry in entries:
            hit = module == entry or (entry != "registry" and module.startswith(entry + "."))
            if hit and (best is None or len(entry) > best[0]):
                best = (len(entry), i)
    return None if best is None else best[1]


def _package(module: str) -> str:
    # A module of a package belongs to it (registry.analysis.context: registry.analysis); a flat module
    # is its own package; registry alone is the notebook API.
    return ".".join(module.split(".")[:2])


def test_every_module_has_a_layer_and_every_layer_entry_a_module():
    g, modules = _graph()
    registry_out = {m for m in modules if any(t in modules for t in g.successors(m))}
    unplaced = [m for m in modules if _layer(m) is None and (modules[m].name != "__init__.py" or m in registry_out)]
    assert not unplaced, f"modules in no layer of LAYERS (add them where they belong): {unplaced}"
    stale = [e for _, entries in LAYERS for e in entries if not any(m == e or m.startswith(e + ".") for m in modules)]
    assert not stale, f"LAYERS names modules that do not exist: {stale}"


def test_no_import_runs_from_a_lower_layer_to_a_higher_one():
    g, modules = _graph()
    wrong = []
    for a, b, data in g.edges(data=True):
        if b not in modules:
            continue
        la, lb = _layer(a), _layer(b)
        if la is not None and lb is not None and la < lb:
            wrong.append(f"{modules[a].relative_to(ROOT)}:{data['line']} {a} (layer {LAYERS[la][0]}) imports {b} (layer {LAYERS[lb][0]})")
    assert not wrong, "a lower layer imports a higher one:\n" + "\n".join(sorted(wrong))


def test_no_circle_between_files():
    g, modules = _graph()
    inner = g.subgraph(modules)
    circles = [sorted(c) for c in nx.strongly_connected_components(inner) if len(c) > 1]
    described = []
    for c in circles:
        cycle = nx.find_cycle(inner.subgraph(c))
        described.append(" -> ".join(f"{a}:{inner.edges[a, b]['line']}" for a, b in cycle) + f" -> {cycle[0][0]}")
    assert not circles, "files that import each other in a circle:\n" + "\n".join(described)


def test_no_circle_between_packages():
    g, modules = _graph()
    packages = nx.DiGraph()
    why: dict[tuple[str, str], str] = {}
    for a, b in g.edges():
        pa, pb = _package(a), _package(b)
        if b in modules and pa != pb and "registry" not in (pa, pb):
            packages.add_edge(pa, pb)
            why.setdefault((pa, pb), f"{a} -> {b}")
    described = []
    for c in nx.strongly_connected_components(packages):
        if len(c) > 1:
            cycle = nx.find_cycle(packages.subgraph(c))
            described.append("; ".join(why[e] for e in cycle))
    assert not described, "packages that import each other in a circle:\n" + "\n".join(described)


def test_the_library_never_imports_the_app_nor_streamlit():
    _g, modules = _graph()
    wrong = []
    for name, path in modules.items():
        for target, line in _imports(name, path, modules):
            top = target.split(".")[0]
            if top in NEVER_IN_REGISTRY and (_package(name), top) not in ALLOWED_OUTSIDE:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "the library imports the app or Streamlit:\n" + "\n".join(wrong)


def test_the_reader_sees_a_local_import_and_a_relative_one(tmp_path):
    # The reader itself, on a file written for it: a function-local 'from ..x import y' and
    # 'from . import a, b' split per module, so a circle hidden in a function is not missed.
    fake = {
        "registry.review.strategy": None,
        "registry.analysis": None,
        "registry.analysis.context": None,
        "registry.review": None,
        "registry.dates": None,
    }
    src = tmp_path / "strategy.py"
    src.write_text("from .. import dates, analysis\n\ndef f():\n    from ..analysis.context import prepare\n")
    got = _imports("registry.review.strategy", src, fake)  # type: ignore[arg-type]
    assert got == [("registry.dates", 1), ("registry.analysis", 1), ("registry.analysis.context", 4)]
