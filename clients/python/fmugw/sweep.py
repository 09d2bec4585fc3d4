"""Sweeps for ``POST /experiments``: the ``sweep`` object, ``--param``/``--case`` of
the CLI, and a progress bar."""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, TextIO, TypedDict, Union

from .models import Experiment

__all__ = [
    "METHODS",
    "Parameter",
    "Sweep",
    "values",
    "range_",
    "uniform",
    "normal",
    "sweep",
    "parse_param",
    "parse_case",
    "progress_bar",
]

#: How an experiment draws its cases.
METHODS = ("full_factorial", "latin_hypercube", "sobol", "cases")

Scalar = Union[float, int, bool, str]

#: One parameter of a sweep: exactly one of ``values``, ``range``, ``uniform``, ``normal``.
Parameter = Dict[str, Any]


class Sweep(TypedDict, total=False):
    """The ``sweep`` member of ``POST /experiments``."""

    method: str
    parameters: Mapping[str, Parameter]
    samples: int
    seed: int
    cases: Sequence[Mapping[str, Any]]


def values(*items: Scalar) -> Parameter:
    """``{"values": [...]}``: exactly these values."""
    return {"values": list(items)}


def range_(start: float, stop: float, num: int) -> Parameter:
    """``{"range": {"start", "stop", "num"}}``: ``num`` evenly spaced values, both ends included."""
    return {"range": {"start": start, "stop": stop, "num": num}}


def uniform(min: float, max: float) -> Parameter:  # noqa: A002  (the API's names)
    """``{"uniform": {"min", "max"}}``: drawn uniformly (latin_hypercube, sobol)."""
    return {"uniform": {"min": min, "max": max}}


def normal(mean: float, std: float) -> Parameter:
    """``{"normal": {"mean", "std"}}``: drawn from a normal distribution."""
    return {"normal": {"mean": mean, "std": std}}


def sweep(
    method: str,
    parameters: Optional[Mapping[str, Parameter]] = None,
    *,
    samples: Optional[int] = None,
    seed: Optional[int] = None,
    cases: Optional[Sequence[Mapping[str, Any]]] = None,
) -> Sweep:
    """The ``sweep`` object; absent members are left out.

    >>> sweep("latin_hypercube", {"k": uniform(0, 1)}, samples=200, seed=1)
    >>> sweep("cases", cases=[{"start_values": {"k": 1}}, {"start_values": {"k": 2}}])
    """
    if method not in METHODS:
        raise ValueError(f"sweep method {method!r}: one of {', '.join(METHODS)}")
    body: Dict[str, Any] = {"method": method}
    if parameters:
        body["parameters"] = {name: dict(p) for name, p in parameters.items()}
    if samples is not None:
        body["samples"] = samples
    if seed is not None:
        body["seed"] = seed
    if cases is not None:
        body["cases"] = [dict(c) for c in cases]
    return body  # type: ignore[return-value]


_PARAM_FORMS = (
    "NAME=values:V1,V2,… | NAME=range:START:STOP:NUM | NAME=uniform:MIN:MAX | NAME=normal:MEAN:STD"
)


def parse_param(spec: str) -> "tuple[str, Parameter]":
    """``k=uniform:0:1`` → ``("k", {"uniform": {"min": 0.0, "max": 1.0}})``; ValueError if malformed."""
    name, sep, rest = spec.partition("=")
    name = name.strip()
    kind, colon, args = rest.partition(":")
    kind = kind.strip()
    if not sep or not name or not colon:
        raise ValueError(f"--param {spec!r}: expected {_PARAM_FORMS}")
    if kind == "values":
        items = [_scalar(v.strip()) for v in args.split(",")]
        if not args.strip() or any(v == "" for v in items):
            raise ValueError(f"--param {spec!r}: values:V1,V2,… needs at least one value")
        return name, values(*items)
    numbers = args.split(":")
    if kind == "range":
        start, stop, num = _numbers(spec, numbers, "range:START:STOP:NUM")
        if num != int(num) or num < 1:
            raise ValueError(f"--param {spec!r}: NUM of range:START:STOP:NUM is a whole number ≥ 1")
        return name, range_(start, stop, int(num))
    if kind == "uniform":
        low, high = _numbers(spec, numbers, "uniform:MIN:MAX")
        return name, uniform(low, high)
    if kind == "normal":
        mean, std = _numbers(spec, numbers, "normal:MEAN:STD")
        return name, normal(mean, std)
    raise ValueError(f"--param {spec!r}: unknown kind {kind!r}; expected {_PARAM_FORMS}")


def parse_case(spec: str) -> Dict[str, Any]:
    """``k=1,c=true`` → ``{"start_values": {"k": 1, "c": True}}`` (one case of method ``cases``)."""
    start_values: Dict[str, Any] = {}
    for part in spec.split(","):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or not name or not value.strip():
            raise ValueError(f"--case {spec!r}: expected NAME=VALUE[,NAME=VALUE…]")
        start_values[name] = _scalar(value.strip())
    return {"start_values": start_values}


def _numbers(spec: str, parts: List[str], form: str) -> List[float]:
    expected = form.count(":")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(parts) != expected or len(numbers) != expected or not all(map(math.isfinite, numbers)):
        raise ValueError(f"--param {spec!r}: expected NAME={form} with numbers")
    return numbers


def _scalar(text: str) -> Any:
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def progress_bar(stream: TextIO, width: int = 30) -> Callable[[Experiment], None]:
    """A callback drawing ``[#####-----] 12/40 cases, 3 running, 1 failed (running)`` on one line."""

    drawn = [0]  # the longest line drawn: a shorter one is padded over it

    def draw(experiment: Experiment) -> None:
        counts = experiment.cases
        total = (counts.total if counts else None) or 0
        done = counts.done if counts else 0
        filled = min(width, int(width * done / total)) if total else 0
        bar = "#" * filled + "-" * (width - filled)
        extra = ""
        if counts and counts.running:
            extra += f", {counts.running} running"
        if counts and counts.failed:
            extra += f", {counts.failed} failed"
        if counts and counts.cancelled:
            extra += f", {counts.cancelled} cancelled"
        line = f"[{bar}] {done}/{total or '?'} cases{extra} ({experiment.status})"
        drawn[0] = max(drawn[0], len(line))
        stream.write("\r" + line.ljust(drawn[0]))
        stream.flush()

    return draw
