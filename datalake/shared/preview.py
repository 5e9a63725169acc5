"""Dagster features this project relies on that the pinned Dagster still labels beta or preview."""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg


@contextmanager
def preview_features() -> Iterator[None]:
    """Silence the beta/preview warnings of the features used inside: noise to the lake's users."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.BetaWarning)
        warnings.simplefilter("ignore", dg.PreviewWarning)
        yield
