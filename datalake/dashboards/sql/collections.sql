-- Franchise names, for the franchises the embedded TMDB titles belong to.
SELECT collection_id, collection_name
FROM dim_collection
WHERE collection_id IN (SELECT collection_id FROM focus_titles WHERE in_tmdb)
ORDER BY collection_id
