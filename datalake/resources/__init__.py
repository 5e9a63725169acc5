"""Resources shared by every layer, built from the environment in one place."""

from datalake.resources.lake import LakeResource
from datalake.resources.tmdb import TmdbResource
from datalake.settings import Settings


def build_resources(settings: Settings | None = None) -> dict:
    """The resources of a `Definitions`: same keys whatever the environment."""
    settings = settings or Settings.from_env()
    return {
        "lake": LakeResource(storage_uri=settings.storage, landing_uri=settings.landing),
        "tmdb": TmdbResource(
            base_url=settings.tmdb_base_url, limit=settings.tmdb_limit, genres=list(settings.genres)
        ),
    }


__all__ = ["LakeResource", "TmdbResource", "build_resources"]
