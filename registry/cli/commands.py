"""The command line: ``python -m registry COMMAND``. It parses arguments and calls the library."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from .. import checks
from ..errors import ImportFailed, InvalidRow, RegistryError
from ..io import export, ingest, seed
from ..network import graph
from ..store.db import default_db_path, open_existing
from .clikit import AS_OF as _AS_OF
from .clikit import COMMANDS, DB, arg, command, default_actor
from .clikit import HOME as _HOME

__all__ = ["main", "COMMANDS", "default_actor"]

_DB = DB


@command("init", "create the registry and load the seed data from data/")
@arg(*_DB[0], **_DB[1])
@arg("--force", action="store_true", help="delete an existing registry first")
def _init(a: argparse.Namespace) -> int:
    path = Path(a.db) if a.db else default_db_path()
    report = seed.init(path, force=a.force)
    print(f"{path}: {report.total('inserted')} rows added, {report.total('updated')} updated, {report.total('unchanged')} unchanged")
    return 0


@command("import", "import entity, tie, decision, plan-line or Wikidata CSV files (all or nothing)")
@arg("files", nargs="+", metavar="FILE")
@arg(*_DB[0], **_DB[1])
@arg("--dry-run", action="store_true", help="validate and count, write nothing")
@arg(
    "--from",
    dest="source_format",
    choices=["csv", "wikidata"],
    default="csv",
    help="'wikidata' for a Wikidata Query Service twin-town export (also detected by header)",
)
def _import(a: argparse.Namespace) -> int:
    conn = open_existing(a.db)
    expect = "wikidata" if a.source_format == "wikidata" else None
    try:
        report = ingest.import_files(conn, a.files, actor=default_actor(), dry_run=a.dry_run, expect=expect)
    except ImportFailed as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); nothing was written", file=sys.stderr)
        return 2
    verb = "would add" if a.dry_run else "added"
    for table, c in report.counts.items():
        print(f"{table}: {verb} {c['inserted']}, updated {c['updated']}, unchanged {c['unchanged']}")
    return 0


@command("export", "write every table as CSV, or the graph as GraphML/GEXF")
@arg("dir", metavar="DIR")
@arg(*_DB[0], **_DB[1])
@arg("--format", choices=["csv", "graphml", "gexf"], default="csv")
@arg(
    "--raw",
    action="store_true",
    help="write cells verbatim; by default a cell starting with = + - @ gets a quote so spreadsheets do not run it",
)
@arg("--spreadsheet-safe", action="store_true", help="the default (kept for scripts that pass it)")
def _export(a: argparse.Namespace) -> int:
    conn = open_existing(a.db)
    if a.format == "csv":
        for p in export.export_csv(conn, a.dir, spreadsheet_safe=not a.raw):
            print(p)
        return 0
    out = Path(a.dir)
    out.mkdir(parents=True, exist_ok=True)
    # Made in memory and renamed into place: a full disk leaves no half file under the name.
    path = export.write_atomic(out / f"registry.{a.format}", export.graph_bytes(graph.build_graph(conn), a.format))
    print(path)
    return 0


@command("check", "integrity report: errors exit 1, warnings are listed")
@arg(*_DB[0], **_DB[1])
def _check(a: argparse.Namespace) -> int:
    conn = open_existing(a.db)
    findings = checks.check(conn)
    for f in findings:
        print(f)
    errors = sum(f.level == "error" for f in findings)
    print(f"{errors} error(s), {len(findings) - errors} warning(s)")
    return 1 if errors else 0


@command("classify", "suggest a category for every sister city, with reasons, next to the assigned one")
@arg(*_DB[0], **_DB[1])
@arg(*_AS_OF[0], **_AS_OF[1])
@arg("--format", choices=["table", "csv"], default="table", help="csv keeps the stable category codes")
@arg("--lang", choices=["nb", "en"], default="nb", help="language of the review (default nb, like the app)")
@arg(*_HOME[0], **_HOME[1])
def _classify(a: argparse.Namespace) -> int:
    from ..analysis.context import prepare
    from ..render import review_text
    from ..review import classify

    ctx = prepare(open_existing(a.db), a.as_of, home_id=a.home)
    suggestions = classify.suggest(ctx, ctx.as_of, home_id=ctx.home)
    if a.format == "csv":
        sys.stdout.write(classify.frame(suggestions).to_csv(index=False))
        return 0
    gone = classify.ended(ctx, ctx.as_of, home_id=ctx.home)
    sys.stdout.write(
        review_text.review_text(suggestions, ctx.names(ctx.home)[0 if a.lang == "nb" else 1] if ctx.home else "?", a.lang, gone)
    )
    return 0


@command("strategy", "for each point of the strategy, the work the registry holds that serves it, and its state")
@arg(*_DB[0], **_DB[1])
@arg(*_AS_OF[0], **_AS_OF[1])
@arg(*_HOME[0], **_HOME[1])
@arg("--format", choices=["table", "csv"], default="table", help="csv writes every column with stable codes")
@arg("--lang", choices=["nb", "en"], default="nb", help="language of the titles (default nb, like the app)")
def _strategy(a: argparse.Namespace) -> int:
    from ..render import strategy_text
    from ..review import strategy_view as strategy

    conn = open_existing(a.db)
    view = strategy.strategy_for(conn, a.as_of, home_id=a.home)
    if a.format == "csv":
        sys.stdout.write(view.to_csv(index=False))
        # The CSV stays data; what «nothing registered» may mean goes beside it, to the terminal.
        sys.stderr.write(strategy_text.caveat_text(a.lang) + "\n")
        return 0
    sys.stdout.write(strategy_text.strategy_text(view, a.lang, strategy.indicator_status(conn, a.as_of)))
    return 0


@command("analyse", "gaps, overlaps and opportunities: one CSV per finding kind plus summary.csv")
@arg(*_DB[0], **_DB[1])
@arg(*_AS_OF[0], **_AS_OF[1])
@arg("--out", metavar="DIR", default="analysis", help="directory for the CSV files (default: ./analysis)")
@arg(*_HOME[0], **_HOME[1])
def _analyse(a: argparse.Namespace) -> int:
    from .. import analysis

    result = analysis.analyse(open_existing(a.db), as_of=a.as_of, options=analysis.Options(home_id=a.home))
    analysis.write_csv(result, a.out)
    width = max(len(k) for k in result.summary["kind"])
    for r in result.summary.itertuples():
        note = f"  {r.note_en}" if r.note_en else ""
        print(f"{r.kind:<{width}}  {r.count:>6}  {r.method}{note}")
    print(f"as of {result.as_of.isoformat()} for {result.home_id or 'no home municipality'}; CSV files in {a.out}")
    return 0


@command("settings", "list the settings with their values and help, or change one (audited)")
@arg("change", nargs="*", metavar="set KEY VALUE", help="'set KEY VALUE' changes a setting; nothing lists them")
@arg(*_DB[0], **_DB[1])
def _settings(a: argparse.Namespace) -> int:
    from .. import settings  # local: only this command needs it

    conn = open_existing(a.db)
    if a.change:
        if len(a.change) != 3 or a.change[0] != "set":
            print("settings: use 'settings' to list them or 'settings set KEY VALUE' to change one", file=sys.stderr)
            return 2
        _, key, value = a.change
        try:
            row = settings.set_setting(conn, key, value, actor=default_actor())
        except InvalidRow as exc:
            for p in exc.problems:
                print(f"settings: {p.reason}", file=sys.stderr)
            return 2
        print(f"{row['key']} = {row['value']}")
        return 0
    rows = settings.describe(conn)
    width = max(len(r["key"]) for r in rows)
    for r in rows:
        value = r["value"] if r["value"] is not None else "(not set)" if r["default"] is None else f"{r['default']} (default)"
        print(f"{r['key']:<{width}}  {value}")
        print(f"{'':<{width}}  {r['label_en']}: {r['help']}")
    return 0


@command("synth", "create a synthetic registry of N entities (clearly fictional) to try the app and the CLI at size")
@arg("--size", type=int, default=10_000, metavar="N", help="number of entities (default 10000)")
@arg("--seed", type=int, default=0, help="random seed: the same seed gives the same registry")
@arg("--force", action="store_true", help="replace an existing file")
@arg(*_DB[0], **_DB[1])
def _synth(a: argparse.Namespace) -> int:
    from ..io import synth  # local: only this command needs it

    path = Path(a.db) if a.db else default_db_path()
    try:
        counts = synth.build(path, a.size, a.seed, force=a.force)
    except RegistryError as exc:
        print(f"synth: {exc}", file=sys.stderr)
        return 2
    print(f"{path}: " + ", ".join(f"{n} {table}" for table, n in counts.items() if n))
    return 0


@command("backup", "copy the registry to DEST with SQLite's online backup (safe while the app runs)")
@arg("dest", metavar="DEST")
@arg(*_DB[0], **_DB[1])
def _backup(a: argparse.Namespace) -> int:
    from .. import backup  # local: only these commands need it

    try:
        copy = backup.backup(Path(a.db) if a.db else default_db_path(), a.dest)
    except RegistryError as exc:
        print(f"backup: {exc}", file=sys.stderr)
        return 2
    print(f"{copy.path}: {copy.summary()}")
    if copy.unprotected:
        print(
            f"backup: warning: the registry's audit log has lost its append-only protection "
            f"({', '.join(f'{n} {s}' for n, s in copy.unprotected.items())}); the copy was written, "
            "but restore refuses it. Run check",
            file=sys.stderr,
        )
        return 1
    return 0


@command("restore", "replace the registry with a backup from 'backup', keeping a copy of the current one")
@arg("src", metavar="SRC")
@arg(*_DB[0], **_DB[1])
@arg("--yes", action="store_true", help="replace without asking")
def _restore(a: argparse.Namespace) -> int:
    from .. import backup  # local: only these commands need it

    target = Path(a.db) if a.db else default_db_path()
    try:
        wanted = backup.verify(a.src)
        if not a.yes:
            if not sys.stdin.isatty():
                print(f"restore: this replaces {target}; run again with --yes to confirm", file=sys.stderr)
                return 2
            answer = input(f"Replace {target} with {a.src} ({wanted.summary()})? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                print("restore: nothing changed", file=sys.stderr)
                return 1
        done = backup.restore(a.src, target)
    except RegistryError as exc:
        print(f"restore: {exc}", file=sys.stderr)
        return 2
    print(f"{target}: restored from {a.src}; it now holds {done.registry.summary()}")
    if done.previous:
        print(f"the registry it replaced is kept at {done.previous}, with every change made to it before the restore")
    return 0


@command(
    "erase",
    "erase a contact's personal data everywhere, audit log included (GDPR erasure); "
    "an older backup still holds it, and restoring one brings it back",
)
@arg("contact_id", metavar="CONTACT_ID")
@arg(*_DB[0], **_DB[1])
@arg(
    "--also",
    action="append",
    default=[],
    metavar="TEXT",
    help="a phrase that names the person in free text (repeatable), e.g. the full name where the contact holds a one-word name",
)
def _erase(a: argparse.Namespace) -> int:
    from ..store import erasure  # local: only this command needs it

    # An unknown id raises NotFound: main prints it and exits 2, nothing changed.
    report = erasure.erase(open_existing(a.db), a.contact_id, actor=default_actor(), also=a.also)
    print(report.summary())
    print("older backups still hold the erased data: restoring one brings it back")
    status = 0
    if report.unmatched:
        # A one-word name ("Per", "May") is an ordinary word too: replacing it everywhere would
        # destroy sourced text, so the places are listed for the operator to name the person.
        print(
            f"erase: the name was one word, so it was not replaced in free text; it stands in {len(report.unmatched)} place(s):",
            file=sys.stderr,
        )
        for table, rid, column in report.unmatched:
            print(f"  {table} {rid} {column}", file=sys.stderr)
        print(
            f"erase: where one names this person, run again with --also 'PHRASE' "
            f"(python -m registry erase {report.contact_id} --also '...')",
            file=sys.stderr,
        )
        status = 1
    if not report.checkpointed:
        print(
            "erase: another program has the registry open and holds its old pages; close it (the app) and "
            "run erase again to empty the write-ahead log",
            file=sys.stderr,
        )
        status = 1
    return status


from . import documents as cli_documents  # noqa: E402,F401  (registers the documents' commands: case, annual-report, calendar)


def parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered command."""
    p = argparse.ArgumentParser(prog="python -m registry", description="The international relations registry")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_, add, _) in COMMANDS.items():
        add(sub.add_parser(name, help=help_, description=help_))
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    a = parser().parse_args(argv)
    try:
        return COMMANDS[a.command][2](a)
    except RegistryError as exc:
        # A refusal (busy registry, stale row ...) is a message and exit status 2, not a traceback.
        print(f"{a.command}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder that cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{a.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # e.g. --db names a file that is not a registry
        print(f"{a.command}: the registry cannot be read ({exc})", file=sys.stderr)
        return 2
