"""Staging files a killed process left behind, found by the process id in their name.

A process killed mid-write (SIGKILL, an OOM kill, a power cut) cannot clean up after itself, so
every staging name carries its writer's pid, and the next writer in that place removes what belongs
to writers no longer alive (or untouched for an hour, should the pid have been reused).
"""

import os
import shutil
import time
from pathlib import Path

STALE_SECONDS = 3600


def staging_prefix(kind: str) -> str:
    """`<kind><pid>-`: the start of this process's staging names."""
    return f"{kind}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def sweep(folder: Path, kind: str) -> list[Path]:
    """Remove `<kind><pid>-*` entries of `folder` whose writer is gone; what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(kind):
            continue
        pid_text = entry.name[len(kind) :].split("-", 1)[0]
        try:
            stale = time.time() - entry.lstat().st_mtime > STALE_SECONDS
        except FileNotFoundError:
            continue
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text)):
            stale = True
        if stale:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed
