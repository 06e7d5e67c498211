"""Chart geometry: the dyad timeline's months, bars and Goldstein line; the network's nodes and edges."""

from __future__ import annotations

from tacitus.web.charts import COOPERATION, CONFLICT, MIXED, edge_colour, network_chart, timeline_chart


def test_timeline_fills_empty_months_and_stacks_classes():
    rows = [{"month": "2017-12", "quad_class": 1, "events": 2, "goldstein_mean": 4.0},
            {"month": "2017-12", "quad_class": 4, "events": 2, "goldstein_mean": -8.0},
            {"month": "2018-03", "quad_class": 3, "events": 1, "goldstein_mean": -2.0},
            {"month": None, "quad_class": 1, "events": 9, "goldstein_mean": 1.0}]
    chart = timeline_chart(rows)
    assert chart.months == 4 and chart.total == 5, "Dec, Jan, Feb, Mar; the undated row is left out"
    assert len(chart.bars) == 3
    december = [b for b in chart.bars if b.title.startswith("2017-12")]
    assert december[0].y + december[0].height == chart.plot[3], "the first class sits on the axis"
    assert abs(december[1].y + december[1].height - december[0].y) < 0.01, "the second stacks on it"
    assert "mean Goldstein -2.00 over 4 events" in chart.points[0][2]
    assert len(chart.points) == 2, "no point for months without events"


def test_timeline_of_nothing_is_none():
    assert timeline_chart([]) is None
    assert timeline_chart([{"month": None, "quad_class": 1, "events": 3, "goldstein_mean": 1.0}]) is None


def test_edge_colour_by_share_of_conflict():
    assert edge_colour(5, 1)[0] == COOPERATION
    assert edge_colour(1, 5)[0] == CONFLICT
    assert edge_colour(2, 2)[0] == MIXED
    assert edge_colour(0, 0)[0] == MIXED


def test_network_keeps_the_busiest_actors_and_bends_each_direction_apart():
    edges = [{"source": "PAK", "target": "RUS", "events": 5, "cooperation": 5, "conflict": 0},
             {"source": "RUS", "target": "PAK", "events": 1, "cooperation": 0, "conflict": 1},
             {"source": "PAK", "target": "IND", "events": 2, "cooperation": 0, "conflict": 2},
             {"source": "NPL", "target": "BTN", "events": 1, "cooperation": 1, "conflict": 0}]
    chart = network_chart(edges, max_nodes=3)
    assert sorted(n.code for n in chart.nodes) == ["IND", "PAK", "RUS"]
    assert chart.dropped == 1
    there = next(e for e in chart.edges if (e.source, e.target) == ("PAK", "RUS"))
    back = next(e for e in chart.edges if (e.source, e.target) == ("RUS", "PAK"))
    assert there.path != back.path and there.width > back.width
    assert there.colour == COOPERATION and back.colour == CONFLICT
    assert network_chart([]) is None
