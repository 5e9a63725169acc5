"""Run the `datalake` console script as a user would, in a clean environment."""

import os
import subprocess
import sys
from pathlib import Path

DATALAKE = str(Path(sys.executable).with_name("datalake"))


def cli_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    drop = {"TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "TMDB_BASE_URL", "DATALAKE_STORAGE",
            "DATALAKE_LANDING", "DAGSTER_HOME"}  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["DAGSTER_HOME"] = str(tmp_path / "dagster_home")
    env.update(overrides)
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 240):
    return subprocess.run(
        [DATALAKE, *args],
        check=False,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
