"""Wall time, CPU time and peak memory of a command's whole process tree, with the machine's load.

The CPU time is the child's rusage, which includes every descendant it waited for; the peak is
the largest sum of the tree's resident sets seen by a sampler (every 50 ms), or the kernel's own
peak of the largest single process when that is higher (a spike shorter than a sample).
"""

import contextlib
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field

import psutil

SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Measurement:
    """One process run; `result` is the JSON the process printed last, if any."""

    wall: float
    cpu: float
    peak_mb: float
    load: float  # the 1-minute load average when it started
    returncode: int
    result: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a member that ended between listing and reading
            total += member.memory_info().rss
    return total


def _sample_peak(pid: int, stop: threading.Event, peak: list[int]) -> None:
    try:
        process = psutil.Process(pid)
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(process))
            stop.wait(SAMPLE_SECONDS)
    except psutil.Error:
        pass  # the process ended


def measure(command: list[str], env: dict | None = None, cwd=None) -> Measurement:
    """Run `command` to completion, its output captured (the end of stderr shown if it fails)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err)
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=_sample_peak, args=(process.pid, stop, peak))
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # this child's rusage, not Popen.wait's
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    returncode = os.waitstatus_to_exitcode(status)
    process.returncode = returncode
    if returncode != 0:
        print(stderr.decode(errors="replace")[-2000:])
    peak_mb = max(peak[0] / 2**20, usage.ru_maxrss / 1024)
    return Measurement(wall, usage.ru_utime + usage.ru_stime, peak_mb, load, returncode,
                       _last_json(stdout))  # fmt: skip


def _last_json(stdout: bytes) -> dict:
    for line in reversed(stdout.decode(errors="replace").splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                return {}
    return {}


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
