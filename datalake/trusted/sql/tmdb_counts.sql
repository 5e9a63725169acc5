-- Raw detail records read, and titles kept (a refetched title's older fetch is superseded).
SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM titles) AS titles
