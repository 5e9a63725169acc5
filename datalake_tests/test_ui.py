"""`datalake ui` really starts the Dagster UI on loopback, shows the lake's assets, and stops."""

import signal
import subprocess
import time

import requests

from datalake_tests.cli_helpers import DATALAKE, cli_env
from datalake_tests.servers import free_port

ASSETS_QUERY = "{ assetNodes { assetKey { path } groupName } }"


def wait_for(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "datalake ui exited early"
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def test_ui_serves_the_asset_graph_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = cli_env(tmp_path, DATALAKE_STORAGE=str(tmp_path / "lake"))
    log = (tmp_path / "ui.log").open("wb")
    process = subprocess.Popen(
        [DATALAKE, "ui", "--port", str(port)], env=env, cwd=tmp_path, start_new_session=True,
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/server_info", process)
        deadline = time.monotonic() + 60
        while True:  # the code server may still be loading the definitions
            answer = requests.post(f"{base}/graphql", json={"query": ASSETS_QUERY}, timeout=10)
            nodes = answer.json().get("data", {}).get("assetNodes") or []
            if nodes or time.monotonic() > deadline:
                break
            time.sleep(1)
        keys = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
        log = (tmp_path / "ui.log").read_text(errors="replace")
        assert keys.get("raw/local/movies") == "raw", log[-3000:]
        assert keys.get("raw/local/series") == "raw"
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    output = (tmp_path / "ui.log").read_text(errors="replace")
    assert code in (0, -signal.SIGTERM, 128 + signal.SIGTERM), output
    try:
        requests.get(f"{base}/server_info", timeout=2)
        raise AssertionError("the UI still answers after SIGTERM")
    except requests.ConnectionError:
        pass
