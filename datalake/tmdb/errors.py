"""TMDB's error bodies turned into one-line errors, with credentials redacted from any text."""

import re

from datalake.errors import DatalakeError

# A key travels in the query string, so any URL in a library's message or log line may carry it.
_KEY_IN_URL = re.compile(r"(api_key=)[^&\s'\"]+", re.IGNORECASE)
_BEARER = re.compile(r"(Bearer\s+)\S+", re.IGNORECASE)
REDACTED = "***"


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` without any api_key query value, bearer token or known secret."""
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return _BEARER.sub(rf"\1{REDACTED}", _KEY_IN_URL.sub(rf"\1{REDACTED}", text))


def error_message(body: object) -> str:
    """TMDB's reason from either error shape.

    Most errors are `{"status_code": N, "status_message": "..."}`; the page cap past 500 answers
    `{"errors": ["..."], "success": false}` with no status_code.
    """
    if isinstance(body, dict):
        if "status_message" in body:
            return f"status {body.get('status_code')}: {body['status_message']}"
        if isinstance(body.get("errors"), list):
            return "; ".join(str(e) for e in body["errors"])
    return "no TMDB error body"


class TmdbError(DatalakeError):
    """A TMDB request that did not give a usable answer."""


class TmdbAuthError(TmdbError):
    """401: the key or token is wrong; retrying cannot help, so the run stops at once."""


class TmdbNotFound(TmdbError):
    """404 (status 34): TMDB has no such resource; `body` is TMDB's answer, kept as a record."""

    def __init__(self, message: str, body: dict):
        super().__init__(message)
        self.body = body


class TmdbRequestFailed(TmdbError):
    """Retries exhausted, a malformed body or an unexpected status."""


class TmdbUnreachable(TmdbRequestFailed):
    """No answer at all after the retries (refused, timed out): the server, not the title."""


class TmdbStopped(TmdbRequestFailed):
    """Abandoned between attempts: the client was stopped because TMDB was found down."""
