"""Synthetic Compass-format `movies.csv` / `series.csv` of any size, for load tests and benchmarks.

The files have the real ones' shape (see FACTS.md): one row per title x principal artist with the
title columns repeated, IMDb-style ids, comma lists, `\\N` nulls, empty `profissao` strings, and the
traps that break naive readers (titles starting with `"`, commas, accents, Japanese, apostrophes).

Speed and memory: every random choice that does not need to be fresh per row comes from pools built
once (titles, genre lists, artists, characters), rows are concatenated strings flushed in chunks to
a buffered file, and nothing grows with the row count, so 1M rows take a few seconds in flat memory.
"""

import math
import os
import random
from pathlib import Path

from datalake.errors import DatalakeError
from datalake.shared.source_format import DELIMITER, HEADERS, NULL, file_name
from datalake.storage.layout import Spec

_SEP = DELIMITER
_CHUNK_ROWS = (
    8192  # lines joined per write: big enough to amortise the call, small enough to stay flat
)
_MAX_ID = 99_999_999  # `tt` + at most 8 digits
_ID_SPAN = 15_000_000  # ids spread up to ~tt15000000, so larger files reach 8-digit ids like IMDb's
_YEAR_MIN, _YEAR_MAX = 1920, 2022

# IMDb's genre names with weights roughly like a principal-cast file biased toward Crime and War,
# the genres the lake focuses on (DATALAKE_GENRES).
_GENRE_WEIGHTS = {
    "Drama": 20, "Comedy": 11, "Crime": 12, "War": 9, "Action": 9, "Thriller": 7, "Romance": 5,
    "Horror": 5, "Adventure": 5, "Mystery": 3, "History": 3, "Documentary": 3, "Biography": 2,
    "Family": 2, "Fantasy": 2, "Sci-Fi": 2, "Animation": 2, "Music": 1, "Western": 1, "Musical": 1,
    "Sport": 1, "Film-Noir": 1,
}  # fmt: skip
_SERIES_ONLY_GENRES = {"Reality-TV": 2, "Talk-Show": 1, "Game-Show": 1, "News": 1}

