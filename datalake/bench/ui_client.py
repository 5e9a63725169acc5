"""Drive a running `datalake ui` through the Dagster UI's own GraphQL API (tests, benchmarks)."""

import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import requests

LOCATION = "datalake"
REPOSITORY = "__repository__"
ASSET_JOB = "__ASSET_JOB"

_BACKFILL = """
mutation($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message }
    ... on InvalidSubsetError { message }
  }
}"""
_BACKFILL_STATUS = """
query($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    ... on PartitionBackfill { status numCancelable runs(limit: 1000) { runId status } }
  }
}"""
_LAUNCH = """
mutation($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on InvalidSubsetError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""
_RUN = """
query($id: ID!) { runOrError(runId: $id) { ... on Run { status tags { key value } } } }"""
_SENSOR = """
mutation($selector: SensorSelector!) {
  startSensor(sensorSelector: $selector) { __typename ... on PythonError { message } }
}"""
_RUNS = """
query($filter: RunsFilter) {
  runsOrError(filter: $filter) { ... on Runs { results { runId status tags { key value } } } }
}"""
_LOCATIONS = """
{ workspaceOrError { ... on Workspace { locationEntries { name
    locationOrLoadError { __typename } } } } }"""

_ASSETS = "{ assetNodes { assetKey { path } groupName isPartitioned } }"

DONE_RUN = {"SUCCESS", "FAILURE", "CANCELED"}
DONE_BACKFILL = {"COMPLETED", "COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "CANCELED"}


def _paths(keys: Sequence[str]) -> list[dict]:
    return [{"path": key.split("/")} for key in keys]


@dataclass
class DagsterUI:
    """A `datalake ui` process and its GraphQL endpoint."""

    process: subprocess.Popen
    base_url: str

    def query(self, text: str, **variables) -> dict:
        answer = requests.post(
            f"{self.base_url}/graphql", json={"query": text, "variables": variables}, timeout=60
        )
        answer.raise_for_status()
        body = answer.json()
        if body.get("errors"):
            raise RuntimeError(f"GraphQL errors: {body['errors']}")
        return body["data"]

    def wait_until_loaded(self, timeout: float = 180) -> list[str]:
        """The loaded code locations' names, once the code server answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"datalake ui exited with {self.process.returncode}")
            try:
                entries = self.query(_LOCATIONS)["workspaceOrError"]["locationEntries"]
            except (requests.RequestException, RuntimeError):
                entries = []
            loaded = [e["name"] for e in entries if e["locationOrLoadError"]
                      and e["locationOrLoadError"]["__typename"] == "RepositoryLocation"]  # fmt: skip
            if loaded:
                return loaded
            time.sleep(1)
        raise TimeoutError(f"{self.base_url} loaded no code location in {timeout}s")

    def asset_keys(self, *groups: str) -> list[str]:
        """The keys of the groups' assets, as `layer/source/name`."""
        nodes = self.query(_ASSETS)["assetNodes"]
        return sorted("/".join(n["assetKey"]["path"]) for n in nodes if n["groupName"] in groups)

    def launch_backfill(self, keys: Sequence[str], dates: Sequence[str]) -> str:
        """A backfill of exactly these dates (a contiguous range) of exactly these assets.

        (Given `partitionNames`, Dagster would add every downstream partition the dates feed:
        the 30 later dates of the Trusted TMDB window, for instance.)"""
        window = {"range": {"start": min(dates), "end": max(dates)}}
        params = {
            "partitionsByAssets": [
                {"assetKey": {"path": key.split("/")}, "partitions": window} for key in keys
            ]
        }
        result = self.query(_BACKFILL, params=params)["launchPartitionBackfill"]
        if result["__typename"] != "LaunchBackfillSuccess":
            raise RuntimeError(f"backfill refused: {result}")
        return result["backfillId"]

    def wait_backfill(self, backfill_id: str, timeout: float = 900) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.query(_BACKFILL_STATUS, id=backfill_id)["partitionBackfillOrError"]
            if state["status"] in DONE_BACKFILL and not state["numCancelable"]:
                return state
            time.sleep(2)
        raise TimeoutError(f"backfill {backfill_id} did not end in {timeout}s")

    def launch_run(self, keys: Sequence[str], date: str | None = None) -> str:
        tags = [{"key": "dagster/partition", "value": date}] if date else []
        params = {
            "selector": {
                "repositoryLocationName": LOCATION,
                "repositoryName": REPOSITORY,
                "jobName": ASSET_JOB,
                "assetSelection": _paths(keys),
            },
            "executionMetadata": {"tags": tags},
            "runConfigData": {},
        }
        result = self.query(_LAUNCH, params=params)["launchRun"]
        if result["__typename"] != "LaunchRunSuccess":
            raise RuntimeError(f"run refused: {result}")
        return result["run"]["runId"]

    def wait_run(self, run_id: str, timeout: float = 600) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.query(_RUN, id=run_id)["runOrError"]["status"]
            if status in DONE_RUN:
                return status
            time.sleep(1)
        raise TimeoutError(f"run {run_id} did not end in {timeout}s")

    def runs(self, tags: dict[str, str] | None = None) -> list[dict]:
        run_filter = {"tags": [{"key": k, "value": v} for k, v in (tags or {}).items()]}
        return self.query(_RUNS, filter=run_filter)["runsOrError"]["results"]

    def start_sensor(self, name: str) -> None:
        selector = {
            "repositoryLocationName": LOCATION,
            "repositoryName": REPOSITORY,
            "sensorName": name,
        }
        result = self.query(_SENSOR, selector=selector)["startSensor"]
        if result["__typename"] == "PythonError":
            raise RuntimeError(f"sensor {name} did not start: {result['message']}")

    def stop(self, timeout: float = 90) -> int:
        """SIGTERM, as a service manager would; the exit code of `datalake ui`."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


# Exec'd with SIGINT ignored, as `cmd &` in a non-interactive shell script starts it.
_IGNORING_SIGINT = [
    sys.executable, "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "os.execv(sys.argv[1], sys.argv[1:])",
]  # fmt: skip


def start_ui(
    port: int, env: dict[str, str], cwd: Path, log: Path, ignore_sigint: bool = False
) -> DagsterUI:
    """`datalake ui --port PORT` in its own session (so a test's signals do not reach it)."""
    datalake = str(Path(sys.executable).with_name("datalake"))
    command = [*(_IGNORING_SIGINT if ignore_sigint else []), datalake, "ui", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    return DagsterUI(process, f"http://127.0.0.1:{port}")
