"""The SVG charts on their own: escaped labels, odd ranges."""

import xml.etree.ElementTree as ElementTree

from datalake.dashboards.charts import bar_chart, line_chart, scatter_chart
from datalake.dashboards.svg import Scale
from datalake.dashboards.wording import count, decimal

HOSTILE = '<script>alert("x")</script> & 日本'


def parse(svg: str) -> ElementTree.Element:
    """Well-formed XML, so browsers render it inline as it is meant."""
    return ElementTree.fromstring(svg)


def test_labels_and_tooltips_are_escaped():
    charts = [
        bar_chart(HOSTILE, [(HOSTILE, -2.5), ("b", 4.0)], decimal),
        line_chart(
            HOSTILE,
            {HOSTILE: [(1990, 1.0), (2000, 3.0)], "b": [(1990, 2.0)]},
            str,
            count,
            (HOSTILE, "y"),
        ),
        scatter_chart(
            HOSTILE, [(1e6, 2.0, HOSTILE), (3e8, 40.0, "b")], str, decimal, ("x", "y"), log_x=True
        ),
    ]
    for svg in charts:
        assert "<script" not in svg
        texts = "".join(parse(svg).itertext())
        assert HOSTILE in texts  # escaped in the markup, intact as text


def test_negative_bars_start_at_zero():
    root = parse(bar_chart("signs", [("down", -1.0), ("up", 1.0)], decimal))
    down, up = (r for r in root.iter("{http://www.w3.org/2000/svg}rect"))
    assert float(down.get("x")) + float(down.get("width")) == float(up.get("x"))


def test_scales_round_their_ticks_and_survive_a_single_value():
    assert Scale.fit([3, 97], 0, 100).ticks() == [0, 20, 40, 60, 80, 100]
    assert Scale.fit([5, 5], 0, 100).ticks() == [4, 4.5, 5, 5.5, 6]
    assert Scale.fit([2e5, 3e8], 0, 100, log=True).ticks() == [1e5, 1e6, 1e7, 1e8, 1e9]
    single = Scale.fit([7.0], 300, 0, zero=True)
    assert single(0) == 300 and 0 <= single(7.0) < 300