_ADJECTIVES = (
    "Last", "Silent", "Dark", "Lost", "Broken", "Red", "Iron", "Golden", "Hidden", "Final", "Wild",
    "Cold", "Burning", "Forgotten", "Long", "Deadly", "Black", "Bloody", "Secret", "Savage", "Quiet",
    "Lonely", "Crooked", "Fallen", "Frozen", "Eternal", "Little", "Big", "Dirty", "Perfect",
)  # fmt: skip
_NOUNS = (
    "Soldier", "City", "Night", "Brother", "Heart", "War", "Road", "Empire", "Hunter", "Code",
    "Family", "River", "Storm", "Line", "Witness", "Sky", "Bridge", "Mission", "Border", "Heist",
    "Job", "Front", "Battalion", "Gang", "Deal", "Mirror", "Game", "Town", "Summer", "Kingdom",
    "Detective", "Sniper", "Harbor", "Ghost", "Prisoner", "Dream", "Promise", "Trench", "Angel",
    "Killer", "Bullet", "Debt", "Island", "Sister", "Garden", "Machine", "Captain", "Coast",
)  # fmt: skip
_PLACES = (
    "Berlin", "Normandy", "Chicago", "Saigon", "Brooklyn", "Naples", "Okinawa", "Stalingrad",
    "Marseille", "Rio", "Tokyo", "Belfast", "Kabul", "Havana", "Medellín", "Palermo", "Dunkirk",
    "Verdun", "Manila", "Lisbon", "Texas", "Harlem", "Iwo Jima", "Mogadishu", "Hong Kong",
)  # fmt: skip
# Foreign originals with an English-ish primary title: accents, CJK, Cyrillic, Hangul.
_FOREIGN = (
    ("Cidade dos Homens", "City of Men"), ("O Último Soldado", "The Last Soldier"),
    ("Coração de Ferro", "Iron Heart"), ("Tropa de Elite", "Elite Squad"),
    ("A Noite do Crime", "The Night of the Crime"), ("Irmãos de Sangue", "Blood Brothers"),
    ("São Paulo em Chamas", "São Paulo on Fire"), ("Ação Entre Amigos", "Friendly Fire"),
    ("Não Há Volta", "No Way Back"), ("O Mecanismo da Violência", "The Mechanism"),
    ("火垂るの墓", "Grave of the Fireflies"), ("七人の侍", "Seven Samurai"),
    ("仁義なき戦い", "Battles Without Honor and Humanity"), ("羅生門", "Rashomon"),
    ("戦場のメリークリスマス", "Merry Christmas, Mr. Lawrence"), ("東京物語", "Tokyo Story"),
    ("野良犬", "Stray Dog"), ("硫黄島からの手紙", "Letters from Iwo Jima"),
    ("La Guerre est finie", "The War Is Over"), ("À bout de souffle", "Breathless"),
    ("Le Cercle rouge", "The Red Circle"), ("La Haine", "Hate"),
    ("El laberinto del fauno", "Pan's Labyrinth"), ("Días de fútbol", "Football Days"),
    ("Los olvidados", "The Young and the Damned"), ("Das Boot", "The Boat"),
    ("Der Untergang", "Downfall"), ("Im Westen nichts Neues", "All Quiet on the Western Front"),
    ("La vita è bella", "Life Is Beautiful"),
    ("Il buono, il brutto, il cattivo", "The Good, the Bad and the Ugly"),
    ("Иди и смотри", "Come and See"), ("Брат", "Brother"), ("살인의 추억", "Memories of Murder"),
    ("올드보이", "Oldboy"), ("Jäger des Nordens", "Hunters of the North"),
)  # fmt: skip
_FIRST = {
    "actor": (
        "John",
        "Robert",
        "Michael",
        "James",
        "William",
        "David",
        "Richard",
        "Thomas",
        "Charles",
        "Joseph",
        "Marlon",
        "Al",
        "Joe",
        "Tom",
        "Samuel",
        "Denzel",
        "Jean",
        "Pierre",
        "José",
        "João",
        "André",
        "Luís",
        "Sérgio",
        "Günter",
        "Jürgen",
        "Toshirô",
        "Ken",
        "Takeshi",
        "Song",
        "Choi",
        "Gérard",
        "François",
        "Bruno",
        "Vincent",
        "Matthew",
        "Dev",
        "Oleg",
    ),
    "actress": (
        "Mary",
        "Patricia",
        "Jennifer",
        "Linda",
        "Elizabeth",
        "Diane",
        "Meryl",
        "Julia",
        "Sophia",
        "Isabella",
        "Fernanda",
        "Regina",
        "Glória",
        "Letícia",
        "Bárbara",
        "Inês",
        "Renée",
        "Zoë",
        "Chloé",
        "Hélène",
        "Juliette",
        "Penélope",
        "Setsuko",
        "Machiko",
        "Kyôko",
        "Anna",
        "Ingrid",
        "Marion",
        "Frances",
        "Viola",
        "Lupita",
        "Charlize",
        "Brigitte",
        "Cécile",
    ),
}
_LAST = (
    "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore",
    "Pacino", "De Niro", "Brando", "Pesci", "Keitel", "Hackman", "Walken", "Hanks", "Freeman",
    "O'Brien", "O'Connor", "D'Onofrio", "O'Toole", "O'Hara", "McDonagh", "D'Angelo", "N'Dour",
    "Silva", "Santos", "Oliveira", "Conceição", "Magalhães", "Araújo", "Gonçalves", "Brandão",
    "Müller", "Schröder", "Brühl", "Nuñez", "Muñoz", "Peña", "Léaud", "Delon", "Béart",
    "Mifune", "Shimura", "Kitano", "Hara", "Takakura", "Kang-ho", "Min-sik", "Ivanov",
)  # fmt: skip
_ROLES = (
    "Sergeant", "Captain", "Detective", "Lieutenant", "Private", "Officer", "Doctor", "Agent",
    "Colonel", "Inspector", "Corporal", "Don", "Father", "Judge", "Major",
)  # fmt: skip
_PROFESSIONS = (
    "producer", "writer", "director", "soundtrack", "miscellaneous", "stunts", "casting_director",
    "composer", "editor", "art_department", "camera_department", "music_department",
)  # fmt: skip


