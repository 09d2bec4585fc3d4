"""Sweep helpers for the CLI: ``--vary`` values and a progress bar (the experiments API is planned)."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Sequence, TextIO

from .models import Experiment

__all__ = ["parse_vary", "progress_bar"]


def parse_vary(specs: Sequence[str]) -> Dict[str, List[Any]]:
    """``["k=1,2,3", "c=0:1:5"]`` → ``{"k": [1, 2, 3], "c": [0.0, 0.25, 0.5, 0.75, 1.0]}``."""
    sweep: Dict[str, List[Any]] = {}
    for spec in specs:
        name, sep, values = spec.partition("=")
        name = name.strip()
        if not sep or not name or not values.strip():
            raise ValueError(f"--vary {spec!r}: expected NAME=V1,V2,… or NAME=FROM:TO:COUNT")
        if name in sweep:
            raise ValueError(f"--vary {name} given twice")
        sweep[name] = _range(spec, values) if ":" in values else _list(values)
    return sweep


def _range(spec: str, text: str) -> List[float]:
    parts = text.split(":")
    try:
        start, stop, count = float(parts[0]), float(parts[1]), int(parts[2])
    except (IndexError, ValueError):
        raise ValueError(f"--vary {spec!r}: a range is FROM:TO:COUNT, e.g. 0.5:2.5:5") from None
    if len(parts) != 3 or count < 1:
        raise ValueError(f"--vary {spec!r}: a range is FROM:TO:COUNT with COUNT ≥ 1")
    if count == 1:
        return [start]
    return [start + (stop - start) * i / (count - 1) for i in range(count)]


def _list(text: str) -> List[Any]:
    values: List[Any] = []
    for item in text.split(","):
        item = item.strip()
        try:
            values.append(int(item))
        except ValueError:
            try:
                values.append(float(item))
            except ValueError:
                values.append(item)
    return values


def progress_bar(stream: TextIO, width: int = 30) -> Callable[[Experiment], None]:
    """A callback drawing ``[#####-----] 12/40 cases, 1 failed`` on one line of ``stream``."""

    def draw(experiment: Experiment) -> None:
        total = experiment.cases_total or 0
        done = experiment.cases_done or 0
        failed = experiment.cases_failed or 0
        filled = int(width * done / total) if total else 0
        bar = "#" * filled + "-" * (width - filled)
        extra = f", {failed} failed" if failed else ""
        stream.write(f"\r[{bar}] {done}/{total or '?'} cases{extra} ({experiment.status})")
        stream.flush()

    return draw
