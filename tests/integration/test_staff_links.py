"""The docentplanner's service (year transition, step 4) on SQLite and PostgreSQL: linking
and unlinking teachers and mentors as one change set, idempotent, undone exactly by
``koppel undo``; bad input and staff who left write nothing; the overview's to-do lists."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from koppel.domain.imports.staff import Link
from koppel.domain.staff import StaffMember, StaffRole, StaffStatus
from koppel.services.audit.undo import undo_changeset
from koppel.services.transition.staff_link_overview import link_overview
from koppel.services.transition.staff_links import (
    KIND,
    LinkRejected,
    LinkRequest,
    change_staff_links,
)
from koppel.services.transition.status import StepState, transition_status
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.snapshot import snapshot

TEACHER, MENTOR = StaffRole.TEACHER, StaffRole.MENTOR


@pytest.fixture
def school(engine: Engine) -> Engine:
    """The small school (JANS mentor of 4V1, BERG teacher of 4V.netl1) with one more
    active staff member, DEKK, and one who left, OUD."""
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.staff.add_many(
            [
                StaffMember("DEKK", "Fatma", "Dekker"),
                StaffMember("OUD", "Otto", "Oudman", status=StaffStatus.LEFT),
            ]
        )
        uow.commit()
    return engine


def _links(engine: Engine) -> set[Link]:
    with SqlAlchemyUnitOfWork(engine) as uow:
        return set(uow.groups.staff_links(YEAR))


def test_link_and_unlink_in_one_change_set_that_koppel_undo_reverses_exactly(
    school: Engine, database_url: str
) -> None:
    before = snapshot(school)
    result = change_staff_links(
        SqlAlchemyUnitOfWork(school),
        add=[
            LinkRequest("dekk", "4H1", "mentor"),  # any case; Dutch role words
            LinkRequest("DEKK", "4H1", "docent"),
            LinkRequest("JANS", "4V.netl1", "teacher"),
        ],
        remove=[LinkRequest("BERG", "4V.netl1", "docent")],
        actor="beheerder",
    )
    assert result.written
    assert result.school_year == YEAR.name
    assert set(result.added) == {
        Link("DEKK", "4H1", MENTOR),
        Link("DEKK", "4H1", TEACHER),
        Link("JANS", "4V.netl1", TEACHER),
    }
    assert result.removed == (Link("BERG", "4V.netl1", TEACHER),)
    assert result.unchanged == 0
    assert _links(school) == {
        Link("JANS", "4V1", MENTOR),
        Link("DEKK", "4H1", MENTOR),
        Link("DEKK", "4H1", TEACHER),
        Link("JANS", "4V.netl1", TEACHER),
    }
    with SqlAlchemyUnitOfWork(school) as uow:
        record = uow.changesets.get(str(result.changeset))
        entries = uow.audit.of_changeset(str(result.changeset))
    assert record.kind == KIND == "staff.link"
    assert record.actor == "beheerder"
    assert record.summary == {"school_year": YEAR.name, "added": 3, "removed": 1}
    assert [(e.action, e.key) for e in entries] == [
        ("staff_link.remove", "BERG|4V.netl1|teacher"),
        ("staff_link.add", "DEKK|4H1|mentor"),
        ("staff_link.add", "DEKK|4H1|teacher"),
        ("staff_link.add", "JANS|4V.netl1|teacher"),
    ]
    assert all(e.actor == "beheerder" for e in entries)
    step4 = transition_status(SqlAlchemyUnitOfWork(school)).steps[3]
    assert (step4.code, step4.state, step4.changeset) == (
        "link_staff",
        StepState.APPLIED,
        result.changeset,
    )

    undone = koppel("undo", str(result.changeset), "--json", database=database_url)
    assert undone.code == 0, undone.stderr
    assert undone.json()["reversed"] == 4
    assert snapshot(school) == before
    assert transition_status(SqlAlchemyUnitOfWork(school)).steps[3].state is StepState.UNDONE


def test_a_new_role_for_a_linked_staff_member_is_undone_to_the_old_one(school: Engine) -> None:
    before = snapshot(school)
    result = change_staff_links(
        SqlAlchemyUnitOfWork(school),
        add=[LinkRequest("JANS", "4V1", "docent")],
        remove=[LinkRequest("JANS", "4V1", "mentor")],
    )
    assert _links(school) == {Link("JANS", "4V1", TEACHER), Link("BERG", "4V.netl1", TEACHER)}
    undo_changeset(SqlAlchemyUnitOfWork(school), str(result.changeset))
    assert snapshot(school) == before


def test_saving_the_same_links_again_changes_nothing(school: Engine) -> None:
    first = change_staff_links(
        SqlAlchemyUnitOfWork(school), add=[LinkRequest("DEKK", "4H1", "mentor")]
    )
    assert first.written
    before = snapshot(school, bookkeeping=True)
    again = change_staff_links(
        SqlAlchemyUnitOfWork(school),
        add=[LinkRequest("DEKK", "4H1", "mentor"), LinkRequest("JANS", "4V1", "mentor")],
        remove=[LinkRequest("DEKK", "4H1", "docent"), LinkRequest("BERG", "4V1", "mentor")],
    )
    assert not again.written
    assert again.changeset is None
    assert (again.added, again.removed, again.unchanged) == ((), (), 4)
    assert snapshot(school, bookkeeping=True) == before  # no change set, no audit entry


@pytest.mark.parametrize(
    ("add", "remove", "field", "message"),
    [
        ([("DEKK", "9Z9", "mentor")], [], "group", "groep '9Z9' bestaat niet in schooljaar"),
        ([("DEKK", " ", "mentor")], [], "group", "kies een groep"),
        ([("NOPE", "4H1", "mentor")], [], "staff_code", "geen medewerker met docentcode 'NOPE'"),
        (
            [("J", "4H1", "mentor")],
            [],
            "staff_code",
            "docentcode 'J' kan niet: een docentcode heeft 2 tot 8",
        ),
        ([("", "4H1", "mentor")], [], "staff_code", "kies een medewerker"),
        ([("DEKK", "4H1", "conciërge")], [], "role", "rol 'conciërge' bestaat niet"),
        ([("OUD", "4H1", "docent")], [], "staff_code", "OUD is niet meer actief"),
        ([], [("BERG", "4V.netl2", "docent")], "group", "groep '4V.netl2' bestaat niet"),
        ([("DEKK", "4H1", "mentor")], [("dekk", "4H1", "mentor")], "staff_code", "één keer"),
        # all or nothing: the first, good, item is not written either
        ([("DEKK", "4H1", "mentor"), ("DEKK", "4H2", "mentor")], [], "group", "'4H2'"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_writes_nothing(
    school: Engine,
    add: list[tuple[str, str, str]],
    remove: list[tuple[str, str, str]],
    field: str,
    message: str,
) -> None:
    before = snapshot(school, bookkeeping=True)
    with pytest.raises(LinkRejected) as raised:
        change_staff_links(
            SqlAlchemyUnitOfWork(school),
            add=[LinkRequest(*item) for item in add],
            remove=[LinkRequest(*item) for item in remove],
        )
    assert raised.value.field == field
    assert message in raised.value.message("nl")
    assert raised.value.exit_code == 2  # an InvalidValue
    assert raised.value.message("en") != raised.value.message("nl")
    assert snapshot(school, bookkeeping=True) == before


def test_staff_who_left_can_be_unlinked_but_not_linked(school: Engine) -> None:
    with SqlAlchemyUnitOfWork(school) as uow:
        uow.staff.write_many({"BERG": {"status": StaffStatus.LEFT.value}})
        uow.commit()
    with pytest.raises(LinkRejected, match="BERG is niet meer actief"):
        change_staff_links(SqlAlchemyUnitOfWork(school), add=[LinkRequest("BERG", "4H1", "docent")])
    overview = link_overview(SqlAlchemyUnitOfWork(school))
    assert "BERG" not in {s.staff_code for s in overview.active_staff}
    berg = overview.staff_member("berg")
    assert berg is not None
    assert not berg.member.active  # still shown: it is linked
    assert overview.staff_member("OUD") is None  # left and unlinked: not shown
    result = change_staff_links(
        SqlAlchemyUnitOfWork(school), remove=[LinkRequest("BERG", "4V.netl1", "docent")]
    )
    assert result.removed == (Link("BERG", "4V.netl1", TEACHER),)
    assert _links(school) == {Link("JANS", "4V1", MENTOR)}


def test_the_overview_shows_groups_staff_and_what_is_left_to_do(school: Engine) -> None:
    overview = link_overview(SqlAlchemyUnitOfWork(school))
    assert overview.school_year == YEAR.name
    assert [g.name for g in overview.groups] == ["4H1", "4V1", "4V.netl1"]
    assert [s.member.staff_code for s in overview.staff] == ["BERG", "DEKK", "JANS"]
    assert overview.label("jans") == "Piet Jansen (JANS)"
    four_v1 = overview.group("4V1")
    assert four_v1 is not None
    assert [s.staff_code for s in four_v1.mentors] == ["JANS"]
    assert four_v1.teachers == ()
    # 4V has cluster groups, so its home class needs only a mentor; 4H has none, so 4H1
    # needs a teacher too
    assert [g.name for g in overview.without_mentor] == ["4H1"]
    assert [g.name for g in overview.without_teacher] == ["4H1"]
    jans = overview.staff_member("JANS")
    assert jans is not None
    assert (jans.mentor_of, jans.teacher_of) == (("4V1",), ())

    change_staff_links(
        SqlAlchemyUnitOfWork(school),
        add=[LinkRequest("DEKK", "4H1", "mentor"), LinkRequest("BERG", "4H1", "docent")],
    )
    after = link_overview(SqlAlchemyUnitOfWork(school))
    assert after.without_mentor == ()
    assert after.without_teacher == ()
    assert after.links == 4
    berg = after.staff_member("BERG")
    assert berg is not None
    assert berg.teacher_of == ("4H1", "4V.netl1")
    assert berg.linked() == (("4H1", TEACHER), ("4V.netl1", TEACHER))
