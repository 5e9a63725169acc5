"""One TMDB sandbox on loopback for the session, reset before each test that uses it."""

import uuid
from dataclasses import dataclass

import pytest

from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
from datalake.tmdb.sandbox import Sandbox, running_sandbox

# Distinctive, so a test can prove it never shows up in a log line or a stored byte.
API_KEY = f"test-key-{uuid.uuid4().hex}"
READ_ACCESS_TOKEN = f"test-token-{uuid.uuid4().hex}"
# Tests wait milliseconds, not seconds, between retries (Retry-After still takes 1 s).
FAST = ClientOptions(requests_per_second=1000, backoff_factor=0.01, backoff_max=0.05, timeout=5)


@dataclass
class Tmdb:
    sandbox: Sandbox
    base_url: str

    def client(self, options: ClientOptions = FAST, **credentials) -> TmdbClient:
        return TmdbClient(
            self.base_url, Credentials(**(credentials or {"api_key": API_KEY})), options
        )


@pytest.fixture(scope="session")
def _tmdb_session():
    # No rate limit here, so the suite runs at loopback speed; rate-limit tests start their own.
    sandbox = Sandbox(api_key=API_KEY, read_access_token=READ_ACCESS_TOKEN, requests_per_second=0)
    with running_sandbox(sandbox=sandbox) as base_url:
        yield Tmdb(sandbox, base_url)


@pytest.fixture
def tmdb(_tmdb_session) -> Tmdb:
    _tmdb_session.sandbox.reset()
    return _tmdb_session
