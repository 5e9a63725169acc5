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


def _names(names: list[str]) -> str:
    """At most three names, each cut to 30 characters: an error line stays short whatever the file."""
    shown = [name if len(name) <= 30 else name[:27] + "..." for name in names[:3]]
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return ", ".join(map(repr, shown)) + more


def check_header(head: bytes, spec: Spec, where: str) -> tuple[str, ...]:
    """The header must be exactly the challenge's (a UTF-8 BOM and CRLF are tolerated)."""
    line, newline, _ = head.partition(b"\n")
    line = line.removeprefix(_BOM).rstrip(b"\r")
    expected = HEADERS[spec]
    if not newline and len(head) >= 64 * 1024:
        raise DatalakeError(
            f"{where}: no header line in its first 64 KiB; is this really the {spec} CSV export?"
        )
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise DatalakeError(
            f"{where}: the header is not UTF-8 text; is this really the {spec} CSV export?"
        ) from None
    found = tuple(text.split(DELIMITER))
    other = next((d for d in (",", ";", "\t") if DELIMITER not in text and d in text), None)
    if other:
        raise DatalakeError(
            f"{where}: header does not match the {spec} export: its columns are separated by "
            f"{other!r}, not {DELIMITER!r}; export it with {DELIMITER!r} and land it again."
        )
    if found != expected:
        missing = [c for c in expected if c not in found]
        unexpected = [c for c in found if c not in expected]
        detail = ", ".join(
            part
            for part in (
                f"missing {_names(missing)}" if missing else "",
                f"unexpected {_names(unexpected)}" if unexpected else "",
            )
            if part
        )
        raise DatalakeError(
            f"{where}: header does not match the {spec} export "
            f"({detail or 'same columns in another order'}); expected {len(expected)} columns "
            f"{DELIMITER.join(expected[:3])}{DELIMITER}... Land the original file and run again."
        )
    return found
