-- One typed row per series. "" dates and an empty episode_run_time (TMDB's usual answer) become
-- NULL; the average episode runtime ignores zeros.
SELECT
    tmdb_id,
    coalesce(imdb_id_or_null(data.external_ids.imdb_id),
             imdb_id_or_null(fetch_imdb_id)) AS imdb_id,
    data.name AS title,
    data.original_name AS original_title,
    data.type AS series_type,
    TRY_CAST(nullif(data.first_air_date, '') AS DATE) AS first_air_date,
    TRY_CAST(nullif(data.last_air_date, '') AS DATE) AS last_air_date,
    data.in_production AS in_production,
    data.number_of_seasons AS seasons,
    data.number_of_episodes AS episodes,
    list_avg(list_filter(data.episode_run_time, m -> m > 0)) AS episode_runtime_minutes,
    list_transform(creators, c -> c.name) AS creators,
    list_transform(data.networks, n -> n.name) AS networks,
    data.languages AS languages,
    ${title_columns}
FROM titles
ORDER BY tmdb_id
