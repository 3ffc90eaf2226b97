"""Telling a CSV file's table from its header: the signatures, old column names and the header's problems."""

from __future__ import annotations

from collections.abc import Iterable

from ...errors import Problem
from ...message import Message
from ...store.schema import Table
from .csvfile import CsvFile

__all__ = ["WIKIDATA_COLUMNS", "SIGNATURES", "ALIASES", "detect_table", "unknown_header", "apply_aliases", "header_problems"]

#: The header of a Wikidata twin-town query export (see :mod:`registry.io.ingest.wikidata`).
WIKIDATA_COLUMNS = ("city", "cityLabel", "cityCountryCode", "twin", "twinLabel", "twinCountryCode", "start", "end")

#: Header signatures, most specific first: the columns that tell a table's file apart.
SIGNATURES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"city", "twin"}), "wikidata"),
    (frozenset({"from_id", "to_id", "kind"}), "ties"),
    (frozenset({"decided_on", "decided_by"}), "decisions"),
    (frozenset({"tie_id", "category"}), "decisions"),
    (frozenset({"year", "amount", "funder"}), "plan_lines"),
    (frozenset({"year", "amount_nok", "funder"}), "plan_lines"),
    (frozenset({"tie_id", "amount_nok"}), "plan_lines"),
    (frozenset({"indicator_id", "year", "value"}), "indicator_values"),
    (frozenset({"action_id", "entity_id"}), "action_partners"),
    (frozenset({"action_id", "tie_id"}), "action_ties"),
    (frozenset({"id", "name", "direction"}), "indicators"),
    (frozenset({"id", "title", "responsible"}), "plan_actions"),
    (frozenset({"id", "title", "period_start"}), "plan_actions"),
    (frozenset({"activity_id", "entity_id", "role"}), "activity_participants"),
    (frozenset({"activity_id", "tie_id"}), "activity_ties"),
    (frozenset({"agreement_id", "entity_id"}), "agreement_parties"),
    (frozenset({"measure", "total"}), "declared_totals"),
    (frozenset({"entity_id", "purpose", "id"}), "contacts"),
    (frozenset({"key", "value"}), "settings"),
    (frozenset({"id", "kind", "title", "signed_on"}), "agreements"),
    (frozenset({"id", "kind", "title", "signatories"}), "agreements"),
    (frozenset({"id", "kind", "title"}), "activities"),
    (frozenset({"id", "kind", "name"}), "entities"),
)

#: Old column names still read on import: (table, old name) -> new name.
ALIASES: dict[tuple[str, str], str] = {("plan_lines", "amount_nok"): "amount"}


def detect_table(header: Iterable[str]) -> str | None:
    """Return the table a CSV header belongs to ('entities', 'ties', ... or 'wikidata'), or None.

    >>> detect_table(["id", "kind", "title", "start", "source"])
    'activities'
    >>> detect_table(["tie_id", "year", "amount_nok", "funder", "purpose"])
    'plan_lines'
    """
    cols = set(header)
    for needed, table in SIGNATURES:
        if needed <= cols:
            return table
    return None


_SEPARATORS = (";", "\t", "|")  # named by the messages problem.sep.<separator>


def unknown_header(header: list[str]) -> Message:
    """Return why no table has ``header`` as a message, naming the separator when the file is not comma-separated."""
    line = ",".join(header)
    for sep in _SEPARATORS:
        table = detect_table(h.strip() for h in line.split(sep)) if sep in line else None
        if table is not None:
            # Excel saves "CSV" with semicolons where the decimal separator is a comma (Norway).
            return Message("problem.separator", {"sep": Message(f"problem.sep.{sep}"), "table": table})
    return Message("problem.unknown_table", {"needs": ", ".join(f"{','.join(sorted(cols))} ({table})" for cols, table in SIGNATURES)})


def apply_aliases(f: CsvFile, table: str) -> None:
    """Rename old column names of ``f`` to the table's current ones, in place (e.g. amount_nok -> amount)."""
    for i, h in enumerate(f.header):
        new = ALIASES.get((table, h))
        if new is None or new in f.header:
            continue
        f.header[i] = new
        for row in f.rows:
            if h in row:
                row[new] = row.pop(h)


def header_problems(f: CsvFile, t: Table) -> list[Problem]:
    """Return the problems of ``f``'s header as a file of ``t``: repeated, unknown and missing required columns."""
    problems = []
    seen = set()
    for h in f.header:
        if h in seen:
            problems.append(Problem.of(f.name, 1, h, "column_twice"))
        seen.add(h)
        if h not in t.names:
            problems.append(Problem.of(f.name, 1, h, "unknown_column", table=t.name, expected=", ".join(t.names)))
    for c in t.columns:
        if c.required and c.name not in seen and not (t.id_generated and c.name == t.pk):
            problems.append(Problem.of(f.name, 1, c.name, "header_missing"))
    return problems
