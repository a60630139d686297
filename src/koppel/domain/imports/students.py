"""Inlezen deelnemers: what a students file would change, worked out before anything is
written. Pure: the service gives it the parsed rows and the portal's current state.

A student's *state* is a flat mapping of the fields an import can set (personal data,
birth date, LWOO, status, and this year's department and home class). A file only
changes the fields it has a column for; students absent from the file are reported and
marked as left only on an explicit decision; students are never deleted.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.field_changes import FieldChange, field_changes
from koppel.domain.personal import Gender, PersonalData
from koppel.domain.students import Student, StudentStatus

StudentState = dict[str, JsonValue]

PERSONAL_FIELDS = (
    "first_name",
    "infix",
    "last_name",
    "gender",
    "street",
    "house_number",
    "postcode",
    "city",
    "email",
)
STUDENT_FIELDS = (*PERSONAL_FIELDS, "birth_date", "lwoo", "status", "department", "home_class")
DEFAULT_STATE: StudentState = {
    **dict.fromkeys(PERSONAL_FIELDS, ""),
    "gender": Gender.OTHER.value,
    "birth_date": None,
    "lwoo": False,
    "status": StudentStatus.ACTIVE.value,
    "department": "",
    "home_class": "",
}


def state_of(student: Student, *, department: str = "", home_class: str = "") -> StudentState:
    p = student.personal
    return {
        "first_name": p.first_name,
        "infix": p.infix,
        "last_name": p.last_name,
        "gender": p.gender.value,
        "street": p.street,
        "house_number": p.house_number,
        "postcode": p.postcode,
        "city": p.city,
        "email": p.email,
        "birth_date": student.birth_date.isoformat() if student.birth_date else None,
        "lwoo": student.lwoo,
        "status": student.status.value,
        "department": department,
        "home_class": home_class,
    }


def personal_of(state: Mapping[str, JsonValue], *, previous_home_class: str = "") -> PersonalData:
    """The personal data in ``state`` (validated: raises InvalidValue)."""
    return PersonalData(
        **{name: str(state[name] or "") for name in PERSONAL_FIELDS if name != "gender"},
        gender=Gender(str(state["gender"] or Gender.OTHER.value)),
        previous_home_class=previous_home_class,
    )


@dataclass(frozen=True, slots=True)
class IncomingStudent:
    """One parsed row of a students file: only the fields the file has columns for."""

    row: int
    student_number: str
    values: Mapping[str, JsonValue]


@dataclass(frozen=True, slots=True)
class NewStudent:
    row: int
    student_number: str
    state: StudentState


@dataclass(frozen=True, slots=True)
class StudentUpdate:
    row: int
    student_number: str
    changes: dict[str, FieldChange]


@dataclass(frozen=True, slots=True)
class NewGroup:
    name: str
    department_code: str


@dataclass(frozen=True)
class StudentImportPlan:
    new: list[NewStudent] = field(default_factory=list)
    updated: list[StudentUpdate] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    """Active students of the portal that the file does not mention."""
    to_mark_left: list[str] = field(default_factory=list)
    new_groups: list[NewGroup] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.updated or self.to_mark_left or self.new_groups)


def plan_student_import(
    incoming: Sequence[IncomingStudent],
    existing: Mapping[str, StudentState],
    *,
    existing_groups: Collection[str],
    mark_absent_left: bool = False,
) -> StudentImportPlan:
    """Compare the file's rows with the portal's students, field by field."""
    plan = StudentImportPlan()
    seen: set[str] = set()
    planned_groups: dict[str, NewGroup] = {}
    for row in incoming:
        seen.add(row.student_number)
        current = existing.get(row.student_number)
        if current is None:
            state = {**DEFAULT_STATE, **row.values, "status": StudentStatus.ACTIVE.value}
            plan.new.append(NewStudent(row.row, row.student_number, state))
        else:
            wanted = {**row.values, "status": StudentStatus.ACTIVE.value}
            changes = field_changes(current, wanted)
            if changes:
                plan.updated.append(StudentUpdate(row.row, row.student_number, changes))
            else:
                plan.unchanged.append(row.student_number)
        group = str(row.values.get("home_class") or "")
        if group and group not in existing_groups and group not in planned_groups:
            planned_groups[group] = NewGroup(group, str(row.values.get("department") or ""))
    plan.new_groups.extend(planned_groups.values())
    plan.absent.extend(
        sorted(
            number
            for number, state in existing.items()
            if number not in seen and state.get("status") == StudentStatus.ACTIVE.value
        )
    )
    if mark_absent_left:
        plan.to_mark_left.extend(plan.absent)
    return plan
