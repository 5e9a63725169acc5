"""The DuckDB -> Spark SQL translation: golden files pin every translated Refined statement, and
each rewrite gives Spark the result DuckDB gives (run on both engines)."""

import os
from dataclasses import asdict
from pathlib import Path

import duckdb
import pytest

from datalake import refined
from datalake.engines.spark import spark_session
from datalake.engines.spark_job import run_spec
from datalake.engines.spark_sql import Translator, render
from datalake.errors import DatalakeError
from datalake.refined.queries import query

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
