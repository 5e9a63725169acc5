"""The dashboard page: sections with their finding, tables, and the page around them.

Everything here is escaped at the point it becomes HTML; chart SVG arrives already escaped.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#f6f6f4}
header{background:#1f3a5f;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:24px}
nav{padding:8px 32px;background:#e8ecf1}nav a{margin-right:16px;color:#1f3a5f}
main{max-width:960px;margin:0 auto;padding:8px 24px 40px}
section{background:#fff;border-radius:8px;padding:8px 24px 20px;margin:20px 0;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
.question{color:#666;margin-top:-6px}.finding{font-size:17px;font-weight:600}
.missing{background:#fff4e0;border-left:4px solid #e0a030;padding:8px 12px}
table{border-collapse:collapse;margin:12px 0;font-size:14px}
th,td{padding:4px 10px;border-bottom:1px solid #e5e5e5;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}h3{margin-bottom:4px}
"""


@dataclass(frozen=True)
class Section:
    """One business question: the sentence that answers it, then the evidence (or why not)."""

    anchor: str
    title: str
    question: str
    finding: str
    body: str = ""  # HTML: charts and tables
    missing: str | None = None  # said instead of the body when the data is not there


def missing(anchor: str, title: str, question: str, why: str) -> Section:
    return Section(anchor, title, question, finding="Not answered for this date.", missing=why)


def notice(text: str) -> str:
    """A highlighted sentence saying which data is missing."""
    return f'<p class="missing">{escape(text)}</p>'


def table(
    headers: Sequence[str], rows: Sequence[Sequence], formats: dict[int, Callable] | None = None
) -> str:
    """An HTML table; column `i` is formatted by `formats[i]` (and right-aligned) when given."""
    formats = formats or {}
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(_cell(value, formats.get(i)) for i, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value, fmt: Callable | None) -> str:
    if value is None:
        return '<td class="n">–</td>'
    if fmt is None:
        return f"<td>{escape(str(value))}</td>"
    return f'<td class="n">{escape(fmt(value))}</td>'


def render(title: str, subtitle: str, sections: Sequence[Section]) -> str:
    """The whole self-contained page: no script, no external style, font or image."""
    nav = "".join(f'<a href="#{s.anchor}">{escape(s.title)}</a>' for s in sections)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><div>{escape(subtitle)}</div></header>"
        f"<nav>{nav}</nav><main>{''.join(_section(s) for s in sections)}</main></body></html>"
    )


def _section(section: Section) -> str:
    evidence = notice(section.missing) if section.missing else section.body
    return (
        f'<section id="{escape(section.anchor)}"><h2>{escape(section.title)}</h2>'
        f'<p class="question">{escape(section.question)}</p>'
        f'<p class="finding">{escape(section.finding)}</p>{evidence}</section>'
    )
