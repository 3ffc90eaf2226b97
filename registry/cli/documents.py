"""The commands that write the office's documents: the council case, the annual report and the calendar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..store.db import open_existing
from .clikit import AS_OF as _AS_OF
from .clikit import DB as _DB
from .clikit import HOME as _HOME
from .clikit import arg, command
from .clikit import as_of_date as _as_of

__all__: list[str] = []


@command("case", "the council case on the sister cities (saksframlegg): Markdown, printable HTML or Word")
@arg(*_DB[0], **_DB[1])
@arg(*_HOME[0], **_HOME[1])
@arg("--city", action="append", default=[], metavar="ID", help="only this sister city (an entity id; repeat for more)")
@arg(*_AS_OF[0], **_AS_OF[1])
@arg("--format", choices=["md", "html", "docx"], default="md", help="md (default), html (printable) or docx (Word)")
@arg("--lang", choices=["nb", "en"], default="nb", help="language of the case (default nb)")
@arg("--out", metavar="FILE", help="write to FILE (default: Markdown and HTML to standard output; Word needs --out)")
def _case(a: argparse.Namespace) -> int:
    from ..documents import case

    if a.format == "docx" and not a.out:
        print("case: a Word file needs --out FILE", file=sys.stderr)
        return 2
    try:
        data = case.case_bytes(open_existing(a.db), a.format, a.lang, as_of=a.as_of, home_id=a.home, cities=a.city)
    except ValueError as exc:  # a --city that is no sister city of the home
        print(f"case: {exc}", file=sys.stderr)
        return 2
    if a.out:
        Path(a.out).write_bytes(data)
        print(a.out)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


@command("annual-report", "the annual report on international work for one year, as Markdown, HTML or Word")
@arg("year", type=int, help="the year reported on, e.g. 2025")
@arg(*_DB[0], **_DB[1])
@arg(*_HOME[0], **_HOME[1])
@arg("--format", choices=["md", "html", "docx"], default="md", help="md (default), html (one self-contained page) or docx")
@arg("--lang", choices=["nb", "en"], default="nb", help="language of the report (default nb)")
@arg("--out", metavar="FILE", help="write to FILE (required for docx; default: standard output)")
def _annual_report(a: argparse.Namespace) -> int:
    from .. import annual

    if a.format == "docx" and not a.out:
        print("error: --format docx needs --out FILE", file=sys.stderr)
        return 2
    data = annual.report_bytes(open_existing(a.db), a.year, a.format, a.lang, home_id=a.home)
    if a.out:
        Path(a.out).write_bytes(data)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


@command(
    "calendar",
    "what is due in a window: agreement reviews and expiries, jubilees, freeze reviews, contacts past retain_until, sources to re-check",
)
@arg(*_DB[0], **_DB[1])
@arg("--from", dest="first", type=_as_of, metavar="DATE", help="first day (YYYY-MM-DD, or YYYY-MM / YYYY for its first day; default today)")
@arg(
    "--to",
    dest="last",
    type=_as_of,
    metavar="DATE",
    help="last day, included (YYYY-MM-DD, or YYYY-MM / YYYY for its last day; default a year after --from)",
)
@arg(*_HOME[0], **_HOME[1])
@arg(
    "--format",
    choices=["table", "csv", "ics"],
    default="table",
    help="ics: an iCalendar file of all-day events for Outlook and Google Calendar; csv keeps the kind codes",
)
@arg("--lang", choices=["nb", "en"], default="nb", help="language of the texts (default nb, like the app)")
@arg("--out", metavar="FILE", help="write to FILE instead of the terminal")
def _calendar(a: argparse.Namespace) -> int:
    from .. import dates
    from ..calendar import formats as calendar_formats
    from ..calendar import items as calendar

    first = dates.earliest(a.first) if a.first else None
    last = dates.latest(a.last) if a.last else None
    if first and last and last < first:
        print("calendar: --to is before --from", file=sys.stderr)
        return 2
    found = calendar.events(open_existing(a.db), first, last, home_id=a.home)
    if a.format == "ics":
        data = calendar_formats.to_ics(found, a.lang)
    elif a.format == "csv":
        text = calendar_formats.csv_text(found, a.lang)
        data = text.encode("utf-8-sig" if a.out else "utf-8")  # a file for Excel gets the BOM it needs
    else:
        data = calendar_formats.table_text(found, a.lang).encode("utf-8")
    if a.out:
        Path(a.out).write_bytes(data)
        print(f"{a.out}: {len(found)} event(s)")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0
