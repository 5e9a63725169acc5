-- Every record of the raw details files, with its fetch flattened and the keywords and creators
-- of either shape under one name; `data` has the declared shape of TMDB's answer.
CREATE OR REPLACE TEMP TABLE records AS
SELECT
    filename,
    CAST("fetch".fetched_at AS TIMESTAMP) AS fetched_at,
    "fetch".imdb_id AS fetch_imdb_id,
    "fetch".origin AS fetch_origin,
    data,
    ${keywords} AS keywords,
    ${creators} AS creators
FROM raw_details
