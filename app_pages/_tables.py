"""Tables on a page: empty text cells shown blank, CSV downloads, and validation problems as a table."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from app_pages._text import lang, md, t
from registry import i18n
from registry.errors import failure_key
from registry.i18n import messages
from registry.io import export

_log = logging.getLogger(__name__)


def blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with empty values in its text columns as '' (st.dataframe would show them as 'None')."""
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    return frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in text}) if text else frame


def download(label: str, data: Any, file_name: str, mime: str, key: str, *, where: Any = None, **options: Any) -> None:
    """Show a download button whose click only downloads: it never reruns the page.

    Streamlit's default (``on_click="rerun"``) reruns the script on every click. A rerun
    first drops the session's file references and then registers every callable
    (deferred) download anew under a fresh id, revoking the ids the browser still holds
    until the new page arrives: a second click within that window asks for an id the
    server has forgotten ("Deferred file not found") and no file arrives. With
    ``on_click="ignore"`` a click changes nothing on the server, so the ids stay valid
    and quick successive downloads all arrive. ``where`` is a column or container
    (``st`` when None); ``options`` go to ``st.download_button`` (icon, help).
    """
    options.setdefault("icon", ":material/download:")
    (where or st).download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore", **options)


def csv_button(frame: pd.DataFrame, file_name: str, key: str, *, labels: Mapping[str, str] | None = None) -> None:
    """Show a CSV download of ``frame`` next to the table it belongs to (spreadsheet-safe, UTF-8 with BOM).

    Its header row is in the page's language: ``labels`` (code -> the label the page's table
    shows) where given, else :func:`registry.i18n.column_label`. The values stay as the frame holds them.
    """
    language, labels = lang(), labels or {}
    headed = frame.set_axis([labels.get(c) or i18n.column_label(str(c), language) for c in frame.columns], axis=1)
    download(t("common.download_csv"), export.frame_csv(headed), file_name, "text/csv", key)


def show_problems(problems: list[Any]) -> None:
    """Show validation problems (file, row, column, reason) as an error and a table, the reasons in the page's language."""
    st.error(t("common.problems", n=len(problems)))
    columns = [t("col.file"), t("col.row"), t("col.column"), t("col.reason")]
    st.dataframe(pd.DataFrame(messages.problem_rows(problems, lang()), columns=columns), hide_index=True)


def show_form_problems(problems: list[Any]) -> None:
    """Show a form's validation problems as one error naming each field by its label, the reasons in the page's language.

    A form is not a file: its problems name no file or row, and a field by the label the
    form shows it with rather than the column's code.
    """
    lines = [
        f"- **{md(i18n.field_label(column, lang()))}**: {md(reason)}" if column else f"- {md(reason)}"
        for _file, _row, column, reason in messages.problem_rows(problems, lang())
    ]
    st.error(t("common.problems", n=len(problems)) + "\n\n" + "\n".join(lines))


def show_failure(exc: BaseException) -> None:
    """Show a failure as one message in the page's language; the traceback goes to the server's log only."""
    # Details (paths, SQL, the traceback) could tell a visitor about the server: they stay in its log.
    _log.error("a page failed: %s", type(exc).__name__, exc_info=exc)
    st.error(t(failure_key(exc)), icon=":material/error:")
