-- Popularidade de cada gênero configurado por década
-- Popularity of each configured genre by decade
-- One row per configured genre (DATALAKE_GENRES; TMDB's "War & Politics" counts as War),
-- decade of release and kind: how many titles, their IMDb votes (total and per title), mean
-- IMDb rating, and the mean TMDB popularity of those TMDB knows, each with its title count. A
-- title of two configured genres counts in both.
SELECT
    genre.genre_name,
    period.decade,
    fact.kind,
    count(*) AS titles,
    CAST(coalesce(sum(fact.imdb_votes), 0) AS BIGINT) AS imdb_votes,
    round(avg(fact.imdb_votes), 1) AS mean_imdb_votes,
    round(avg(fact.imdb_rating), 2) AS mean_imdb_rating,
    count(fact.tmdb_popularity) AS tmdb_titles,
    round(avg(fact.tmdb_popularity), 3) AS mean_tmdb_popularity
FROM bridge_title_genre AS genre
JOIN dim_genre AS dim ON dim.genre_name = genre.genre_name
JOIN fact_title_metrics AS fact ON fact.title_id = genre.title_id
JOIN dim_period AS period ON period.year = fact.year
WHERE dim.is_configured
GROUP BY genre.genre_name, period.decade, fact.kind
ORDER BY genre.genre_name, period.decade, fact.kind
