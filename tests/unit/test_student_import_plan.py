"""The plan of a students import: new, updated per field, unchanged, absent, groups."""

from __future__ import annotations

from koppel.domain.imports.students import (
    DEFAULT_STATE,
    IncomingStudent,
    plan_student_import,
)


def _state(**fields):
    return {**DEFAULT_STATE, "first_name": "Jan", "last_name": "Berg", **fields}


EXISTING = {
    "000123": _state(department="4V", home_class="4V1"),
    "000456": _state(first_name="Ans", department="4H", home_class="4H1"),
    "000789": _state(first_name="Piet", status="left"),
    "000999": _state(first_name="Kees"),
}


def test_new_updated_unchanged_and_absent():
    rows = [
        IncomingStudent(
            2, "000123", {"first_name": "Jan", "home_class": "4V2", "department": "4V"}
        ),
        IncomingStudent(3, "000456", {"first_name": "Ans"}),
        IncomingStudent(
            4,
            "111111",
            {"first_name": "Nieuw", "last_name": "Kind", "home_class": "4V9", "department": "4V"},
        ),
    ]
    plan = plan_student_import(rows, EXISTING, existing_groups={"4V1", "4V2", "4H1"})
    assert [n.student_number for n in plan.new] == ["111111"]
    assert plan.new[0].state["last_name"] == "Kind"
    assert plan.new[0].state["lwoo"] is False
    (update,) = plan.updated
    assert update.student_number == "000123"
    assert {name: (c.before, c.after) for name, c in update.changes.items()} == {
        "home_class": ("4V1", "4V2")
    }
    assert plan.unchanged == ["000456"]
    assert plan.absent == ["000999"]  # the left student is not counted as absent
    assert plan.to_mark_left == []
    assert [(g.name, g.department_code) for g in plan.new_groups] == [("4V9", "4V")]


def test_a_file_changes_only_the_fields_it_has_columns_for():
    rows = [IncomingStudent(2, "000123", {"city": "Utrecht"})]
    (update,) = plan_student_import(rows, EXISTING, existing_groups=()).updated
    assert set(update.changes) == {"city"}


def test_a_left_student_in_the_file_becomes_active_again():
    rows = [IncomingStudent(2, "000789", {"first_name": "Piet"})]
    (update,) = plan_student_import(rows, EXISTING, existing_groups=()).updated
    assert update.changes["status"].before == "left"
    assert update.changes["status"].after == "active"


def test_absent_students_are_marked_left_only_when_asked():
    plan = plan_student_import([], EXISTING, existing_groups=(), mark_absent_left=True)
    assert plan.to_mark_left == ["000123", "000456", "000999"]
    assert not plan.is_empty
    assert plan_student_import([], EXISTING, existing_groups=()).is_empty


def test_a_new_group_is_planned_once():
    rows = [
        IncomingStudent(
            2, "1", {"home_class": "1A", "department": "1M", "first_name": "a", "last_name": "b"}
        ),
        IncomingStudent(
            3, "2", {"home_class": "1A", "department": "1M", "first_name": "c", "last_name": "d"}
        ),
    ]
    plan = plan_student_import(rows, {}, existing_groups=())
    assert len(plan.new_groups) == 1
