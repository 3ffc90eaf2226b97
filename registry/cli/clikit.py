"""The command line's plumbing: the command registry, argument declarations and who the CLI records as actor."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable

__all__ = ["COMMANDS", "DB", "AS_OF", "HOME", "as_of_date", "command", "arg", "default_actor"]

#: name -> (help, add_arguments, run); docs/cli.md documents each, generated from the parser
#: (tests/test_docs.py checks).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help: str):
    """Register a command; the decorated function runs it and returns the exit status."""

    def wrap(run: Callable[[argparse.Namespace], int]):
        def add(p: argparse.ArgumentParser) -> None:
            for args, kwargs in getattr(run, "arguments", []):
                p.add_argument(*args, **kwargs)

        COMMANDS[name] = (help, add, run)
        return run

    return wrap


def arg(*args, **kwargs):
    """Declare one argument of a command (apply below ``@command``)."""

    def wrap(fn):
        fn.arguments = [(args, kwargs)] + getattr(fn, "arguments", [])
        return fn

    return wrap


def default_actor() -> str:
    """Return who the CLI records as actor: ``$REGISTRY_ACTOR`` or ``cli:<login name>``."""
    if os.environ.get("REGISTRY_ACTOR"):
        return os.environ["REGISTRY_ACTOR"]
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli"


DB = (("--db",), {"help": "registry file (default: $REGISTRY_DB or registry.db in the project)"})


def as_of_date(text: str) -> str:
    """Return ``text`` when it is a partial date (an argparse type); raise ArgumentTypeError naming it otherwise."""
    # Checked here so a bad date is a usage error (exit 2), not a traceback.
    from .. import dates

    if not dates.is_partial_date(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


AS_OF = (
    ("--as-of",),
    {"type": as_of_date, "metavar": "DATE", "help": "count the ties in force on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)"},
)
HOME = (
    ("--home",),
    {
        "metavar": "ID",
        "help": "the municipality to review and analyse for (an entity id; default: the setting home_id, or the only municipality)",
    },
)
