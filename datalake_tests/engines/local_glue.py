"""What moto cannot do: run a Glue job. Everything else is moto's Glue and S3 API on loopback.

As Dagster's own tests of `PipesGlueClient` do, `start_job_run` downloads the job's script from
(moto's) S3 and runs it here with the run's arguments, with PySpark in local mode standing in
for Glue's Spark; `get_job_run` reports how that process ended.
"""

import subprocess
import sys
from pathlib import Path


class LocalGlueClient:
    """A boto3 Glue client (moto's) whose job runs execute locally."""

    def __init__(self, glue, s3, env: dict[str, str], workdir: Path):
        self._glue, self._s3, self._env, self._workdir = glue, s3, env, workdir
        self._ended: dict[str, tuple[str, str]] = {}

    def start_job_run(self, JobName: str, Arguments: dict[str, str]) -> dict:
        run_id = self._glue.start_job_run(JobName=JobName, Arguments=Arguments)["JobRunId"]
        location = self._glue.get_job(JobName=JobName)["Job"]["Command"]["ScriptLocation"]
        bucket, key = location.removeprefix("s3://").split("/", 1)
        script = self._workdir / f"{run_id}.py"
        self._s3.download_file(bucket, key, str(script))
        argv = [part for pair in Arguments.items() for part in pair]
        ended = subprocess.run(
            [sys.executable, str(script), *argv],
            env=self._env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        state = "SUCCEEDED" if ended.returncode == 0 else "FAILED"
        self._ended[run_id] = (state, ended.stderr[-2000:])
        return {"JobRunId": run_id}

    def get_job_run(self, JobName: str, RunId: str) -> dict:
        response = self._glue.get_job_run(JobName=JobName, RunId=RunId)
        state, errors = self._ended[RunId]
        response["JobRun"]["JobRunState"] = state
        if state != "SUCCEEDED":
            response["JobRun"]["ErrorMessage"] = errors
        return response

    def __getattr__(self, name: str):
        return getattr(self._glue, name)
