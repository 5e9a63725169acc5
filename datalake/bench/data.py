"""Full-size Compass-format input for the benchmarks, generated once and reused."""

from pathlib import Path

from datalake.generate import generate


def full_size_landing(folder: Path, movies: int, series: int, seed: int = 7) -> Path:
    """A landing folder with `movies` / `series` data rows, regenerated only if sizes changed."""
    marker = folder / f".rows-{movies}-{series}-{seed}"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(".rows-*"):
            old.unlink()
        generate(folder, movies=movies, series=series, seed=seed)
        marker.touch()
    return folder
