-- view duplicate_lines
SELECT
  line_number
FROM raw_lines
WHERE
  HASH(line) IN (
    SELECT
      HASH(line)
    FROM raw_lines
    WHERE
      NOT line IS NULL
    GROUP BY
      HASH(line)
    HAVING
      COUNT(*) > 1
  )
QUALIFY
  ROW_NUMBER() OVER (PARTITION BY line ORDER BY line_number NULLS LAST) > 1

-- view lines
SELECT
  line_number,
  line
FROM raw_lines
WHERE
  NOT line IS NULL
  AND NOT line_number IN (
    SELECT
      line_number
    FROM duplicate_lines
  )

-- counts:
-- result
/* Data rows are the non-blank lines after the header. */
SELECT
  COUNT(line) AS data_rows,
  (
    SELECT
      COUNT(*)
    FROM duplicate_lines
  ) AS duplicate_rows
FROM raw_lines

-- well_formed:
-- result
/* Is there a data line with the right number of fields? None at all means another delimiter. */
SELECT
  COUNT(*) AS well_formed
FROM (
  SELECT
    1
  FROM lines
  WHERE
    SIZE(SPLIT(line, CONCAT('\\Q', '|', '\\E'))) = 15
  LIMIT 1
)

-- trusted:
-- result
/* Valid first occurrences as typed rows. The LIMIT (every row) fences the checks off: without it */
/* DuckDB pushes them below the field extraction and splits each line once per check. */
SELECT
  NULLIF(id, '\\N') AS title_id,
  NULLIF(tituloPincipal, '\\N') AS primary_title,
  NULLIF(tituloOriginal, '\\N') AS original_title,
  CAST(NULLIF(anoLancamento, '\\N') AS SMALLINT) AS release_year,
  CAST(NULLIF(tempoMinutos, '\\N') AS INT) AS runtime_minutes,
  SPLIT(NULLIF(NULLIF(genero, '\\N'), ''), CONCAT('\\Q', ',', '\\E')) AS genres,
  CAST(NULLIF(notaMedia, '\\N') AS DECIMAL(3, 1)) AS average_rating,
  CAST(NULLIF(numeroVotos, '\\N') AS INT) AS num_votes,
  NULLIF(generoArtista, '\\N') AS artist_category,
  NULLIF(personagem, '\\N') AS character_name,
  NULLIF(nomeArtista, '\\N') AS artist_name,
  CAST(NULLIF(anoNascimento, '\\N') AS SMALLINT) AS birth_year,
  CAST(NULLIF(anoFalecimento, '\\N') AS SMALLINT) AS death_year,
  SPLIT(NULLIF(NULLIF(profissao, '\\N'), ''), CONCAT('\\Q', ',', '\\E')) AS professions,
  SPLIT(NULLIF(NULLIF(titulosMaisConhecidos, '\\N'), ''), CONCAT('\\Q', ',', '\\E')) AS known_for_titles
