"""Editing planning data as team leader, mentor and student, on SQLite and PostgreSQL:
every change is audited with before and after, gives the student a new version, and can
be undone; a wrong field writes nothing; scope is checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine

from koppel.domain.accounts import Account, Role
from koppel.domain.errors import InvalidValue, NotAllowed, NotFound
from koppel.domain.school import LeadingSide
from koppel.services.audit.undo import undo_changeset
from koppel.services.demo.build import build_demo_school
from koppel.services.planning.department_view import (
    PrognosisFilter,
    SortKey,
    ViewQuery,
    department_view,
)
from koppel.services.planning.edits import EditRejected, PlanningEdit, edit_students
from koppel.services.planning.people_views import (
    choose_own_package,
    edit_mentee_prognosis,
    mentor_view,
    student_view,
)
from koppel.services.school_settings import SchoolSettings, save_school_settings
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.snapshot import snapshot

TODAY = date(2026, 11, 23)


@pytest.fixture
def school(engine: Engine) -> Engine:
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=300, seed=7, today=TODAY)
    return engine


def _leader(*departments: str) -> Account:
    return Account(
        "leider", "Team Leider", frozenset({Role.TEAM_LEADER}), departments=frozenset(departments)
    )


def _numbers(engine: Engine, code: str) -> list[str]:
    with SqlAlchemyUnitOfWork(engine) as uow:
        year = uow.school.current_school_year()
        return [
            s.student_number for s in uow.students.list(department_code=code, year_name=year.name)
        ]


def _versions(engine: Engine, numbers: list[str]) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            t.students.select().where(t.students.c.student_number.in_(numbers))
        ).mappings()
        return {row["student_number"]: row["version"] for row in rows}


def test_a_team_leader_changes_prognosis_lwoo_home_class_and_package(school: Engine):
    number = _numbers(school, "4M")[0]
    leader = _leader("4M")
    before = department_view(SqlAlchemyUnitOfWork(school), leader, "4M", ViewQuery()).rows
    old_version = _versions(school, [number])[number]
    with SqlAlchemyUnitOfWork(school) as uow:
        classes = uow.student_planning.home_class_names(uow.school.current_school_year(), "4M")
    edit = PlanningEdit(
        prognosis="4H 60 / 5H 40",
        round="3",
        comment="Twijfel",
        lwoo=True,
        home_class=classes[-1],
        subjects="ne en wi netl",
        exemptions="netl",
    )
    result = edit_students(SqlAlchemyUnitOfWork(school), leader, "4M", [number], edit)
    assert result.changed == 1
    assert result.changeset is not None
    view = department_view(SqlAlchemyUnitOfWork(school), leader, "4M", ViewQuery(search=number))
    row = next(r for r in view.rows if r.student_number == number)
    assert (row.prognosis, row.round, row.comment) == ("4H 60 / 5H 40", 3, "Twijfel")
    assert row.lwoo is True
    assert row.home_class == classes[-1]
    assert row.subjects == ("en", "ne", "netl", "wi")
    assert row.exemptions == ("netl",)
    assert _versions(school, [number])[number] > old_version
    with SqlAlchemyUnitOfWork(school) as uow:
        entries = uow.audit.of_changeset(result.changeset)
    assert {e.action for e in entries} >= {"prognosis.set", "lwoo.set", "package_choice.set"}
    assert all(e.actor == "leider" and e.key == number for e in entries)
    prognosis = next(e for e in entries if e.action == "prognosis.set")
    assert prognosis.after is not None
    assert prognosis.after["prognosis"] == "4H 60 / 5H 40"

    undo_changeset(SqlAlchemyUnitOfWork(school), result.changeset)
    assert department_view(SqlAlchemyUnitOfWork(school), leader, "4M", ViewQuery()).rows == before


def test_a_wrong_field_writes_nothing_and_names_the_field(school: Engine):
    numbers = _numbers(school, "4V")[:3]
    before = snapshot(school, bookkeeping=True)
    with pytest.raises(EditRejected) as raised:
        edit_students(
            SqlAlchemyUnitOfWork(school),
            _leader("4V"),
            "4V",
            numbers,
            PlanningEdit(prognosis="5V 60 / 5H 30", lwoo=True, subjects="ne", exemptions="wi"),
        )
    assert set(raised.value.errors) == {"prognosis", "exemptions"}
    assert "90" in raised.value.errors["prognosis"].message("nl")
    assert snapshot(school, bookkeeping=True) == before


def test_bulk_edit_changes_every_selected_student_in_one_change_set(school: Engine):
    numbers = _numbers(school, "4H")[:5]
    result = edit_students(
        SqlAlchemyUnitOfWork(school),
        _leader("4H"),
        "4H",
        numbers,
        PlanningEdit(prognosis="5H", round="2"),
    )
    view = department_view(SqlAlchemyUnitOfWork(school), _leader("4H"), "4H", ViewQuery())
    chosen = [r for r in view.rows if r.student_number in numbers]
    assert [(r.prognosis, r.round) for r in chosen] == [("5H", 2)] * 5
    assert result.changed + result.unchanged == 5
    again = edit_students(
        SqlAlchemyUnitOfWork(school),
        _leader("4H"),
        "4H",
        numbers,
        PlanningEdit(prognosis="5H", round="2"),
    )
    assert (again.changeset, again.changed) == (None, 0)


def test_team_leaders_stay_inside_their_departments(school: Engine):
    other = _numbers(school, "6V")[0]
    with pytest.raises(NotAllowed):
        edit_students(
            SqlAlchemyUnitOfWork(school), _leader("4V"), "6V", [other], PlanningEdit(lwoo=True)
        )
    with pytest.raises(NotFound):  # a student of another department, through one's own
        edit_students(
            SqlAlchemyUnitOfWork(school), _leader("4V"), "4V", [other], PlanningEdit(lwoo=True)
        )
    with pytest.raises(NotAllowed):
        department_view(SqlAlchemyUnitOfWork(school), _leader("4V"), "6V", ViewQuery())


def test_home_classes_are_edited_only_where_the_portal_leads(school: Engine):
    with SqlAlchemyUnitOfWork(school) as uow:
        project_led = next(
            d for d in uow.school.departments() if d.home_class_lead is LeadingSide.PROJECT
        )
    number = _numbers(school, project_led.code)[0]
    leader = _leader(project_led.code)
    with pytest.raises(NotAllowed):
        edit_students(
            SqlAlchemyUnitOfWork(school),
            leader,
            project_led.code,
            [number],
            PlanningEdit(home_class=""),
        )
    view = department_view(SqlAlchemyUnitOfWork(school), leader, project_led.code, ViewQuery())
    assert view.may_edit
    assert not view.may_edit_home_classes


def test_lwoo_is_hidden_from_schedulers_and_reading_it_is_logged(school: Engine):
    scheduler = Account("rooster", "Roostermaker", frozenset({Role.SCHEDULER}))
    view = department_view(SqlAlchemyUnitOfWork(school), scheduler, "4V", ViewQuery())
    assert not view.shows_lwoo
    assert {row.lwoo for row in view.rows} == {None}
    department_view(SqlAlchemyUnitOfWork(school), _leader("4V"), "4V", ViewQuery())
    with SqlAlchemyUnitOfWork(school) as uow:
        reads = [e for e in uow.audit.latest(limit=10) if e.action == "read"]
    assert len(reads) == 1
    assert (reads[0].actor, reads[0].entity, reads[0].key) == ("leider", "department", "4V")
    assert reads[0].after is not None
    assert reads[0].after["fields"] == ["lwoo"]
    assert reads[0].before is None


def test_filters_search_and_sort(school: Engine):
    leader = _leader("4V")
    everyone = department_view(SqlAlchemyUnitOfWork(school), leader, "4V", ViewQuery())
    undecided = department_view(
        SqlAlchemyUnitOfWork(school), leader, "4V", ViewQuery(prognosis=PrognosisFilter.UNDECIDED)
    )
    assert all(" / " in r.prognosis for r in undecided.rows)
    assert undecided.matching < everyone.matching
    by_number = department_view(
        SqlAlchemyUnitOfWork(school), leader, "4V", ViewQuery(sort=SortKey.NUMBER, descending=True)
    )
    numbers = [r.student_number for r in by_number.rows]
    assert numbers == sorted(numbers, reverse=True)
    first = everyone.rows[0]
    found = department_view(
        SqlAlchemyUnitOfWork(school), leader, "4V", ViewQuery(search=first.sort_name.split(",")[0])
    )
    assert first.student_number in {r.student_number for r in found.rows}
    klas = first.home_class
    in_class = department_view(
        SqlAlchemyUnitOfWork(school), leader, "4V", ViewQuery(home_class=klas)
    )
    assert {r.home_class for r in in_class.rows} == {klas}


def _mentor(engine: Engine) -> Account:
    with SqlAlchemyUnitOfWork(engine) as uow:
        year = uow.school.current_school_year()
        link = next(link for link in uow.groups.staff_links(year) if link.role.value == "mentor")
    return Account("mentor1", "Mentor", frozenset({Role.MENTOR}), staff_code=link.staff_code)


def test_a_mentor_edits_prognoses_only_where_the_school_allows(school: Engine):
    mentor = _mentor(school)
    view = mentor_view(SqlAlchemyUnitOfWork(school), mentor)
    assert view.groups
    assert not view.may_edit_prognoses
    mentee = view.groups[0].members[0].student_number
    target = f"{view.groups[0].department_code[0]}X"
    with pytest.raises(NotAllowed):
        edit_mentee_prognosis(
            SqlAlchemyUnitOfWork(school), mentor, mentee, PlanningEdit(prognosis=target)
        )
    save_school_settings(
        SqlAlchemyUnitOfWork(school), SchoolSettings(mentors_edit_prognoses=True), actor="admin"
    )
    with SqlAlchemyUnitOfWork(school) as uow:
        next_department = next(
            d.code
            for d in uow.school.departments()
            if d.year_of_study == int(view.groups[0].department_code[0]) + 1
        )
    result = edit_mentee_prognosis(
        SqlAlchemyUnitOfWork(school),
        mentor,
        mentee,
        PlanningEdit(prognosis=next_department, lwoo=True),
    )
    assert result.changed == 1
    after = mentor_view(SqlAlchemyUnitOfWork(school), mentor)
    row = next(m for g in after.groups for m in g.members if m.student_number == mentee)
    assert row.prognosis == next_department
    with SqlAlchemyUnitOfWork(school) as uow:
        actions = {e.action for e in uow.audit.of_changeset(result.changeset or "")}
    assert actions == {"prognosis.set"}  # the mentor's LWOO value was ignored
    stranger = _numbers(school, "6V")[0]
    with pytest.raises(NotFound):
        edit_mentee_prognosis(
            SqlAlchemyUnitOfWork(school), mentor, stranger, PlanningEdit(prognosis=next_department)
        )


def _student_account(engine: Engine, code: str) -> Account:
    number = _numbers(engine, code)[0]
    return Account(number, "Leerling", frozenset({Role.STUDENT}), student_number=number)


def test_a_student_chooses_its_package_only_while_the_window_is_open(school: Engine):
    student = _student_account(school, "4V")
    with pytest.raises(InvalidValue) as closed:
        choose_own_package(SqlAlchemyUnitOfWork(school), student, "4V", frozenset({"ne"}), TODAY)
    assert closed.value.code == "choice_window.closed"
    with SqlAlchemyUnitOfWork(school) as uow:
        department = uow.school.department("4V")
        uow.school.update_department(
            replace(
                department,
                choice_opens_on=date(2026, 11, 1),
                choice_closes_on=date(2026, 11, 30),
                subjects=frozenset({"ne", "en", "wi", "netl", "bi"}),
            )
        )
        uow.commit()
    result = choose_own_package(
        SqlAlchemyUnitOfWork(school), student, "4V", frozenset({"ne", "en", "bi"}), TODAY
    )
    assert result.changed == 1
    view = student_view(SqlAlchemyUnitOfWork(school), student, TODAY)
    package = next(p for p in view.packages if p.department.code == "4V")
    assert package.window_open
    assert package.choice is not None
    assert package.choice.subjects == {"ne", "en", "bi"}
    with pytest.raises(EditRejected) as unknown:
        choose_own_package(
            SqlAlchemyUnitOfWork(school), student, "4V", frozenset({"ne", "la"}), TODAY
        )
    assert "la" in unknown.value.errors["subjects"].message("nl")
    with pytest.raises(InvalidValue):
        choose_own_package(
            SqlAlchemyUnitOfWork(school), student, "4V", frozenset({"ne"}), date(2026, 12, 1)
        )
    with pytest.raises(NotAllowed):  # not its department
        choose_own_package(SqlAlchemyUnitOfWork(school), student, "6V", frozenset({"ne"}), TODAY)


def test_a_student_sees_its_own_address_and_the_read_is_logged(school: Engine):
    student = _student_account(school, "4V")
    view = student_view(SqlAlchemyUnitOfWork(school), student, TODAY)
    assert view.shows_address
    assert view.student.student_number == student.student_number
    assert view.groups
    with SqlAlchemyUnitOfWork(school) as uow:
        read = uow.audit.latest(limit=1)[0]
    assert (read.action, read.key, read.after) == (
        "read",
        student.student_number,
        {"fields": ["address"]},
    )
    teacher = Account("docent1", "Docent", frozenset({Role.TEACHER}), staff_code="ABCD")
    with pytest.raises(NotAllowed):
        student_view(SqlAlchemyUnitOfWork(school), teacher, TODAY)
