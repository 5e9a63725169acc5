-- Every title of the configured genres that TMDB knows, with the measures the budget,
-- rating-versus-success and franchise questions correlate and group (few: TMDB is enriched
-- for the most-voted titles only).
SELECT
    title_id, primary_title AS title, kind, release_year AS year, mask, floor,
    imdb_rating::DOUBLE AS imdb_rating, imdb_votes, tmdb_vote_average, tmdb_popularity,
    budget, revenue, roi::DOUBLE AS roi, years_running, seasons, collection_id
FROM focus_titles
WHERE in_tmdb
ORDER BY title_id
