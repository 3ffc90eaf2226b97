"""Documentation coverage: how much of what a source says exists the registry has documented (strategy 4a)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import vocab
from .context import Context
from .rows import VEDTAK_7, Found, row

__all__ = ["DOCUMENTATION_COLUMNS", "documented_count", "documentation", "documentation_gap"]

#: Columns of :func:`documentation`.
DOCUMENTATION_COLUMNS: tuple[str, ...] = (
    "measure", "documented", "declared", "missing", "as_of", "source", "text_nb", "text_en",
)


def documented_count(ctx: Context, measure: str) -> int:
    """Return how many of ``measure`` the registry documents for the home municipality as of the date.

    'consulates': consulates located in the home municipality; 'sister_cities':
    sister-city ties of the home that count on the date.
    """
    home = ctx.home
    if home is None:
        return 0
    if measure == "consulates":
        return sum(
            1 for t in ctx.active
            if t.attrs.get("kind") == "located_in" and t.v == home and ctx.kind(t.u) == "consulate"
        )
    if measure == "sister_cities":
        return len({t.v if t.u == home else t.u for t in ctx.active
                    if t.attrs.get("kind") == "sister_city" and home in (t.u, t.v)})
    raise KeyError(f"unknown measure {measure!r}")


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "nb" else ",")


def documentation(ctx: Context) -> pd.DataFrame:
    """Return one row per declared total of the home municipality: documented against declared.

    ``text_nb`` and ``text_en`` read e.g. "6 av 22 konsulater er dokumentert" /
    "6 of 22 consulates are documented"; ``missing`` is how many are not (never
    below 0). Only the latest declared total of each measure by the date counts.
    """
    latest: dict[str, dict[str, Any]] = {}
    for row in ctx.snap.declared_totals:
        if row.get("entity_id") != ctx.home:
            continue
        prev = latest.get(row["measure"])
        if prev is None or str(row.get("as_of") or "") >= str(prev.get("as_of") or ""):
            latest[row["measure"]] = row
    rows = []
    for measure, row in sorted(latest.items()):
        have, total = documented_count(ctx, measure), int(row["total"])
        nb, en = vocab.label("declared_measures", measure, "nb").lower(), vocab.label("declared_measures", measure, "en").lower()
        rows.append({
            "measure": measure, "documented": have, "declared": total, "missing": max(total - have, 0),
            "as_of": row.get("as_of"), "source": row.get("source"),
            "text_nb": f"{_number(have, 'nb')} av {_number(total, 'nb')} {nb} er dokumentert",
            "text_en": f"{_number(have, 'en')} of {_number(total, 'en')} {en} are documented",
        })
    return pd.DataFrame(rows, columns=list(DOCUMENTATION_COLUMNS))


def _text(value: Any) -> str:
    # A DataFrame holds a missing text as NaN, not None.
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def documentation_gap(ctx: Context) -> Found:
    """Declared totals the registry has not documented in full: one row per total with items missing.

    Reads :func:`~registry.analysis.documentation.documentation` ("6 of 22
    consulates are documented"). Graver when less than half is documented.
    """
    rows = []
    for rec in documentation(ctx).to_dict("records"):
        missing = int(rec["missing"])
        if missing <= 0:
            continue
        measure = rec["measure"]
        nb_m = vocab.label("declared_measures", measure, "nb").lower()
        en_m = vocab.label("declared_measures", measure, "en").lower()
        source, as_of = _text(rec.get("source")), _text(rec.get("as_of"))
        said_nb = f" (kilde: {source}{', per ' + as_of if as_of else ''})" if source else ""
        said_en = f" (source: {source}{', as of ' + as_of if as_of else ''})" if source else ""
        if measure == "consulates":
            next_nb = (f"finn og registrer de {missing} andre konsulatene (strategi 4a), og inviter hver konsul til "
                       f"det internasjonale forumet (strategi 1f og bystyrets vedtak punkt 7: {VEDTAK_7})")
            next_en = (f"find and register the other {missing} consulates (strategy 4a), and invite each consul to "
                       "the international forum (strategy 1f and the council's decision, point 7: the consuls are "
                       "invited to take part with a representative in the international forum)")
        elif measure == "sister_cities":
            next_nb = (f"finn ut hvilke {missing} {nb_m} kilden regner med som ikke er registrert, og registrer dem "
                       "med kilde (strategi 4a)")
            next_en = (f"find out which {missing} {en_m} the source counts that are not registered, and register "
                       "them with their source (strategy 4a)")
        else:
            next_nb = f"finn og registrer de {missing} som mangler, med kilde (strategi 4a)"
            next_en = f"find and register the {missing} missing, with their source (strategy 4a)"
        documented, declared = int(rec["documented"]), int(rec["declared"])
        rows.append(row(
            "documentation_gap", measure, rec["text_nb"], "medium" if documented * 2 < declared else "low",
            f"{rec['text_nb']}{said_nb}; {missing} mangler i registeret. Neste steg: {next_nb}.",
            f"{rec['text_en']}{said_en}; {missing} are missing from the registry. Next: {next_en}.",
            [measure],
            score=missing,
        ))
    return Found(rows)
