"""Numbers and correlations as the words a finding uses."""


def listing(words: list[str]) -> str:
    """`Crime`, `Crime and War`, `Crime, Drama and War`."""
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def correlation(r: float | None) -> str:
    """How strongly two measures move together, by the usual rule-of-thumb bands."""
    if r is None:
        return "not measurably correlated"
    size = abs(r)
    if size < 0.1:
        return "hardly correlated"
    strength = "weakly" if size < 0.3 else "moderately" if size < 0.5 else "strongly"
    return f"{strength} {'positively' if r > 0 else 'negatively'} correlated"


def compact(value: float) -> str:
    """Three significant digits and a K, M or B: `245M`, `1.38B`, `950`."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def money(value: float) -> str:
    return f"${compact(value)}" if value >= 0 else f"-${compact(-value)}"


def count(value: float) -> str:
    return f"{value:,.0f}"


def decimal(value: float) -> str:
    return f"{round(float(value), 2) + 0.0:,.2f}"  # + 0.0 turns -0.0 into 0.0


def one_decimal(value: float) -> str:
    return f"{value:,.1f}"


def plural(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def decade(value: float) -> str:
    return f"{int(value)}s"
