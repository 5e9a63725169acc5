"""Small Compass-format files for raw-zone tests."""

from pathlib import Path

from datalake.shared.source_format import HEADERS


def write_landing(folder: Path, spec: str, rows: list[str], header: str | None = None) -> Path:
    """`<folder>/<spec>.csv` with the exact header (or another) and the given data lines."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{spec}.csv"
    lines = [header if header is not None else "|".join(HEADERS[spec]), *rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


MOVIE_ROWS = [
    'tt0090555|"Crocodile" Dundee|"Crocodile" Dundee|1986|97|Adventure,Comedy|6.5|100000|actor|'
    r"Mick Dundee|Paul Hogan|1939|\N|actor,writer|tt0090555",
    "tt0317248|Cidade de Deus|Cidade de Deus|2002|130|Crime,Drama|8.6|800000|actor|"
    r"Buscapé|Alexandre Rodrigues|1983|\N||tt0317248",
    "tt0095327|火垂るの墓|Hotaru no haka|1988|89|Animation,Drama,War|8.5|300000|actress|"
    r"Setsuko|Ayano Shiraishi|1981|\N|actress|\N",
]
SERIES_ROWS = [
    r"tt0903747|Breaking Bad|Breaking Bad|2008|2013|49|Crime,Drama,Thriller|9.5|2000000|actor|"
    r"Walter White|Bryan Cranston|1956|\N|actor,producer|tt0903747",
    r"tt2707408|Narcos|Narcos|2015|\N|49|Biography,Crime,Drama|8.8|450000|actor|"
    r"Pablo Escobar|Wagner Moura|1976|\N|actor|tt2707408",
]
ROWS = {"movies": MOVIE_ROWS, "series": SERIES_ROWS}