def _title_pool(rng: random.Random, size: int) -> list[str]:
    """`tituloPincipal|tituloOriginal` pairs, mostly English, some foreign, a few traps."""
    adj, noun, place = _ADJECTIVES, _NOUNS, _PLACES
    pool = []
    for _ in range(size):
        u = rng.random()
        if u < 0.12:
            original, primary = rng.choice(_FOREIGN)
            # Most foreign titles keep the original as primary, as IMDb's primaryTitle often does.
            if rng.random() < 0.5:
                primary = original
            pool.append(f"{primary}{_SEP}{original}")
            continue
        if u < 0.14:
            # `"Crocodile" Dundee`: a default CSV reader swallows the quote and merges columns.
            title = f'"{rng.choice(noun)}" {rng.choice(place)}'
        elif u < 0.18:
            title = rng.choice((
                f"Goodbye, {rng.choice(place)}",
                f"{rng.choice(noun)}s, {rng.choice(noun)}s and {rng.choice(noun)}s",
                f"Sex, Lies, and {rng.choice(noun)}",
                f"Bang, Bang, You're {rng.choice(adj)}",
            ))  # fmt: skip
        else:
            n1, n2 = rng.choice(noun), rng.choice(noun)
            title = rng.choice((
                f"The {rng.choice(adj)} {n1}",
                f"{n1} of {rng.choice(place)}",
                f"The {n1}",
                f"{rng.choice(adj)} {n1}s",
                f"{rng.choice(_LAST)}'s {n1}",
                f"Operation {n1}",
                f"{rng.choice(place)} {n1}",
                f"The {n1} and the {n2}",
                f"{n1} {rng.randint(2, 4)}",
                f"{rng.choice(adj)} {n1}: {rng.choice(place)}",
            ))  # fmt: skip
        pool.append(f"{title}{_SEP}{title}")
    return pool


def _genre_pool(rng: random.Random, size: int, series: bool) -> list[str]:
    """`genero` values: 1-3 distinct genres, alphabetical like IMDb's, sometimes `\\N`."""
    weights = dict(_GENRE_WEIGHTS, **(_SERIES_ONLY_GENRES if series else {}))
    names, w = list(weights), list(weights.values())
    pool = []
    for _ in range(size):
        if rng.random() < 0.01:
            pool.append(NULL)
            continue
        k = rng.choices((1, 2, 3), (35, 35, 30))[0]
        chosen: set[str] = set()
        while len(chosen) < k:
            chosen.add(rng.choices(names, w)[0])
        pool.append(",".join(sorted(chosen)))
    return pool


def _tt(rng: random.Random) -> str:
    """A random plausible IMDb title id for `titulosMaisConhecidos`."""
    return f"tt{rng.randint(1, _ID_SPAN):07d}"


