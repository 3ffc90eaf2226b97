"""Tiny hand-made registries for classification and analysis tests, built in memory as a Snapshot.

Each test draws its registry with a few calls and says in a comment what its
shape is, so the right answer can be read off the drawing.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from registry.network.graph import Snapshot


class Mini:
    """A registry in the making: a home municipality ``home`` in Norway, then whatever a test adds."""

    def __init__(self, home: str = "home", country: str = "NO"):
        self.g = nx.MultiDiGraph()
        self.decisions: list[dict[str, Any]] = []
        self.plan_lines: list[dict[str, Any]] = []
        self.activities: list[dict[str, Any]] = []
        self.home = home
        self.entity(home, "municipality", country, name="Home kommune", name_en="Home Municipality")

    def entity(self, id: str, kind: str, country: str | None = None, **attrs: Any) -> Mini:
        attrs.setdefault("name", id.replace("-", " ").title())
        attrs.update(kind=kind, country_code=country, source="test")
        self.g.add_node(id, **{k: v for k, v in attrs.items() if v is not None})
        return self

    def tie(self, u: str, v: str, kind: str, **attrs: Any) -> str:
        key = attrs.pop("id", f"{u}--{v}")
        if any(k == key for *_, k in self.g.edges(keys=True)):
            key = f"{key}--{kind}"  # a second tie between the same two: its kind tells it apart
        attrs.setdefault("status", "active")
        attrs.setdefault("source", "test")
        attrs.update(id=key, from_id=u, to_id=v, kind=kind)
        self.g.add_edge(u, v, key=key, **{k: v for k, v in attrs.items() if v is not None})
        return key

    def sister(self, city: str, country: str = "SE", **attrs: Any) -> str:
        """Add a foreign city and its sister-city tie from home; return the tie id."""
        if city not in self.g:
            self.entity(city, "city", country)
        return self.tie(self.home, city, "sister_city", **attrs)

    def decision(self, tie_id: str, category: str, decided_on: str, **attrs: Any) -> None:
        row = {
            "id": len(self.decisions) + 1,
            "tie_id": tie_id,
            "category": category,
            "decided_on": decided_on,
            "decided_by": "Bystyret",
            "case_ref": None,
            "reason": "test",
            "source": "test",
        }
        row.update(attrs)
        self.decisions.append(row)

    def plan(self, tie_id: str, year: int, amount: int, funder: str = "municipal") -> None:
        self.plan_lines.append(
            {
                "id": len(self.plan_lines) + 1,
                "tie_id": tie_id,
                "year": year,
                "amount": amount,
                "funder": funder,
                "funder_id": None,
                "purpose": "test",
                "source": "test",
            }
        )

    def activity(
        self, id: str, kind: str, start: str | None, participants: dict[str, str], ties: tuple[str, ...] = (), **attrs: Any
    ) -> str:
        """Add an activity with ``participants`` {entity id: role}, linked to ``ties``; return its id."""
        row = {
            "id": id,
            "kind": kind,
            "title": id.replace("-", " "),
            "start": start,
            "source": "test",
            "participants": tuple(participants.items()),
            "tie_ids": tuple(ties),
        }
        row.update(attrs)
        self.activities.append(row)
        return id

    def snap(self) -> Snapshot:
        return Snapshot(self.g, tuple(self.decisions), tuple(self.plan_lines), tuple(self.activities))
