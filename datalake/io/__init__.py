"""The lake IO manager and the types assets exchange with it."""

from datalake.io.handover import LakeTable, LandedFile, LocalFile, RawFile, RawJsonFiles, TmdbPages
from datalake.io.manager import LakeIOManager

__all__ = [
    "LakeIOManager", "LakeTable", "LandedFile", "LocalFile", "RawFile", "RawJsonFiles", "TmdbPages",
]  # fmt: skip