def _artist(rng: random.Random, gender: str, trap: int = -1) -> tuple[int, str, str]:
    """One principal: (gender index, `generoArtista|` head, `|nome|...|titulos` tail + newline).

    `trap` forces one of the real files' oddities so even tiny files carry them.
    """
    name = f"{rng.choice(_FIRST[gender])} {rng.choice(_LAST)}"
    if trap == 0:
        name = f"{rng.choice(_FIRST[gender])} O'Donnell"
    born_null = rng.random() < 0.12 or trap == 1
    if born_null:
        born, died = NULL, NULL
    else:
        b = rng.randint(1880, 2005)
        born = str(b)
        # People born long ago have mostly died; the young are alive (`\N`).
        dead = rng.random() < max(0.02, min(0.97, (1960 - b) / 60))
        died = str(min(_YEAR_MAX, b + rng.randint(35, 95))) if dead else NULL
    if trap == 2 or rng.random() < 0.015:
        prof = ""  # the real file has empty strings here, not `\N`
    else:
        extra = rng.sample(_PROFESSIONS, rng.choices((0, 1, 2), (50, 35, 15))[0])
        prof = ",".join([gender, *extra])
    known = NULL if rng.random() < 0.01 else ",".join(_tt(rng) for _ in range(rng.randint(1, 4)))
    gi = 0 if gender == "actor" else 1
    return gi, gender + _SEP, f"{_SEP}{name}{_SEP}{born}{_SEP}{died}{_SEP}{prof}{_SEP}{known}\n"


