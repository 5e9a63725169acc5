"""`datalake ui`: the Dagster UI and daemon on 127.0.0.1, stopped cleanly on Ctrl-C or SIGTERM."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def ui_command(port: int) -> list[str]:
    dagster = Path(sys.executable).with_name("dagster")
    return [
        str(dagster), "dev", "-m", "datalake.definitions",
        "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip


def run_ui(port: int = 3000, grace: float = 20.0) -> int:
    # `dagster dev` spawns the webserver, the daemon and code servers: own process group, so one
    # signal reaches all of them (it ignores SIGTERM when started under setsid otherwise).
    process = subprocess.Popen(ui_command(port), start_new_session=True)
    print(f"Dagster UI: http://127.0.0.1:{port} (Ctrl-C to stop)", flush=True)
    stopping_since: list[float] = []

    def forward(_signum, _frame):
        # Only signal here: waiting inside a handler would deadlock with the wait below.
        stopping_since.append(time.monotonic())
        _signal_group(process, signal.SIGINT)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    while True:
        try:
            return process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            if stopping_since and time.monotonic() - stopping_since[0] > grace:
                _signal_group(process, signal.SIGKILL)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)
