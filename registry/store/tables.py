"""The shapes the schema is declared in: a column and a table, as data."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Column", "Table"]


@dataclass(frozen=True)
class Column:
    """One declared column: its type, whether it is required, what it references or draws its codes from, and help."""

    name: str
    type: str = "TEXT"  # TEXT, INTEGER or REAL
    required: bool = False
    references: str | None = None  # "table" (by its primary key)
    vocabulary: str | None = None  # vocabulary table for coded values
    multi: bool = False  # ';'-separated codes from ``vocabulary``
    date: bool = False  # a partial date
    personal: bool = False  # personal data: logged as a digest, removed by ``erase``
    help: str = ""


@dataclass(frozen=True)
class Table:
    """One declared table: its columns, key, whether it is append-only or numbered by SQLite, help and extra SQL."""

    name: str
    columns: tuple[Column, ...]
    pk: str = "id"
    append_only: bool = False  # rows are never updated or deleted
    id_generated: bool = False  # integer id assigned by SQLite
    help: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)  # extra SQL (indexes)

    def column(self, name: str) -> Column:
        """Return the column called ``name``; raise KeyError when there is none."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        """The column names, in declared order."""
        return [c.name for c in self.columns]
