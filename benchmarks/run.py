"""Run the benchmarks: ``python benchmarks/run.py [--quick] [--json] [NAME...]``.

Discovers ``benchmarks/bench_*.py``; each module's ``benchmarks(quick)`` returns
:class:`harness.Benchmark` objects. NAME filters by benchmark name (substring). Prints
``name  ours_s  baseline_s  ratio  target`` per benchmark (``--json``: one JSON object per line).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Benchmark, Result, run_benchmark  # noqa: E402


def discover(quick: bool) -> list[Benchmark]:
    found: list[Benchmark] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.extend(module.benchmarks(quick))
    return found


def format_row(result: Result) -> str:
    base = "-" if result.baseline_s is None else f"{result.baseline_s:.4f}"
    ratio = "-" if result.ratio is None else f"{result.ratio:.2f}x"
    extra = "  ".join(f"{k}={v}" for k, v in result.extra.items())
    mark = "ok" if result.passed else "MISSED"
    return (
        f"{result.name:<28} {result.ours_s:>9.4f} {base:>10} {ratio:>8}  "
        f"{result.target:<14} {mark}  {extra}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs (smoke run)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("names", nargs="*", help="only benchmarks whose name contains one of these")
    args = parser.parse_args(argv)
    benches = [
        b for b in discover(args.quick) if not args.names or any(n in b.name for n in args.names)
    ]
    if not benches:
        print("no benchmark matched", file=sys.stderr)
        return 2
    if not args.json:
        print(f"{'name':<28} {'ours_s':>9} {'baseline_s':>10} {'ratio':>8}  {'target':<14}")
    for bench in benches:
        result = run_benchmark(bench)
        if args.json:
            print(json.dumps(result.as_dict(), ensure_ascii=False), flush=True)
        else:
            print(format_row(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
