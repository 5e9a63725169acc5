-- (a fragment) The columns every TMDB title table ends with.
        data.original_language AS original_language,
        data.status AS status,
        data.popularity AS popularity,
        data.vote_average AS vote_average,
        data.vote_count AS vote_count,
        list_transform(data.genres, g -> g.name) AS genres,
        list_transform(keywords, k -> k.name) AS keywords,
        data.origin_country AS origin_countries,
        list_transform(data.production_countries, c -> c.iso_3166_1) AS production_countries,
        list_transform(data.spoken_languages, l -> l.iso_639_1) AS spoken_languages,
        fetched_at,
        fetch_origin
