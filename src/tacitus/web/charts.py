"""Chart geometry for the SVG pages: the dyad timeline and the actor network.

Reads plain rows (as :mod:`tacitus.web.views` returns them) and returns coordinates, sizes and
labels; the templates only write them out as SVG, with Jinja escaping every label. Hand-written
because a plotting library would mean shipping its JavaScript (or a CDN) to the browser, and
these two charts need only a scale, stacked bars, a polyline and a circle layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

from .highlight import QUAD_NAMES

# Quad class colours: cooperation in blues/greens, conflict in oranges/reds (colour-blind safe pairs).
QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#d62728"}
COOPERATION, MIXED, CONFLICT = "#2e7d32", "#8d8d8d", "#c62828"
GOLDSTEIN_COLOUR = "#222222"
MAX_MONTHS = 600


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class TimelineChart:
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    bars: list[Bar] = field(default_factory=list)
    line: str = ""
    points: list[tuple[float, float, str]] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    g_ticks: list[Tick] = field(default_factory=list)
    zero_y: float = 0.0
    legend: list[tuple[str, str]] = field(default_factory=list)
    months: int = 0
    total: int = 0


def _month_index(month: str) -> int:
    year, mon = month[:7].split("-")
    return int(year) * 12 + int(mon) - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k at or above ``value`` (axis tops that read well)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def timeline_chart(rows: Iterable[dict[str, Any]], width: int = 880, height: int = 340) -> TimelineChart | None:
    """Stacked monthly bars by quad class and a mean-Goldstein line from rows of
    ``{"month": "YYYY-MM", "quad_class": 1-4, "events": n, "goldstein_mean": mean}`` (the Store's
    ``stats_dyad`` rows; rows of several dyads add up); None when there are none.

    Months between the first and last are filled with zeros so the time axis is even; the mean
    Goldstein of a month weighs each quad class's mean by its events.
    """
    counts: dict[int, dict[int, int]] = {}
    weighted: dict[int, float] = {}
    for row in rows:
        if not row.get("month") or not row.get("events"):
            continue
        month = _month_index(str(row["month"]))
        quad = int(row["quad_class"])
        counts.setdefault(month, {})[quad] = counts.get(month, {}).get(quad, 0) + int(row["events"])
        if row.get("goldstein_mean") is not None:
            weighted[month] = weighted.get(month, 0.0) + float(row["goldstein_mean"]) * int(row["events"])
    if not counts:
        return None
    first, last = min(counts), max(counts)
    first = max(first, last - MAX_MONTHS + 1)
    months = list(range(first, last + 1))
    left, top, right, bottom = 52.0, 16.0, width - 52.0, height - 44.0
    chart = TimelineChart(width, height, (left, top, right, bottom), months=len(months))
    totals = {m: sum(counts.get(m, {}).values()) for m in months}
    chart.total = sum(totals.values())
    # At least 4, so that the five ticks of a small chart are whole events.
    y_max = max(4.0, _nice_ceiling(max(totals.values())))
    slot = (right - left) / len(months)
    bar_width = max(1.0, slot * 0.8)

    def y_count(value: float) -> float:
        return bottom - (bottom - top) * value / y_max

    def y_goldstein(value: float) -> float:
        return bottom - (bottom - top) * (value + 10) / 20

    line_points = []
    for i, month in enumerate(months):
        x = left + i * slot + (slot - bar_width) / 2
        stacked = 0
        for quad in (1, 2, 3, 4):
            n = counts.get(month, {}).get(quad, 0)
            if not n:
                continue
            y_top = y_count(stacked + n)
            chart.bars.append(Bar(round(x, 2), round(y_top, 2), round(bar_width, 2),
                                  round(y_count(stacked) - y_top, 2), QUAD_COLOURS.get(quad, MIXED),
                                  f"{_month_name(month)}: {n} {QUAD_NAMES.get(quad, f'quad {quad}')}"))
            stacked += n
        if totals[month] and month in weighted:
            mean = weighted[month] / totals[month]
            point = (round(left + (i + 0.5) * slot, 2), round(y_goldstein(mean), 2))
            line_points.append(point)
            chart.points.append((*point, f"{_month_name(month)}: mean Goldstein {mean:+.2f} over {totals[month]} events"))
    chart.line = " ".join(f"{x},{y}" for x, y in line_points)
    every = max(1, math.ceil(len(months) / 12))
    chart.x_ticks = [Tick(round(left + (i + 0.5) * slot, 2), _month_name(m)) for i, m in enumerate(months) if i % every == 0]
    chart.y_ticks = [Tick(round(y_count(y_max * k / 4), 2), f"{y_max * k / 4:g}") for k in range(5)]
    chart.g_ticks = [Tick(round(y_goldstein(g), 2), f"{g:+d}" if g else "0") for g in (-10, -5, 0, 5, 10)]
    chart.zero_y = round(y_goldstein(0), 2)
    chart.legend = [(QUAD_COLOURS[q], QUAD_NAMES[q]) for q in (1, 2, 3, 4)] + [(GOLDSTEIN_COLOUR, "mean Goldstein")]
    return chart


@dataclass
class Node:
    code: str
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str
    events: int


@dataclass
class Edge:
    source: str
    target: str
    path: str
    width: float
    colour: str
    marker: str
    title: str


@dataclass
class NetworkChart:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    dropped: int = 0
    legend: list[tuple[str, str]] = field(default_factory=list)


def edge_colour(cooperation: int, conflict: int) -> tuple[str, str]:
    """Colour and arrow-marker id of an edge: green when two thirds or more of its coded events
    cooperate, red when two thirds or more conflict, grey between (and for statements only)."""
    total = cooperation + conflict
    if total and cooperation / total >= 2 / 3:
        return COOPERATION, "arrow-coop"
    if total and conflict / total >= 2 / 3:
        return CONFLICT, "arrow-conflict"
    return MIXED, "arrow-mixed"


def network_chart(edges: Iterable[dict[str, Any]], max_nodes: int = 30, width: int = 880,
                  height: int = 660) -> NetworkChart | None:
    """A circle layout of the actors with the most events, from edges ``{"source", "target",
    "events", "cooperation", "conflict"}``; edge width grows with events. None when there are no edges.

    Edges are curved, each bending to its own left, so A->B and B->A stay apart. Edges to actors
    outside the ``max_nodes`` busiest are left out and counted in ``dropped``.
    """
    edges = [e for e in edges if e.get("events")]
    if not edges:
        return None
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["source"]] = weight.get(e["source"], 0) + e["events"]
        weight[e["target"]] = weight.get(e["target"], 0) + e["events"]
    kept = sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes]
    # Around the circle in code order, so actors of one country (PAK, PAKGOV, PAKMIL) sit together.
    order = sorted(kept)
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 90
    biggest = max(weight[c] for c in kept)
    nodes: dict[str, Node] = {}
    for i, code in enumerate(order):
        angle = 2 * math.pi * i / len(order) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 5 + 13 * math.sqrt(weight[code] / biggest)
        lx, ly = cx + (radius + r + 8) * math.cos(angle), cy + (radius + r + 8) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        nodes[code] = Node(code, round(x, 2), round(y, 2), round(r, 2), round(lx, 2), round(ly + 4, 2), anchor,
                           weight[code])
    shown = [e for e in edges if e["source"] in nodes and e["target"] in nodes]
    heaviest = max((e["events"] for e in shown), default=1)
    chart_edges = []
    for e in sorted(shown, key=lambda e: e["events"]):
        a, b = nodes[e["source"]], nodes[e["target"]]
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1.0
        # End the curve at the target's rim so the arrow head shows.
        ex, ey = b.x - dx / length * (b.r + 2), b.y - dy / length * (b.r + 2)
        bend = 0.15 * length
        qx, qy = (a.x + ex) / 2 + dy / length * bend, (a.y + ey) / 2 - dx / length * bend
        colour, marker = edge_colour(e.get("cooperation", 0), e.get("conflict", 0))
        other = e["events"] - e.get("cooperation", 0) - e.get("conflict", 0)
        title = (f"{e['source']} -> {e['target']}: {e['events']} events ({e.get('cooperation', 0)} cooperation, "
                 f"{e.get('conflict', 0)} conflict" + (f", {other} other" if other else "") + ")")
        chart_edges.append(Edge(e["source"], e["target"],
                                f"M{a.x},{a.y} Q{round(qx, 2)},{round(qy, 2)} {round(ex, 2)},{round(ey, 2)}",
                                round(1 + 7 * math.sqrt(e["events"] / heaviest), 2), colour, marker, title))
    return NetworkChart(width, height, [nodes[c] for c in order], chart_edges, dropped=len(edges) - len(shown),
                        legend=[(COOPERATION, "mostly cooperation"), (MIXED, "mixed or neutral"),
                                (CONFLICT, "mostly conflict")])
