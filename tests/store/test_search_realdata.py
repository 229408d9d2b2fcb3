"""Search equals a substring scan on the real exports in ../shared/realdata.

The files are read with pandas here (the quirks the importer handles are not the point):
Patentics CSVs (UTF-8 with and without BOM, `` | `` separators, padded IPC codes), the GBK
title/abstract scrape (old 8-digit numbers without check digit, full-width digits, line
breaks in abstracts) and the research-institute dump.
"""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path

import pytest
from search_reference import load_rows, scan
from sqlalchemy import insert, select

from roadshow_desk.domain.identifiers import InvalidApplicationNumber, normalize_application_number
from roadshow_desk.domain.models import Patent
from roadshow_desk.store import search

pytestmark = pytest.mark.realdata


def _rows(realdata: Path) -> list[dict[str, str]]:
    import pandas as pd

    def names(cell: object) -> str:
        return "; ".join(p.strip() for p in str(cell or "").split("|") if p.strip())

    rows = []
    patentics = realdata / "cn_patentics_exports"
    for name in (
        "patentics_TI-biochip_20211220_full.csv",
        "patentics_CNAPP_TI-virtual-reality_20220507_first1500.csv",
    ):
        with warnings.catch_warnings():  # every data row ends with an extra comma
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(patentics / name, dtype=str, keep_default_na=False, index_col=False)
        for record in frame.to_dict("records"):
            rows.append(
                {
                    "application_no": record["申请号"],
                    "publication_no": record["公开号"],
                    "title": record["标题"],
                    "applicants": names(record["申请人"]),
                    "inventors": names(record["发明人"]),
                    "ipc_main": record["国际主分类"],
                    "ipc_all": names(record["国际分类"]),
                }
            )
    for name in ("A01F_full_gbk.csv", "A01B_first200_gbk.csv"):
        path = realdata / "cn_gbk_title_abstract" / name
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="gbk")
        for record in frame.to_dict("records"):
            rows.append(
                {
                    "application_no": record["申请号"],
                    "title": record["名称"],
                    "abstract": record["摘要"],
                    "ipc_main": path.name[:4],
                }
            )
    dump = realdata / "cn_sqldump_research_institute" / "zhuanli_zongbiao_anli_converted.csv"
    frame = pd.read_csv(dump, dtype=str, keep_default_na=False)
    for record in frame.to_dict("records"):
        rows.append(
            {
                "application_no": record["申请号"],
                "title": record["专利名称"],
                "abstract": record["申请摘要"],
                "applicants": record["申请人"],
                "inventors": record["发明人"],
                "ipc_main": record["主分类号"],
                "ipc_all": record["分类号"],
            }
        )
    unique: dict[str, dict[str, str]] = {}
    for row in rows:
        try:
            row["application_no"] = normalize_application_number(row["application_no"])
        except InvalidApplicationNumber:
            continue
        unique.setdefault(row["application_no"], row)
    return list(unique.values())


@pytest.fixture(scope="module")
def real_library(realdata: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import open_database

    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('real') / 'real.sqlite3'}")
    rows = _rows(realdata)
    with database.session() as session:
        session.execute(insert(Patent), [{"station": "real", **row} for row in rows])
    with database.session() as session:
        assert search.rebuild_index(session) == len(rows) > 3000
        all_rows = load_rows(session)
    yield database, all_rows
    database.dispose()


def _sample_terms(all_rows: list[tuple], seed: int = 4) -> dict[str, list[str]]:
    rng = random.Random(seed)
    titles = [row[2] for row in all_rows if row[2]]
    cjk = re.compile(r"[\u4e00-\u9fff]+")
    terms: dict[str, list[str]] = {"1": [], "2": [], "3": [], "latin": [], "number": []}
    while min(len(terms[k]) for k in ("1", "2", "3")) < 25:
        runs = cjk.findall(rng.choice(titles))
        run = max(runs, key=len) if runs else ""
        for size in (1, 2, 3):
            if len(run) >= size and len(terms[str(size)]) < 25:
                start = rng.randrange(len(run) - size + 1)
                terms[str(size)].append(run[start : start + size])
    words = sorted({w for t in titles for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", t)})
    terms["latin"] = [*rng.sample(words, min(15, len(words))), "VR", "ar", "DNA", "g06f", "3/00"]
    numbers = [row[8] for row in rng.sample(all_rows, 10)]
    for value in numbers[:5]:
        digits = value[2:]
        terms["number"] += [
            value,
            digits,
            value.split(".")[0],
            "".join(chr(ord(c) + 0xFEE0) for c in digits),
            digits.replace(".", ""),
        ]
    return terms


@pytest.mark.parametrize("kind", ["1", "2", "3", "latin", "number"])
def test_real_data_search_equals_substring_scan(real_library, kind: str) -> None:  # type: ignore[no-untyped-def]
    database, all_rows = real_library
    terms = _sample_terms(all_rows)[kind]
    assert terms
    total = 0
    with database.session() as session:
        for term in terms:
            hits = search.search_ids(session, term, limit=0)
            assert len(hits) == len(set(hits)), term
            assert set(hits) == scan(all_rows, term), term
            total += len(hits)
    assert total > 0


def test_real_data_application_number_forms_find_their_patent(real_library) -> None:  # type: ignore[no-untyped-def]
    database, _rows = real_library

    def patent_id(session, number: str) -> int:  # type: ignore[no-untyped-def]
        found = session.scalars(select(Patent.id).where(Patent.application_no == number)).all()
        assert len(found) == 1, number
        return int(found[0])

    with database.session() as session:
        # Written without a check digit in the file, and found by every spelling: the one
        # hit is that patent, not merely some patent.
        expected = patent_id(session, "CN85105156.1")
        for query in ("CN85105156", "85105156.1", "ＣＮ８５１０５１５６", "CN85105156.1"):
            assert search.search_ids(session, query, limit=0) == [expected], query
        expected = patent_id(session, "CN200510020170.7")
        for query in ("CN200510020170", "200510020170.7", "２００５１００２０１７０"):
            assert search.search_ids(session, query, limit=0) == [expected], query
