"""Inline SVG building blocks: scales with round ticks, axes and the document wrapper."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

PALETTE = ("#2f6db5", "#d1603d", "#3b9a5a", "#8a5ab5", "#c49a1a", "#5a8a9a")
_FONT = 'font-family="system-ui, sans-serif" font-size="12" fill="#333"'


@dataclass(frozen=True)
class Scale:
    """Maps data values in [low, high] onto pixels in [start, end], linearly or by powers of 10."""

    low: float
    high: float
    start: float
    end: float
    step: float = 0.0  # between linear ticks
    log: bool = False

    @classmethod
    def fit(
        cls, values, start: float, end: float, log: bool = False, zero: bool = False
    ) -> "Scale":
        """A scale over `values` widened to round ticks (and to 0 when `zero`)."""
        values = [v for v in values if v is not None and (v > 0 or not log)] or [1.0]
        low, high = min(values), max(values)
        if log:
            low_power = math.floor(math.log10(low))
            high_power = max(math.ceil(math.log10(high)), low_power + 1)
            return cls(10.0**low_power, 10.0**high_power, start, end, log=True)
        if zero:
            low, high = min(low, 0.0), max(high, 0.0)
        if high == low:
            low, high = low - 1, high + 1
        step = _nice_step((high - low) / 5)  # about five intervals
        return cls(math.floor(low / step) * step, math.ceil(high / step) * step, start, end, step)

    def __call__(self, value: float) -> float:
        low, high = self.low, self.high
        if self.log:
            low, high, value = math.log10(low), math.log10(high), math.log10(value)
        return self.start + (value - low) / (high - low) * (self.end - self.start)

    def ticks(self) -> list[float]:
        if self.log:
            powers = range(round(math.log10(self.low)), round(math.log10(self.high)) + 1)
            return [10.0**power for power in powers]
        intervals = round((self.high - self.low) / self.step)
        return [round(self.low + i * self.step, 12) for i in range(intervals + 1)]


def _nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 x 10^n at or above `raw`."""
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def text(x: float, y: float, content: str, anchor: str = "middle", extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {_FONT} {extra}>'
        f"{escape(content)}</text>"
    )


def axes(x: Scale, y: Scale, x_tick: Callable, y_tick: Callable, x_label: str, y_label: str) -> str:
    """Horizontal grid lines, tick labels on both axes and the axis titles."""
    parts = []
    for value in y.ticks():
        py = y(value)
        parts.append(
            f'<line x1="{x.start}" x2="{x.end}" y1="{py:.1f}" y2="{py:.1f}" stroke="#e3e3e3"/>'
        )
        parts.append(text(x.start - 6, py + 4, y_tick(value), "end"))
    parts += [text(x(value), y.start + 18, x_tick(value)) for value in x.ticks()]
    middle = (y.start + y.end) / 2
    parts.append(text((x.start + x.end) / 2, y.start + 38, x_label))
    parts.append(text(16, middle, y_label, extra=f'transform="rotate(-90 16 {middle:.1f})"'))
    return "".join(parts)


def point_title(content: str) -> str:
    """A tooltip (SVG <title>) for the element it is nested in."""
    return f"<title>{escape(content)}</title>"


def document(width: int, height: int, label: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px" role="img" aria-label="{escape(label)}">'
        f"{point_title(label)}{body}</svg>"
    )
