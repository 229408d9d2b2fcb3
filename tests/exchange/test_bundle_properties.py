"""Property: three stations work apart, then their bundles merge (#13, tests that must exist).

For random edits, deletions, check-ins (and check-ins taken back at the desk) and captures
on three stations: every merge order
gives the same database; merging a bundle again (the same file, or the same content under a
new bundle uuid) changes nothing; every intention created anywhere is there exactly once.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bundle_data import Base, canonical, make_base, station_copy
from roadshow_desk.domain.capture import (
    IntentionDraft,
    InvalidIntention,
    record_intention,
    set_intention_deleted,
    update_intention,
)
from roadshow_desk.domain.checkin import CheckInResult, check_in, undo_check_in
from roadshow_desk.domain.enterprises import EnterpriseFields, fields_of, update_enterprise
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention
from roadshow_desk.exchange.bundle_export import export_bundle
from roadshow_desk.exchange.bundle_format import read_bundle, write_bundle
from roadshow_desk.exchange.bundle_merge import merge_bundles

STATIONS = ("A", "B", "C")
KINDS = [kind for kind in IntentionKind if kind is not IntentionKind.NO_DEMAND]
VALUES = ("甲", "乙", "丙")

station = st.sampled_from(range(3))
operation = st.one_of(
    st.tuples(st.just("capture"), station, st.integers(0, 3), st.integers(0, 3), st.integers(0, 5)),
    st.tuples(
        st.just("edit_intention"),
        station,
        st.integers(0, 1),
        st.sampled_from(("notes", "contact_person")),
        st.sampled_from(VALUES),
    ),
    st.tuples(st.just("delete_intention"), station, st.integers(0, 1), st.booleans()),
    st.tuples(
        st.just("edit_enterprise"),
        station,
        st.integers(0, 3),
        st.sampled_from(("contact_person", "address")),
        st.sampled_from(VALUES),
    ),
    st.tuples(st.just("check_in"), station, st.integers(0, 3)),
    st.tuples(st.just("undo_check_in"), station, st.integers(0, 3)),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    return make_base(tmp_path_factory.mktemp("base"))


def _apply(
    databases, base: Base, op: tuple, done: dict[tuple[int, int], CheckInResult]
) -> str | None:  # type: ignore[no-untyped-def]
    """Do one operation at its station; returns the uuid of a captured intention. ``done``
    keeps each station's latest check-in of a firm, for the desk's Ctrl+Z."""
    kind, index = op[0], op[1]
    database, name = databases[index], STATIONS[index]
    if kind == "capture":
        _k, _s, firm, patent, which = op
        return record_intention(
            database,
            IntentionDraft(
                enterprise_id=base.enterprise_ids[firm],
                patent_id=base.patent_ids[patent],
                kind=KINDS[which],
                event_id=base.event_id,
            ),
            station=name,
        ).uuid
    if kind == "edit_intention":
        _k, _s, which, field, value = op
        with contextlib.suppress(InvalidIntention):  # deleted at this desk: not editable
            update_intention(database, base.intention_ids[which], {field: value}, station=name)
    elif kind == "delete_intention":
        _k, _s, which, deleted = op
        set_intention_deleted(database, base.intention_ids[which], deleted, station=name)
    elif kind == "edit_enterprise":
        _k, _s, firm, field, value = op
        with database.session() as session:
            firm_id = base.enterprise_ids[firm]
            fields = fields_of(session.get(Enterprise, firm_id))
            update_enterprise(
                session,
                firm_id,
                EnterpriseFields(**{**fields.__dict__, field: value}),
                station=name,
            )
    elif kind == "check_in":
        with database.session() as session:
            result = check_in(session, base.event_id, base.enterprise_ids[op[2]], station=name)
        if result.changed_anything:
            done[(index, op[2])] = result
    else:
        taken_back = done.pop((index, op[2]), None)
        if taken_back is not None:
            with database.session() as session:
                undo_check_in(session, taken_back, station=name)
    return None


@settings(max_examples=8)
@given(operations=st.lists(operation, min_size=1, max_size=12))
def test_every_order_gives_the_same_database(base: Base, operations: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        databases = [station_copy(base, folder, station_name) for station_name in STATIONS]
        done: dict[tuple[int, int], CheckInResult] = {}
        captured = [uuid for op in operations if (uuid := _apply(databases, base, op, done))]
        bundles = [
            export_bundle(db, folder / f"{n}.rsdb", station=n, event_id=base.event_id).path
            for db, n in zip(databases, STATIONS, strict=True)
        ]
        for database in databases:
            database.dispose()
        dumps = []
        for number, order in enumerate(itertools.permutations(bundles)):
            organiser = station_copy(base, folder, f"O{number}")
            merge_bundles(organiser, list(order), station="O", backup=False)
            dumps.append(canonical(organiser))
            if number == 0:
                with organiser.session() as session:
                    uuids = list(session.scalars(select(Intention.uuid)))
                base_uuids = set(dumps[0]["intention"]) - set(captured)
                assert len(uuids) == len(set(uuids)) == len(base_uuids) + len(captured)
                assert set(captured) <= set(uuids)
                # Merging again changes nothing: the same files (receipts) ...
                assert merge_bundles(organiser, bundles, backup=False).rows_written == 0
                # ... and the same content under new bundle uuids (every rule runs again).
                for index, path in enumerate(bundles):
                    bundle = read_bundle(path)
                    copy = folder / f"again-{index}.rsdb"
                    write_bundle(
                        copy, {**bundle.manifest, "bundle_uuid": f"{index:032x}"}, bundle.entries
                    )
                    assert merge_bundles(organiser, [copy], backup=False).rows_written == 1
                assert canonical(organiser) == dumps[0]
            organiser.dispose()
        for dump in dumps[1:]:
            assert dump == dumps[0]
