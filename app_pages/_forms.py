"""Forms that start again empty once a save has gone through: their fields' key prefix per save."""

from __future__ import annotations

import streamlit as st


def form_key(name: str) -> str:
    """Return the key prefix of the form ``name`` for this run: ``name``, renewed after each save that empties it.

    Forms are not cleared on submit (a refused save keeps what was typed); once a save has
    gone through, :func:`renew_form` gives the fields new keys, so they start again from their defaults
    (the browser keeps a field's text as long as its key lives).
    """
    n = st.session_state.get("_form_generation", {}).get(name, 0)
    return name if n == 0 else f"{name}~{n}"


def renew_form(name: str) -> None:
    """Empty the form ``name`` on the next run (see :func:`form_key`)."""
    generations = st.session_state.setdefault("_form_generation", {})
    generations[name] = generations.get(name, 0) + 1
