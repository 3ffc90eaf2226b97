"""The international relations registry: a SQLite registry of a city's international ties."""

from .analysis import analyse
from .checks import check
from .errors import ImportFailed, InvalidRow, NotFound, Problem, RegistryError, StaleVersion
from .io.export import csv_text, export_csv
from .io.ingest import import_files, import_texts
from .io.seed import ensure_seeded, init, load_seed
from .network.graph import GraphFilter, Snapshot, build_graph, filter_graph, snapshot
from .review.classify import suggest
from .store.db import connect, default_db_path, revision, transaction
from .store.queries import counts, entity_counts, history, tie_counts
from .store.writes import delete, get, insert, update

__all__ = [
    "GraphFilter",
    "Snapshot",
    "analyse",
    "filter_graph",
    "snapshot",
    "suggest",
    "ImportFailed",
    "InvalidRow",
    "NotFound",
    "Problem",
    "RegistryError",
    "StaleVersion",
    "build_graph",
    "check",
    "connect",
    "counts",
    "csv_text",
    "default_db_path",
    "delete",
    "ensure_seeded",
    "entity_counts",
    "export_csv",
    "get",
    "history",
    "import_files",
    "import_texts",
    "init",
    "insert",
    "load_seed",
    "revision",
    "tie_counts",
    "transaction",
    "update",
]
