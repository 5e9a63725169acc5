"""What assets hand the lake IO manager, and what it hands them back as inputs.

Tables travel as DuckDB relations (lazy: the IO manager streams them to Parquet), pandas
DataFrames or Arrow tables. Files too large to hold in memory travel as references.
"""

from dataclasses import dataclass, field
from pathlib import Path

from datalake.storage import Storage

LAKE_IO_MANAGER = "lake_io_manager"  # the resource key every lake asset stores its outputs with


@dataclass(frozen=True)
class LandedFile:
    """A landing file to copy into the Raw zone byte for byte, as checked by its asset (for the
    later dates of a range the asset's one pass already copied to the first).

    The IO manager re-hashes while it copies: a file that changed since the check is refused.
    """

    storage: Storage
    key: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Copied:
    """A landing file its raw asset copied to its key byte for byte (checked and hashed as it
    went): the IO manager records what was stored."""

    uri: str
    size: int
    sha256: str
    lines: int  # a last line without a newline counts too


@dataclass(frozen=True)
class RawFile:
    """A raw file of the lake, as an input: DuckDB reads `uri`."""

    key: str
    uri: str


@dataclass(frozen=True)
class RawFiles:
    """The raw files of several processing dates (a single-run backfill), in date order."""

    files: tuple[RawFile, ...]
    partitions: tuple[str, ...]


@dataclass(frozen=True)
class RawJsonFiles:
    """The raw JSON files of one or more partitions of a raw TMDB asset, as an input."""

    uris: tuple[str, ...] = ()
    partitions: tuple[str, ...] = ()

    def named(self, name: str) -> list[str]:
        """URIs of the `<name>-NNNN.json` files."""
        return [uri for uri in self.uris if uri.rsplit("/", 1)[-1].startswith(f"{name}-")]


@dataclass(frozen=True)
class TmdbPages:
    """What a raw TMDB asset wrote while it fetched (pages of at most 100 records each)."""

    files: list[str] = field(default_factory=list)
    fetched: bool = True  # False: nothing was requested (no credentials)


@dataclass(frozen=True)
class StoredDates:
    """A run of several processing dates stored each date's output as it was made (through the
    lake IO manager's `store`, with that date's metadata): the run's one output only says so."""

    partitions: tuple[str, ...]


@dataclass(frozen=True)
class LakeTable:
    """A Parquet table of the lake, as an input that names where it is, engine-neutral.

    `uris` holds one glob per partition that has Parquet; `partitions` the ones asked for.
    """

    asset: str
    uris: tuple[str, ...]
    partitions: tuple[str, ...]

    @property
    def exists(self) -> bool:
        return bool(self.uris)

    def missing_error(self) -> str:
        dates = ", ".join(self.partitions) or "its date"
        return f"{self.asset} holds no Parquet for {dates}: materialise {self.asset} for {dates} first."


@dataclass(frozen=True)
class LocalFile:
    """A file built in a local folder (the catalog), uploaded as is."""

    path: Path


@dataclass(frozen=True)
class EngineTable:
    """A table another engine wrote as Parquet: into a local `folder` the IO manager publishes
    (Spark here), or, with no folder, already at the asset's key (a Glue job); `reported` is what
    the engine's job said about it (kept as `job_*` metadata)."""

    folder: Path | None = None
    reported: dict = field(default_factory=dict)
