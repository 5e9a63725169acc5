"""Time and peak memory of a command, measured on its own process (not this one)."""

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    label: str
    seconds: float
    peak_mb: float
    returncode: int

    def row(self) -> str:
        return f"{self.label:<44} {self.seconds:>8.2f} s {self.peak_mb:>9.0f} MB  exit {self.returncode}"


def measure(label: str, command: list[str], env: dict | None = None, cwd=None) -> Measurement:
    """Run `command` to completion; peak RSS comes from wait4's rusage of that very child."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None  # stderr=PIPE above
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(stderr.decode(errors="replace")[-2000:])
    return Measurement(label, seconds, usage.ru_maxrss / 1024, process.returncode)
