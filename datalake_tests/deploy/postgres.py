"""A real PostgreSQL server on loopback for the tests: Debian's server binaries (installed with
apt-get when missing), a throw-away cluster, stopped at the end."""

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from datalake_tests.servers import free_port

USER = "dagster"


def server_binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found and shutil.which("apt-get"):
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], check=True, env=env,
                       capture_output=True, timeout=900)  # fmt: skip
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise RuntimeError("No PostgreSQL server binaries: apt-get install postgresql")
    return found[-1].parent


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: the package's own `postgres` account runs it then.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class Postgres:
    port: int

    def env(self, database: str) -> dict[str, str]:
        return {
            "DAGSTER_POSTGRES_HOST": "127.0.0.1",
            "DAGSTER_POSTGRES_PORT": str(self.port),
            "DAGSTER_POSTGRES_USER": USER,
            "DAGSTER_POSTGRES_PASSWORD": "unused-trust-auth",
            "DAGSTER_POSTGRES_DB": database,
        }

    def connect(self, database: str = "postgres"):
        return psycopg2.connect(host="127.0.0.1", port=self.port, user=USER, dbname=database)

    def create_database(self, name: str) -> None:
        con = self.connect()  # not `with`: that would open a transaction CREATE DATABASE refuses
        try:
            con.autocommit = True
            con.cursor().execute(f'CREATE DATABASE "{name}"')
        finally:
            con.close()


@contextmanager
def running_postgres() -> Iterator[Postgres]:
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="datalake-pg-"))  # not under a 0700 pytest folder
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    initdb = [str(binaries / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8"]
    subprocess.run(_as_server_user(initdb), check=True, capture_output=True, timeout=120)
    server = subprocess.Popen(
        _as_server_user([str(binaries / "postgres"), "-D", str(data), "-p", str(port),
                         "-k", str(folder), "-c", "listen_addresses=127.0.0.1"]),
        stdout=subprocess.DEVNULL, stderr=(folder / "server.log").open("wb"),
        start_new_session=True,
    )  # fmt: skip
    try:
        postgres = Postgres(port)
        deadline = time.monotonic() + 60
        while True:
            try:
                postgres.connect().close()
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.3)
        yield postgres
    finally:
        server.terminate()  # SIGTERM: PostgreSQL's smart shutdown
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
