"""Reading a built dashboard back: its HTML and the data it embeds."""

import json
import re
from pathlib import Path

from datalake.storage.layout import dashboard_key
from datalake_tests.refined.lake import DATE

_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)


def page_path(lake: str) -> Path:
    return Path(lake) / dashboard_key(DATE)


def page(lake: str) -> str:
    return page_path(lake).read_text("utf-8")


def embedded(html: str) -> dict:
    """The JSON the page draws from."""
    (data,) = _DATA.findall(html)
    return json.loads(data)


def objects(table: dict) -> list[dict]:
    return [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
