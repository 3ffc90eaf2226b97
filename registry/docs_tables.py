"""The declared tables read for the docs: CSV formats from the schema, rules and settings from their modules.

:func:`declared_tables` is the small interface the rules page rests on: every public name
of a module (its ``__all__``) that holds records — a tuple of named tuples or dataclasses,
a mapping of them, a tuple of plain tuples, or a set of codes — becomes a table, described by
the ``#:`` comment above its assignment (or its record class's docstring). A threshold, a
setting or a whole new declared table added to ``registry.rules`` or ``registry.settings``
appears in ``docs/rules.md`` without a change here.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
from collections.abc import Mapping
from types import ModuleType
from typing import Any, NamedTuple

__all__ = ["Declared", "cell", "csv_page", "declared_tables", "first_paragraph", "rules_page", "table"]

#: Record fields the English docs leave out (the Norwegian help texts are shown in the app).
SKIPPED_FIELDS = frozenset({"help_nb"})
#: What the fields of a plain tuple are when its comment does not say: the vocabularies' own shape.
_TERM_FIELDS = ["code", "label_nb", "label_en", "help"]
#: Columns every data table carries for versioning and the audit; documented once.
TRACKING = ("version", "updated_at", "updated_by")


class Declared(NamedTuple):
    """One declared table of a module, ready to print: its name, what it is, its header and rows."""

    name: str
    about: str
    header: list[str]
    rows: list[list[str]]


def cell(value: Any) -> str:
    """Return ``value`` as the text of one Markdown table cell (one line, ``|`` escaped)."""
    if value is None:
        return ""
    if isinstance(value, (frozenset, set)):
        value = sorted(value)
    if isinstance(value, (tuple, list)):
        if value and all(isinstance(v, (tuple, list)) for v in value):
            # Groups of alternatives (a category rule): every group needs one of its codes.
            return " and ".join("(" + " or ".join(map(str, g)) + ")" for g in value)
        return ", ".join(map(str, value))
    return " ".join(str(value).split()).replace("|", "\\|")


def table(header: list[str], rows: list[list[str]]) -> str:
    """Return a Markdown table of ``rows`` under ``header``, with a blank line after it."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def first_paragraph(doc: str) -> str:
    """Return the first paragraph of a docstring as one line of Markdown (reST roles and double backticks undone)."""
    text = " ".join(doc.strip().split("\n\n")[0].split())
    return re.sub(r":\w+:`~?", "`", text).replace("``", "`")


def _comments(module: ModuleType) -> dict[str, str]:
    # The ``#:`` comment block right above each module-level assignment; names a module re-exports
    # from a sibling (``from .findings import FINDING_KINDS``) take the sibling's comment.
    source = inspect.getsource(module)
    lines = source.splitlines()
    public = set(getattr(module, "__all__", ()))
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            block: list[str] = []
            i = node.lineno - 2
            while i >= 0 and lines[i].lstrip().startswith("#:"):
                block.insert(0, lines[i].lstrip()[2:].strip())
                i -= 1
            for t in targets:
                if isinstance(t, ast.Name):
                    found[t.id] = first_paragraph(" ".join(block))
        elif isinstance(node, ast.ImportFrom) and node.level and public & {a.name for a in node.names}:
            sibling = importlib.import_module("." * node.level + (node.module or ""), module.__package__)
            theirs = _comments(sibling)
            for a in node.names:
                found.setdefault(a.asname or a.name, theirs.get(a.name, ""))
    return found


def _is_record(value: Any) -> bool:
    return (isinstance(value, tuple) and hasattr(value, "_fields")) or (dataclasses.is_dataclass(value) and not isinstance(value, type))


def _fields(record: Any) -> list[str]:
    names = list(record._fields) if hasattr(record, "_fields") else [f.name for f in dataclasses.fields(record)]
    return [n for n in names if n not in SKIPPED_FIELDS]


def _record_about(record: Any) -> str:
    return first_paragraph(inspect.getdoc(type(record)) or "")


def _codes(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, (frozenset, tuple)) and bool(value) and all(isinstance(v, str) for v in value))


def declared_tables(module: ModuleType) -> tuple[list[Declared], list[list[str]]]:
    """Return the declared tables of ``module`` (in ``__all__`` order) and its code sets as rows (name, codes, about).

    Functions, classes and single objects (such as a default rules object) are left out.
    """
    about = _comments(module)
    tables: list[Declared] = []
    codes: list[list[str]] = []
    for name in getattr(module, "__all__", ()):
        value = getattr(module, name)
        if isinstance(value, type) or callable(value):
            continue
        text = about.get(name, "")
        if isinstance(value, Mapping) and value:
            items = list(value.items())
            if all(_is_record(v) for _, v in items):
                fields = _fields(items[0][1])
                tables.append(
                    Declared(
                        name,
                        text or _record_about(items[0][1]),
                        ["key", *fields],
                        [[k, *(getattr(v, f) for f in fields)] for k, v in items],
                    )
                )
            else:
                tables.append(Declared(name, text, ["code", "value"], [[k, v] for k, v in items]))
        elif isinstance(value, (tuple, list)) and value and all(_is_record(v) for v in value):
            fields = _fields(value[0])
            tables.append(Declared(name, text or _record_about(value[0]), fields, [[getattr(v, f) for f in fields] for v in value]))
        elif isinstance(value, (tuple, list)) and value and all(isinstance(v, tuple) for v in value):
            # Plain tuples: the comment names their fields, as in "(code, label_nb, label_en)".
            spec = re.search(r"\(([a-z_]+(?:, [a-z_]+)+)\)", text)
            header = spec.group(1).split(", ") if spec else []
            width = max(len(v) for v in value)
            header = header if len(header) == width else _TERM_FIELDS[:width] if width <= len(_TERM_FIELDS) else [""] * width
            tables.append(Declared(name, text, header, [list(v) for v in value]))
        elif _codes(value):
            codes.append([f"`{name}`", value if isinstance(value, str) else cell(value), text])
    return tables, codes


