"""Who is behind the titles both audiences rate highly: directors, creators and actors."""

from collections.abc import Callable

from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing, table
from datalake.dashboards.wording import decimal

ANCHOR, TITLE = "people", "People behind acclaimed titles"
HIGH_RATING = 7.5  # "rated highly" on both 0-10 scales
QUESTION = (
    f"Which directors, creators and actors are tied to titles rated at least {HIGH_RATING} on both "
    "IMDb and TMDB?"
)
ROLE_GROUPS = ("directors", "creators", "actors")
HEADERS = ("Name", "Titles", "Mean IMDb", "Mean TMDB", "Which")
FORMATS: dict[int, Callable] = {1: str, 2: decimal, 3: decimal}


def _people(rows: list[tuple], role_group: str) -> str:
    people = [row[1:6] for row in rows if row[0] == role_group]
    found = table(HEADERS, people, FORMATS) if people else "<p>None.</p>"
    return f"<h3>{role_group.capitalize()}</h3>{found}"


def build(ctx: Context) -> Section:
    if not ctx.has_tmdb:
        return missing(ANCHOR, TITLE, QUESTION, ctx.no_tmdb("TMDB's ratings"))
    rows = ctx.rows("acclaimed_people", [HIGH_RATING, HIGH_RATING])
    if not rows:
        return missing(ANCHOR, TITLE, QUESTION, f"No {ctx.genres} title is that high on both.")
    group, name, titles, *_ = max(rows, key=lambda row: row[2])  # first of the most credited
    finding = (
        f"{rows[0][-1]} {ctx.genres} titles are rated at least {HIGH_RATING} on both sites; "
        f"{name} ({group[:-1]}) is credited on the most of them ({titles})."
    )
    tables = "".join(_people(rows, role_group) for role_group in ROLE_GROUPS)
    return Section(ANCHOR, TITLE, QUESTION, finding, tables)
