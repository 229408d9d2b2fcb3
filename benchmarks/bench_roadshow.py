"""``slide_switch``: a clicker key to the audience display repainted with the next patent.

Ours: a PageDown/PageUp key event sent to the audience display of a running roadshow
(1920×1080): the controller moves the run, the display lays out the next patent's slide
(title, institution, type and status, body text fitted to the space, QR code from the
cache) and the presenter console updates its texts; then the display repaints. Baseline:
a bare word-wrapped ``QLabel`` of the same size, in the projector's body font size, given
the same slide's text with ``setText`` and repainted. Both alternate between two patents;
the time is for all the switches of a run (100, or 20 with ``--quick``).
Target: ≤ 5×, with every QR code served from the cache during the run (``qr_cached_met``:
``qr_built_during_switches == 0``, part of pass or fail).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from harness import Benchmark

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1920, 1080)


def _setup(switches: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")
    sys.path.insert(0, str(ROOT / "tests"))
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QLabel

    from roadshow_data import make_roadshow
    from roadshow_desk.domain.roadshow_plan import load_plan
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.roadshow.controller import RoadshowController, RoadshowOptions

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="roadshow-bench-"))
    database = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    day = make_roadshow(database, slots=6)
    with database.session() as session:
        plan = load_plan(session, day.session_id)
    controller = RoadshowController(plan, options=RoadshowOptions(title_cards=False))
    display = controller.display
    display.resize(*SIZE)
    display.show()
    controller.run.start()
    controller.display.prepare_qr_codes([slot.qr_payload for slot in plan.slots])
    controller.refresh()
    app.processEvents()
    texts = []
    for index in (0, 1):
        slot = plan.slots[index]
        assert slot.public is not None
        public = slot.public
        texts.append(
            "\n".join(
                [
                    plan.event_name,
                    public.title,
                    f"{public.institution} · {public.technical_field} · {public.application_no}",
                    public.advantages,
                    public.application_scenarios,
                    public.open_licence_terms,
                ]
            )
        )
    label = QLabel()
    label.setWordWrap(True)
    font = QFont(display.font())
    font.setPixelSize(display.metrics.body_px)  # the projector's body size, as ours uses
    label.setFont(font)
    label.resize(*SIZE)
    label.show()
    app.processEvents()
    return {
        "app": app,
        "controller": controller,
        "label": label,
        "texts": texts,
        "switches": switches,
        "database": database,
    }


def _ours(ctx: dict[str, Any]) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    controller = ctx["controller"]
    display = controller.display
    cache = display.qr_cache
    misses = cache.misses
    for number in range(ctx["switches"]):
        key = Qt.Key.Key_PageDown if number % 2 == 0 else Qt.Key.Key_PageUp
        QTest.keyClick(display, key)
        display.repaint()
    assert controller.run.index in (0, 1)
    built = cache.misses - misses
    return {
        "qr_built_during_switches": built,
        "qr_cached_met": built == 0,  # a condition of the target (see harness)
        "switches": ctx["switches"],
    }


def _baseline(ctx: dict[str, Any]) -> None:
    label = ctx["label"]
    texts = ctx["texts"]
    for number in range(ctx["switches"]):
        label.setText(texts[(number + 1) % 2])
        label.repaint()


def _teardown(ctx: dict[str, Any]) -> None:
    ctx["controller"].timer.stop()
    ctx["controller"].display.close()
    ctx["label"].close()
    ctx["database"].dispose()


def benchmarks(quick: bool) -> list[Benchmark]:
    switches = 20 if quick else 100
    return [
        Benchmark(
            name="slide_switch",
            setup=lambda: _setup(switches),
            ours=_ours,
            baseline=_baseline,
            teardown=_teardown,
            target=5.0,
            repeat=3 if quick else 5,
            note=f"{switches} switches at {SIZE[0]}x{SIZE[1]}",
        )
    ]
