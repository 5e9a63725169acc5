"""The DuckDB -> Spark SQL translation: golden files pin every translated Refined statement, and
each rewrite gives Spark the result DuckDB gives (run on both engines)."""

import os
from dataclasses import asdict
from pathlib import Path

import duckdb
import pytest

from datalake import refined
from datalake.engines.spark import spark_session, steps_of
from datalake.engines.spark_job import run_spec
from datalake.engines.spark_sql import Translator, render
from datalake.errors import DatalakeError
from datalake.refined.queries import query
from datalake.storage.layout import SPECS
from datalake.trusted.csv_transform import csv_transform, statements
from datalake.trusted.queries import query as trusted_query
from datalake.trusted.tmdb_transform import table_statements, tmdb_transform

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DATALAKE_REGENERATE_GOLDEN") == "1"  # rewrite the golden files
REFINED = sorted(p.stem for p in Path(refined.__file__).parent.glob("sql/*.sql"))


def _translated(name: str) -> str:
    translator = Translator()
    translator.script(query("macros"))
    return render(translator.script(query(name)))


@pytest.mark.parametrize("name", [n for n in REFINED if n != "macros"])
def test_each_refined_statement_translates_as_pinned(name):
    golden = GOLDEN / f"refined_{name}.sql"
    if REGENERATE:
        golden.write_text(_translated(name), encoding="utf-8")
    assert golden.exists(), "no golden file: rerun with DATALAKE_REGENERATE_GOLDEN=1 and review"
    assert _translated(name) == golden.read_text(encoding="utf-8")


def _trusted_translations() -> dict[str, str]:
    """Each Trusted transform's scripts, then each of its statements, as Spark runs them."""
    transforms = {}
    for spec in SPECS:
        csv_statements = statements(spec)
        tmdb_statements = table_statements(spec) | {"counts": trusted_query("tmdb_counts")}
        transforms[f"trusted_csv_{spec}"] = (csv_transform("x.csv", spec), csv_statements)
        transforms[f"trusted_tmdb_{spec}"] = (tmdb_transform(spec, [], []), tmdb_statements)
    texts = {}
    for name, (transform, results) in transforms.items():
        translator = Translator()
        blocks = [render(steps_of(transform, translator))]
        blocks += [f"-- {n}:\n" + render(translator.script(sql)) for n, sql in results.items()]
        texts[name] = "\n".join(blocks)
    return texts


@pytest.mark.parametrize("name", [f"trusted_{k}_{s}" for k in ("csv", "tmdb") for s in SPECS])
def test_each_trusted_statement_translates_as_pinned(name):
    golden, translated = GOLDEN / f"{name}.sql", _trusted_translations()[name]
    if REGENERATE:
        golden.write_text(translated, encoding="utf-8")
    assert golden.exists(), "no golden file: rerun with DATALAKE_REGENERATE_GOLDEN=1 and review"
    assert translated == golden.read_text(encoding="utf-8")


def test_macros_define_no_statement_and_are_inlined():
    translator = Translator()
    assert translator.script(query("macros")) == []
    assert set(translator.macros) == {
        "person_key", "tmdb_person_key", "is_configured", "in_configured_genres"
    }  # fmt: skip
    (step,) = translator.script("SELECT person_key('A', 1990) AS k")
    assert "PERSON_KEY" not in step.sql and "SUBSTRING(MD5(" in step.sql


