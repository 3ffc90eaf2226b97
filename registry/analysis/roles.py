"""Who is who in a snapshot: the home municipality, local actors, other municipalities, and foreign places."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import networkx as nx

from .. import rules as R
from .. import thresholds
from ..i18n.findings import country_names, name
from ..message import Message
from ..network.graph import Snapshot
from ..settings import resolve_home
from .scope import homes

__all__ = ["Roles"]


@dataclass
class Roles:
    """The snapshot, what is asked of it (date, rules, home), and the role of each entity in it.

    The base of :class:`~registry.analysis.context.Context`, which adds the ties
    that count on the date. A role does not depend on the date: ties of any date
    say who belongs to another municipality and where a body is located.
    """

    snap: Snapshot
    as_of: date
    rules: thresholds.Rules = field(default_factory=lambda: thresholds.DEFAULT_RULES)
    home_id: str | None = None
    #: The whole registry when ``snap`` is cut to the home's network (see :func:`~registry.analysis.context.prepare`).
    whole: Snapshot | None = None

    # --- graphs -------------------------------------------------------------------------------

    @cached_property
    def full(self) -> nx.MultiDiGraph:
        """The whole history: every entity and tie."""
        return self.snap.graph

    # --- roles --------------------------------------------------------------------------------

    @cached_property
    def home(self) -> str | None:
        """The home municipality the review and analysis are for (:func:`registry.settings.resolve_home`).

        The one asked for (``home_id``), else the configured one, else the only
        municipality; never a guess among several (that raises NoHome). None only
        when the registry has no municipality at all.
        """
        return resolve_home(self.whole or self.snap, self.home_id)

    @cached_property
    def others(self) -> frozenset[str]:
        """Ids of the other municipalities of the home's country: homes of their own, not actors of this one.

        A registry may hold several municipalities' ties (Bergen's twin towns next to
        Trondheim's): every entity of kind municipality but the home, and every city
        with twin towns of its own (an older Wikidata import named Bergen a city), in
        the home's country or with no country recorded, in the whole registry. Empty
        without a home.
        """
        home = self.home
        if home is None:
            return frozenset()
        return homes((self.whole or self.snap).graph, home) - {home}

    @cached_property
    def elsewhere(self) -> frozenset[str]:
        """Entities outside the home's network: :attr:`others`, and what the context was cut free of.

        :func:`~registry.analysis.context.prepare` cuts the snapshot to the home's
        network (:mod:`.scope`), so none of these is in :attr:`full`.
        """
        if self.whole is None:
            return self.others
        return self.others | frozenset(n for n in self.whole.graph if n not in self.full)

    @cached_property
    def home_country(self) -> str | None:
        """The home municipality's country code (None without a home or a code)."""
        return self.full.nodes[self.home].get("country_code") if self.home else None

    @cached_property
    def _kinds(self) -> dict[str, str | None]:
        """Entity id -> its kind."""
        return {n: a.get("kind") for n, a in self.full.nodes(data=True)}

    def kind(self, n: str) -> str | None:
        """Return the entity kind of ``n`` (None for a ``country:XX`` place)."""
        return self._kinds.get(n)

    def names(self, n: str) -> tuple[str, str]:
        """Return the display names of an entity id or a ``country:XX`` place: (bokmål, English)."""
        hit = self._names.get(n)
        if hit is None:
            if n.startswith("country:"):
                hit = country_names(n[8:])
            else:
                a = self.full.nodes[n] if n in self.full else {}
                nb = a.get("name") or n
                hit = (nb, a.get("name_en") or nb)
            self._names[n] = hit
        return hit

    def label(self, n: str) -> Message:
        """Return the name of an entity id or a ``country:XX`` place as a message (written in nb or en where rendered)."""
        return name(*self.names(n))

    def name(self, n: str) -> str:
        """Return the English display name of an entity id or a ``country:XX`` place: the analysis' sort key.

        Text for a reader uses :meth:`label` (a message) or :meth:`names` (both spellings).
        """
        return self.names(n)[1]

    @cached_property
    def _names(self) -> dict[str, tuple[str, str]]:
        """Id -> (bokmål, English) display names, filled by :meth:`names` as names are asked for."""
        return {}

    @cached_property
    def tie_ends(self) -> dict[str, tuple[str, str]]:
        """Tie id -> its two ends (from, to), ties of any date."""
        return {k: (u, v) for u, v, k in self.full.edges(keys=True)}

    @cached_property
    def local(self) -> frozenset[str]:
        """Ids of the local actors: the home municipality and the region's institutions (see ``rules``).

        Other municipalities, and what belongs only to them (:attr:`elsewhere`), are not local actors.
        """
        hc = self.home_country
        far = self.elsewhere
        out = set()
        for n, a in self.full.nodes(data=True):
            k = a.get("kind")
            if k not in R.LOCAL_ACTOR_KINDS or n in far:
                continue
            cc = a.get("country_code")
            if k in R.ALWAYS_LOCAL_KINDS or cc is None or cc == hc:
                out.add(n)
        if self.home:
            out.add(self.home)
        return frozenset(out)

    @cached_property
    def located(self) -> dict[str, str]:
        """Entity -> the city it is located in, from ``located_in`` ties of any date."""
        out: dict[str, str] = {}
        kinds = self._kinds
        for u, v, a in self.full.edges(data=True):
            if a.get("kind") == "located_in" and kinds.get(v) in R.CITY_KINDS:
                out.setdefault(u, v)
        return out

    @cached_property
    def _roles(self) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """The pair (entity -> its country key, entity -> the foreign place it stands for or None)."""
        # Every entity's country key and foreign place, computed once: the rules below
        # are asked for each end of every tie.
        nodes = self.full.nodes
        country_ids: dict[str, str] = {}
        for n, a in sorted(nodes(data=True)):
            if a.get("kind") in R.COUNTRY_KINDS and a.get("country_code"):
                country_ids.setdefault(a["country_code"], n)
        located, local, hc = self.located, self.local, self.home_country
        code: dict[str, str | None] = {}
        for n, a in nodes(data=True):
            cc = a.get("country_code")
            if cc is None and n in located:
                cc = nodes[located[n]].get("country_code")
            code[n] = cc
        countries: dict[str, str | None] = {}
        places: dict[str, str | None] = {}
        for n, a in nodes(data=True):
            k, cc = a.get("kind"), code[n]
            countries[n] = n if k in R.COUNTRY_KINDS else (country_ids.get(cc, f"country:{cc}") if cc else None)
            if n in local or cc is None or cc == hc:
                places[n] = None
            elif k in R.CITY_KINDS or k in R.COUNTRY_KINDS:
                places[n] = n
            else:
                loc = located.get(n)
                foreign_loc = loc is not None and loc not in local and code.get(loc) not in (None, hc)
                places[n] = loc if foreign_loc else countries[n]
        return countries, places

    def country_key(self, n: str) -> str | None:
        """Return the place that stands for ``n``'s country: the country entity, or ``country:XX``."""
        if n.startswith("country:"):
            return n
        return self._roles[0].get(n)

    def is_foreign(self, n: str) -> bool:
        """Return True for an entity outside the home country (local actors never are)."""
        return self._roles[1].get(n) is not None

    def place(self, n: str) -> str | None:
        """Return the foreign place ``n`` stands for: itself (a city or country), its city, or its country.

        None for entities that are not foreign.
        """
        return self._roles[1].get(n)
