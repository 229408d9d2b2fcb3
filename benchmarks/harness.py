"""The benchmark harness: each benchmark measures our code and the bare baseline in one run.

A benchmark module ``benchmarks/bench_<area>.py`` defines::

    def benchmarks(quick: bool) -> list[Benchmark]: ...

Each :class:`Benchmark` has a ``setup`` (run once, untimed; returns a context object such as
a prepared file or database), ``ours(ctx)`` and ``baseline(ctx)`` (each timed ``repeat``
times, best run kept), and a ``target``: the highest acceptable ratio ours/baseline (or
``target_seconds`` for an absolute figure). ``quick`` asks for smaller inputs (CI smoke run).
A function may return a dict of extra figures (page count, file size, peak MB...), merged
into the result's ``extra``. A figure named ``*_met`` is a condition of the target (memory
within its limit, no QR code built during the switches...): a benchmark passes only when
every run of ours met every one of them besides its ratio, and ``failed`` names the ones
that were missed. ``teardown(ctx)`` is optional.

Results print as ``name  ours_s  baseline_s  ratio  target`` (``--json``: one object a line).
Data files that are expensive to build go in ``bench-data/`` at the repo root (git-ignored),
through :func:`cached_path`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"


@dataclass
class Benchmark:
    name: str
    ours: Callable[[Any], Any]
    baseline: Callable[[Any], Any] | None = None
    setup: Callable[[], Any] | None = None
    teardown: Callable[[Any], None] | None = None
    target: float | None = None  # max ratio ours / baseline
    target_seconds: float | None = None  # max seconds for ours (absolute targets)
    repeat: int = 3
    note: str = ""


@dataclass
class Result:
    name: str
    ours_s: float
    baseline_s: float | None
    ratio: float | None
    target: str
    passed: bool
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ours_s": round(self.ours_s, 4),
            "baseline_s": None if self.baseline_s is None else round(self.baseline_s, 4),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "target": self.target,
            "met": self.passed,
            **self.extra,
        }


def cached_path(name: str) -> Path:
    """A path in ``bench-data/`` for an input that is expensive to build (kept between runs)."""
    DATA.mkdir(exist_ok=True)
    return DATA / name


def _time(func: Callable[[Any], Any], ctx: Any, repeat: int) -> tuple[float, dict[str, Any]]:
    """The best time of ``repeat`` runs, and the extra figures (of the best run; a ``*_met``
    condition is true only when it held in every run)."""
    best = float("inf")
    extra: dict[str, Any] = {}
    conditions: dict[str, bool] = {}
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        value = func(ctx)
        elapsed = time.perf_counter() - start
        figures: dict[str, Any] = {}
        if isinstance(value, dict):
            figures = dict(value)
            elapsed = float(figures.pop("seconds", elapsed))
        for key, met in figures.items():
            if key.endswith("_met"):
                conditions[key] = conditions.get(key, True) and bool(met)
        if elapsed < best or not extra:
            extra = figures
        best = min(best, elapsed)
    extra.update(conditions)
    return best, extra


def run_benchmark(bench: Benchmark) -> Result:
    ctx = bench.setup() if bench.setup else None
    try:
        ours, extra = _time(bench.ours, ctx, bench.repeat)
        baseline = None
        if bench.baseline is not None:
            baseline, base_extra = _time(bench.baseline, ctx, bench.repeat)
            extra.update({f"baseline_{k}": v for k, v in base_extra.items()})
    finally:
        if bench.teardown:
            bench.teardown(ctx)
    ratio = ours / baseline if baseline else None
    parts = []
    failed = []
    if bench.target is not None:
        parts.append(f"<= {bench.target:g}x")
        if ratio is None or ratio > bench.target:
            failed.append("ratio")
    if bench.target_seconds is not None:
        parts.append(f"<= {bench.target_seconds:g}s")
        if ours > bench.target_seconds:
            failed.append("seconds")
    conditions = [key for key in extra if key.endswith("_met") and not key.startswith("baseline_")]
    parts.extend(conditions)
    failed.extend(key for key in conditions if not extra[key])
    passed = not failed
    if failed:
        extra["failed"] = ",".join(failed)
    if bench.note:
        extra["note"] = bench.note
    return Result(bench.name, ours, baseline, ratio, " and ".join(parts) or "-", passed, extra)
