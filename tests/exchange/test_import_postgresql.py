"""An import into a PostgreSQL server that goes away half-way: one sentence, nothing
half-written, and the same import succeeds once the server is back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from patent_files import counts, serial_number, write_csv

from roadshow_desk.domain.progress import Progress
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.store.db import open_database
from roadshow_desk.store.postgres import DatabaseUnreachable

pytestmark = pytest.mark.postgresql


def test_a_server_stopped_mid_import_writes_nothing_and_the_retry_imports(
    pg_server: Any, pg_db_url: str, tmp_path: Path
) -> None:
    rows = [[serial_number(n), f"一种测试装置{n}", "2021-03-01"] for n in range(5000)]
    source = write_csv(tmp_path / "patents.csv", ["申请号", "专利名称", "申请日"], rows)
    database = open_database(pg_db_url)
    stopped: list[int] = []

    def pause_after_the_first_chunk(done: int, total: int, text: str) -> None:
        if "Writing" in text and done > 0 and not stopped:
            stopped.append(done)
            pg_server.pause()

    try:
        with pytest.raises(DatabaseUnreachable, match=r"cannot be reached.*nothing was imported"):
            import_patents(
                database, source, station="A", progress=Progress(pause_after_the_first_chunk)
            )
    finally:
        pg_server.resume()
    assert stopped and stopped[0] < len(rows)  # it stopped half-way
    assert counts(database)["patent"] == 0 and counts(database)["import_batch"] == 0
    result = import_patents(database, source, station="A")
    assert result.inserted == len(rows)
    assert counts(database)["patent"] == len(rows)
    database.dispose()
