"""The challenge's source files: names, exact headers and CSV dialect (see FACTS.md)."""

from datalake.storage.layout import Spec

DELIMITER = "|"
NULL = r"\N"

# The `tituloPincipal` typo is the real header's; a file without it is not the challenge's file.
MOVIES_HEADER = (
    "id", "tituloPincipal", "tituloOriginal", "anoLancamento", "tempoMinutos", "genero",
    "notaMedia", "numeroVotos", "generoArtista", "personagem", "nomeArtista", "anoNascimento",
    "anoFalecimento", "profissao", "titulosMaisConhecidos",
)  # fmt: skip
SERIES_HEADER = MOVIES_HEADER[:4] + ("anoTermino",) + MOVIES_HEADER[4:]

HEADERS: dict[Spec, tuple[str, ...]] = {"movies": MOVIES_HEADER, "series": SERIES_HEADER}


def file_name(spec: Spec) -> str:
    """`movies.csv` or `series.csv`: the landing and raw file name of a spec."""
    return f"{spec}.csv"
