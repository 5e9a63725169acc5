-- Shared definitions. `genres` (the configured genres) and `vote_floors` are bound by the caller.

-- Bit i is set when the title has the i-th configured genre (as refined's is_configured matches
-- it: case-insensitive, "War & Politics" counts as War), so a title of two genres is counted once.
CREATE OR REPLACE TEMP MACRO genre_mask(genres) AS
    coalesce(list_sum(list_transform(
        range(len(getvariable('genres'))),
        i -> CASE WHEN list_bool_or(list_transform(genres, genre -> list_contains(
            [lower(genre)] || list_transform(string_split(lower(genre), '&'), part -> trim(part)),
            lower(getvariable('genres')[i + 1])))) THEN CAST(2 ** i AS INTEGER) ELSE 0 END
    )), 0);
-- Index of the highest vote floor the title reaches; -1 when its votes are unknown.
CREATE OR REPLACE TEMP MACRO vote_floor(votes) AS
    CASE WHEN votes IS NULL THEN -1
         ELSE len(list_filter(getvariable('vote_floors'), floor -> votes >= floor)) - 1 END;
-- The titles of the configured genres, with what every filter of the page needs.
CREATE OR REPLACE TEMP VIEW focus_titles AS
SELECT
    title.title_id, title.primary_title, title.kind, title.release_year, title.collection_id,
    title.in_tmdb, genre_mask(title.genres) AS mask, vote_floor(fact.imdb_votes) AS floor,
    fact.*  EXCLUDE (title_id, kind)
FROM dim_title AS title JOIN fact_title_metrics AS fact USING (title_id)
WHERE fact.in_configured_genres;
