"""`datalake demo`: the whole lake for one date on the bundled sample, fully offline."""

import os
import sys
from contextlib import ExitStack

from datalake.runner import print_report, run_lake
from datalake.settings import Settings, bundled_sample_dir, local_path
from datalake.storage.layout import dashboard_key, refined_catalog_key

DEMO_LAKE = "./lake"
DEMO_QUERY = '.venv/bin/datalake query "SELECT * FROM analysis.rating_vs_success"'


def run_demo(partition_key: str, instance=None) -> int:
    settings = Settings(storage=DEMO_LAKE, landing=bundled_sample_dir())
    with ExitStack() as stack:
        sandbox_url = _start_sandbox(stack)
        if sandbox_url:
            settings = Settings.from_env(
                {"DATALAKE_STORAGE": DEMO_LAKE, "DATALAKE_LANDING": bundled_sample_dir()}
                | {name: os.environ[name] for name in ("TMDB_API_KEY", "TMDB_BASE_URL")}
            )
        report = run_lake(partition_key, settings=settings, instance=instance)
    print_report(report, partition_key)
    lake = local_path(DEMO_LAKE)
    print(f"Lake:      {lake}")
    dashboard = lake / dashboard_key(partition_key)
    if dashboard.exists():
        print(f"Dashboard: {dashboard}")
    catalog = lake / refined_catalog_key()
    if catalog.exists():
        print(f"Catalog:   {catalog}")
        print(f"Ask it:    {DEMO_QUERY}")
    return 0 if report.success else 1


def _start_sandbox(stack: ExitStack) -> str | None:
    """The demo always uses the offline TMDB sandbox, never real credentials."""
    try:
        from datalake.tmdb.sandbox import SANDBOX_API_KEY, running_sandbox
    except ImportError:
        return None
    base_url = stack.enter_context(running_sandbox())
    # The TMDB resource reads credentials from the environment at run time.
    for name in ("TMDB_READ_ACCESS_TOKEN",):
        os.environ.pop(name, None)
    os.environ["TMDB_API_KEY"] = SANDBOX_API_KEY
    os.environ["TMDB_BASE_URL"] = base_url
    print(f"TMDB: no real API used; the offline sandbox serves {base_url}", file=sys.stderr)
    return base_url
