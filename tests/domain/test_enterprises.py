"""Enterprise registry: credit code and phone validated, duplicates caught, walk-ins merged."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fairday_data import credit_code, make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.checkin import check_in, check_in_walk_in
from roadshow_desk.domain.enterprise_names import name_key
from roadshow_desk.domain.enterprise_search import search_enterprises
from roadshow_desk.domain.enterprises import (
    DuplicateEnterprise,
    EnterpriseFields,
    EnterpriseInvalid,
    confirm_walk_in,
    find_duplicates,
    merge_walk_in,
    parse_tags,
    reconciliation_candidates,
    register_enterprise,
    update_enterprise,
    walk_ins,
)
from roadshow_desk.domain.enums import EnterpriseTag, IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention, Registration

VALID_CODE = "91350100M000100Y43"  # python-stdnum's documented example


def test_valid_credit_code_and_phone_are_normalised(db) -> None:
    with db.session() as session:
        firm = register_enterprise(
            session,
            EnterpriseFields(
                name="  福建  测试 有限公司 ",
                credit_code="９１３５ ０１００ M０００ １００Y４３",
                phone="+86 138-1234-5678",
                tags="高新技术企业、专精特新",
            ),
        )
        assert firm.credit_code == VALID_CODE
        assert firm.phone == "13812345678"
        assert firm.name == "福建 测试 有限公司"
        assert firm.tags == "high_tech; specialised_sme"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("91350100M000100Y44", "last character"),
        ("91350100M000100Y4", "18 characters"),
        ("9135010OM000100Y43", "capital letters"),
    ],
)
def test_bad_credit_code_is_refused_with_a_sentence(db, code: str, words: str) -> None:
    with db.session() as session, pytest.raises(EnterpriseInvalid) as caught:
        register_enterprise(session, EnterpriseFields(name="某公司", credit_code=code))
    assert words in str(caught.value)
    assert caught.value.field == "credit_code"


@pytest.mark.parametrize("phone", ["12345", "8888888", "138123456789", "call me"])
def test_bad_phone_is_refused(db, phone: str) -> None:
    with db.session() as session, pytest.raises(EnterpriseInvalid) as caught:
        register_enterprise(session, EnterpriseFields(name="某公司", phone=phone))
    assert caught.value.field == "phone"


def test_landline_phone_is_accepted(db) -> None:
    with db.session() as session:
        firm = register_enterprise(session, EnterpriseFields(name="某公司", phone="(021)55556666"))
        assert firm.phone == "021-55556666"


def test_name_key_folds_legal_forms_brackets_and_width() -> None:
    same = [
        "联想（北京）有限公司",
        "联想(北京)有限公司",
        "联想（北京）股份有限公司",
        "联想 (北京) 有限责任公司",
        "联想［北京］有限公司",
    ]
    assert len({name_key(name) for name in same}) == 1
    assert name_key("ＡＢＣ科技有限公司") == name_key("abc科技有限公司")
    assert name_key("Acme Co., Ltd.") == name_key("ACME company limited")
    assert name_key("联想（北京）有限公司") != name_key("联想（上海）有限公司")


def test_same_code_is_a_duplicate(db) -> None:
    day = make_fair_day(db)
    with db.session() as session, pytest.raises(DuplicateEnterprise) as caught:
        register_enterprise(
            session, EnterpriseFields(name="完全不同的名字", credit_code=credit_code(1))
        )
    assert caught.value.same_code
    assert caught.value.existing_id == day.enterprise_ids[0]
    assert "宁德储能科技有限公司" in str(caught.value)


def test_same_name_variant_is_a_duplicate_unless_confirmed(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        with pytest.raises(DuplicateEnterprise) as caught:
            register_enterprise(session, EnterpriseFields(name="联想(北京)股份有限公司"))
        assert not caught.value.same_code
        assert caught.value.existing_id == day.enterprise_ids[2]
        confirmed = register_enterprise(
            session, EnterpriseFields(name="联想(北京)股份有限公司"), allow_same_name=True
        )
        assert confirmed.id not in day.enterprise_ids


def test_same_code_is_refused_even_when_confirmed(db) -> None:
    make_fair_day(db)
    with db.session() as session, pytest.raises(DuplicateEnterprise):
        register_enterprise(
            session, EnterpriseFields(name="x", credit_code=credit_code(2)), allow_same_name=True
        )


def test_find_duplicates_lists_code_match_first(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        found = find_duplicates(session, "联想（北京）有限公司", credit_code(1))
        assert [(firm.id, same) for firm, same in found] == [
            (day.enterprise_ids[0], True),
            (day.enterprise_ids[2], False),
        ]


def test_edit_records_local_edit_of_imported_field(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        firm = session.get(Enterprise, day.enterprise_ids[0])
        assert firm is not None
        firm.imported_values = {"industry": "储能", "phone": firm.phone}
        from roadshow_desk.domain.enterprises import fields_of

        fields = fields_of(firm)
        fields.industry = "新能源储能"
        fields.region = "福建"
        assert sorted(update_enterprise(session, firm.id, fields)) == ["industry", "region"]
        assert list(firm.local_edits) == ["industry"]
        assert firm.local_edits["industry"]["value"] == "新能源储能"
        fields.industry = "储能"  # back to the imported value: the edit is forgotten
        update_enterprise(session, firm.id, fields)
        assert firm.local_edits == {}


def test_edit_into_duplicate_is_refused(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        from roadshow_desk.domain.enterprises import fields_of

        fields = fields_of(session.get(Enterprise, day.enterprise_ids[3]))  # type: ignore[arg-type]
        fields.credit_code = credit_code(1)
        with pytest.raises(DuplicateEnterprise):
            update_enterprise(session, day.enterprise_ids[3], fields)


def test_tags_from_labels_and_synonyms() -> None:
    assert parse_tags(["国企", "知识产权保护中心备案企业", "high_tech"]) == [
        EnterpriseTag.STATE_OWNED,
        EnterpriseTag.IP_PROTECTION_CENTRE,
        EnterpriseTag.HIGH_TECH,
    ]
    assert parse_tags("Specialised and new SME; 小巨人") == [EnterpriseTag.SPECIALISED_SME]
    with pytest.raises(EnterpriseInvalid, match="not an enterprise type"):
        parse_tags("上市公司")


def test_search_by_part_of_name_code_phone(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        assert [f.id for f in search_enterprises(session, "精密")] == [day.enterprise_ids[1]]
        assert [f.id for f in search_enterprises(session, credit_code(4)[-8:])] == [
            day.enterprise_ids[3]
        ]
        assert [f.id for f in search_enterprises(session, "5555 6666")] == [day.enterprise_ids[1]]
        assert [f.id for f in search_enterprises(session, "联想(北京)")] == [day.enterprise_ids[2]]
        assert search_enterprises(session, "不存在的公司") == []


def test_walk_in_flow_register_check_in_capture_merge(db) -> None:
    day = make_fair_day(db)
    registered_id = day.enterprise_ids[0]
    with db.session() as session:
        result = check_in_walk_in(
            session, day.event_id, "宁德储能科技", "138 0000 0001", station="desk A"
        )
        walk_in_id = result.enterprise_id
        assert result.first
        assert [firm.id for firm in walk_ins(session)] == [walk_in_id]
        # The organiser checks the registered firm in too, later, at another desk.
        check_in(session, day.event_id, registered_id, station="desk B")
    recorded = record_intention(
        db,
        IntentionDraft(
            enterprise_id=walk_in_id,
            patent_id=day.patent_ids[0],
            kind=IntentionKind.LICENCE,
            event_id=day.event_id,
        ),
        station="desk A",
    )
    with db.session() as session:
        candidates = reconciliation_candidates(session, walk_in_id)
        assert [firm.id for firm in candidates] == [registered_id]  # same phone
        merge_walk_in(session, walk_in_id, registered_id, station="office")
    with db.session() as session:
        assert walk_ins(session) == []
        intention = session.get(Intention, recorded.id)
        assert intention is not None and intention.enterprise_id == registered_id
        registrations = session.scalars(
            select(Registration).where(
                Registration.event_id == day.event_id, Registration.deleted_at.is_(None)
            )
        ).all()
        kept = [reg for reg in registrations if reg.enterprise_id == registered_id]
        assert len(kept) == 1
        assert kept[0].checked_in_station == "desk A"  # the earlier check-in is kept
        assert all(reg.enterprise_id != walk_in_id for reg in registrations)
        walk_in = session.get(Enterprise, walk_in_id)
        assert walk_in is not None and walk_in.is_deleted
        assert [f.id for f in search_enterprises(session, "宁德储能")] == [registered_id]


def test_walk_in_needs_a_valid_phone(db) -> None:
    make_fair_day(db)
    with db.session() as session:
        with pytest.raises(EnterpriseInvalid):
            check_in_walk_in(session, 1, "某公司", "", station="A")
        with pytest.raises(EnterpriseInvalid):
            check_in_walk_in(session, 1, "某公司", "123", station="A")


def test_walk_in_confirmed_as_new_firm(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        result = check_in_walk_in(
            session, day.event_id, "新来的科技公司", "13712345678", station="A"
        )
        fields = EnterpriseFields(
            name="新来的科技有限公司", credit_code=VALID_CODE, phone="13712345678"
        )
        firm = confirm_walk_in(session, result.enterprise_id, fields)
        assert not firm.is_walk_in
        assert firm.credit_code == VALID_CODE
        assert walk_ins(session) == []


def test_only_walk_ins_merge(db) -> None:
    day = make_fair_day(db)
    with db.session() as session, pytest.raises(EnterpriseInvalid, match="not a walk-in"):
        merge_walk_in(session, day.enterprise_ids[0], day.enterprise_ids[1])


def test_search_by_pinyin_initials(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        assert [f.id for f in search_enterprises(session, "hdjm")] == [day.enterprise_ids[1]]
        assert [f.id for f in search_enterprises(session, "NDCN")] == [day.enterprise_ids[0]]
        assert search_enterprises(session, "xyzq") == []