FROM (
  SELECT
    TRY_ELEMENT_AT(fields, 1) AS id,
    TRY_ELEMENT_AT(fields, 2) AS tituloPincipal,
    TRY_ELEMENT_AT(fields, 3) AS tituloOriginal,
    TRY_ELEMENT_AT(fields, 4) AS anoLancamento,
    TRY_ELEMENT_AT(fields, 5) AS tempoMinutos,
    TRY_ELEMENT_AT(fields, 6) AS genero,
    TRY_ELEMENT_AT(fields, 7) AS notaMedia,
    TRY_ELEMENT_AT(fields, 8) AS numeroVotos,
    TRY_ELEMENT_AT(fields, 9) AS generoArtista,
    TRY_ELEMENT_AT(fields, 10) AS personagem,
    TRY_ELEMENT_AT(fields, 11) AS nomeArtista,
    TRY_ELEMENT_AT(fields, 12) AS anoNascimento,
    TRY_ELEMENT_AT(fields, 13) AS anoFalecimento,
    TRY_ELEMENT_AT(fields, 14) AS profissao,
    TRY_ELEMENT_AT(fields, 15) AS titulosMaisConhecidos,
    SIZE(fields) AS field_count
  FROM (
    SELECT
      CASE
        WHEN STARTSWITH(line, ' ')
        OR ENDSWITH(line, ' ')
        OR CONTAINS(line, ' |')
        OR CONTAINS(line, '| ')
        OR CONTAINS(line, CHR(  9))
        THEN TRANSFORM(SPLIT(line, CONCAT('\\Q', '|', '\\E')), field -> TRIM(' ' || CHR(  9) FROM field))
        ELSE SPLIT(line, CONCAT('\\Q', '|', '\\E'))
      END AS fields
    FROM lines
  )
)
WHERE
  field_count = 15
  AND (
    id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
    OR id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
  )
  AND (
    anoLancamento = '\\N'
    OR anoLancamento RLIKE '(?s)^1[89][0-9][0-9]\\z'
    OR anoLancamento RLIKE '(?s)^20[0-9][0-9]\\z'
  )
  AND (
    tempoMinutos = '\\N'
    OR (
      tempoMinutos <> ''
      AND NOT tempoMinutos RLIKE '(?s)^.*[^0-9].*\\z'
      AND LENGTH(tempoMinutos) <= 6
    )
  )
  AND (
    notaMedia = '\\N'
    OR notaMedia RLIKE '(?s)^[0-9]\\.[0-9]\\z'
    OR notaMedia RLIKE '(?s)^[0-9]\\z'
    OR notaMedia RLIKE '(?s)^10\\.0\\z'
    OR notaMedia RLIKE '(?s)^10\\z'
  )
  AND (
    numeroVotos = '\\N'
    OR (
      numeroVotos <> ''
      AND NOT numeroVotos RLIKE '(?s)^.*[^0-9].*\\z'
      AND LENGTH(numeroVotos) <= 9
    )
  )
  AND (
    anoNascimento = '\\N' OR anoNascimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
  )
  AND (
    anoFalecimento = '\\N' OR anoFalecimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
  )

-- rejected:
-- result
/* Invalid first occurrences with their line number, the line as read and every reason found. */
SELECT
  line_number,
  line,
  CASE
    WHEN field_count <> 15
    THEN 'expected 15 fields, found ' || field_count
    ELSE CONCAT_WS(
      '; ',
      CASE
        WHEN NOT (
          id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
          OR id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
        )
        THEN 'id=\'' || id || '\' is not an IMDb title id (tt + 7-8 digits)'
      END,
      CASE
        WHEN NOT (
          anoLancamento = '\\N'
          OR anoLancamento RLIKE '(?s)^1[89][0-9][0-9]\\z'
          OR anoLancamento RLIKE '(?s)^20[0-9][0-9]\\z'
        )
        THEN 'anoLancamento=\'' || anoLancamento || '\' is not a year 1800-2099'
      END,
      CASE
        WHEN NOT (
          tempoMinutos = '\\N'
          OR (
            tempoMinutos <> ''
            AND NOT tempoMinutos RLIKE '(?s)^.*[^0-9].*\\z'
            AND LENGTH(tempoMinutos) <= 6
          )
        )
        THEN 'tempoMinutos=\'' || tempoMinutos || '\' is not a whole number of minutes'
      END,
      CASE
        WHEN NOT (
          notaMedia = '\\N'
          OR notaMedia RLIKE '(?s)^[0-9]\\.[0-9]\\z'
          OR notaMedia RLIKE '(?s)^[0-9]\\z'
          OR notaMedia RLIKE '(?s)^10\\.0\\z'
          OR notaMedia RLIKE '(?s)^10\\z'
        )
        THEN 'notaMedia=\'' || notaMedia || '\' is not a rating 0-10 with one decimal'
      END,
      CASE
        WHEN NOT (
          numeroVotos = '\\N'
          OR (
            numeroVotos <> ''
            AND NOT numeroVotos RLIKE '(?s)^.*[^0-9].*\\z'
            AND LENGTH(numeroVotos) <= 9
          )
        )
        THEN 'numeroVotos=\'' || numeroVotos || '\' is not a whole number of votes'
      END,
      CASE
        WHEN NOT (
          anoNascimento = '\\N' OR anoNascimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
        )
        THEN 'anoNascimento=\'' || anoNascimento || '\' is not a four-digit year'
      END,
      CASE
        WHEN NOT (
          anoFalecimento = '\\N' OR anoFalecimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
        )
        THEN 'anoFalecimento=\'' || anoFalecimento || '\' is not a four-digit year'
      END
    )
  END AS reason
