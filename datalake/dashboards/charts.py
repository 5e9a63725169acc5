"""Bar, line and scatter charts as inline SVG strings; every text passed in is escaped."""

from collections.abc import Callable

from datalake.dashboards.svg import PALETTE, Scale, axes, document, point_title, text

WIDTH, HEIGHT = 680, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 20, 30, 48  # plot margins: ticks, titles, a legend on top
_LABELS, _ROW, _PAD = 230, 24, 12  # bar charts: label column width, row height, padding


def bar_chart(label: str, bars: list[tuple[str, float]], value: Callable[[float], str]) -> str:
    """Horizontal bars from zero (negative values go left), labelled and valued."""
    height = _PAD * 2 + _ROW * len(bars)
    x = Scale.fit([v for _, v in bars], _LABELS, WIDTH - 70, zero=True)
    parts = []
    for row, (name, amount) in enumerate(bars):
        top, left, right = _PAD + row * _ROW, x(min(amount, 0)), x(max(amount, 0))
        parts.append(text(_LABELS - 8, top + 16, name, "end"))
        tooltip = point_title(f"{name}: {value(amount)}")
        parts.append(
            f'<rect x="{left:.1f}" y="{top + 4}" width="{max(right - left, 1):.1f}" '
            f'height="{_ROW - 8}" fill="{PALETTE[0]}">{tooltip}</rect>'
        )
        parts.append(text(right + 4, top + 16, value(amount), "start"))
    zero = x(0)
    parts.append(
        f'<line x1="{zero:.1f}" x2="{zero:.1f}" y1="{_PAD}" y2="{height - _PAD}" stroke="#999"/>'
    )
    return document(WIDTH, height, label, "".join(parts))


def line_chart(
    label: str,
    lines: dict[str, list[tuple[float, float]]],
    x_tick: Callable[[float], str],
    y_tick: Callable[[float], str],
    axis_labels: tuple[str, str],
) -> str:
    """One coloured line with dots per series, and a legend when there are several."""
    points = [p for line in lines.values() for p in line]
    x = Scale.fit([p[0] for p in points], _LEFT, WIDTH - _RIGHT)
    y = Scale.fit([p[1] for p in points], HEIGHT - _BOTTOM, _TOP, zero=True)
    parts = [axes(x, y, x_tick, y_tick, *axis_labels)]
    for index, (name, line) in enumerate(lines.items()):
        colour = PALETTE[index % len(PALETTE)]
        path = " ".join(f"{x(px):.1f},{y(py):.1f}" for px, py in line)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [
            f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="3" fill="{colour}">'
            f"{point_title(f'{name}, {x_tick(px)}: {y_tick(py)}')}</circle>"
            for px, py in line
        ]
        if len(lines) > 1:  # a legend entry
            left = _LEFT + 10 + index * 150
            parts.append(f'<rect x="{left}" y="4" width="10" height="10" fill="{colour}"/>')
            parts.append(text(left + 14, 13, name, "start"))
    return document(WIDTH, HEIGHT, label, "".join(parts))


def scatter_chart(
    label: str,
    points: list[tuple[float, float, str]],
    x_tick: Callable[[float], str],
    y_tick: Callable[[float], str],
    axis_labels: tuple[str, str],
    log_x: bool = False,
) -> str:
    """Dots whose tooltip names them (e.g. a title and its values)."""
    x = Scale.fit([p[0] for p in points], _LEFT, WIDTH - _RIGHT, log=log_x)
    y = Scale.fit([p[1] for p in points], HEIGHT - _BOTTOM, _TOP, zero=True)
    dots = [
        f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="4" fill="{PALETTE[0]}" fill-opacity="0.6">'
        f"{point_title(f'{name}: {x_tick(px)}, {y_tick(py)}')}</circle>"
        for px, py, name in points
    ]
    return document(WIDTH, HEIGHT, label, axes(x, y, x_tick, y_tick, *axis_labels) + "".join(dots))
