"""The international relations registry: a SQLite registry of a city's international ties."""

from .checks import check
from .store.db import connect, default_db_path, revision, transaction
from .errors import ImportFailed, InvalidRow, NotFound, Problem, RegistryError, StaleVersion
from .io.export import csv_text, export_csv
from .analysis import analyse
from .review.classify import suggest
from .network.graph import GraphFilter, Snapshot, build_graph, filter_graph, snapshot
from .io.ingest import import_files, import_texts
from .store.queries import counts, entity_counts, history, tie_counts
from .io.seed import ensure_seeded, init, load_seed
from .store.writes import delete, get, insert, update

__all__ = [
    "GraphFilter", "Snapshot", "analyse", "filter_graph", "snapshot", "suggest", "ImportFailed", "InvalidRow", "NotFound", "Problem", "RegistryError", "StaleVersion",
    "build_graph", "check", "connect", "counts", "csv_text", "default_db_path", "delete", "ensure_seeded",
    "entity_counts", "export_csv", "get", "history", "import_files", "import_texts", "init", "insert",
    "load_seed", "revision", "tie_counts", "transaction", "update",
]