FROM (
  SELECT
    line_number,
    line,
    TRY_ELEMENT_AT(fields, 1) AS id,
    TRY_ELEMENT_AT(fields, 2) AS tituloPincipal,
    TRY_ELEMENT_AT(fields, 3) AS tituloOriginal,
    TRY_ELEMENT_AT(fields, 4) AS anoLancamento,
    TRY_ELEMENT_AT(fields, 5) AS tempoMinutos,
    TRY_ELEMENT_AT(fields, 6) AS genero,
    TRY_ELEMENT_AT(fields, 7) AS notaMedia,
    TRY_ELEMENT_AT(fields, 8) AS numeroVotos,
    TRY_ELEMENT_AT(fields, 9) AS generoArtista,
    TRY_ELEMENT_AT(fields, 10) AS personagem,
    TRY_ELEMENT_AT(fields, 11) AS nomeArtista,
    TRY_ELEMENT_AT(fields, 12) AS anoNascimento,
    TRY_ELEMENT_AT(fields, 13) AS anoFalecimento,
    TRY_ELEMENT_AT(fields, 14) AS profissao,
    TRY_ELEMENT_AT(fields, 15) AS titulosMaisConhecidos,
    SIZE(fields) AS field_count
  FROM (
    SELECT
      line_number,
      line,
      CASE
        WHEN STARTSWITH(line, ' ')
        OR ENDSWITH(line, ' ')
        OR CONTAINS(line, ' |')
        OR CONTAINS(line, '| ')
        OR CONTAINS(line, CHR(  9))
        THEN TRANSFORM(SPLIT(line, CONCAT('\\Q', '|', '\\E')), field -> TRIM(' ' || CHR(  9) FROM field))
        ELSE SPLIT(line, CONCAT('\\Q', '|', '\\E'))
      END AS fields
    FROM lines
  )
)
WHERE
  NOT (
    field_count = 15
    AND (
      id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
      OR id RLIKE '(?s)^tt[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]\\z'
    )
    AND (
      anoLancamento = '\\N'
      OR anoLancamento RLIKE '(?s)^1[89][0-9][0-9]\\z'
      OR anoLancamento RLIKE '(?s)^20[0-9][0-9]\\z'
    )
    AND (
      tempoMinutos = '\\N'
      OR (
        tempoMinutos <> ''
        AND NOT tempoMinutos RLIKE '(?s)^.*[^0-9].*\\z'
        AND LENGTH(tempoMinutos) <= 6
      )
    )
    AND (
      notaMedia = '\\N'
      OR notaMedia RLIKE '(?s)^[0-9]\\.[0-9]\\z'
      OR notaMedia RLIKE '(?s)^[0-9]\\z'
      OR notaMedia RLIKE '(?s)^10\\.0\\z'
      OR notaMedia RLIKE '(?s)^10\\z'
    )
    AND (
      numeroVotos = '\\N'
      OR (
        numeroVotos <> ''
        AND NOT numeroVotos RLIKE '(?s)^.*[^0-9].*\\z'
        AND LENGTH(numeroVotos) <= 9
      )
    )
    AND (
      anoNascimento = '\\N' OR anoNascimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
    )
    AND (
      anoFalecimento = '\\N' OR anoFalecimento RLIKE '(?s)^[0-9][0-9][0-9][0-9]\\z'
    )
  )
ORDER BY
  line_number NULLS LAST
