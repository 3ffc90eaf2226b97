"""The coverage matrices: per sister city, the ties and activities per sector and the local actors per kind."""

from __future__ import annotations

import pandas as pd

from .. import rules as R
from .. import vocab
from .context import Context
from .places import local_participants, place_activities, sister_cities
from .rows import gone

__all__ = ["sector_matrix", "actor_matrix"]


def sector_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × sector coverage matrix: ties that count and activities registered, per city and sector.

    Columns: ``city_id``, ``city_name``, then one column per sector code. A tie
    or activity with several sectors counts in each; ties of institutions
    located in the city count for the city; activities count when registered
    there by the date (:func:`place_activities`).
    """
    codes = [t.code for t in vocab.SECTORS]
    acts = place_activities(ctx)
    out = []
    for city in sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        sectors = [s for t in ctx.place_ties.get(city, []) for s in (t.attrs.get("sectors") or "").split(";")]
        sectors += [s for a in acts.get(city, []) for s in a.sectors]
        for s in filter(None, sectors):
            counts[s] = counts.get(s, 0) + 1
        out.append({"city_id": city, "city_name": ctx.names(city)[0], **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])


def actor_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × local-actor-kind coverage matrix: distinct local actors per city and kind.

    Columns: ``city_id``, ``city_name``, then one column per local actor kind
    (the municipality included), in the vocabulary's order. An actor counts
    through a tie that counts, or by taking part in an activity registered there.
    """
    codes = [t.code for t in vocab.ENTITY_KINDS if t.code in R.LOCAL_ACTOR_KINDS]
    acts = place_activities(ctx)
    away = gone(ctx)
    out = []
    for city in sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        actors = set(ctx.place_actors.get(city, {})) | local_participants(ctx, acts.get(city, []))
        for actor in actors - away:
            k = ctx.kind(actor)
            if k in counts:
                counts[k] += 1
        out.append({"city_id": city, "city_name": ctx.names(city)[0], **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])
