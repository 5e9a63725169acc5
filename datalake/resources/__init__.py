"""Resources shared by every layer, built from the environment in one place."""

from datalake.resources.lake import LakeResource
from datalake.settings import Settings


def build_resources(settings: Settings | None = None) -> dict:
    """The resources of a `Definitions`: same keys whatever the environment."""
    settings = settings or Settings.from_env()
    return {"lake": LakeResource(storage_uri=settings.storage, landing_uri=settings.landing)}


__all__ = ["LakeResource", "build_resources"]
