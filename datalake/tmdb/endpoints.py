"""The TMDB v3 requests the lake makes, as values: a path plus its non-secret query parameters."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from datalake.errors import DatalakeError

APPEND = "credits,keywords,external_ids"
DISCOVER_PAGE_CAP = 500  # TMDB refuses pages past 500 whatever total_pages says
_IMDB_ID = re.compile(r"tt\d{7,8}")


@dataclass(frozen=True)
class Request:
    """One GET; `shown` is what the lake records and logs, credentials never being part of it."""

    path: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def shown(self) -> str:
        return self.path + (f"?{urlencode(self.params, safe=',|')}" if self.params else "")


def valid_imdb_id(value: str) -> bool:
    """`tt` + 7 or 8 digits: the only shape allowed into a URL."""
    return bool(_IMDB_ID.fullmatch(value))


def find(imdb_id: str) -> Request:
    if not valid_imdb_id(imdb_id):
        raise DatalakeError(f"Invalid IMDb id {imdb_id!r}: expected tt followed by 7-8 digits.")
    return Request(f"/find/{imdb_id}", (("external_source", "imdb_id"),))


def details(media: str, tmdb_id: int) -> Request:
    """`/movie/{id}` or `/tv/{id}` with credits, keywords and external ids in the same answer."""
    return Request(f"/{media}/{int(tmdb_id)}", (("append_to_response", APPEND),))


def collection(collection_id: int) -> Request:
    return Request(f"/collection/{int(collection_id)}")


def genre_list(media: str) -> Request:
    return Request(f"/genre/{media}/list")


def discover(media: str, genre_ids: list[int], page: int) -> Request:
    """The most popular titles having any of `genre_ids` (a pipe means OR to TMDB)."""
    genres = "|".join(str(int(g)) for g in genre_ids)
    return Request(
        f"/discover/{media}",
        (("with_genres", genres), ("sort_by", "popularity.desc"), ("page", str(int(page)))),
    )


def find_result(body: dict, media: str) -> int | None:
    """The TMDB id `/find` matched for the media type, or None when it matched nothing."""
    results = body.get(f"{media}_results") or []
    return int(results[0]["id"]) if results else None
