"""The bench's process measurement: the whole tree's memory, the child's CPU, its JSON."""

import sys

from datalake.bench.measure import measure

HOLD = "x = bytearray({mb} * 2**20); import time; time.sleep(0.6)"


def test_peak_is_of_the_whole_process_tree():
    two_children = (
        "import subprocess, sys, json\n"
        f"ps = [subprocess.Popen([sys.executable, '-c', {HOLD.format(mb=150)!r}]) for _ in range(2)]\n"
        "[p.wait() for p in ps]\n"
        "print(json.dumps({'done': 2}))\n"
    )
    result = measure([sys.executable, "-c", two_children])
    assert result.returncode == 0
    assert result.peak_mb > 300  # both children at once, not the largest one alone
    assert result.result == {"done": 2}
    assert result.cpu > 0 and result.wall >= 0.6


def test_failure_is_reported():
    assert measure([sys.executable, "-c", "raise SystemExit(3)"]).returncode == 3
