"""DuckDB-dialect transforms translated to Spark SQL with `sqlglot`, plus the few rewrites it
needs, each one documented here and tested:

- macros (`CREATE MACRO`) are inlined where they are called: Spark has no SQL macros;
- `getvariable('x')` becomes the named parameter `:x`, bound when the statement runs;
- `a / b` becomes `CASE WHEN b = 0 THEN a * Infinity ELSE try_divide(a, b) END`: DuckDB divides
  as IEEE floats (inf, -inf, NaN for a zero divisor); Spark (ANSI mode) raises;
- `list(x)` (aggregate) becomes `collect_list` of `x` wrapped in a struct, unwrapped, NULL when
  empty: DuckDB's keeps NULL elements and gives NULL over no rows, Spark's skips NULLs and gives
  an empty array;
- `arg_min(x, key)` / `arg_max` become `min_by` / `max_by` of `x` over the key masked where `x`
  is NULL: DuckDB's skip rows whose `x` is NULL, Spark's may return that NULL;
- `list_bool_or(l)` becomes `array_max(l)` (both skip NULLs and give NULL for an empty list);
- `text[:n]` on a string function becomes `substring(text, 1, n)` (sqlglot leaves the slice);
- `QUALIFY` is kept (Spark 4 has it; sqlglot's subquery rewrite leaks a `_w` column into `*`);
- `list_has_any(a, b)` is written `arrays_overlap(a, b)` (sqlglot writes `&&`, not Spark SQL);
- `list[i]` becomes `try_element_at(list, i)`: both count from 1 and give NULL past the end,
  where sqlglot's `list[i - 1]` raises in Spark's ANSI mode;
- `text GLOB 'pattern'` becomes `text RLIKE` the anchored regular expression of the pattern
  (Spark has no GLOB; sqlglot leaves it);
- `list_avg(l)` becomes an `aggregate` over the list's non-NULL elements, NULL when there are
  none (sqlglot leaves `LIST_AVG`, which Spark lacks);
- `list_position(l, x)` becomes `nullif(array_position(l, x), 0)` (both count from 1; DuckDB
  gives NULL for an absent element, Spark 0; sqlglot leaves `LIST_POSITION`);
- `LIMIT 9223372036854775807` (every row: DuckDB's optimisation fence) is dropped: in Spark a
  LIMIT gathers the rows into one partition;
- `CREATE TEMP TABLE t AS SELECT` becomes the view `t`, cached (computed once, as DuckDB does);
- `UNION [ALL] BY NAME` becomes a step of its own: its branches are views that the engine
  unions by name (Spark SQL has no such clause; the DataFrame API does).

Refused with a clear error, as `sqlglot` translates them wrongly or not at all: reading files
(`read_parquet`, `read_csv`, `read_json`, `COPY`: inputs belong to the engine), `len()` (it
becomes `LENGTH`, a string function: write `length(text)` or `array_length(list)`) and ordered
`list(x ORDER BY ...)` (Spark's `collect_list` keeps no order).
"""

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

import sqlglot
from sqlglot import exp, transforms
from sqlglot.dialects.spark import Spark
from sqlglot.generators.spark import SparkGenerator

from datalake.errors import DatalakeError

_FILE_READERS = {"READ_PARQUET", "READ_CSV", "READ_CSV_AUTO", "READ_JSON", "READ_JSON_AUTO"}
_STRING_FUNCTIONS = (exp.MD5, exp.Lower, exp.Upper, exp.Concat, exp.DPipe, exp.Trim)
_LEN = re.compile(r"\blen\s*\(", re.IGNORECASE)
_EVERY_ROW = 2**63 - 1  # a LIMIT that keeps every row


