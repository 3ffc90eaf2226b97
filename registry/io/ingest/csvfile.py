"""Reading a CSV file's bytes into a header and rows, refusing what cannot be read right (encoding, size, quotes)."""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass

from ...errors import ImportFailed, Problem
from ...message import Message
from ...store.validate import garbled

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "CsvFile", "read_csv", "width_reason"]

#: Explicit limits; an import over either is refused with a message naming the limit.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
# A cell written "spreadsheet-safe" by export: a quote before a formula character (after any
# further quotes, which export adds to text that started with quotes). One quote is dropped.
_NEUTRALISED = re.compile(r"^'(?='*[=+\-@\t\r])")


@dataclass
class CsvFile:
    """A decoded CSV: its name, header and data rows (row 2 is the first data row)."""

    name: str
    header: list[str]
    rows: list[dict[str, str]]
    encoding: str


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of ``data``; raise ImportFailed when no encoding reads it."""
    # A byte order mark promises an encoding: bytes that break the promise are refused, not guessed.
    for bom, codec, encoding, label in (
        (b"\xef\xbb\xbf", "utf-8", "utf-8-sig", "UTF-8"),
        (b"\xff\xfe", "utf-16-le", "utf-16", "UTF-16"),
        (b"\xfe\xff", "utf-16-be", "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), encoding
            except UnicodeDecodeError as exc:
                raise ImportFailed([Problem.of(name, 0, "", "bad_bom", label=label, at=exc.start + len(bom), why=exc.reason)]) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Spreadsheets on Windows save CSV as Windows-1252; it decodes Norwegian letters right.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise ImportFailed([Problem.of(name, 0, "", "unreadable_encoding", why=exc.reason)]) from None


def read_csv(data: bytes, name: str, *, max_bytes: int | None = None, max_rows: int | None = None) -> CsvFile:
    """Return the decoded CSV in ``data``; raise ImportFailed when it cannot be read.

    ``max_bytes`` and ``max_rows`` are the limits (default :data:`MAX_FILE_BYTES` and :data:`MAX_ROWS`).
    """
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    max_rows = MAX_ROWS if max_rows is None else max_rows
    if len(data) > max_bytes:
        raise ImportFailed([Problem.of(name, 0, "", "file_too_big", n=len(data), limit=max_bytes)])
    text, encoding = _decode(data, name)
    if "\x00" in text:
        raise ImportFailed([Problem.of(name, 0, "", "file_nul")])
    if text.startswith("\ufeff"):
        # decode() took one byte order mark; a second one would become part of the first column's name.
        raise ImportFailed([Problem.of(name, 0, "", "two_boms")])
    csv.field_size_limit(max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise ImportFailed([Problem.of(name, 1, "", "file_empty")])
        header = [h.strip() for h in header]
        # Rows carry their number and width under these keys; a column of that name would overwrite them.
        reserved = [Problem.of(name, 1, h, "reserved_column") for h in header if h.startswith("__")]
        if reserved:
            raise ImportFailed(reserved)
        rows: list[dict[str, str]] = []
        first_line = last_line = reader.line_num
        for i, values in enumerate(reader, start=2):
            # Lines, not rows: a quoted cell may hold line breaks. Kept to name an unclosed quote.
            first_line, last_line = last_line + 1, reader.line_num
            # Joined, the cells are blank only when each one is (one call instead of one per cell).
            if not "".join(values).strip():
                continue
            if len(rows) >= max_rows:
                raise ImportFailed([Problem.of(name, i, "", "too_many_rows", limit=max_rows)])
            if len(values) != len(header):
                rows.append(
                    {
                        "__row__": str(i),
                        "__width__": str(len(values)),
                        "__lines__": f"{first_line}-{last_line}" if last_line > first_line else "",
                    }
                )
                continue
            row = {"__row__": str(i)}
            if "'" in "".join(values):
                row.update((h, _NEUTRALISED.sub("", v)) for h, v in zip(header, values))
            else:  # no cell can be neutralised: skip the regex, the common case by far
                row.update(zip(header, values))
            rows.append(row)
    except csv.Error as exc:
        raise ImportFailed([Problem.of(name, reader.line_num, "", "not_csv", why=exc)]) from None
    if rows and last_line > first_line and _open_quote_at_end(text, first_line):
        # The lenient reader ends a quote left open at the end of the file: the rest of the file
        # would be one cell, and may even fit the header's width.
        raise ImportFailed([Problem.of(name, int(rows[-1]["__row__"]), "", "open_quote", lines=f"{first_line}-{last_line}")])
    if encoding == "cp1252" and garbled(text):
        # Read as Windows-1252 because some bytes are not UTF-8, yet other rows are UTF-8: no one
        # reading can be right. (Garbled text in a file of one encoding is refused by clean_row.)
        raise ImportFailed(_mixed_problems(CsvFile(name, header, rows, encoding)))
    return CsvFile(name, header, rows, encoding)


def _open_quote_at_end(text: str, first_line: int) -> bool:
    """Return whether the row starting at ``first_line`` of ``text`` opens a quote it never closes."""
    # Read the last row again, strictly: only an open quote makes it run out of data.
    lines = itertools.islice(io.StringIO(text, newline=""), first_line - 1, None)
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _mixed_problems(f: CsvFile) -> list[Problem]:
    """Return a problem for each cell of a Windows-1252 file that is UTF-8 ("TromsÃ¸" for "Tromsø")."""
    cp1252_row = None
    for r in f.rows:  # the first row with bytes that are not UTF-8, to name it
        if any(not v.isascii() and _not_utf8(v) for k, v in r.items() if not k.startswith("__")):
            cp1252_row = r["__row__"]
            break
    other = Message("problem.mixed.row", {"row": cp1252_row}) if cp1252_row else Message("problem.mixed.others")
    problems = []
    cells = [(1, h, h) for h in f.header]
    cells += [(int(r["__row__"]), k, v) for r in f.rows for k, v in r.items() if not k.startswith("__")]
    for n, column, value in cells:
        seq = garbled(value)
        if seq:
            meant = seq.encode("cp1252").decode("utf-8", errors="replace")
            problems.append(Problem.of(f.name, n, column, "mixed_encodings", seq=seq, meant=meant, other=other))
    return problems


def _not_utf8(value: str) -> bool:
    """Return whether ``value``, read as Windows-1252, was not UTF-8 bytes."""
    try:
        value.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return True
    return False


def width_reason(raw: dict[str, str], width: int) -> Message:
    """Return the reason for a row of ``raw['__width__']`` fields under a header of ``width``, as a message."""
    if raw.get("__lines__"):
        return Message("problem.row_width_lines", {"n": raw["__width__"], "width": width, "lines": raw["__lines__"]})
    return Message("problem.row_width", {"n": raw["__width__"], "width": width})
