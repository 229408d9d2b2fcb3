"""Station bundles: export, merge rules row by row, refused files, passphrases (#13)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from bundle_data import Base, canonical, make_base, row, station_copy
from roadshow_desk.domain.capture import (
    IntentionDraft,
    record_intention,
    set_intention_deleted,
    update_intention,
)
from roadshow_desk.domain.checkin import check_in, check_in_walk_in
from roadshow_desk.domain.enterprises import (
    EnterpriseFields,
    fields_of,
    set_enterprise_deleted,
    update_enterprise,
)
from roadshow_desk.domain.enums import ConflictResolution, IntentionKind
from roadshow_desk.domain.models import (
    BundleReceipt,
    Enterprise,
    FieldConflict,
    Intention,
    PossibleDuplicate,
    Registration,
    utcnow,
)
from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.exchange.bundle_format import (
    FORMAT_VERSION,
    PassphraseNeeded,
    WrongPassphrase,
    read_bundle,
    write_bundle,
)
from roadshow_desk.exchange.bundle_merge import merge_bundles


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    return make_base(tmp_path_factory.mktemp("base"))


def _uuid(database, model, row_id: int) -> str:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.get(model, row_id).uuid


def _export(database, folder: Path, name: str, base: Base, **options) -> Path:  # type: ignore[no-untyped-def]
    return export_bundle(
        database, folder / f"{name}.rsdb", station=name, event_id=base.event_id, **options
    ).path


def _edit_enterprise(database, enterprise_id: int, station: str, **changes) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        fields = fields_of(session.get(Enterprise, enterprise_id))
        update_enterprise(
            session,
            enterprise_id,
            EnterpriseFields(**{**fields.__dict__, **changes}),
            station=station,
        )


def test_export_writes_a_readable_manifest_and_this_stations_records(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    recorded = record_intention(
        desk,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[2],
            patent_id=base.patent_ids[1],
            kind=IntentionKind.TRANSFER,
            event_id=base.event_id,
            contact_phone="13800001234",
        ),
        station="A",
    )
    path = _export(desk, tmp_path, "A", base)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        lines = archive.read("records/intention.jsonl").decode().splitlines()
    assert manifest["station"] == "A"
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["counts"]["intention"] == 1
    assert len(manifest["sha256"]) == 64 and manifest["encryption"] is None
    record = json.loads(lines[0])
    assert record["uuid"] == recorded.uuid
    assert record["captured_station"] == "A"
    assert record["patent"].startswith("CN") and len(record["enterprise"]) == 32
    # The organiser's base intentions are not this station's: not in its bundle.
    assert len(lines) == 1
    assert read_bundle(path).records("intention")[0]["contact_phone"] == "13800001234"
    desk.dispose()


def test_merge_keeps_capture_time_and_station_and_twice_changes_nothing(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    captured = dt.datetime(2026, 12, 3, 9, 32, 5)
    recorded = record_intention(
        desk,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[3],
            patent_id=base.patent_ids[2],
            kind=IntentionKind.INVESTMENT,
            event_id=base.event_id,
        ),
        station="A",
        captured_at=captured,
    )
    bundle = _export(desk, tmp_path, "A", base)
    organiser = station_copy(base, tmp_path, "O")
    first = merge_bundles(organiser, [bundle], station="O")
    assert first.totals()["intention"].new == 1
    merged = row(organiser, "intention", recorded.uuid)
    assert merged["captured_at"] == captured.isoformat()
    assert merged["captured_station"] == "A"
    assert first.backup_path is not None and first.backup_path.exists()
    before = canonical(organiser)
    again = merge_bundles(organiser, [bundle], station="O")
    assert again.rows_written == 0 and again.bundles[0].already_merged_at is not None
    # The same content under another bundle uuid goes through every rule: still nothing.
    second = export_bundle(desk, tmp_path / "A2.rsdb", station="A", event_id=base.event_id).path
    copy = read_bundle(second)
    write_bundle(tmp_path / "A3.rsdb", {**copy.manifest, "bundle_uuid": "f" * 32}, copy.entries)
    overlap = merge_bundles(organiser, [tmp_path / "A3.rsdb"], station="O", backup=False)
    assert overlap.rows_written == 1  # its receipt only
    assert overlap.totals()["intention"].unchanged == 1
    after = canonical(organiser)
    assert after == before
    with organiser.session() as session:
        assert session.scalar(select(BundleReceipt.station).limit(1)) == "A"
    desk.dispose()
    organiser.dispose()


def test_edits_of_different_fields_on_two_stations_both_arrive(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    firm = base.enterprise_ids[0]
    _edit_enterprise(a, firm, "A", contact_person="张经理")
    _edit_enterprise(b, firm, "B", address="宁波市鄞州区科技路1号")
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    organiser = station_copy(base, tmp_path, "O")
    result = merge_bundles(organiser, bundles, station="O")
    uuid = _uuid(organiser, Enterprise, firm)
    merged = row(organiser, "enterprise", uuid)
    assert merged["contact_person"] == "张经理"
    assert merged["address"] == "宁波市鄞州区科技路1号"
    assert merged["station"] == "B"  # the later edit's station
    assert result.totals()["enterprise"].conflicts == 0
    with organiser.session() as session:
        assert session.scalars(select(FieldConflict)).all() == []
    # Station A merging B's bundle gets B's field and keeps its own.
    merge_bundles(a, [bundles[1]], station="A")
    mine = row(a, "enterprise", uuid)
    assert (mine["contact_person"], mine["address"]) == ("张经理", "宁波市鄞州区科技路1号")
    for database in (a, b, organiser):
        database.dispose()


def test_same_field_edited_differently_is_a_conflict_in_the_review(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    firm = base.enterprise_ids[1]
    _edit_enterprise(a, firm, "A", contact_person="李工")
    _edit_enterprise(b, firm, "B", contact_person="王总")  # later
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    dumps = []
    for order, name in ((bundles, "O1"), (bundles[::-1], "O2")):
        organiser = station_copy(base, tmp_path, name)
        result = merge_bundles(organiser, order, station="O")
        assert result.totals()["enterprise"].conflicts == 1
        with organiser.session() as session:
            conflict = session.scalars(select(FieldConflict)).one()
            assert (conflict.record_table, conflict.record_id, conflict.field) == (
                "enterprise",
                firm,
                "contact_person",
            )
            assert (conflict.local_value, conflict.file_value) == ("王总", "李工")
            assert conflict.resolution == ConflictResolution.OPEN
            assert session.get(Enterprise, firm).contact_person == "王总"
        from roadshow_desk.exchange.patent_review import open_conflict_rows

        assert [(r.field, r.local_text, r.file_text) for r in open_conflict_rows(organiser)] == [
            ("contact_person", "王总", "李工")
        ]
        dumps.append(canonical(organiser))
        organiser.dispose()
    assert dumps[0] == dumps[1]
    a.dispose()
    b.dispose()


def test_deleted_then_edited_later_elsewhere_is_kept_and_reported(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    first, second = base.intention_ids
    set_intention_deleted(a, first, True, station="A")
    update_intention(b, first, {"notes": "客户追加了预算"}, station="B")  # after the deletion
    update_intention(b, second, {"notes": "先改"}, station="B")
    set_intention_deleted(a, second, True, station="A")  # deleted after that edit
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    organiser = station_copy(base, tmp_path, "O")
    result = merge_bundles(organiser, bundles, station="O")
    kept = row(organiser, "intention", _uuid(organiser, Intention, first))
    gone = row(organiser, "intention", _uuid(organiser, Intention, second))
    assert kept["deleted_at"] is None and kept["notes"] == "客户追加了预算"
    assert gone["deleted_at"] is not None and gone["notes"] == "先改"
    assert result.totals()["intention"].kept_after_delete == 1
    reverse = station_copy(base, tmp_path, "O2")
    merge_bundles(reverse, bundles[::-1], station="O")
    assert canonical(reverse) == canonical(organiser)
    for database in (a, b, organiser, reverse):
        database.dispose()


def test_an_enterprise_deleted_at_a_station_travels_in_its_bundle(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = station_copy(base, tmp_path, "A")
    enterprise_id = base.enterprise_ids[3]
    with a.session() as session:
        assert session.get(Enterprise, enterprise_id).station != "A"
        set_enterprise_deleted(session, enterprise_id, True, station="A")
    bundle = _export(a, tmp_path, "A", base)
    organiser = station_copy(base, tmp_path, "O")
    merge_bundles(organiser, [bundle], station="O")
    merged = row(organiser, "enterprise", _uuid(organiser, Enterprise, enterprise_id))
    assert merged["deleted_at"] is not None and merged["station"] == "A"
    for database in (a, organiser):
        database.dispose()


def test_the_same_walk_in_at_two_desks_is_flagged_not_merged(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    with a.session() as session:
        walk_a = check_in_walk_in(
            session, base.event_id, "宁波新创科技有限公司", "13812345678", station="A"
        )
    with b.session() as session:
        walk_b = check_in_walk_in(
            session, base.event_id, "宁波新创科技 有限公司", "13812345678", station="B"
        )
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    organiser = station_copy(base, tmp_path, "O")
    result = merge_bundles(organiser, bundles, station="O")
    uuid_a = _uuid(a, Enterprise, walk_a.enterprise_id)
    uuid_b = _uuid(b, Enterprise, walk_b.enterprise_id)
    assert row(organiser, "enterprise", uuid_a)["name"] == "宁波新创科技有限公司"
    assert row(organiser, "enterprise", uuid_b)["station"] == "B"
    assert result.totals()["enterprise"].new == 2
    assert result.totals()["enterprise"].possible_duplicates == 1
    with organiser.session() as session:
        flag = session.scalars(select(PossibleDuplicate)).one()
        assert (flag.record_table, flag.first_uuid, flag.second_uuid) == (
            "enterprise",
            *sorted((uuid_a, uuid_b)),
        )
        assert flag.reason == "same name"
        assert (
            session.scalar(select(Registration.id).where(Registration.enterprise_id.is_(None)))
            is None
        )
    for database in (a, b, organiser):
        database.dispose()


def test_the_same_intention_at_two_desks_within_minutes_is_flagged(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    draft = IntentionDraft(
        enterprise_id=base.enterprise_ids[2],
        patent_id=base.patent_ids[3],
        kind=IntentionKind.TRANSFER,
        event_id=base.event_id,
    )
    at = dt.datetime(2026, 12, 3, 10, 0)
    one = record_intention(a, draft, station="A", captured_at=at)
    two = record_intention(b, draft, station="B", captured_at=at + dt.timedelta(minutes=3))
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    organiser = station_copy(base, tmp_path, "O")
    result = merge_bundles(organiser, bundles, station="O")
    assert result.totals()["intention"].new == 2
    assert result.totals()["intention"].possible_duplicates == 1
    with organiser.session() as session:
        flag = session.scalars(select(PossibleDuplicate)).one()
        assert {flag.first_uuid, flag.second_uuid} == {one.uuid, two.uuid}
    for database in (a, b, organiser):
        database.dispose()


def test_first_check_in_wins_across_stations(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    firm = base.enterprise_ids[0]
    with b.session() as session:
        check_in(session, base.event_id, firm, station="B", at=dt.datetime(2026, 12, 3, 1, 32))
    with a.session() as session:
        check_in(session, base.event_id, firm, station="A", at=dt.datetime(2026, 12, 3, 1, 40))
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    for order, name in ((bundles, "O1"), (bundles[::-1], "O2")):
        organiser = station_copy(base, tmp_path, name)
        result = merge_bundles(organiser, order, station="O")
        with organiser.session() as session:
            registration = session.scalars(select(Registration)).one()
            assert registration.checked_in_at == dt.datetime(2026, 12, 3, 1, 32)
            assert registration.checked_in_station == "B"
        assert any("first check-in stands" in note for r in result.bundles for note in r.notes)
        organiser.dispose()
    a.dispose()
    b.dispose()


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_refused_files_leave_the_database_byte_identical(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    record_intention(
        desk,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[0],
            patent_id=base.patent_ids[0],
            kind=IntentionKind.TRANSFER,
            event_id=base.event_id,
        ),
        station="A",
    )
    good = _export(desk, tmp_path, "A", base)
    data = good.read_bytes()
    bundle = read_bundle(good)
    bad: dict[str, Path] = {}
    bad["truncated"] = tmp_path / "truncated.rsdb"
    bad["truncated"].write_bytes(data[: len(data) * 2 // 3])
    flipped = bytearray(data)
    offset = data.index(b"records/intention.jsonl") + 60
    flipped[offset] ^= 0x40
    bad["flipped"] = tmp_path / "flipped.rsdb"
    bad["flipped"].write_bytes(bytes(flipped))
    bad["xlsx"] = tmp_path / "list.xlsx"
    from roadshow_desk.exchange.writers import write_table

    write_table(bad["xlsx"], ["a"], [["b"]])
    bad["renamed"] = tmp_path / "list.rsdb"
    bad["renamed"].write_bytes(bad["xlsx"].read_bytes())
    bad["empty"] = tmp_path / "empty.rsdb"
    bad["empty"].write_bytes(b"")
    bad["newer"] = tmp_path / "newer.rsdb"
    write_bundle(
        bad["newer"], {**bundle.manifest, "format_version": FORMAT_VERSION + 1}, bundle.entries
    )
    bad["other_event"] = tmp_path / "other.rsdb"
    write_bundle(
        bad["other_event"],
        {**bundle.manifest, "event_uuid": "0" * 32, "event_name": "另一场对接会"},
        bundle.entries,
    )
    tampered = dict(bundle.entries)
    tampered["records/intention.jsonl"] = tampered["records/intention.jsonl"].replace(
        b'"A"', b'"Z"'
    )
    bad["checksum"] = tmp_path / "checksum.rsdb"
    write_bundle(bad["checksum"], bundle.manifest, bundle.entries)
    with zipfile.ZipFile(bad["checksum"]) as archive:
        manifest = archive.read("manifest.json")
    with zipfile.ZipFile(bad["checksum"], "w") as archive:
        archive.writestr("manifest.json", manifest)
        for name, content in tampered.items():
            archive.writestr(name, content)
    organiser = station_copy(base, tmp_path, "O")
    organiser_path = organiser.path
    assert organiser_path is not None
    before = _files(organiser_path)
    for kind, path in bad.items():
        with pytest.raises(InputError) as raised:
            merge_bundles(organiser, [good, path], station="O")
        message = str(raised.value)
        assert path.name in message and "\n" not in message, kind
        assert message.endswith("."), kind
        assert _files(organiser_path) == before, kind
    with pytest.raises(InputError, match="another event"):
        merge_bundles(organiser, [bad["other_event"]])
    with pytest.raises(InputError, match="newer version"):
        merge_bundles(organiser, [bad["newer"]])
    assert not (organiser_path.parent / "backups").exists()
    desk.dispose()
    organiser.dispose()


def test_cancel_leaves_the_database_as_it_was(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    for index in range(30):
        record_intention(
            desk,
            IntentionDraft(
                enterprise_id=base.enterprise_ids[index % 4],
                patent_id=base.patent_ids[index % 4],
                kind=IntentionKind.LICENCE,
                event_id=base.event_id,
                notes=str(index),
            ),
            station="A",
        )
    bundle = _export(desk, tmp_path, "A", base)
    organiser = station_copy(base, tmp_path, "O")
    before = canonical(organiser)
    progress = Progress()
    calls = []

    def stop(done: int, total: int, text: str) -> None:
        calls.append(done)
        if done >= 20:
            progress.cancel()

    progress._callback = stop  # type: ignore[attr-defined]
    with pytest.raises(Cancelled):
        merge_bundles(organiser, [bundle], station="O", progress=progress)
    assert canonical(organiser) == before
    with organiser.session() as session:
        assert session.scalars(select(BundleReceipt)).all() == []
    desk.dispose()
    organiser.dispose()


def test_passphrase_encrypts_and_a_wrong_one_is_refused(base, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ROADSHOW_DESK_PASSPHRASE", raising=False)
    desk = station_copy(base, tmp_path, "A")
    record_intention(
        desk,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[1],
            patent_id=base.patent_ids[1],
            kind=IntentionKind.TRANSFER,
            event_id=base.event_id,
            contact_phone="13912345678",
        ),
        station="A",
    )
    path = _export(desk, tmp_path, "A", base, passphrase="东区 2026")
    assert b"13912345678" not in path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        assert json.loads(archive.read("manifest.json"))["encryption"]["cipher"] == "AES-256-GCM"
    organiser = station_copy(base, tmp_path, "O")
    before = _files(organiser.path)  # type: ignore[arg-type]
    with pytest.raises(PassphraseNeeded):
        merge_bundles(organiser, [path])
    with pytest.raises(WrongPassphrase):
        merge_bundles(organiser, [path], passphrase="东区 2025")
    assert _files(organiser.path) == before  # type: ignore[arg-type]
    monkeypatch.setenv("ROADSHOW_DESK_PASSPHRASE", "东区 2026")
    result = merge_bundles(organiser, [path])
    assert result.totals()["intention"].new == 1
    desk.dispose()
    organiser.dispose()


def test_clock_skew_is_merged_with_a_warning(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    record_intention(
        desk,
        IntentionDraft(
            enterprise_id=base.enterprise_ids[0],
            patent_id=base.patent_ids[1],
            kind=IntentionKind.TRANSFER,
            event_id=base.event_id,
        ),
        station="A",
    )
    ahead = utcnow() + dt.timedelta(minutes=30)
    path = export_bundle(
        desk, tmp_path / "A.rsdb", station="A", event_id=base.event_id, now=ahead
    ).path
    organiser = station_copy(base, tmp_path, "O")
    result = merge_bundles(organiser, [path])
    assert result.totals()["intention"].new == 1
    assert len(result.warnings) == 1 and "30 minutes" in result.warnings[0]
    with organiser.session() as session:
        assert "30 minutes" in session.scalars(select(BundleReceipt.warnings)).one()
    desk.dispose()
    organiser.dispose()


def test_since_last_covers_only_later_changes(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = station_copy(base, tmp_path, "A")
    draft = IntentionDraft(
        enterprise_id=base.enterprise_ids[0],
        patent_id=base.patent_ids[0],
        kind=IntentionKind.TRANSFER,
        event_id=base.event_id,
    )
    record_intention(desk, draft, station="A")
    first = export_bundle(desk, tmp_path / "1.rsdb", station="A", event_id=base.event_id)
    later = record_intention(desk, draft, station="A")
    second = export_bundle(
        desk, tmp_path / "2.rsdb", station="A", event_id=base.event_id, since="last"
    )
    cumulative = export_bundle(desk, tmp_path / "3.rsdb", station="A", event_id=base.event_id)
    assert first.counts["intention"] == 1
    assert [r["uuid"] for r in read_bundle(second.path).records("intention")] == [later.uuid]
    assert cumulative.counts["intention"] == 2
    desk.dispose()


def test_an_intention_conflict_is_reviewed_and_resolved_like_the_others(base, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.exchange.conflict_resolution import resolve_with_undo, undo_resolution
    from roadshow_desk.exchange.patent_review import open_conflict_rows

    a, b = station_copy(base, tmp_path, "A"), station_copy(base, tmp_path, "B")
    first = base.intention_ids[0]
    update_intention(a, first, {"notes": "A 说：预算五十万"}, station="A")
    update_intention(b, first, {"notes": "B 说：预算八十万"}, station="B")  # later
    bundles = [_export(a, tmp_path, "A", base), _export(b, tmp_path, "B", base)]
    organiser = station_copy(base, tmp_path, "O")
    merge_bundles(organiser, bundles, station="O")
    rows = open_conflict_rows(organiser)
    assert [(r.record_table, r.field, r.local_text, r.file_text) for r in rows] == [
        ("intention", "notes", "B 说：预算八十万", "A 说：预算五十万")
    ]
    assert rows[0].application_no.startswith("CN") and rows[0].title.startswith("Intentions: ")
    done = resolve_with_undo(organiser, [rows[0].conflict_id], ConflictResolution.TOOK_FILE)
    assert done is not None
    with organiser.session() as session:
        assert session.get(Intention, first).notes == "A 说：预算五十万"
    undo_resolution(organiser, done)
    with organiser.session() as session:
        assert session.get(Intention, first).notes == "B 说：预算八十万"
    for database in (a, b, organiser):
        database.dispose()