class Spark4(Spark):
    """Spark 4's SQL as sqlglot writes Spark, keeping `QUALIFY` and naming `arrays_overlap`."""

    class Generator(SparkGenerator):
        TRANSFORMS: ClassVar[dict] = {
            **SparkGenerator.TRANSFORMS,
            exp.Select: transforms.preprocess(
                [
                    transforms.eliminate_distinct_on,
                    transforms.unnest_to_explode,
                    transforms.any_to_exists,
                ]
            ),
            exp.ArrayOverlaps: lambda self, e: self.func("ARRAYS_OVERLAP", e.this, e.expression),
        }


@dataclass(frozen=True)
class Step:
    """One statement for Spark: `sql` (a SELECT) registered as view `name`, or, when `union`
    names two views, the by-name union of those; `name` None is the transform's result."""

    name: str | None
    sql: str = ""
    union: tuple[str, str] | None = None
    parameters: tuple[str, ...] = ()
    cache: bool = False  # computed once (a DuckDB temp table)


@dataclass
class Translator:
    """Translates a transform's scripts in order; macros defined by one are inlined in the next."""

    macros: dict[str, tuple[list[str], exp.Expr]] = field(default_factory=dict)
    _unions: int = 0

    def script(self, text: str) -> list[Step]:
        """The steps of a script of `CREATE MACRO`, `CREATE TEMP VIEW` and SELECT statements."""
        if _LEN.search(text):
            raise DatalakeError(
                "len() has no faithful Spark translation: write length(text) or array_length(list)."
            )
        steps: list[Step] = []
        for statement in sqlglot.parse(text, read="duckdb"):
            if statement is None:
                continue
            if isinstance(statement, exp.Create) and statement.kind == "MACRO":
                self._define(statement)
            elif isinstance(statement, exp.Create) and statement.kind == "VIEW":
                steps += self._select(statement.expression, statement.this.name)
            elif (
                isinstance(statement, exp.Create)
                and statement.kind == "TABLE"
                and isinstance(statement.expression, exp.Query)
            ):
                *unions, table = self._select(statement.expression, statement.this.name)
                steps += [*unions, replace(table, cache=True)]
            elif isinstance(statement, exp.Query):
                steps += self._select(statement, None)
            else:
                raise DatalakeError(f"Spark runs SELECTs and views only, not: {statement.sql()}")
        return steps

    def _define(self, statement: exp.Create) -> None:
        function = statement.this
        params = [p.name for p in function.expressions]
        self.macros[function.this.name.lower()] = (params, statement.expression)

    def _select(self, query: exp.Expr, name: str | None) -> list[Step]:
        _refuse_io(query)
        query = self._inline(query)
        for node in reversed(list(query.walk())):  # children first, so rewrites compose
            rewritten = _rewrite(node)
            if rewritten is None:
                node.pop()
            elif rewritten is not node:
                node.replace(rewritten)
        steps: list[Step] = []
        for union in list(query.find_all(exp.Union)):
            if union.args.get("by_name"):
                replacement = self._split_union(union, steps)
                query = replacement if union is query else query
                union.replace(replacement)
        steps.append(_step(name, query))
        return steps

    def _split_union(self, union: exp.Union, steps: list[Step]) -> exp.Select:
        """Adds the steps of a by-name union; the SELECT that reads it."""
        if union.args.get("distinct") is not False:
            raise DatalakeError("Only UNION ALL BY NAME translates (Spark unions by name, all).")
        self._unions += 1
        view = f"__by_name_{self._unions}"
        left, right = f"{view}_left", f"{view}_right"
        steps += [_step(left, union.this.copy()), _step(right, union.expression.copy())]
        steps.append(Step(view, union=(left, right)))
        return exp.select("*").from_(view)

    def _inline(self, query: exp.Expr) -> exp.Expr:
        """Each macro call replaced by the macro's body over the call's arguments, repeatedly
        (a macro may call another)."""
        for _ in range(10):
            calls = [c for c in query.find_all(exp.Anonymous) if c.name.lower() in self.macros]
            if not calls:
                return query
            for call in calls:
                params, body = self.macros[call.name.lower()]
                arguments = dict(zip(params, call.expressions, strict=True))
                call.replace(_substitute(body.copy(), arguments))
        raise DatalakeError("Macros nest more than 10 deep: is one calling itself?")