def _character_pools(rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """`personagem` values for actors and actresses; about 8% are `\\N` like the real file."""
    pools: tuple[list[str], list[str]] = ([], [])
    for gi, gender in enumerate(("actor", "actress")):
        own = "Himself" if gi == 0 else "Herself"
        for _ in range(size):
            u = rng.random()
            if u < 0.08:
                pools[gi].append(NULL)
            elif u < 0.11:
                pools[gi].append(own)
            elif u < 0.35:
                pools[gi].append(f"{rng.choice(_ROLES)} {rng.choice(_LAST)}")
            elif u < 0.40:
                pools[gi].append(f"{rng.choice(_FIRST[gender])}, the {rng.choice(_NOUNS)}")
            else:
                pools[gi].append(f"{rng.choice(_FIRST[gender])} {rng.choice(_LAST)}")
    return pools


def _write(path: Path, spec: Spec, rows: int, rng: random.Random, artists, characters) -> int:
    """Stream one file of exactly `rows` data rows; returns the number of titles written."""
    series = spec == "series"
    titles = _title_pool(rng, 4096)
    genres = _genre_pool(rng, 4096, series)
    ratings = [f"{r / 10:.1f}" for r in range(10, 101)]  # "1.0".."10.0"
    actor_chars, actress_chars = characters
    n_chars = len(actor_chars)
    n_artists = len(artists)

    # Ids: `tt` + zero-padded number, increasing by random gaps spread over ~_ID_SPAN; movies take
    # even numbers and series odd ones so the two files never share an id.
    expected_titles = max(1, rows // 4)
    gap = max(1, _ID_SPAN // 2 // expected_titles)
    k = 5_000 + rng.randrange(gap)
    parity = 1 if series else 0

    rand, _randint, gauss = rng.random, rng.randint, rng.gauss
    pareto = rng.paretovariate
    written = n_titles = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
        f.write(_SEP.join(HEADERS[spec]) + "\n")
        buf: list[str] = []
        while written < rows:
            k += 1 + int(rand() * (2 * gap - 1))
            tid = 2 * k + parity
            if tid > _MAX_ID:
                raise DatalakeError(
                    f"Too many {spec} rows ({rows:,}) for 8-digit IMDb ids: generate fewer rows."
                )
            # The first titles of every file are forced traps so that even a tiny file has them.
            if n_titles < 4:
                text = (
                    '"Crocodile" Dundee|"Crocodile" Dundee',
                    "Goodbye, Lenin|Good Bye, Lenin!",
                    "City of God|Cidade de Deus",
                    "Grave of the Fireflies|火垂るの墓",
                )[n_titles]
            else:
                text = titles[int(rand() * 4096)]
            # Recent years dominate, as in IMDb.
            year = _YEAR_MAX - int((_YEAR_MAX - _YEAR_MIN + 1) * rand() ** 1.7)
            if series:
                if rand() < 0.3 or n_titles == 0:
                    end = NULL  # still running
                else:
                    end = str(min(_YEAR_MAX, year + int(-4 * math.log(1.0 - rand()))))
                runtime = NULL if rand() < 0.12 else str(max(5, int(gauss(42, 14))))
                year_cols = f"{year}{_SEP}{end}"
            else:
                runtime = NULL if rand() < 0.03 else str(max(45, int(gauss(102, 22))))
                year_cols = str(year)
            genre = genres[int(rand() * 4096)]
            rating = ratings[min(90, max(0, int(gauss(53, 11))))]
            # Heavy tail: most titles have a few dozen votes, a handful have millions.
            votes = min(2_900_000, int(5 * pareto(0.75)))
            prefix = (
                f"tt{tid:07d}{_SEP}{text}{_SEP}{year_cols}{_SEP}{runtime}{_SEP}{genre}"
                f"{_SEP}{rating}{_SEP}{votes}{_SEP}"
            )

            n = 2 + int(rand() * 5)  # 2-6 principals
            left = rows - written
            if n >= left:
                n = left
            elif left - n == 1:
                n = n + 1 if n < 6 else n - 1  # never leave a lone row for a 1-artist last title
            picked: list[int] = []
            while len(picked) < n:
                if n_titles == 0 and len(picked) < 3:
                    a = len(picked)  # the trap artists sit at the pool's start
                else:
                    # Skewed toward the pool's start: some artists appear in many titles.
                    a = int(n_artists * rand() ** 1.6)
                if a in picked:
                    continue
                picked.append(a)
                gi, head, tail = artists[a]
                chars = actor_chars if gi == 0 else actress_chars
                buf.append(prefix + head + chars[int(rand() * n_chars)] + tail)
            written += n
            n_titles += 1
            if len(buf) >= _CHUNK_ROWS:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    os.replace(tmp, path)  # a reader never sees a half-written file under the final name
    return n_titles


def generate(out_dir, movies: int, series: int, seed: int = 0) -> dict:
    """Write `movies.csv` and `series.csv` with exactly `movies` / `series` data rows to `out_dir`.

    Deterministic: the same arguments give the same bytes. Returns
    `{"movies": {"path": Path, "rows": int, "titles": int, "bytes": int}, "series": {...}}`.
    """
    for name, value in (("movies", movies), ("series", series)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DatalakeError(f"--{name} must be a whole number >= 0, got {value!r}.")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise DatalakeError(f"--seed must be a whole number, got {seed!r}.")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatalakeError(f"Cannot create output directory {out}: {exc.strerror}.") from None

    # Shared people: the same artists act in movies and series. The pool is bounded so memory stays
    # flat whatever the row count; trap artists (apostrophe, `\N` birth, empty profissao) come first.
    rng = random.Random(f"datalake-generate:{seed}:people")
    n_artists = min(200_000, max(64, (movies + series) // 4))
    genders = ("actor", "actress")
    artists = [_artist(rng, genders[i % 2], trap=i) for i in range(3)]
    artists += [
        _artist(rng, "actor" if rng.random() < 0.6 else "actress") for _ in range(n_artists - 3)
    ]
    characters = _character_pools(rng, 8192)

    result = {}
    specs: tuple[tuple[Spec, int], ...] = (("movies", movies), ("series", series))
    for spec, rows in specs:
        path = out / file_name(spec)
        # One stream per file, so each file's bytes depend only on its own row count and the pool.
        spec_rng = random.Random(f"datalake-generate:{seed}:{spec}")
        try:
            titles = _write(path, spec, rows, spec_rng, artists, characters)
        except OSError as exc:
            raise DatalakeError(f"Cannot write {path}: {exc.strerror}.") from None
        result[spec] = {"path": path, "rows": rows, "titles": titles, "bytes": path.stat().st_size}
    return result
