"""Everything that depends on the environment, read in one place (never mutated at import)."""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from datalake.errors import DatalakeError
from datalake.storage.location import normalise_location
from datalake.tmdb.genres import IMDB_GENRES, unknown_genres

DEFAULT_TMDB_BASE_URL = "https://api.themoviedb.org/3"
DEFAULT_GENRES = ("Crime", "War")
ENGINES = ("duckdb", "spark", "glue")  # DATALAKE_ENGINE: see datalake.resources.engine


def bundled_sample_dir() -> str:
    """The small realistic sample shipped inside the package (used by the demo and tests)."""
    return str(Path(__file__).resolve().parent / "sample")


def _int(env: dict, name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise DatalakeError(
            f"{name}={raw!r} is not an integer: set it to a whole number."
        ) from None
    if value < minimum:
        raise DatalakeError(f"{name}={value} is below {minimum}: set it to {minimum} or more.")
    return value


def _genres(env: dict) -> tuple[str, ...]:
    """DATALAKE_GENRES as a tuple of IMDb genre names; a name the data never uses is refused (it
    would enrich nothing and title the dashboard after it)."""
    raw = env.get("DATALAKE_GENRES", "")
    genres = tuple(g.strip() for g in raw.split(",") if g.strip())
    unknown = unknown_genres(genres)
    if unknown:
        separator = " (separate genres with commas)" if any(c in raw for c in ";|/") else ""
        raise DatalakeError(
            f"DATALAKE_GENRES={raw!r}: no IMDb genre is named {', '.join(map(repr, unknown))}"
            f"{separator}; use genres of the data: {', '.join(IMDB_GENRES)}."
        )
    return genres or DEFAULT_GENRES


def _url(env: dict, name: str, default: str) -> str:
    value = (env.get(name, "").strip() or default).rstrip("/")
    if not value.startswith(("http://", "https://")) or len(value.split("/")[2]) == 0:
        raise DatalakeError(f"{name}={value!r} is not an http(s):// URL: e.g. {default}.")
    return value


_GLUE_NAME = re.compile(r"[a-z0-9_]{1,255}")


def _glue_database(env: dict) -> str:
    """DATALAKE_GLUE_DATABASE: the Glue database to register the tables in; empty = off."""
    name = env.get("DATALAKE_GLUE_DATABASE", "").strip()
    if name and not _GLUE_NAME.fullmatch(name):
        raise DatalakeError(
            f"DATALAKE_GLUE_DATABASE={name!r} is not a Glue database name: use lowercase "
            "letters, digits and underscores (e.g. movies_lake)."
        )
    return name


def _engine(env: dict, storage: str) -> str:
    """DATALAKE_ENGINE: duckdb (default) or spark; Spark here reads and writes local lakes only."""
    engine = env.get("DATALAKE_ENGINE", "").strip().lower() or "duckdb"
    if engine not in ENGINES:
        raise DatalakeError(
            f"DATALAKE_ENGINE={engine!r} is not an engine: use one of {', '.join(ENGINES)}."
        )
    if engine == "glue" and not (
        env.get("DATALAKE_GLUE_JOB") and env.get("DATALAKE_GLUE_PIPES_BUCKET")
    ):
        raise DatalakeError(
            "DATALAKE_ENGINE=glue needs DATALAKE_GLUE_JOB (the Glue job running spark_job.py) and "
            "DATALAKE_GLUE_PIPES_BUCKET (the bucket Dagster Pipes talks through)."
        )
    if engine == "glue" and not storage.startswith("s3://"):
        raise DatalakeError(
            "DATALAKE_ENGINE=glue writes the lake from AWS Glue: set DATALAKE_STORAGE to s3://..."
        )
    if engine == "spark" and storage.startswith("s3://"):
        raise DatalakeError(
            "DATALAKE_ENGINE=spark runs on a local lake only (PySpark here has no s3a connector): "
            "set DATALAKE_STORAGE to a directory, or use DATALAKE_ENGINE=duckdb for s3://."
        )
    return engine


@dataclass(frozen=True)
class Settings:
    """The lake's configuration; secrets are kept out of `repr` so they never reach a log."""

    storage: str = "./lake"
    landing: str = field(default_factory=bundled_sample_dir)
    genres: tuple[str, ...] = DEFAULT_GENRES
    tmdb_limit: int = 1000
    tmdb_base_url: str = DEFAULT_TMDB_BASE_URL
    tmdb_api_key: str | None = field(default=None, repr=False)
    tmdb_read_access_token: str | None = field(default=None, repr=False)
    glue_database: str = ""  # off
    engine: str = "duckdb"
    glue_job: str = ""
    glue_pipes_bucket: str = ""

    @property
    def has_tmdb_credentials(self) -> bool:
        return bool(self.tmdb_api_key or self.tmdb_read_access_token)

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        storage = normalise_location(
            env.get("DATALAKE_STORAGE", "").strip() or "./lake", "DATALAKE_STORAGE"
        )
        return cls(
            storage=storage,
            landing=normalise_location(
                env.get("DATALAKE_LANDING", "").strip() or bundled_sample_dir(), "DATALAKE_LANDING"
            ),
            genres=_genres(env),
            tmdb_limit=_int(env, "DATALAKE_TMDB_LIMIT", 1000),
            tmdb_base_url=_url(env, "TMDB_BASE_URL", DEFAULT_TMDB_BASE_URL),
            tmdb_api_key=env.get("TMDB_API_KEY", "").strip() or None,
            tmdb_read_access_token=env.get("TMDB_READ_ACCESS_TOKEN", "").strip() or None,
            glue_database=_glue_database(env),
            engine=_engine(env, storage),
            glue_job=env.get("DATALAKE_GLUE_JOB", "").strip(),
            glue_pipes_bucket=env.get("DATALAKE_GLUE_PIPES_BUCKET", "").strip(),
        )


def local_path(uri: str) -> Path:
    """A local storage or landing location as an absolute path."""
    return Path(uri).expanduser().resolve()