def _substitute(body: exp.Expr, arguments: dict[str, exp.Expr]) -> exp.Expr:
    def swap(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Column) and not node.table and node.name in arguments:
            argument = arguments[node.name].copy()
            simple = isinstance(
                argument, exp.Column | exp.Identifier | exp.Literal | exp.Func | exp.Paren
            )
            return argument if simple else exp.paren(argument, copy=False)
        return node

    return body.transform(swap)


_LIST_AGG = sqlglot.parse_one(
    "CASE WHEN SIZE(TRANSFORM(__agg, __e -> __e.v)) = 0 THEN NULL "
    "ELSE TRANSFORM(__agg, __e -> __e.v) END",
    read="spark",
)


def _list_aggregate(node: exp.Expr) -> exp.Expr:
    """DuckDB's `list(x) [FILTER (...)]` for Spark (see the module docstring)."""
    aggregate = node.copy()
    inner = aggregate.this if isinstance(aggregate, exp.Filter) else aggregate
    if isinstance(inner.this, exp.Order):
        raise DatalakeError(
            f"{node.sql('duckdb')}: Spark's collect_list keeps no order; sort the list instead "
            "(list_sort(list(x)))."
        )
    inner.set(
        "this",
        exp.Anonymous(this="NAMED_STRUCT", expressions=[exp.Literal.string("v"), inner.this]),
    )

    def fill(part: exp.Expr) -> exp.Expr:
        is_slot = isinstance(part, exp.Column) and part.name == "__agg"
        return aggregate.copy() if is_slot else part

    return _LIST_AGG.transform(fill)


def _rewrite(node: exp.Expr) -> exp.Expr | None:
    """The expression-level rewrites listed in the module docstring."""
    if isinstance(node, exp.ArrayAgg) and not isinstance(node.parent, exp.Filter):
        return _list_aggregate(node)
    if isinstance(node, exp.Filter) and isinstance(node.this, exp.ArrayAgg):
        return _list_aggregate(node)
    if isinstance(node, exp.ArgMin | exp.ArgMax) and not node.args.get("count"):
        masked = (
            exp.case()
            .when(exp.Is(this=node.this.copy(), expression=exp.Null()), exp.Null())
            .else_(node.expression.copy())
        )
        return type(node)(this=node.this.copy(), expression=masked)
    if isinstance(node, exp.Anonymous) and node.name.lower() == "getvariable":
        return exp.Placeholder(this=node.expressions[0].name)
    if isinstance(node, exp.Div):
        return (
            exp.case()
            .when(
                exp.EQ(this=node.expression.copy(), expression=exp.Literal.number(0)),
                exp.Mul(
                    this=node.this.copy(),
                    expression=exp.cast(exp.Literal.string("Infinity"), "DOUBLE"),
                ),
            )
            .else_(exp.Anonymous(this="TRY_DIVIDE", expressions=[node.this, node.expression]))
        )
    if isinstance(node, exp.Anonymous) and node.name.lower() == "list_bool_or":
        return exp.Anonymous(this="ARRAY_MAX", expressions=node.expressions)
    if isinstance(node, exp.Anonymous) and node.name.lower() == "list_avg":
        (values,) = node.expressions
        return _LIST_AVG.transform(
            lambda part: (
                values.copy() if isinstance(part, exp.Column) and part.name == "__l" else part
            )
        )
    if isinstance(node, exp.Anonymous) and node.name.lower() == "list_position":
        position = exp.Anonymous(this="ARRAY_POSITION", expressions=node.expressions)
        return exp.Nullif(this=position, expression=exp.Literal.number(0))
    if isinstance(node, exp.Glob) and isinstance(node.expression, exp.Literal):
        pattern = exp.Literal.string(glob_regex(node.expression.name))
        return exp.RegexpLike(this=node.this, expression=pattern)
    if isinstance(node, exp.Limit) and _is_every_row(node.expression):
        return None  # removed
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
        target, (index,) = _unparen(node.this), node.expressions
        if isinstance(index, exp.Slice) and isinstance(target, _STRING_FUNCTIONS):
            if index.this is not None:
                raise DatalakeError(f"Only prefixes text[:n] translate: {node.sql('duckdb')}")
            return exp.Substring(
                this=node.this, start=exp.Literal.number(1), length=index.expression
            )
        if not isinstance(index, exp.Slice) and not isinstance(target, _STRING_FUNCTIONS):
            # sqlglot keeps the index 0-based; element_at counts from 1, as DuckDB does.
            one_based = (
                exp.Literal.number(int(index.name) + 1)
                if isinstance(index, exp.Literal) and index.is_int
                else exp.Add(this=index, expression=exp.Literal.number(1))
            )
            return exp.Anonymous(this="TRY_ELEMENT_AT", expressions=[node.this, one_based])
    return node


