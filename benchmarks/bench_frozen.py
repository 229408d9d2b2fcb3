"""``frozen_cold_start``: the frozen one-folder build's start-up vs the virtual environment's.

Setup builds ``dist/roadshow-desk/`` from the checkout with PyInstaller (packaging/
roadshow-desk.spec) into ``bench-data/frozen/`` (not timed; the build's seconds and size are
reported) and a demo database of 2,000 patents. Each side is a fresh process started as a
user starts the app — ours: the bundle's ``roadshow-desk --db FILE``; baseline: the virtual
environment's ``python -m roadshow_desk --db FILE`` (bytecode compiled beforehand) — in
Chinese, offscreen, private settings, timed from just before the spawn to the moment the
window is ready (``ROADSHOW_DESK_QUIT_WHEN_READY`` makes the app print that time and quit:
the same code path on both sides). Target: <= 1.5x. Skipped (absent from the list) without
PyInstaller.
"""

from __future__ import annotations

import compileall
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import Benchmark, cached_path

ROOT = Path(__file__).resolve().parents[1]
PATENTS = 2_000


def _build() -> tuple[Path, float, float]:
    out = cached_path("frozen")
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"),
            *("--distpath", str(out / "dist"), "--workpath", str(out / "work")),
            str(ROOT / "packaging" / "roadshow-desk.spec"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    bundle = out / "dist" / "roadshow-desk"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    return bundle, seconds, size / 2**20


def _setup() -> dict[str, Any]:
    from bench_app import _demo_database

    compileall.compile_dir(str(ROOT / "src" / "roadshow_desk"), quiet=1)
    bundle, seconds, size_mb = _build()
    folder = Path(tempfile.mkdtemp(prefix="bench-frozen-", dir=cached_path("app.tmp").parent))
    db = str(_demo_database(f"library-{PATENTS}.sqlite3", PATENTS))
    exe = bundle / ("roadshow-desk-cli.exe" if sys.platform.startswith("win") else "roadshow-desk")
    return {
        "exe": exe,
        "db": db,
        "settings": folder / "s.ini",
        "build_s": round(seconds, 1),
        "size_mb": round(size_mb, 1),
    }


def _start(command: list[str], ctx: dict[str, Any]) -> dict[str, Any]:
    settings: Path = ctx["settings"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROADSHOW_DESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ROADSHOW_DESK_SETTINGS=str(settings),
        ROADSHOW_DESK_DATA_DIR=str(settings.parent),
        ROADSHOW_DESK_QUIT_WHEN_READY="1",
    )
    settings.unlink(missing_ok=True)  # a first start every time
    started = time.time()
    result = subprocess.run(
        [*command, "--lang", "zh_CN", "--db", ctx["db"]],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"start failed: {result.stderr[-2000:]}")
    return {"seconds": json.loads(lines[-1])["ready"] - started}


def _ours(ctx: dict[str, Any]) -> dict[str, Any]:
    figures = _start([str(ctx["exe"])], ctx)
    figures.update(build_s=ctx["build_s"], size_mb=ctx["size_mb"])
    return figures


def benchmarks(quick: bool) -> list[Benchmark]:
    if importlib.util.find_spec("PyInstaller") is None:
        return []
    return [
        Benchmark(
            name="frozen_cold_start",
            setup=_setup,
            ours=_ours,
            baseline=lambda ctx: _start([sys.executable, "-m", "roadshow_desk"], ctx),
            target=1.5,
            repeat=3 if quick else 5,
        )
    ]
