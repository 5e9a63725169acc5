-- An IMDb id when the value is one (tt + 7-8 digits), else NULL: TMDB sends "" or null for unknown.
CREATE OR REPLACE TEMP MACRO imdb_id_or_null(value) AS
    CASE WHEN ${is_imdb_id} THEN value END