_LIST_AVG = sqlglot.parse_one(
    "AGGREGATE(FILTER(__l, __x -> __x IS NOT NULL), NAMED_STRUCT('s', CAST(0 AS DOUBLE), 'n', 0), "
    "(__a, __x) -> NAMED_STRUCT('s', __a.s + __x, 'n', __a.n + 1), "
    "__a -> CASE WHEN __a.n = 0 THEN NULL ELSE __a.s / __a.n END)",
    read="spark",
)


def glob_regex(pattern: str) -> str:
    """A GLOB pattern as the anchored Java regular expression matching the same whole text:
    `*` any text, `?` one character, `[...]` / `[!...]` a class or its complement."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[" and (end := pattern.find("]", i + 2)) > 0:
            members = pattern[i + 1 : end]
            negated = members.startswith("!")
            members = members[1:] if negated else members
            escaped = members.replace("\\", "\\\\").replace("^", "\\^").replace("[", "\\[")
            out.append(f"[{'^' if negated else ''}{escaped}]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "(?s)^" + "".join(out) + r"\z"  # \z: $ would also match before a final \r


def _is_every_row(node: exp.Expr | None) -> bool:
    return isinstance(node, exp.Literal) and node.is_int and int(node.name) == _EVERY_ROW


def _unparen(node: exp.Expr) -> exp.Expr:
    while isinstance(node, exp.Paren):
        node = node.this
    return node


def _refuse_io(query: exp.Expr) -> None:
    for node in query.find_all(exp.Func, exp.Table):
        name = node.name.upper() if isinstance(node, exp.Anonymous) else ""
        if (
            isinstance(node, exp.ReadCSV | exp.ReadParquet)
            or name in _FILE_READERS
            or (isinstance(node, exp.Table) and isinstance(node.this, exp.Func | exp.Literal))
            or _is_path(node)
        ):
            raise DatalakeError(
                f"{node.sql('duckdb')}: transforms read named inputs only; the engine and the IO "
                "manager read and write files."
            )


def _is_path(node: exp.Expr) -> bool:
    """A table named by a quoted file path (DuckDB's `FROM 'movies.csv'`)."""
    if not isinstance(node, exp.Table) or not isinstance(node.this, exp.Identifier):
        return False
    return node.this.quoted and any(c in node.this.name for c in "./")


def _step(name: str | None, query: exp.Expr) -> Step:
    parameters = tuple(sorted({p.name for p in query.find_all(exp.Placeholder)}))
    return Step(name, query.sql(dialect=Spark4, pretty=True), parameters=parameters)


def render(steps: list[Step]) -> str:
    """The steps as readable text (what the golden files pin)."""
    blocks = []
    for step in steps:
        target = f"view {step.name}" if step.name else "result"
        if step.union:
            blocks.append(f"-- {target}: union by name of {step.union[0]}, {step.union[1]}")
        else:
            blocks.append(f"-- {target}\n{step.sql}")
    return "\n\n".join(blocks) + "\n"
