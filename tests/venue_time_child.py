"""Child process of the venue-time test: print every time a person reads, as JSON.

Usage: ``TZ=… python venue_time_child.py DB_URL SESSION_ID OUT_DIR``

Run under a given ``TZ`` (the laptop's clock zone), it renders the agenda and the session's
sign-up sheet through the command line, exports the intentions, and fills the presenter
console (offscreen) at a fixed moment; it prints the times each of them shows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

TIME = re.compile(r"\b\d{2}:\d{2}\b")


def pdf_times(path: Path) -> list[str]:
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return TIME.findall(text)


def main(url: str, session_id: int, out: Path) -> dict[str, object]:
    from roadshow_desk.cli import main as cli

    assert cli(["--db", url, "--lang", "zh_CN", "agenda", str(out / "agenda.pdf")]) == 0
    assert (
        cli(
            [
                "--db",
                url,
                "--lang",
                "zh_CN",
                "signup-sheet",
                str(out / "sheet.pdf"),
                "--session",
                str(session_id),
            ]
        )
        == 0
    )
    assert cli(["--db", url, "export", "intentions", str(out / "intentions.xlsx")]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out / "intentions.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    # the header names the zone its times are in (#12.8), e.g. 登记时间 (UTC+08:00)
    column = next(n for n, text in enumerate(rows[0]) if str(text).startswith("登记时间"))
    captured = [str(rows[0][column])] + [str(row[column]) for row in rows[1:]]

    from PySide6.QtWidgets import QApplication

    from roadshow_desk.domain.roadshow import RoadshowRun
    from roadshow_desk.domain.roadshow_plan import load_plan
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.roadshow.console import PresenterConsole

    app = QApplication.instance() or QApplication([])
    database = open_database(url, backup=False)
    with database.session() as session:
        plan = load_plan(session, session_id)
    database.dispose()
    now = dt.datetime(2026, 12, 18, 1, 41, 5)  # naive UTC: 09:41:05 in Beijing
    run = RoadshowRun(plan.run_slots(), clock=lambda: now)
    run.start()
    console = PresenterConsole()
    console.set_plan(plan)
    console.show_position(run)
    console.show_time(run, now)
    slot_list = [
        console.slot_list.topLevelItem(row).text(column)
        for row in range(console.slot_list.topLevelItemCount())
        for column in (2, 3)
    ]
    result = {
        "local_zone": time.strftime("%Z"),
        "agenda": pdf_times(out / "agenda.pdf"),
        "sheet": pdf_times(out / "sheet.pdf"),
        "export": captured,
        "console_clock": console.clock_label.text(),
        "console_caption": TIME.findall(console.timer_caption.text()),
        "console_slots": [t for text in slot_list for t in TIME.findall(text)],
    }
    console.deleteLater()
    app.processEvents()
    return result


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])), ensure_ascii=False))
