"""Importing patent files: every quirk fixture gives the right records; rejects; one
transaction with a batch; dry run; cancel; backup; the search index kept current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patent_files import counts, file_digest, fixture, number, patents, snapshot, write_csv
from sqlalchemy import select

from roadshow_desk.domain.enums import ImportKind, InstitutionKind, LegalStatus, PatentType
from roadshow_desk.domain.models import ImportBatch, Institution
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.exchange.patent_plan import institution_of
from roadshow_desk.exchange.tables import read_table


def test_patentics_csv(db) -> None:  # type: ignore[no-untyped-def]
    result = import_patents(db, fixture("patentics_ragged.csv"))
    assert result.counts() == {
        "inserted": 6,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "conflicts": 0,
        "merged": 1,
    }
    assert result.preset == "patentics"
    found = patents(db)
    merged = found["CN201811609101.3"]  # A publication and B grant, one patent
    assert (merged.publication_no, merged.grant_no) == ("CN109647552A", "CN109647552B")
    assert merged.publication_date == dt.date(2019, 4, 19)
    assert merged.grant_date == dt.date(2021, 9, 28)
    assert merged.claims_count == 6  # the granted claims
    assert merged.inventors == "李某卉; 李某敏"
    assert merged.ipc_main == "B01L 3/00"  # the CSV's main class holds only "B01L"
    old = found["CN99115509.2"]
    assert old.ipc_all == "G09B 9/00; H04N 5/225"
    assert old.inventors == ""  # 不公告发明人
    assert old.applicants == "联想（北京）有限公司"
    assert old.legal_status == LegalStatus.LAPSED
    assert old.institution_id is None
    assert found["CN00129265.X"].inventors == "I·O·洛博达; 张某"
    assert found["CN200510020170.7"].legal_status == LegalStatus.REJECTED  # check char added
    pending = found[number("202110979645")]
    assert pending.grant_date is None and pending.legal_status == LegalStatus.PENDING
    assert pending.applicants == "山东某讯生物芯片技术有限公司; 山东大学"
    assert found[number("202120948482")].patent_type == PatentType.UTILITY_MODEL
    assert found[number("202120948482")].grant_no == "CN215050126U"  # U: the grant itself


def test_institutions_are_derived_from_applicants(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("patentics_ragged.csv"))
    with db.session() as session:
        kinds = dict(session.execute(select(Institution.name, Institution.kind)).all())
        found = {
            p.application_no: p.institution.name if p.institution else None
            for p in session.scalars(select(Institution).where(Institution.id > 0)).first().patents
        }
    assert kinds == {
        "山东大学": InstitutionKind.UNIVERSITY,
        "中国科学院上海某某研究所": InstitutionKind.INSTITUTE,
        "武汉大学": InstitutionKind.UNIVERSITY,
    }
    assert found  # the relationship is filled


@pytest.mark.parametrize(
    ("applicants", "expected"),
    [
        ("某某科技有限公司; 清华大学", ("清华大学", InstitutionKind.UNIVERSITY)),
        ("北京学院路科技有限公司", None),
        (
            "上海交通大学医学院附属第九人民医院",
            ("上海交通大学医学院附属第九人民医院", InstitutionKind.HOSPITAL),
        ),
        ("中国科学院自动化研究所", ("中国科学院自动化研究所", InstitutionKind.INSTITUTE)),
        ("Zhejiang University", ("Zhejiang University", InstitutionKind.UNIVERSITY)),
        ("张三", None),
        ("", None),
    ],
)
def test_institution_of(applicants: str, expected: object) -> None:
    assert institution_of(applicants) == expected


def test_gbk_scrape(db) -> None:  # type: ignore[no-untyped-def]
    result = import_patents(db, fixture("gbk_title_abstract.csv"))
    assert (result.inserted, result.encoding) == (3, "gb18030")
    found = patents(db)
    first = found["CN87104573.7"]
    assert first.title == "一种改进的全喂入混流式脱粒机"
    assert first.abstract == (
        "一种改进的脱粒机，\n特别适用于稻穗、麦穗脱粒。它由机架（1）、喂入台（2）组成。"
    )
    assert found["CN85105156.1"].abstract.endswith("分离部分含CO2回收。")
    assert found["CN85105156.1"].patent_type == PatentType.INVENTION


def test_research_institute_dump(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("research_institute.csv"))
    found = patents(db)
    granted = found[number("202223220665")]
    assert granted.legal_status == LegalStatus.GRANTED  # 有权-审定授权
    assert granted.inventors == "刘某; 刘某敏; 王某伟"
    assert granted.ipc_all == "B64U 20/80; B64U 101/30"
    assert granted.grant_no == "CN218751475U"
    assert granted.applicant_address.startswith("450000河南省")
    pending = found[number("202211523101")]
    assert pending.grant_date is None  # 0 means no date
    assert pending.legal_status == LegalStatus.PENDING  # 审中-实质审查
    assert pending.patent_type == PatentType.INVENTION  # 发明公开;发明授权


def test_banner_workbook_with_images(db) -> None:  # type: ignore[no-untyped-def]
    result = import_patents(db, fixture("patentics_banner.xlsx"))
    assert (result.inserted, result.sheet) == (3, "Patentics")
    found = patents(db)
    row = found[number("202211502936")]
    assert row.applicants == "合肥工业大学; 安徽某德科技有限公司"
    assert row.inventors == "张某; 朱某平; 王某民"
    assert row.ipc_all == "G06Q 10/10; G06Q 10/06"
    assert row.application_date == dt.date(2022, 11, 29)
    assert found[number("202211546649")].agency == "北京某某专利代理有限公司"
    assert found[number("202220035483")].ipc_main == "A47F 5/10"


def test_duplicate_headers_take_the_first_column(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("duplicate_headers.xlsx"))
    found = patents(db)
    first = found[number("202210836006")]
    assert first.application_date == dt.date(2022, 7, 15)  # not 2021-01-01 of the 2nd column
    assert first.publication_date == dt.date(2022, 12, 6)
    assert first.abstract == "本发明公开了一种主题推荐方法。\n[0053] 实施例"
    assert found[number("202210344028")].grant_date == dt.date(2023, 5, 5)


def test_incopat_full_width_headers_excel_dates_and_number_cells(db) -> None:  # type: ignore[no-untyped-def]
    result = import_patents(db, fixture("incopat_fullwidth.xlsx"))
    assert result.preset == "incopat"
    found = patents(db)
    first = found["CN202210016632.1"]  # written "ZL 2022 1 0016632.1"
    assert first.publication_no == "CN114399933A"
    assert first.application_date == dt.date(2022, 1, 7)  # a date cell
    assert first.publication_date == dt.date(2022, 4, 15)  # an Excel serial number
    assert first.legal_status == LegalStatus.PENDING
    assert first.current_owners == "清华大学; 某某新能源有限公司"
    assert first.claims_count == 10
    second = found[number("202120123458")]  # a number cell without its dot
    assert second.publication_no == "CN216391212U"  # ="..." unwrapped
    assert second.claims_count == 9


def test_cnipa_prefers_the_latest_legal_status(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("cnipa_search.csv"))
    found = patents(db)
    assert found[number("200910127753")].legal_status == LegalStatus.LAPSED
    assert found[number("201310458829")].legal_status == LegalStatus.GRANTED
    assert found[number("200910127753")].inventors == "赵某; 钱某"


def test_english_tab_semicolon_gb18030_and_xls(db) -> None:  # type: ignore[no-untyped-def]
    for name in ("english_tab.txt", "semicolon.csv", "gb18030_rare.csv", "legacy.xls"):
        assert import_patents(db, fixture(name)).rejected == 0, name
    found = patents(db)
    assert found[number("202210016632")].publication_date == dt.date(2022, 4, 15)
    assert found[number("201710601862")].application_date == dt.date(2017, 7, 21)
    assert found[number("202310000017")].title == "一种䶮𡋾材料的制备方法"
    assert found[number("201510123453")].application_date == dt.date(2015, 3, 9)


def test_institute_inventory_offer_columns(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("institute_inventory.xlsx"))
    found = patents(db)
    alloy = found[number("201910330222")]
    assert (alloy.self_grade, alloy.conversion_modes) == (4, "transfer; licence")
    assert alloy.advantages == "强度高\n成本低"
    assert alloy.overseas_family is True
    with db.session() as session:
        names = set(session.scalars(select(Institution.name)))
    assert names == {"某某理工大学", "某某农业科学院"}  # from 专利权人 (current owners)
    irrigation = found[number("202120415787")]
    assert irrigation.open_licence_terms == "年费5万元，许可期3年"
    assert irrigation.pledge_financing is True


def test_rows_that_cannot_be_used_go_to_the_rejects_report(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = number("202210016632")
    source = write_csv(
        tmp_path / "mixed.csv",
        ["申请号", "专利名称", "申请日"],
        [
            [good, "好的", "2022-01-07"],
            ["CN202210016632.5", "校验位错", "2022-01-07"],
            ["CN114399933A", "公开号", "2022-01-07"],
            [number("202110123456"), "日期错", "2022-02-30"],
            ["", "没有申请号", ""],
            [good, "重复但不同", "2022-01-08"],
        ],
    )
    out = tmp_path / "rejects.xlsx"
    result = import_patents(db, source, rejects_path=out)
    assert (result.inserted, result.rejected) == (1, 5)
    report = read_table(out)
    assert report.header[:3] == ["申请号", "专利名称", "申请日"]
    assert [row[3] for row in report.rows] == [3, 4, 5, 6, 7]  # rows in the original file
    reasons = [row[4] for row in report.rows]
    assert "check character 5" in reasons[0] and "need 1" in reasons[0]
    assert "publication number" in reasons[1]
    assert "申请日" in reasons[2] and "2022-02-30" in reasons[2]
    assert "empty" in reasons[3]
    assert "row 2" in reasons[4]
    # Correct the report and import it again: the fixed rows go in.
    fixed = write_csv(
        tmp_path / "fixed.csv",
        report.original_header,
        [[number("202110123456"), "日期修好了", "2022-02-28", 5, ""]],
    )
    again = import_patents(db, fixed)
    assert again.inserted == 1
    assert patents(db)[number("202110123456")].application_date == dt.date(2022, 2, 28)


def test_rejects_reasons_in_chinese(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk import i18n
    from roadshow_desk.ui.translations import install_translation_hook

    source = write_csv(tmp_path / "bad.csv", ["申请号", "申请日"], [["CN114399933A", "x"]])
    install_translation_hook("zh_CN")
    try:
        result = import_patents(db, source)
    finally:
        i18n.install_hook(None)
    reason = result.rejects[0].reason
    assert "公开号" in reason and "申请号" in reason, reason


def test_one_batch_row_with_the_counts(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = fixture("patentics_ragged.csv")
    result = import_patents(db, path, station="desk-1")
    with db.session() as session:
        batch = session.scalars(select(ImportBatch)).one()
        assert batch.id == result.batch_id
        assert batch.kind == ImportKind.PATENTS
        assert batch.file_name == str(path)
        assert len(batch.file_hash) == 64
        assert (batch.inserted, batch.rejected, batch.station) == (6, 0, "desk-1")
        assert batch.preset == "patentics"
    assert all(p.last_batch_id == batch.id and p.station == "desk-1" for p in patents(db).values())


@pytest.mark.sqlite_only("SQLite file backups (a server keeps its own)")
def test_a_backup_is_taken_before_writing(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("semicolon.csv"))  # the database file now has data
    result = import_patents(db, fixture("english_tab.txt"))
    assert result.backup_path is not None and result.backup_path.exists()
    assert "before-import" in result.backup_path.name


def test_dry_run_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("semicolon.csv"))
    before = snapshot(db)
    digest = file_digest(db)
    result = import_patents(
        db, fixture("patentics_ragged.csv"), dry_run=True, rejects_path=tmp_path / "r.xlsx"
    )
    assert result.dry_run and result.inserted == 6 and result.batch_id is None
    assert snapshot(db) == before
    assert file_digest(db) == digest


def test_cancel_rolls_everything_back(db) -> None:  # type: ignore[no-untyped-def]
    import_patents(db, fixture("semicolon.csv"))
    before = snapshot(db)

    class CancelWhileWriting(Progress):
        def step(self, count: int = 1, text: str | None = None) -> None:
            if self.text.startswith("Writing"):
                self.cancel()
            super().step(count, text)

    with pytest.raises(Cancelled):
        import_patents(db, fixture("patentics_ragged.csv"), progress=CancelWhileWriting())
    assert snapshot(db) == before


def test_progress_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, str]] = []
    import_patents(
        db, fixture("patentics_ragged.csv"), progress=Progress(lambda *a: seen.append(a))
    )
    texts = {text for _, _, text in seen}
    assert any(text.startswith("Reading") for text in texts)
    assert "Writing patents…" in texts


def test_the_search_index_finds_imported_patents(db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.search import search_ids

    import_patents(db, fixture("patentics_ragged.csv"))
    with db.session() as session:
        hits = search_ids(session, "微流体")
        ids = {p.id for p in patents(db).values() if "微流体" in p.title}
    assert set(hits) == ids and ids


def test_raw_insert_reads_back_as_the_orm_wrote_it(db) -> None:  # type: ignore[no-untyped-def]
    """The SQLite fast path stores values exactly as SQLAlchemy would."""
    import_patents(db, fixture("institute_inventory.xlsx"))
    patent = patents(db)[number("201910330222")]
    assert isinstance(patent.updated_at, dt.datetime)
    assert patent.overseas_family is True and patent.pledge_financing is False
    assert patent.patent_type is PatentType.INVENTION
    assert patent.local_edits == {} and set(patent.imported_values) == {"_digest"}
    assert len(patent.uuid) == 32
    assert counts(db)["patent"] == 2


def test_a_rejects_report_that_cannot_be_written_stops_the_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.errors import InputError

    source = write_csv(
        tmp_path / "x.csv", ["申请号", "专利名称"], [[number("202210016632"), "好"], ["坏", "x"]]
    )
    before = snapshot(db)
    with pytest.raises(InputError, match="folder"):
        import_patents(db, source, rejects_path=tmp_path / "missing" / "rejects.xlsx")
    assert snapshot(db) == before
