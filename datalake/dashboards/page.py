"""The page: one HTML file with its style, script and data inline (no request leaves it)."""

import json
from importlib import resources

_STATIC = resources.files("datalake.dashboards") / "static"


def _asset(name: str) -> str:
    return (_STATIC / name).read_text("utf-8")


def embedded_json(data: dict) -> str:
    """JSON safe inside a <script> element: no `</script>` or `<!--` can close or open one."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render(data: dict) -> str:
    """The whole page; the script draws it from the embedded data, in English or Portuguese."""
    return (
        _asset("index.html")
        .replace("/*STYLE*/", _asset("dashboard.css"))
        .replace("/*SCRIPT*/", _asset("dashboard.js"))
        .replace("/*DATA*/", embedded_json(data))  # last: no placeholder inside data is read
    )
