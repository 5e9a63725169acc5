-- The titles table: the ? most-voted titles of each kind and decade of release.
SELECT
    title_id, primary_title AS title, kind, release_year AS year, mask, floor,
    imdb_rating::DOUBLE AS imdb_rating, imdb_votes, tmdb_vote_average, runtime_minutes
FROM focus_titles
QUALIFY row_number() OVER (
    PARTITION BY kind, release_year // 10 ORDER BY imdb_votes DESC NULLS LAST, title_id
) <= ?
ORDER BY imdb_votes DESC NULLS LAST, title_id
