"""What node size and node colour encode in the drawing: a metric's values mapped to sizes and a colour ramp."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd

from .. import dates

__all__ = [
    "SIZE_METRICS",
    "COLOUR_METRICS",
    "RAMP",
    "NO_VALUE",
    "MIN_SIZE",
    "MAX_SIZE",
    "Scale",
    "Encoding",
    "needs_metrics",
    "metric_values",
    "scale_of",
    "sizes",
    "colours",
    "encoding",
]

#: What node size can encode: ``ties`` (ties drawn, the page's own count and the default),
#: betweenness and the year of the last recorded activity (columns of ``entity_metrics``).
SIZE_METRICS = ("ties", "betweenness", "last_activity")
#: What node colour can encode: the entity kind (the default, with its style) or a metric.
COLOUR_METRICS = ("kind", "ties", "betweenness", "last_activity")
#: A sequential ramp from low to high (viridis stops): ordered in lightness, so it reads in
#: greyscale and for the common colour-vision deficiencies.
RAMP = ("#440154", "#414487", "#2a788e", "#22a884", "#7ad151", "#fde725")
#: The colour of an entity with no value for the colour metric (no recorded activity).
NO_VALUE = "#d3d3d3"
#: Node sizes (vis-network's ``size``) of the lowest and the highest value.
MIN_SIZE, MAX_SIZE = 10.0, 45.0
# Counts and betweenness are skewed (a few hubs): a square root spreads the many small values
# (and makes a node's area, not its radius, follow the value). Years are spread evenly already.
_SQRT = frozenset(("ties", "betweenness"))


class Scale(NamedTuple):
    """The range a metric's values span in a drawing, for its legend."""

    metric: str
    low: float
    high: float
    missing: bool  # some entity has no value (drawn in :data:`NO_VALUE` or at the smallest size)


class Encoding(NamedTuple):
    """Node sizes and colours of a drawing by metric, and the scales the legend shows (None: the default encoding)."""

    size_by: str
    colour_by: str
    sizes: dict[str, float]
    colours: dict[str, str]
    size_scale: Scale | None
    colour_scale: Scale | None


def needs_metrics(size_by: str, colour_by: str) -> bool:
    """Return whether this choice needs the metrics table (the defaults, ties drawn and kind, do not).

    >>> needs_metrics("ties", "kind"), needs_metrics("ties", "betweenness")
    (False, True)
    """
    return size_by != "ties" or colour_by != "kind"


def metric_values(table: pd.DataFrame, metric: str) -> dict[str, float]:
    """Return ``entity id -> value`` of ``metric`` from an ``entity_metrics`` table; entities without one left out.

    ``last_activity`` becomes the year of the date (``'2019-05'`` -> 2019.0).

    >>> t = pd.DataFrame({"id": ["a", "b"], "ties": [3, 1], "last_activity": ["2019-05", None]})
    >>> metric_values(t, "ties"), metric_values(t, "last_activity")
    ({'a': 3.0, 'b': 1.0}, {'a': 2019.0})
    """
    if metric not in table.columns:
        raise ValueError(f"no metric {metric!r} in the table")
    out: dict[str, float] = {}
    for node, value in zip(table["id"], table[metric]):
        if metric == "last_activity":
            year = dates.year_of(value) if isinstance(value, str) else None
            if year is not None:
                out[str(node)] = float(year)
        elif value is not None and not (isinstance(value, float) and math.isnan(value)):
            out[str(node)] = float(value)
    return out


def scale_of(metric: str, values: Mapping[Any, float], total: int | None = None) -> Scale:
    """Return the :class:`Scale` of ``values``; ``missing`` when fewer values than ``total`` entities.

    >>> scale_of("ties", {"a": 1.0, "b": 4.0}, total=3)
    Scale(metric='ties', low=1.0, high=4.0, missing=True)
    """
    vals = list(values.values())
    low, high = (min(vals), max(vals)) if vals else (0.0, 0.0)
    return Scale(metric, low, high, total is not None and len(vals) < total)


def _share(value: float, scale: Scale) -> float:
    """Return where ``value`` lies in ``scale``, 0-1 (square root for skewed metrics; 1 when all values are equal)."""
    if scale.high <= scale.low:
        return 1.0
    t = min(max((value - scale.low) / (scale.high - scale.low), 0.0), 1.0)
    return math.sqrt(t) if scale.metric in _SQRT else t


def sizes(values: Mapping[str, float], scale: Scale, low: float = MIN_SIZE, high: float = MAX_SIZE) -> dict[str, float]:
    """Return ``id -> node size`` from ``low`` (the scale's lowest value) to ``high`` (its highest), rounded to 0.1.

    >>> sizes({"a": 0.0, "b": 0.25, "c": 1.0}, Scale("betweenness", 0.0, 1.0, False), 10, 30)
    {'a': 10.0, 'b': 20.0, 'c': 30.0}
    """
    return {n: round(low + (high - low) * _share(v, scale), 1) for n, v in values.items()}


def _mix(a: str, b: str, t: float) -> str:
    """Return the colour ``t`` of the way from hex colour ``a`` to ``b``."""
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(pa, pb))


def colours(values: Mapping[str, float], scale: Scale, ramp: tuple[str, ...] = RAMP) -> dict[str, str]:
    """Return ``id -> hex colour`` on ``ramp``: its first colour for the scale's lowest value, its last for the highest.

    >>> colours({"a": 2000.0, "b": 2010.0, "c": 2020.0}, Scale("last_activity", 2000, 2020, False), ("#000000", "#ffffff"))
    {'a': '#000000', 'b': '#808080', 'c': '#ffffff'}
    """
    out: dict[str, str] = {}
    steps = len(ramp) - 1
    for n, v in values.items():
        x = _share(v, scale) * steps
        i = min(int(x), steps - 1)
        out[n] = _mix(ramp[i], ramp[i + 1], x - i)
    return out


def encoding(table: pd.DataFrame | None, size_by: str = "ties", colour_by: str = "kind") -> Encoding:
    """Return the :class:`Encoding` of ``size_by`` and ``colour_by`` over the entities of an ``entity_metrics`` table.

    The defaults (size by ties drawn, colour by kind) need no table and give empty maps;
    the scales span every entity of the table, so a node keeps its size and colour when
    the drawing narrows to a focus.

    >>> t = pd.DataFrame({"id": ["a", "b"], "ties": [1, 4], "betweenness": [0.0, 0.5], "last_activity": [None, "2020"]})
    >>> e = encoding(t, "betweenness", "last_activity")
    >>> e.sizes, e.colours, e.colour_scale.missing
    ({'a': 10.0, 'b': 45.0}, {'b': '#fde725'}, True)
    """
    if size_by not in SIZE_METRICS:
        raise ValueError(f"node size cannot encode {size_by!r}")
    if colour_by not in COLOUR_METRICS:
        raise ValueError(f"node colour cannot encode {colour_by!r}")
    size_map: dict[str, float] = {}
    colour_map: dict[str, str] = {}
    size_scale = colour_scale = None
    if needs_metrics(size_by, colour_by) and table is None:
        raise ValueError("this encoding needs the metrics table")
    total = len(table) if table is not None else 0
    if size_by != "ties" and table is not None:
        values = metric_values(table, size_by)
        size_scale = scale_of(size_by, values, total)
        size_map = sizes(values, size_scale)
    if colour_by != "kind" and table is not None:
        values = metric_values(table, colour_by)
        colour_scale = scale_of(colour_by, values, total)
        colour_map = colours(values, colour_scale)
    return Encoding(size_by, colour_by, size_map, colour_map, size_scale, colour_scale)
