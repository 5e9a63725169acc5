"""The TMDB client against the sandbox: auth, retries, rate limit, error shapes, no leaked key."""

import logging
import socket
import time
import traceback

import pytest

from datalake.tmdb import endpoints, synth
from datalake.tmdb.client import ClientOptions, Credentials, TmdbClient
from datalake.tmdb.errors import TmdbAuthError, TmdbNotFound, TmdbRequestFailed, TmdbStopped
from datalake.tmdb.sandbox import running_sandbox
from datalake_tests.tmdb.conftest import API_KEY, FAST, READ_ACCESS_TOKEN

MOVIE_ID = synth.synthetic_id("tt0012345")  # served whatever the fixtures hold
DETAILS = endpoints.details("movie", MOVIE_ID)


def test_records_the_request_without_credentials(tmdb):
    with tmdb.client() as client:
        fetched = client.get(endpoints.find("tt0012345"))
    assert fetched.path == "/find/tt0012345?external_source=imdb_id"
    assert fetched.data["movie_results"][0]["id"] == MOVIE_ID
    assert tmdb.sandbox.requests == [fetched.path]


def test_bearer_token_works_too(tmdb):
    with tmdb.client(read_access_token=READ_ACCESS_TOKEN) as client:
        assert client.get(DETAILS).data["id"] == MOVIE_ID


@pytest.mark.parametrize("credentials", [{"api_key": "wrong"}, {"read_access_token": "wrong"}])
def test_401_fails_at_once_with_what_to_do(tmdb, credentials):
    tmdb.sandbox.set_faults(error_rate=0.5)  # would be retried; a 401 must not be
    with tmdb.client(**credentials) as client, pytest.raises(TmdbAuthError) as raised:
        client.get(DETAILS)
    message = str(raised.value)
    assert "TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN" in message and "status 7" in message
    assert "wrong" not in message
    assert len(tmdb.sandbox.requests) == 1


def test_404_carries_tmdbs_body(tmdb):
    with tmdb.client() as client, pytest.raises(TmdbNotFound) as raised:
        client.get(endpoints.details("movie", 77))
    assert raised.value.body["status_code"] == 34


def test_page_cap_body_without_status_code_is_understood(tmdb):
    with tmdb.client() as client, pytest.raises(TmdbRequestFailed) as raised:
        client.get(endpoints.discover("movie", [80], 501))
    assert "page must be less than or equal to 500" in str(raised.value)


def test_storm_of_429_is_waited_out_honouring_retry_after(tmdb):
    tmdb.sandbox.set_faults(throttle_next=2)
    started = time.monotonic()
    with tmdb.client() as client:
        assert client.get(DETAILS).data["id"] == MOVIE_ID
    assert time.monotonic() - started >= 2.0  # two Retry-After: 1, not the 10 ms backoff
    assert len(tmdb.sandbox.requests) == 3


def test_5xx_malformed_json_and_dropped_connections_are_retried(tmdb):
    tmdb.sandbox.set_faults(error_rate=0.3, malformed_rate=0.2, drop_rate=0.2)
    with tmdb.client() as client:
        for _ in range(20):
            assert client.get(DETAILS).data["id"] == MOVIE_ID
    assert len(tmdb.sandbox.requests) > 20


def test_gives_up_after_the_configured_retries(tmdb):
    tmdb.sandbox.set_faults(error_rate=1.0)
    options = ClientOptions(requests_per_second=1000, retries=2, backoff_factor=0.01)
    with tmdb.client(options) as client, pytest.raises(TmdbRequestFailed) as raised:
        client.get(DETAILS)
    assert "answered HTTP 50" in str(raised.value)
    assert len(tmdb.sandbox.requests) == 3


def test_a_probe_gives_up_after_its_own_shorter_retries(tmdb):
    tmdb.sandbox.set_faults(error_rate=1.0)
    options = ClientOptions(requests_per_second=1000, retries=8, probe_retries=1,
                            backoff_factor=0.01)  # fmt: skip
    with tmdb.client(options) as client, pytest.raises(TmdbRequestFailed) as raised:
        client.get(DETAILS, probe=True)
    assert "answered HTTP 50" in str(raised.value)
    assert len(tmdb.sandbox.requests) == 2
    tmdb.sandbox.set_faults(error_rate=0.0, malformed_rate=1.0)  # broken bodies count alike
    with tmdb.client(options) as client, pytest.raises(TmdbRequestFailed, match="after 1 retr"):
        client.get(DETAILS, probe=True)
    assert len(tmdb.sandbox.requests) == 4


