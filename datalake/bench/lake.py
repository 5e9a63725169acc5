"""`datalake run` processes as a user runs them, and the time of each step inside a run.

Each run uses the bench's own `DAGSTER_HOME`; the step times come from that instance's record of
the run (step start to step end, as the UI shows them), so they exclude start-up.
"""

import shutil
import sys
from pathlib import Path

from datalake.bench.measure import Measurement, measure

DATE = "2022-05-02"


def datalake_command(*args: str) -> list[str]:
    """The installed console script beside this interpreter (a user's `datalake`)."""
    return [str(Path(sys.executable).parent / "datalake"), *args]


def run_lake(env: dict, select: str | None = None) -> Measurement:
    """One `datalake run --date DATE [--select ...]` process."""
    selection = ["--select", select] if select else []
    return measure(datalake_command("run", "--date", DATE, *selection), env)


def fresh_local_lake(root: Path) -> str:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    return str(root)


def step_times(home: Path) -> dict[str, dict]:
    """Step key -> seconds and rows written, for the newest run of the instance at `home`."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        (run,) = instance.get_runs(limit=1)
        steps = {}
        for stats in instance.get_run_step_stats(run.run_id):
            if stats.start_time is None or stats.end_time is None:
                continue
            rows = 0
            for entry in stats.materialization_events:
                event = entry.dagster_event
                assert event is not None  # a materialization entry always carries its event
                count = event.step_materialization_data.materialization.metadata.get(
                    "dagster/row_count"
                )
                rows += count.value if count is not None and isinstance(count.value, int) else 0
            steps[stats.step_key] = {"seconds": stats.end_time - stats.start_time, "rows": rows}
    return steps
