"""Hostile source files: every trap of the real exports, with what Trusted must make of them."""

from datalake.shared.source_format import HEADERS

BOM = "\ufeff"
MOVIES_HEADER = "|".join(HEADERS["movies"])
SERIES_HEADER = "|".join(HEADERS["series"])

# Data lines, from line 2 on, with what each must become. `None` lines are blank.
CROCODILE = (
    'tt0090555|"Crocodile" Dundee|"Crocodile" Dundee|1986|97|Adventure,Comedy|6.5|100000|actor|'
    r"Mick Dundee|Paul Hogan|1939|\N|actor,writer|tt0090555,tt0092493"
)
MOVIE_LINES = [
    CROCODILE,  # 2: a title that starts with a quote
    r"tt0095327|火垂るの墓|Hotaru no haka|1988|89|Animation,Drama,War|8.5|300000|actress|"
    r"Setsuko|Ayano Shiraishi|1981|\N||\N",  # 3: Japanese, empty profissao
    r"tt0000001|\N|\N|\N|\N|\N|\N|\N|\N|\N|\N|\N|\N|\N|\N",  # 4: null everywhere but the id
    "tt0301357|Goodbye, Lenin|Good Bye, Lenin!|2003|121|Comedy,Drama|7.7|150000|actress|"
    r"Christiane Kerner|Katrin Saß|1956|2016|actress|\N",  # 5: commas, accents
    "tt0317248 | Cidade de Deus |\tCidade de Deus\t| 2002 |130|Crime,Drama| 8.6 |800000|actor|"
    r"Buscapé|Alexandre Rodrigues|1983|\N|actor|tt0317248",  # 6: surrounding whitespace
    "tt0000003|Bad year|Bad year|19x4|90|Drama|7.0|10|actor|x|y|1950|1990|actor|\\N",  # 7
    "tt0000004|short|line",  # 8
    "tt0000005|Long|Long|1994|90|Drama|7.0|10|actor|x|y|1950|1990|actor|\\N|extra",  # 9
    "x123|Bad id|Bad id|1994|90|Drama|11.5|10|actor|x|y|1950|1990|actor|\\N",  # 10
    CROCODILE,  # 11: exact duplicate of line 2
    None,  # 12: blank
    "tt0000006|Bad votes|Bad votes|1994|90|Drama|7.25|-5|actor|x|y|1950|1990|actor|\\N",  # 13
]
MOVIE_LINES.append(MOVIE_LINES[7 - 2])  # 14: a duplicate of a refused line is only a duplicate
MOVIE_REJECTS = {
    7: ["anoLancamento='19x4'"],
    8: ["expected 15 fields, found 3"],
    9: ["expected 15 fields, found 16"],
    10: ["id='x123'", "notaMedia='11.5'"],
    13: ["notaMedia='7.25'", "numeroVotos='-5'"],
}
MOVIE_TRUSTED_IDS = ["tt0090555", "tt0095327", "tt0000001", "tt0301357", "tt0317248"]
MOVIE_DUPLICATES = 2

SERIES_LINES = [
    r"tt0903747|Breaking Bad|Breaking Bad|2008|2013|49|Crime,Drama,Thriller|9.5|2000000|actor|"
    r"Walter White|Bryan Cranston|1956|\N|actor,producer|tt0903747",
    r"tt2707408|Narcos|Narcos|2015|\N|49|Biography,Crime,Drama|8.8|450000|actor|"
    r"Pablo Escobar|Wagner Moura|1976|\N||tt2707408",
    r"tt1234567|Bad end|Bad end|2015|20x5|49|Drama|8.8|450000|actor|x|y|1976|\N|actor|\N",
]
SERIES_REJECTS = {4: ["anoTermino='20x5'"]}


def csv_bytes(header: str, lines: list, bom: bool = True, newline: str = "\r\n") -> bytes:
    """A file in the export's format (by default with a BOM and CRLF), ending in a blank line."""
    text = newline.join([header, *(line or "" for line in lines)]) + newline + newline
    return ((BOM if bom else "") + text).encode("utf-8")


def movies_csv() -> bytes:
    return csv_bytes(MOVIES_HEADER, MOVIE_LINES)


def series_csv() -> bytes:
    return csv_bytes(SERIES_HEADER, SERIES_LINES)
