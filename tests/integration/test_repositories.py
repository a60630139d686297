"""Repositories on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError

from koppel.domain.accounts import Account, Role
from koppel.domain.errors import AlreadyExists, NotFound
from koppel.domain.groups import GroupMembership
from koppel.domain.students import StudentStatus
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.fixtures import NEXT, NUMBERS, YEAR, build_small_school, student


def _count(engine: Engine, table: t.Table) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table)) or 0


def test_students_round_trip_as_text_with_leading_zeros(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        found = uow.students.get("000123")
        assert found.student_number == "000123"
        assert found.personal.postcode == "1234 AB"
        assert found.personal.sort_name == "Achternaam0, Jan van den"
        assert {s.student_number for s in uow.students.list()} == set(NUMBERS)
        in_4v = {
            s.student_number for s in uow.students.list(department_code="4v", year_name=YEAR.name)
        }
        assert in_4v == {"000123", "004567", "012345"}


def test_duplicate_student_number_is_refused_and_nothing_is_written(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow, pytest.raises(AlreadyExists):
        uow.students.add_many([student("999999"), student("000123")])
    assert _count(engine, t.students) == len(NUMBERS)


def test_unit_of_work_rolls_back_without_commit(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.students.add_many([student("555555")])
    with SqlAlchemyUnitOfWork(engine) as uow, pytest.raises(NotFound):
        uow.students.get("555555")


def test_deleting_a_group_never_deletes_students(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.groups.delete(YEAR, ["4V1", "4V.netl1"]) == 2
        uow.commit()
    assert _count(engine, t.students) == len(NUMBERS)
    assert _count(engine, t.staff_members) == 2
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert [g.name for g in uow.groups.list(YEAR)] == ["4H1"]
        assert uow.groups.members(YEAR, "4H1") == ["012345", "100001"]
        assert uow.groups.count_memberships() == 2
        assert uow.groups.count_staff_links() == 0
        # last year's planning data stays linked to the students
        assert len(uow.planning.prognoses(NEXT)) == 2
        assert len(uow.planning.package_choices(YEAR)) == 1


def test_the_foreign_keys_themselves_cascade_groups_and_protect_students(engine: Engine):
    """Plain SQL, no repository: the database's own rules."""
    build_small_school(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM groups"))
    assert _count(engine, t.group_memberships) == 0
    assert _count(engine, t.staff_links) == 0
    assert _count(engine, t.students) == len(NUMBERS)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("DELETE FROM students WHERE student_number = '000123'"))
    assert _count(engine, t.students) == len(NUMBERS)


def test_database_refuses_a_second_home_class_in_one_department(engine: Engine):
    build_small_school(engine)
    from koppel.domain.groups import Group, GroupKind

    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.groups.add_many([Group("4V2", GroupKind.HOME_CLASS, YEAR.name, "4V")])
        with pytest.raises(IntegrityError):
            uow.groups.add_memberships(YEAR, [GroupMembership("4V2", "000123")])


def test_planning_data_round_trips(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        prognoses = {p.student_number: p for p in uow.planning.prognoses(NEXT)}
        assert str(prognoses["012345"]) == "4H 50 / 4V 50"
        assert prognoses["012345"].round == 2
        assert prognoses["012345"].comment == "twijfel"
        (choice,) = uow.planning.package_choices(YEAR)
        assert choice.profile == "NT"
        assert choice.exemptions == {"lo"}
        assert "wisb" in choice.subjects
        shares = {
            (p.student_number, p.department_code): p.percentage
            for p in uow.planning.participations(YEAR)
        }
        assert shares[("012345", "4H")] == 50


def test_accounts_keep_roles_and_team_leader_departments(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        leader = uow.accounts.get("JANS")
        assert leader.roles == {Role.TEACHER, Role.TEAM_LEADER}
        assert leader.departments == {"4H", "4V"}
        assert leader.staff_code == "JANS"
        assert leader.leads_department("4v")
        assert uow.accounts.get("000123").student_number == "000123"
        assert uow.accounts.password_hash("beheerder") == "hash"
        assert uow.accounts.password_hash("jans") is None
        duplicate = Account("jans", "Dubbel", frozenset({Role.TEACHER}))
        with pytest.raises(AlreadyExists):
            uow.accounts.add_many([duplicate])


def test_mark_left_and_count_by_status(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.students.mark_left(["100001"]) == 1
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        counts = uow.students.count_by_status()
        assert counts == {StudentStatus.ACTIVE: 3, StudentStatus.LEFT: 1}
        assert uow.students.get("100001").status is StudentStatus.LEFT


def test_school_years_settings_and_departments(engine: Engine):
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.school.current_school_year() == YEAR
        assert [y.name for y in uow.school.school_years()] == [YEAR.name, NEXT.name]
        assert uow.school.department("4v").home_class_lead.value == "project"
        uow.school.set_setting("student_number_width", 6)
        uow.school.set_setting("student_number_width", 7)
        assert uow.school.setting("student_number_width") == 7
        assert uow.school.setting("missing", "default") == "default"
