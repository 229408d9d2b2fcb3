"""The benchmark harness: conditions (``*_met``) decide pass or fail, and a child's peak
memory is its own (not its parent's high-water mark)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def runs(*figures: dict[str, Any]) -> Any:
    """A benchmark function returning these figures, one per run."""
    queue = list(figures)
    return lambda _ctx: dict(queue.pop(0))


def test_a_missed_condition_fails_the_benchmark_whatever_the_ratio() -> None:
    harness = load("harness")
    bench = harness.Benchmark(
        "slide",
        ours=runs({"seconds": 1.0, "qr_built_during_switches": 2, "qr_cached_met": False}),
        baseline=runs({"seconds": 1.0}),
        target=5.0,
        repeat=1,
    )
    result = harness.run_benchmark(bench)
    assert result.ratio == 1.0 and not result.passed
    assert result.extra["failed"] == "qr_cached_met"
    assert result.target == "<= 5x and qr_cached_met"


def test_a_condition_must_hold_in_every_run_and_figures_are_the_best_runs() -> None:
    harness = load("harness")
    bench = harness.Benchmark(
        "memory",
        ours=runs(
            {"seconds": 2.0, "peak_mb": 900.0, "memory_met": False},
            {"seconds": 1.0, "peak_mb": 100.0, "memory_met": True},
        ),
        baseline=runs({"seconds": 1.0}, {"seconds": 1.0}),
        target=2.0,
        repeat=2,
    )
    result = harness.run_benchmark(bench)
    assert result.ours_s == 1.0 and result.extra["peak_mb"] == 100.0  # the best run's
    assert result.extra["memory_met"] is False and not result.passed
    assert result.extra["failed"] == "memory_met"


def test_met_conditions_and_ratio_pass() -> None:
    harness = load("harness")
    bench = harness.Benchmark(
        "fine",
        ours=runs({"seconds": 1.0, "memory_met": True}),
        baseline=runs({"seconds": 1.0, "memory_met": False}),  # the baseline's do not count
        target=2.0,
        repeat=1,
    )
    result = harness.run_benchmark(bench)
    assert result.passed and "failed" not in result.extra


def test_a_missed_ratio_is_named() -> None:
    harness = load("harness")
    bench = harness.Benchmark(
        "slow", ours=runs({"seconds": 3.0}), baseline=runs({"seconds": 1.0}), target=2.0, repeat=1
    )
    result = harness.run_benchmark(bench)
    assert not result.passed and result.extra["failed"] == "ratio"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_child_reports_its_own_peak_memory_not_its_parents() -> None:
    """``ru_maxrss`` of a child starts at the parent's high-water mark on Linux; the
    benchmark children read their own ``VmHWM``."""
    bench_app = load("bench_app")
    parent = bytearray(400 * 1024 * 1024)  # the parent's peak: over 400 MB
    for offset in range(0, len(parent), 4096):
        parent[offset] = 1
    script = bench_app._WATCH + "\nprint(peak_mb())\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    del parent
    assert 0 < float(done.stdout.split()[-1]) < 300