def test_a_stopped_client_abandons_requests_at_their_next_retry(tmdb):
    """TMDB found down: requests in flight end at their next retry, not after all of them."""
    from concurrent.futures import ThreadPoolExecutor

    tmdb.sandbox.set_faults(error_rate=1.0)
    options = ClientOptions(requests_per_second=1000, retries=8, backoff_factor=0.5)
    with tmdb.client(options) as client, ThreadPoolExecutor(1) as pool:
        pending = pool.submit(client.get, DETAILS)
        while not tmdb.sandbox.requests:
            time.sleep(0.005)
        client.stop()  # during the first backoff (0.5 s at least)
        with pytest.raises(TmdbStopped, match="abandoned, TMDB was found down"):
            pending.result(timeout=30)
        with pytest.raises(TmdbStopped):
            client.get(DETAILS)  # and nothing new is sent
    assert len(tmdb.sandbox.requests) <= 2  # of the 9 attempts it had


def test_malformed_json_past_the_retries_is_an_error_not_a_crash(tmdb):
    tmdb.sandbox.set_faults(malformed_rate=1.0)
    options = ClientOptions(requests_per_second=1000, retries=1, backoff_factor=0.01)
    with (
        tmdb.client(options) as client,
        pytest.raises(TmdbRequestFailed, match="not a JSON object"),
    ):
        client.get(DETAILS)


def test_html_pages_from_a_proxy_are_retried_never_taken_for_answers(tmdb):
    tmdb.sandbox.set_faults(html_error_rate=0.3, html_rate=0.2)
    with tmdb.client() as client:
        for _ in range(20):
            assert client.get(DETAILS).data["id"] == MOVIE_ID
    assert tmdb.sandbox.statuses[502] + tmdb.sandbox.statuses[503] > 0  # the pages were sent
    assert len(tmdb.sandbox.requests) > 20


@pytest.mark.parametrize(
    ("faults", "said"),
    [
        ({"html_error_rate": 1.0}, "answered HTTP 50"),
        ({"html_rate": 1.0}, "answered 200 with an HTML page"),
        ({"html_error_rate": 1.0, "html_statuses": (404,)}, "answered HTTP 404"),
    ],
)
def test_an_html_page_past_the_retries_says_who_answered(tmdb, faults, said):
    """A proxy's 404 page is not TMDB's "not found": it must not be recorded as TMDB's answer."""
    tmdb.sandbox.set_faults(**faults)
    options = ClientOptions(requests_per_second=1000, retries=1, backoff_factor=0.01)
    with tmdb.client(options) as client, pytest.raises(TmdbRequestFailed) as raised:
        client.get(DETAILS)
    message = str(raised.value)
    assert not isinstance(raised.value, TmdbNotFound)
    assert said in message and "an HTML page (text/html" in message, message
    assert "a proxy, gateway or portal" in message and "<" not in message


def test_client_side_rate_limit_paces_requests(tmdb):
    options = ClientOptions(requests_per_second=50, backoff_factor=0.01)
    started = time.monotonic()
    with tmdb.client(options) as client:
        for _ in range(31):
            client.get(DETAILS)
    assert time.monotonic() - started >= 0.48  # a burst of 6, then 25 intervals of 20 ms


def test_server_rate_limit_answers_429_and_the_client_recovers():
    with (
        running_sandbox(api_key=API_KEY, requests_per_second=5) as base_url,
        TmdbClient(base_url, Credentials(api_key=API_KEY), FAST) as client,
    ):
        assert [client.get(DETAILS).data["id"] for _ in range(8)] == [MOVIE_ID] * 8


def test_connections_never_exceed_the_bound(tmdb):
    from concurrent.futures import ThreadPoolExecutor

    tmdb.sandbox.set_faults(latency=0.02)
    options = ClientOptions(requests_per_second=1000, max_connections=3)
    with tmdb.client(options) as client, ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda _: client.get(DETAILS), range(30)))
    assert tmdb.sandbox.max_in_flight == 3


def test_key_is_redacted_from_errors_and_urllib3_logs(caplog, monkeypatch):
    with socket.socket() as probe:  # a port nothing listens on: every attempt is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = ClientOptions(retries=2, backoff_factor=0.01)
    for name in ("urllib3.connectionpool", "urllib3.util.retry"):  # an earlier logging setup may
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)  # have silenced them
    caplog.set_level(logging.DEBUG)
    with (
        TmdbClient(f"http://127.0.0.1:{port}/3", Credentials(api_key=API_KEY), options) as client,
        pytest.raises(TmdbRequestFailed) as raised,
    ):
        client.get(DETAILS)
    assert "ConnectionError" in str(raised.value)
    assert "Retrying" in caplog.text  # urllib3 did log its retries, with the URL...
    traceback_text = "".join(traceback.format_exception(raised.value))
    for text in (traceback_text, caplog.text):
        assert API_KEY not in text  # ...but not the key
