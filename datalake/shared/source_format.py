"""The challenge's source files: names, exact headers and CSV dialect (see FACTS.md)."""

from datalake.errors import DatalakeError
from datalake.storage.layout import Spec

DELIMITER = "|"
NULL = r"\N"

# The `tituloPincipal` typo is the real header's; a file without it is not the challenge's file.
MOVIES_HEADER = (
    "id", "tituloPincipal", "tituloOriginal", "anoLancamento", "tempoMinutos", "genero",
    "notaMedia", "numeroVotos", "generoArtista", "personagem", "nomeArtista", "anoNascimento",
    "anoFalecimento", "profissao", "titulosMaisConhecidos",
)  # fmt: skip
SERIES_HEADER = (*MOVIES_HEADER[:4], "anoTermino", *MOVIES_HEADER[4:])

HEADERS: dict[Spec, tuple[str, ...]] = {"movies": MOVIES_HEADER, "series": SERIES_HEADER}


def file_name(spec: Spec) -> str:
    """`movies.csv` or `series.csv`: the landing and raw file name of a spec."""
    return f"{spec}.csv"


_BOM = b"\xef\xbb\xbf"


def check_header(head: bytes, spec: Spec, where: str) -> tuple[str, ...]:
    """The header must be exactly the challenge's (a UTF-8 BOM and CRLF are tolerated)."""
    line = head.split(b"\n", 1)[0].removeprefix(_BOM).rstrip(b"\r")
    try:
        found = tuple(line.decode("utf-8").split(DELIMITER))
    except UnicodeDecodeError:
        raise DatalakeError(
            f"{where}: the header is not UTF-8 text; is this really the {spec} CSV export?"
        ) from None
    expected = HEADERS[spec]
    if found != expected:
        missing = [c for c in expected if c not in found]
        unexpected = [c for c in found if c not in expected]
        detail = (
            f"missing {missing}, unexpected {unexpected}"
            if missing or unexpected
            else ("same columns in another order")
        )
        raise DatalakeError(
            f"{where}: header does not match the {spec} export ({detail}); "
            f"expected {DELIMITER.join(expected)!r}. Land the original file and run again."
        )
    return found
