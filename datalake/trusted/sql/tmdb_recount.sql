-- The reconciliation check's own count of the raw details: records and distinct titles.
SELECT count(*) AS records, count(DISTINCT data.id) AS titles
FROM read_json(?, format = 'array', columns = {'data': 'STRUCT(id BIGINT)'})
