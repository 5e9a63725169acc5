-- Shared definitions. `genres` (the configured genres) is a variable bound by the caller.

-- A person's key: a stable hash of what identifies an artist in the CSV (it has no person id).
CREATE OR REPLACE TEMP MACRO person_key(name, birth_year) AS
    md5(name || '|' || coalesce(CAST(birth_year AS VARCHAR), ''))[:16];
-- A person TMDB alone knows (a creator no CSV artist stands for).
CREATE OR REPLACE TEMP MACRO tmdb_person_key(tmdb_person_id) AS
    md5('tmdb|' || tmdb_person_id)[:16];
-- Case-insensitive; TMDB's TV genres join two names ("War & Politics" counts as War).
CREATE OR REPLACE TEMP MACRO is_configured(genre) AS
    list_has_any(
        [lower(genre)] || list_transform(string_split(lower(genre), '&'), part -> trim(part)),
        list_transform(getvariable('genres'), wanted -> lower(wanted)));
CREATE OR REPLACE TEMP MACRO in_configured_genres(genres) AS
    coalesce(list_bool_or(list_transform(genres, genre -> is_configured(genre))), false);
