"""The source CSV columns, their snake_case names in Trusted and how each is checked and typed.

One table drives the SQL, the reject reasons and the documented mapping (docs/trusted_columns.md),
so the three cannot drift apart. Values are checked as text (GLOB patterns), which is stricter
than DuckDB's casts: those accept `1994.5`, `0x10` or `1e3` as integers.
"""

from dataclasses import dataclass

from datalake.shared.source_format import NULL
from datalake.shared.sql import sql_literal
from datalake.storage.layout import Spec


@dataclass(frozen=True)
class Kind:
    """How a source value is checked and typed."""

    sql_type: str
    meaning: str = "text"  # what a valid value is, in reject reasons
    globs: tuple[str, ...] = ()  # a non-null value matches one of these GLOB patterns,
    max_digits: int = 0  # or is a whole number of at most this many digits
    nullable: bool = True
    bounds: tuple[int, int] | None = None  # the typed value's range, checked after writing

    def check_sql(self, ref: str) -> str | None:
        """A SQL boolean, true when the trimmed field `ref` is acceptable (None: any text is).

        GLOB patterns rather than regular expressions: a third cheaper on a million rows.
        """
        tests = [f"{ref} GLOB {sql_literal(glob)}" for glob in self.globs]
        if self.max_digits:
            digits_only = f"{ref} <> '' AND NOT {ref} GLOB '*[!0-9]*'"
            tests.append(f"({digits_only} AND length({ref}) <= {self.max_digits})")
        if not tests:
            return None
        # Cheapest first: OR stops at the first test that holds.
        nulls = [f"{ref} = {sql_literal(NULL)}"] if self.nullable else []
        return "(" + " OR ".join(nulls + tests) + ")"

    def typed_sql(self, ref: str) -> str:
        """The typed value of the trimmed, checked field `ref`, `\\N` as null."""
        value = f"nullif({ref}, {sql_literal(NULL)})"
        if self.sql_type == "VARCHAR[]":
            # An empty list field (seen in `profissao`) means unknown, like `\N`.
            return f"string_split(nullif({value}, ''), ',')"
        return value if self.sql_type == "VARCHAR" else f"CAST({value} AS {self.sql_type})"


@dataclass(frozen=True)
class Column:
    source: str  # name in the CSV header
    name: str  # snake_case name in Trusted
    kind: Kind

    def reason_sql(self, ref: str) -> str | None:
        """A SQL text saying why the trimmed field `ref` was refused, or NULL when it is fine."""
        check = self.kind.check_sql(ref)
        if check is None:
            return None
        before = sql_literal(f"{self.source}='")
        after = sql_literal(f"' is not {self.kind.meaning}")
        return f"CASE WHEN NOT {check} THEN {before} || {ref} || {after} END"


_DIGIT = "[0-9]"
TITLE_ID = Kind(
    "VARCHAR", "an IMDb title id (tt + 7-8 digits)", globs=("tt" + _DIGIT * 7, "tt" + _DIGIT * 8),
    nullable=False,
)  # fmt: skip
TEXT = Kind("VARCHAR")
LIST = Kind("VARCHAR[]")
TITLE_YEAR = Kind(
    "SMALLINT", "a year 1800-2099", globs=("1[89]" + _DIGIT * 2, "20" + _DIGIT * 2),
    bounds=(1800, 2099),
)  # fmt: skip
PERSON_YEAR = Kind("SMALLINT", "a four-digit year", globs=(_DIGIT * 4,), bounds=(0, 9999))
MINUTES = Kind("INTEGER", "a whole number of minutes", max_digits=6, bounds=(0, 999_999))
RATING = Kind(
    "DECIMAL(3,1)", "a rating 0-10 with one decimal",
    globs=(_DIGIT + "." + _DIGIT, _DIGIT, "10.0", "10"), bounds=(0, 10),
)  # fmt: skip
VOTES = Kind("INTEGER", "a whole number of votes", max_digits=9, bounds=(0, 999_999_999))

_MOVIES = (
    Column("id", "title_id", TITLE_ID),
    Column("tituloPincipal", "primary_title", TEXT),
    Column("tituloOriginal", "original_title", TEXT),
    Column("anoLancamento", "release_year", TITLE_YEAR),
    Column("tempoMinutos", "runtime_minutes", MINUTES),
    Column("genero", "genres", LIST),
    Column("notaMedia", "average_rating", RATING),
    Column("numeroVotos", "num_votes", VOTES),
    Column("generoArtista", "artist_category", TEXT),
    Column("personagem", "character_name", TEXT),
    Column("nomeArtista", "artist_name", TEXT),
    Column("anoNascimento", "birth_year", PERSON_YEAR),
    Column("anoFalecimento", "death_year", PERSON_YEAR),
    Column("profissao", "professions", LIST),
    Column("titulosMaisConhecidos", "known_for_titles", LIST),
)
_SERIES = (*_MOVIES[:4], Column("anoTermino", "end_year", TITLE_YEAR), *_MOVIES[4:])

# Fields are matched by position, so each tuple follows its header (HEADERS) exactly.
COLUMNS: dict[Spec, tuple[Column, ...]] = {"movies": _MOVIES, "series": _SERIES}
