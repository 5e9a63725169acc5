"""What the offline sandbox knows: the bundled fixtures, plus synthetic titles for any other id."""

import json
import math
from functools import lru_cache
from importlib import resources

from datalake.tmdb import synth

PAGE_SIZE = 20
APPENDABLE = ("credits", "keywords", "external_ids")
# Discover lists the fixtures first, then this many synthetic titles, so the 500-page cap is real.
_DISCOVER_TAIL = 12_000
_TAIL_IMDB_START = 95_000_000  # tail titles' IMDb numbers: far above any sample or generated id


def _fixture(name: str):
    return json.loads((resources.files("datalake.tmdb") / "fixtures" / name).read_text("utf-8"))


def _stable_fraction(*parts) -> float:
    return synth._rng("fraction", *parts).random()


class Catalogue:
    """Answers lookups the way TMDB would; `None` means TMDB has no such resource."""

    def __init__(self, synthesize: bool = True, missing_fraction: float = 0.02):
        self.synthesize = synthesize
        self.missing_fraction = missing_fraction
        self.records = {"movie": _index(_fixture("movies.json")), "tv": _index(_fixture("tv.json"))}
        self.collections = _index(_fixture("collections.json"))
        self.absent = set(_fixture("absent.json"))  # sample ids TMDB does not know
        self.by_imdb = {
            r["external_ids"]["imdb_id"]: (media, r["id"])
            for media, records in self.records.items()
            for r in records.values()
            if r["external_ids"]["imdb_id"]
        }

    def _synthetic(self, imdb_id: str) -> bool:
        """Unknown ids are made up, except a stable fraction TMDB would not have."""
        return (
            self.synthesize
            and imdb_id not in self.absent
            and _stable_fraction(imdb_id) >= self.missing_fraction
        )

    def details(self, media: str, tmdb_id: int) -> dict | None:
        if tmdb_id in self.records[media]:
            return self.records[media][tmdb_id]
        if not self.synthesize or tmdb_id < synth.SYNTHETIC_BASE:
            return None
        if _is_tail(tmdb_id) or self._synthetic(synth.imdb_of(tmdb_id)):
            return _synthesised(media, tmdb_id)
        return None

    def find(self, imdb_id: str | None) -> dict:
        """`/find` by IMDb id; None finds nothing (TMDB's answer to an id it does not know)."""
        results: dict[str, list[dict]] = {"movie": [], "tv": []}
        if imdb_id in self.by_imdb:
            media, tmdb_id = self.by_imdb[imdb_id]
            results[media].append(synth.summary(self.records[media][tmdb_id], media))
        elif imdb_id and self._synthetic(imdb_id):
            # The sandbox cannot tell a generated movie id from a series id, so it knows both.
            for media, found in results.items():
                record = _synthesised(media, synth.synthetic_id(imdb_id))
                found.append(synth.summary(record, media))
        return {
            "movie_results": [r | {"media_type": "movie"} for r in results["movie"]],
            "person_results": [],
            "tv_results": [r | {"media_type": "tv"} for r in results["tv"]],
            "tv_episode_results": [],
            "tv_season_results": [],
        }

    def collection(self, collection_id: int) -> dict | None:
        return self.collections.get(collection_id)

    def discover(self, media: str, with_genres: str, page: int) -> dict:
        """Titles of the genres (`,` = all of, `|` = any of), most popular first, 20 a page."""
        matching = _genre_filter(with_genres)
        listed = sorted(
            (
                synth.summary(r, media)
                for r in self.records[media].values()
                if matching(r["genres"])
            ),
            key=lambda s: -s["popularity"],
        )
        total = len(listed) + (_DISCOVER_TAIL if self.synthesize else 0)
        start = (page - 1) * PAGE_SIZE
        results = listed[start : start + PAGE_SIZE]
        if self.synthesize and len(results) < PAGE_SIZE:
            floor = listed[-1]["popularity"] if listed else 50.0
            tail = _tail(media, with_genres, max(0, start - len(listed)), PAGE_SIZE - len(results))
            results += [s | {"popularity": round(floor / (1 + rank / 50), 3)} for rank, s in tail]
        return {
            "page": page,
            "results": results,
            "total_pages": math.ceil(total / PAGE_SIZE),
            "total_results": total,
        }


def _index(records: list[dict]) -> dict[int, dict]:
    return {r["id"]: r for r in records}


@lru_cache(maxsize=4096)
def _synthesised(media: str, tmdb_id: int) -> dict:
    imdb_id: str | None = synth.imdb_of(tmdb_id)
    if _is_tail(tmdb_id) and _stable_fraction("imdb-null", tmdb_id) < 0.1:
        imdb_id = None  # discovered titles sometimes carry no IMDb id at all
    return (synth.movie if media == "movie" else synth.tv)(tmdb_id, imdb_id=imdb_id)


def _is_tail(tmdb_id: int) -> bool:
    return tmdb_id - synth.SYNTHETIC_BASE >= _TAIL_IMDB_START


def _genre_filter(with_genres: str):
    any_of = "|" in with_genres
    wanted = {int(g) for g in with_genres.replace("|", ",").split(",") if g.strip().isdigit()}

    def matching(genres: list[dict]) -> bool:
        ids = {g["id"] for g in genres}
        return not wanted or (bool(ids & wanted) if any_of else wanted <= ids)

    return matching


def _tail(media: str, with_genres: str, skip: int, count: int) -> list[tuple[int, dict]]:
    """Synthetic titles past the fixtures, as (rank, summary), scanning ids in a stable order."""
    matching, found, rank = _genre_filter(with_genres), [], 0
    for number in range(_TAIL_IMDB_START, _TAIL_IMDB_START + 50 * _DISCOVER_TAIL):
        tmdb_id = synth.SYNTHETIC_BASE + number
        if not matching(synth.synthetic_genres(media, tmdb_id)):
            continue  # genres alone are cheap to make; whole records only for the page served
        if rank >= skip:
            found.append((rank, synth.summary(_synthesised(media, tmdb_id), media)))
            if len(found) == count:
                break
        rank += 1
    return found
