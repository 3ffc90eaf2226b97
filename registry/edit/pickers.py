"""What the app's pickers list: entities sorted by name, the matches of a search, the countries."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

import networkx as nx

from .. import i18n
from ..view import display_name

__all__ = ["entity_names", "find_entities", "country_names"]


def entity_names(g: nx.MultiDiGraph, lang: str) -> tuple[list[str], dict[str, str]]:
    """Return ``(node ids sorted by display name, {id: display name})`` for ``g`` in ``lang``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("b", name="Bergen"); g.add_node("a", name="Østerrike", name_en="Austria")
    >>> entity_names(g, "en")[0], entity_names(g, "nb")[0]
    (['a', 'b'], ['b', 'a'])
    """
    names = {n: display_name(a, lang, n) for n, a in g.nodes(data=True)}
    return sorted(names, key=lambda n: names[n].casefold()), names


def find_entities(ordered: Iterable[str], names: dict[str, str], query: str, limit: int) -> list[str]:
    """Return the first ``limit`` ids of ``ordered`` whose name contains ``query`` (case ignored).

    >>> find_entities(["a", "b", "c"], {"a": "Graz", "b": "Bergen", "c": "Bergamo"}, "BERG", 1)
    ['b']
    """
    wanted = query.casefold()
    return list(islice((n for n in ordered if wanted in names[n].casefold()), limit))


def country_names(g: nx.MultiDiGraph, lang: str) -> tuple[list[str], dict[str, str]]:
    """Return ``(the country codes of g's entities sorted by name, {code: name})`` in ``lang``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", country_code="SE"); g.add_node("b", country_code="AT"); g.add_node("c")
    >>> country_names(g, "en")[0], country_names(g, "nb")[0]
    (['AT', 'SE'], ['SE', 'AT'])
    """
    codes = {cc for _, a in g.nodes(data=True) if (cc := a.get("country_code"))}
    names = {cc: i18n.country_name(cc, lang) for cc in codes}
    return sorted(names, key=lambda cc: names[cc]), names
