"""Validating one file's rows against its table: the header, each row's width and values, versions and repeated ids."""

from __future__ import annotations

from typing import Any

from ...errors import Problem
from ...store.schema import Table
from ...store.validate import Vocabularies, clean_row
from .csvfile import CsvFile, width_reason
from .headers import header_problems

__all__ = ["validate_file"]


def validate_file(f: CsvFile, t: Table, vocabularies: Vocabularies) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Return ``(cleaned rows, problems)`` of ``f`` read as a file of ``t``; no rows when the header is wrong.

    Each cleaned row carries its row number under ``__row__`` and, when the file gave one,
    the version it was exported at under ``__version__``.
    """
    problems = header_problems(f, t)
    if problems:
        return [], problems
    rows: list[dict[str, Any]] = []
    seen_ids: dict[Any, int] = {}
    for raw in f.rows:
        n = int(raw["__row__"])
        if "__width__" in raw:
            problems.append(Problem(f.name, n, "", width_reason(raw, len(f.header))))
            continue
        # clean_row reads only the table's own columns and never the tracking ones: no copy needed.
        row, row_problems = clean_row(t, raw, vocabularies, file=f.name, row=n)
        problems += row_problems
        version = raw.get("version")
        if version is not None and version.strip():
            # An exported row says which version it was read at: import applies it only over that one.
            try:
                row["__version__"] = int(version)
            except ValueError:
                problems.append(Problem.of(f.name, n, "version", "not_version", value=version))
        key = row.get(t.pk)
        if key is not None:
            if key in seen_ids:
                problems.append(Problem.of(f.name, n, t.pk, "id_twice", id=key, row=seen_ids[key]))
            seen_ids[key] = n
        row["__row__"] = n
        rows.append(row)
    return rows, problems
