"""The page helpers on their own: every text escaped, missing data said instead of evidence."""

from decimal import Decimal

from datalake.dashboards.page import Section, missing, render, table
from datalake.dashboards.wording import correlation, decimal, listing, money

HOSTILE = 'Bobby "<b>Tables</b>" O\'Brien'
ESCAPED = "Bobby &quot;&lt;b&gt;Tables&lt;/b&gt;&quot; O&#x27;Brien"


def test_tables_escape_cells_and_headers_and_show_nulls():
    html = table((HOSTILE, "n"), [(HOSTILE, 1234.5), (None, None)], {1: money})
    assert HOSTILE not in html
    assert f"<th>{ESCAPED}</th>" in html and f"<td>{ESCAPED}</td>" in html
    assert '<td class="n">$1.23K</td>' in html
    assert html.count('<td class="n">–</td>') == 2  # a NULL is a dash, whatever the column


def test_a_section_without_data_says_why_instead_of_evidence():
    page = render(HOSTILE, HOSTILE, [
        Section("a", HOSTILE, HOSTILE, HOSTILE, body="<svg></svg>"),
        missing("b", "B", "Why?", f"No TMDB data: {HOSTILE}"),
    ])  # fmt: skip
    assert HOSTILE not in page and page.count(ESCAPED) == 8  # title, h1, subtitle, nav, section
    assert '<p class="missing">No TMDB data: ' in page and page.count("<svg") == 1


def test_words():
    assert listing(["Crime", "War", "Drama"]) == "Crime, War and Drama"
    assert correlation(0.05) == "hardly correlated"
    assert correlation(-0.62) == "strongly negatively correlated"
    assert correlation(None) == "not measurably correlated"
    assert decimal(-0.001) == "0.00" and decimal(1234.567) == "1,234.57"
    assert decimal(Decimal("9.2")) == "9.20"  # DuckDB's DECIMAL ratings
    assert (money(2_500_000), money(245_066_411), money(-1_380_000_000)) == (
        "$2.5M",
        "$245M",
        "-$1.38B",
    )