def _declared_section(module: ModuleType) -> list[str]:
    tables, codes = declared_tables(module)
    out = []
    for t in tables:
        out += [f"### `{t.name}`", ""] + ([t.about, ""] if t.about else []) + [table(t.header, t.rows)]
    if codes:
        out += [
            "### Kinds and codes",
            "",
            "Which entity and tie kinds, statuses and codes play which part.",
            "",
            table(["name", "codes", "what for"], codes),
        ]
    return out


_RULES_INTRO = """\
# Review rules, thresholds and settings

Everything a council member or an editor might ask "why?" about is declared as data, and this
page lists it as the code holds it: the registry's settings (changed with `python -m registry
settings set KEY VALUE`, audited), the thresholds, the criteria of the four sister-city categories
beside the strategy sentence each reads, which kinds play which part, and the kinds of findings
the analysis reports. [The review](review.md) tells how they are used. Labels are in Norwegian
bokmål and English; the Norwegian help texts are shown in the app.
"""


def rules_page() -> str:
    """Return ``docs/rules.md`` (without its notice line): the settings, then the rules, as declared."""
    from . import findings, rules, settings, thresholds

    out = [_RULES_INTRO, "## Settings", ""] + _declared_section(settings)
    out += ["## Thresholds", "", first_paragraph(thresholds.__doc__ or ""), ""] + _declared_section(thresholds)
    out += ["## Rules", "", first_paragraph(rules.__doc__ or ""), ""] + _declared_section(rules)
    out += ["## Findings", "", first_paragraph(findings.__doc__ or ""), ""] + _declared_section(findings)
    return "\n".join(out).rstrip() + "\n"


_CSV_INTRO = """\
# CSV formats

Files are UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; any newline style. The
header row names the columns; their order is free, unknown columns are refused. An empty cell
means "unknown". A file is recognised by its header (the columns listed under each table),
whatever its name. All files of one import apply together or not at all, parents before
children, so one import may add an activity, its participants and the ties it counts for.
Problems are listed as `file:row: column: reason` (row 1 is the header).

Partial dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A column of codes takes the codes of its
vocabulary ([below](#vocabularies)); a registry can add codes to its vocabulary tables.
"""


def _values(t: Any, c: Any) -> str:
    kind = {"INTEGER": "whole number", "REAL": "number"}.get(c.type, "text")
    parts = ["partial date" if c.date else kind]
    if (c.vocabulary or c.references) and kind == "text":
        parts = []
    if c.vocabulary:
        parts.append(("`;`-separated codes of " if c.multi else "a code of ") + f"[`{c.vocabulary}`](#{c.vocabulary})")
    if c.references:
        parts.append(f"an id of [`{c.references}`](#{c.references})")
    if c.name == t.pk and t.id_generated:
        parts.append("given by the registry when empty")
    if c.personal:
        parts.append("personal data")
    return "; ".join(parts)


def csv_page() -> str:
    """Return ``docs/csv-formats.md`` (without its notice line): each data table's columns and the vocabularies."""
    from . import vocab
    from .io.ingest import headers, wikidata
    from .store.schema import DATA_TABLES

    out = [
        _CSV_INTRO,
        "## Columns every table carries",
        "",
        (
            "Exported files carry these too. Import reads `version` as the version the copy was made from (an "
            "older copy never undoes a newer change) and ignores the others, so an export imports into an "
            "empty registry as the same rows."
        ),
        "",
        table(
            ["column", "values", "help"],
            [[f"`{c.name}`", _values(DATA_TABLES[0], c), c.help] for c in DATA_TABLES[0].columns if c.name in TRACKING],
        ),
    ]
    for t in DATA_TABLES:
        signs = [", ".join(f"`{c}`" for c in sorted(cols)) for cols, name in headers.SIGNATURES if name == t.name]
        old = [f" The old column `{o}` is still read as `{n}`." for (name, o), n in headers.ALIASES.items() if name == t.name]
        out += [f"## {t.name}", "", f"{t.help}.", "", "Recognised by a header with " + ", or ".join(signs) + "." + "".join(old), ""]
        out += [
            table(
                ["column", "required", "values", "help"],
                [[f"`{c.name}`", "yes" if c.required else "", _values(t, c), c.help] for c in t.columns if c.name not in TRACKING],
            )
        ]
    query = re.search(r"::\n\n((?:    .*\n|\n)+)", wikidata.__doc__ or "")
    out += [
        "## Wikidata twin towns",
        "",
        (
            "Run this query at the Wikidata Query Service, download the result as CSV and import it "
            "(`python -m registry import --from wikidata FILE`, or recognised by its header):"
        ),
        "",
        "```sparql",
        inspect.cleandoc(query.group(1)) if query else "",
        "```",
        "",
        "Its columns: "
        + ", ".join(f"`{c}`" for c in headers.WIKIDATA_COLUMNS)
        + ". "
        + first_paragraph((wikidata.__doc__ or "").split("::", 1)[-1].split("\n\n", 2)[-1]),
        "",
    ]
    out += ["## Vocabularies", ""]
    for name, terms in vocab.VOCABULARIES.items():
        out += [f"### {name}", "", table(["code", "Norwegian", "English", "help"], [list(t) for t in terms])]
    return "\n".join(out).rstrip() + "\n"
