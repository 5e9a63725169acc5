"""`datalake ui`: the Dagster UI and daemon on 127.0.0.1, stopped cleanly on Ctrl-C or SIGTERM.

`dagster dev` starts the webserver, the daemon and a code server; runs launched from the UI get
their own run-worker processes. All of them live in one session started here, so stopping waits
for every process of that session, not only for `dagster dev` itself.
"""

import contextlib
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from datalake.errors import DatalakeError

# The same code location (name included) as `dagster dev` loads from the project's workspace.yaml,
# so sensor cursors and schedule states are shared between the two.
WORKSPACE = Path(__file__).resolve().parent / "instance" / "workspace.yaml"
IN_PROGRESS = ("STARTING", "STARTED", "CANCELING")


def ui_command(port: int) -> list[str]:
    dagster = Path(sys.executable).with_name("dagster")
    return [
        str(dagster), "dev", "-w", str(WORKSPACE),
        "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip


def check_port_free(port: int) -> None:
    """A busy port is refused before anything starts (the webserver would fail after the rest)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise DatalakeError(
                f"Port {port} on 127.0.0.1 is already in use: stop what uses it or pick another "
                "with --port."
            ) from None


def run_ui(port: int = 3000, grace: float = 30.0) -> int:
    check_port_free(port)
    started = dt.datetime.now(dt.UTC)
    session: list[int] = []  # the session of `dagster dev`, once started
    stopping: list[float] = []

    def stop(_signum, _frame):
        # Only signal here: waiting inside a handler would deadlock with the wait below.
        stopping.append(time.monotonic())
        if session:
            _signal_session(session[0], signal.SIGINT)

    # Handlers before the start: an exec'd child gets SIG_DFL for handled signals but inherits
    # ignored ones, and `dagster dev` stops on SIGINT only. A script that ignores SIGINT keeps
    # it ignored here (a no-op handler), while the forwarded SIGINT still stops the children.
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    signal.signal(signal.SIGINT, (lambda *_: None) if ignored else stop)
    signal.signal(signal.SIGTERM, stop)
    process = subprocess.Popen(ui_command(port), start_new_session=True)
    session.append(process.pid)
    print(f"Dagster UI: http://127.0.0.1:{port} (Ctrl-C to stop)", flush=True)
    if stopping:  # a signal that came during the start
        _signal_session(process.pid, signal.SIGINT)
    code = _wait(process, stopping, grace)
    _stop_leftovers(process.pid, grace)
    # Wall-clock time of the stop (the handler kept a monotonic one).
    since_stop = time.monotonic() - stopping[0] if stopping else 0.0
    _fail_interrupted_runs(started, dt.datetime.now(dt.UTC) - dt.timedelta(seconds=since_stop))
    return code


def _wait(process: subprocess.Popen, stopping: list[float], grace: float) -> int:
    while True:
        try:
            return process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            if stopping and time.monotonic() - stopping[0] > grace:
                _signal_session(process.pid, signal.SIGKILL)


def _stop_leftovers(session: int, grace: float) -> None:
    """Run workers and step processes outlive `dagster dev`: SIGTERM (a run worker then stops its
    steps and records the run as failed), SIGKILL past the grace period, until none is left."""
    deadline = time.monotonic() + grace
    signum = signal.SIGTERM
    while session_processes(session):
        _signal_session(session, signum)
        time.sleep(0.5)
        if time.monotonic() > deadline:
            signum = signal.SIGKILL


def _signal_session(session: int, signum: int) -> None:
    for pid in session_processes(session):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signum)


def session_processes(session: int) -> list[int]:
    """Live (not zombie) processes of one session, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # After the command name: state, ppid, pgrp, session, ...
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _fail_interrupted_runs(since: dt.datetime, stopped: dt.datetime) -> None:
    """Runs this UI launched that were still in progress when it stopped are marked failed, so
    their partitions show as failed (and re-run cleanly) instead of running forever.

    Neither those nor the runs that failed because of the stop are retried: the instance retries
    a run whose worker crashed (`run_retries`), and would otherwise take a stop for a crash and
    start these runs again, unasked, at the next start of the daemon.
    """
    import dagster as dg
    from dagster._core.storage.tags import GRPC_INFO_TAG, WILL_RETRY_TAG

    def launched_here(record) -> bool:
        created = record.create_timestamp
        if created.tzinfo is None:  # stored as UTC
            created = created.replace(tzinfo=dt.UTC)
        return GRPC_INFO_TAG in record.dagster_run.tags and created >= since

    statuses = [dg.DagsterRunStatus[name] for name in IN_PROGRESS]
    with dg.DagsterInstance.get() as instance:
        for record in instance.get_run_records(dg.RunsFilter(statuses=statuses)):
            if launched_here(record):
                instance.report_run_failed(
                    record.dagster_run,
                    "Interrupted: datalake ui was stopped while this run was in progress.",
                )
        failed = dg.RunsFilter(statuses=[dg.DagsterRunStatus.FAILURE], updated_after=stopped)
        for record in instance.get_run_records(failed):
            run = record.dagster_run
            if launched_here(record) and run.tags.get(WILL_RETRY_TAG) != "false":
                instance.add_run_tags(run.run_id, {WILL_RETRY_TAG: "false"})
                instance.report_engine_event(
                    "Not retried: datalake ui was stopped during this run. Re-run its partitions "
                    "when wanted (each one is replaced whole).",
                    run,
                )
