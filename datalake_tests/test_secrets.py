"""Canary credentials (TMDB and AWS) through whole `datalake run`s, one succeeding and two failing
(TMDB refuses the key; the S3 endpoint is down): not one byte any run wrote holds them (logs,
Dagster's event log and compute logs, metadata, the lake on S3, the catalog, the dashboard)."""

import uuid

import pytest

from datalake.tmdb.sandbox import Sandbox, running_sandbox
from datalake_tests.cli_helpers import cli_env, run_cli
from datalake_tests.servers import free_port, start_seaweedfs

TMDB_KEY = f"canary-tmdb-{uuid.uuid4().hex}"
WRONG_TMDB_KEY = f"canary-wrong-tmdb-{uuid.uuid4().hex}"
AWS_KEY_ID = f"CANARYKEY{uuid.uuid4().hex[:11].upper()}"
AWS_SECRET = f"canary-aws-secret-{uuid.uuid4().hex}"
CANARIES = (TMDB_KEY, WRONG_TMDB_KEY, AWS_KEY_ID, AWS_SECRET)


@pytest.fixture
def canary_s3(tmp_path_factory):
    """A SeaweedFS whose only identity is the canary (its own folder is outside the grep)."""
    server = start_seaweedfs(
        tmp_path_factory.mktemp("canary-weed"), access=AWS_KEY_ID, secret=AWS_SECRET
    )
    server.client().create_bucket(Bucket="canary-lake")
    yield server
    server.stop()


def leaks(data: bytes) -> list[str]:
    return [c for c in CANARIES if c.encode() in data]


def test_canary_credentials_leave_no_trace(tmp_path, canary_s3):
    work = tmp_path / "work"
    work.mkdir()
    sandbox = Sandbox(api_key=TMDB_KEY, requests_per_second=0)
    outputs = []
    with running_sandbox(sandbox=sandbox) as base_url:
        env = cli_env(
            work,
            **canary_s3.env(),
            DATALAKE_STORAGE="s3://canary-lake/lake",
            TMDB_BASE_URL=base_url,
            TMDB_API_KEY=TMDB_KEY,
            DATALAKE_TMDB_LIMIT="3",
        )
        runs = {  # the whole lake once; the failing runs need only the raw zone to fail
            "success": (env, []),
            "tmdb_401": ({**env, "TMDB_API_KEY": WRONG_TMDB_KEY}, ["--select", "raw"]),
            "s3_down": (
                {**env, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}"},
                ["--select", "raw"],
            ),
        }
        for name, (run_env, select) in runs.items():
            done = run_cli(["run", "--date", "2022-05-02", *select], run_env, work, timeout=900)
            outputs.append((name, done.stdout + done.stderr))
            assert (done.returncode == 0) == (name == "success"), (name, done.stderr[-2000:])
    assert "401" in outputs[1][1] or "TMDB_API_KEY" in outputs[1][1]
    assert "did not answer" in outputs[2][1]

    client = canary_s3.client()
    objects = client.list_objects_v2(Bucket="canary-lake").get("Contents", [])
    keys = [o["Key"] for o in objects]
    assert any(k.endswith("index.html") for k in keys) and any("Raw/TMDB" in k for k in keys)
    found = {name: leaks(text.encode()) for name, text in outputs}
    for key in keys:
        found[f"s3://canary-lake/{key}"] = leaks(
            client.get_object(Bucket="canary-lake", Key=key)["Body"].read()
        )
    files = [p for p in work.rglob("*") if p.is_file()]  # DAGSTER_HOME, compute logs, cwd
    assert any(p.name.endswith(".db") for p in files)  # the event log was written and searched
    for path in files:
        found[str(path)] = leaks(path.read_bytes())
    assert {where: hit for where, hit in found.items() if hit} == {}
