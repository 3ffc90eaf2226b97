"""The synthetic action plan: actions of the home municipality, their partners and ties, indicators and their values."""

from __future__ import annotations

import random

from ... import vocab
from . import draws as draw

__all__ = ["action_plan"]

# The strategy's own points, not the goals or the council's decision points: what an action plan names.
_POINTS = tuple(t.code for t in vocab.STRATEGY_POINTS if t.code[0].isdigit() and len(t.code) == 2)


def action_plan(rng: random.Random, home: str, orgs: list[str], ties: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Return the rows of the action plan tables: about one action per 50 ties, one indicator each, measured 2022-2024."""
    home_ties = [t["id"] for t in ties if home in (t["from_id"], t["to_id"])] or [t["id"] for t in ties]
    rows: dict[str, list[dict[str, str]]] = {
        "plan_actions": [],
        "action_partners": [],
        "action_ties": [],
        "indicators": [],
        "indicator_values": [],
    }
    for i in range(max(2, len(ties) // 50)):
        aid = f"action-{i}"
        start = rng.randint(2020, 2025)
        rows["plan_actions"].append(
            {
                "id": aid,
                "title": f"Fictional action {i}",
                "strategy_points": ";".join(sorted(set(rng.sample(_POINTS, 2)))),
                "responsible": "Fictional unit",
                "period_start": str(start),
                "period_end": str(start + rng.randint(0, 3)),
                "status": rng.choice(("planned", "ongoing", "completed", "postponed", "cancelled")),
                "source": draw.SOURCE,
            }
        )
        if orgs:
            rows["action_partners"].append({"action_id": aid, "entity_id": rng.choice(orgs), "role": "partner"})
        if home_ties:
            rows["action_ties"].append({"action_id": aid, "tie_id": rng.choice(home_ties)})
        iid = f"indicator-{i}"
        base = rng.randint(0, 50)
        rows["indicators"].append(
            {
                "id": iid,
                "name": f"Fiktiv indikator {i}",
                "name_en": f"Fictional indicator {i}",
                "unit": "count",
                "direction": rng.choice(("higher", "lower")),
                "baseline": str(base),
                "baseline_year": "2021",
                "target": str(base + rng.randint(-10, 30)),
                "target_year": "2026",
                "action_id": aid,
                "source": draw.SOURCE,
            }
        )
        for year in (2022, 2023, 2024):
            rows["indicator_values"].append(
                {"indicator_id": iid, "year": str(year), "value": str(base + rng.randint(-5, 20)), "source": draw.SOURCE}
            )
    return rows