# (DuckDB statement, variables): each exercises one rewrite of `spark_sql`.
REWRITES = {
    "division_is_ieee": (
        "SELECT 5 / 0 AS a, -5 / 0 AS b, 6 / 4 AS c, 1 / NULL AS d, CAST(0 AS DOUBLE) / 0 AS e",
        {},
    ),
    "variables_become_parameters": ("SELECT getvariable('year') + 1 AS a", {"year": 2022}),
    "arg_min_skips_null_values": (
        "SELECT k, arg_min(a, (o, p)) AS lo, arg_max(a, o) AS hi FROM (SELECT * FROM (VALUES "
        "(1, NULL, 1, 'x'), (1, ['b'], 2, 'y'), (1, NULL, 3, 'z'), (2, NULL, 1, 'x')) "
        "AS t(k, a, o, p)) GROUP BY k ORDER BY k",
        {},
    ),
    "list_bool_or": (
        "SELECT list_bool_or([false, NULL]) AS a, list_bool_or([true, NULL]) AS b, "
        "list_bool_or([]) AS c, list_bool_or(CAST(NULL AS BOOLEAN[])) AS d",
        {},
    ),
    "list_aggregate": (
        "SELECT k, list_sort(list(v)) AS a, list(v) FILTER (v > 5) AS b FROM "
        "(SELECT 1 AS k, 3 AS v UNION ALL SELECT 1, NULL UNION ALL SELECT 2, 7) GROUP BY k ORDER BY k",
        {},
    ),
    "string_prefix": ("SELECT md5('x')[:16] AS a, lower('AbC')[:2] AS b", {}),
    "list_has_any": (
        "SELECT list_has_any(['a', 'b'], ['b']) AS a, list_has_any(['a'], ['c']) AS b",
        {},
    ),
    "string_split_is_literal": ("SELECT string_split('War & Politics|x', '|') AS a", {}),
    "union_all_by_name": (
        "SELECT * FROM (SELECT 1 AS a, 'x' AS b UNION ALL BY NAME SELECT 'y' AS b, 2 AS c)",
        {},
    ),
    "list_element_is_one_based_and_null_past_the_end": (
        "SELECT ['a', 'b'][2] AS a, ['a'][3] AS b, string_split('x|y', '|')[1] AS c",
        {},
    ),
    "glob_is_an_anchored_regex": (
        "SELECT 'tt12' GLOB 'tt[0-9]*' AS a, 'a.b' GLOB 'a?b' AS b, 'x' GLOB '[!0-9]' AS c, "
        "'axb' GLOB 'a.b' AS d, 'tt1' || chr(13) GLOB 'tt[0-9]' AS e, "
        "CAST(NULL AS VARCHAR) GLOB '*' AS f",
        {},
    ),
    "list_avg_skips_nulls": (
        "SELECT list_avg([1, NULL, 4]) AS a, list_avg(CAST([] AS INTEGER[])) AS b, "
        "list_avg(CAST(NULL AS INTEGER[])) AS c, list_avg([45, 30]) AS d",
        {},
    ),
    "list_position_is_null_when_absent": (
        "SELECT list_position([3, 1], 1) AS a, list_position([3], 9) AS b",
        {},
    ),
    "every_row_limit_is_dropped": (
        "SELECT count(*) AS n FROM (SELECT 1 AS x UNION ALL SELECT 2 LIMIT 9223372036854775807)",
        {},
    ),
    "temp_table_is_a_cached_view": (
        "CREATE OR REPLACE TEMP TABLE t AS SELECT 2 AS a; SELECT a * 3 AS b FROM t",
        {},
    ),
    "qualify_keeps_columns": (
        "SELECT * FROM (SELECT 1 AS a, 2 AS b UNION ALL SELECT 1, 3) "
        "QUALIFY row_number() OVER (PARTITION BY a ORDER BY b DESC) = 1",
        {},
    ),
}


@pytest.mark.parametrize("case", list(REWRITES))
def test_a_rewrite_gives_spark_duckdbs_result(case):
    sql, variables = REWRITES[case]
    con = duckdb.connect()
    for name, value in variables.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])
    expected = con.sql(sql)
    steps = [asdict(step) for step in Translator().script(sql)]
    spec = {"inputs": {}, "columns": {}, "empty": {}, "steps": steps, "variables": variables}
    frame = run_spec(spark_session("local[2]").newSession(), spec)
    assert frame.columns == expected.columns
    # Compared as text: NaN equals nothing, not even itself.
    assert [repr(tuple(row)) for row in frame.collect()] == list(map(repr, expected.fetchall()))


def test_only_the_every_row_limit_is_dropped():
    fenced = "SELECT * FROM (SELECT x FROM t LIMIT 9223372036854775807) WHERE x > 1 LIMIT 5"
    (step,) = Translator().script(fenced)
    assert step.sql.count("LIMIT") == 1 and "LIMIT 5" in step.sql


def test_a_temp_table_becomes_a_cached_view_and_a_view_is_not_cached():
    steps = Translator().script(
        "CREATE TEMP TABLE t AS SELECT 1 AS a; CREATE TEMP VIEW v AS SELECT a FROM t; SELECT * FROM v"
    )
    assert [(s.name, s.cache) for s in steps] == [("t", True), ("v", False), (None, False)]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELECT * FROM read_parquet('x.parquet')", "named inputs only"),
        ("SELECT * FROM 'x.csv'", "named inputs only"),
        ("SELECT read_csv('x') AS a", "named inputs only"),
        ("SELECT len(genres) FROM t", "array_length(list)"),
        ("COPY t TO 'x.parquet'", "SELECTs and views only"),
        ("SELECT a FROM t UNION BY NAME SELECT a FROM u", "UNION ALL BY NAME"),
        ("SELECT list(a ORDER BY b) FROM t", "keeps no order"),
    ],
)
def test_what_does_not_translate_faithfully_is_refused(sql, message):
    with pytest.raises(DatalakeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Translator().script(sql)
