"""SIS integration (koppeling): what an SIS set changes in the portal, worked out before
anything is written (pure; DESIGN.md 1 and 5).

From a :class:`~koppel.domain.sis.sets.SisSet` and the portal's current state (with the
``sis_ids`` it remembers) the plan says which school year, branches, departments,
groups, students, staff members, accounts, memberships and teacher/mentor links are new,
changed, deleted (groups only) or marked as left (students and staff, never deleted),
and which sourcedIds to remember. The rules live in the modules it calls:

- :mod:`koppel.domain.sis.structure`: school year, branches, departments;
- :mod:`koppel.domain.sis.people`: users' keys and fields;
- :mod:`koppel.domain.sis.groups`: classes as home classes or cluster groups;
- :mod:`koppel.domain.sis.enrollments`: memberships and links;
- :mod:`koppel.domain.sis.changes`: students, staff and accounts compared.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.accounts import Account
from koppel.domain.audit import JsonValue
from koppel.domain.groups import Group
from koppel.domain.imports.staff import Link
from koppel.domain.sis.changes import (
    PersonChanges,
    plan_accounts,
    staff_changes,
    student_changes,
)
from koppel.domain.sis.deletions import (
    MENTOR_LETTER,
    STUDENT_LETTER,
    complete_deletions,
    parse_enrollment_key,
)
from koppel.domain.sis.enrollments import Enrollments, plan_enrollments
from koppel.domain.sis.export_format import sourced_id
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.groups import Groups, plan_groups
from koppel.domain.sis.keys import SisId, SisIds, SisKind
from koppel.domain.sis.people import resolve_people
from koppel.domain.sis.sets import SisSet
from koppel.domain.sis.structure import Structure, YearChoice, plan_structure
from koppel.domain.staff import StaffRole

__all__ = ["PortalState", "SisPlan", "plan_sis_import"]


@dataclass(frozen=True)
class PortalState:
    """What the portal holds now, as far as an SIS set can change it."""

    year: YearChoice
    """The set's school year (see :func:`~koppel.domain.sis.structure.choose_school_year`)."""
    students: Mapping[str, Mapping[str, JsonValue]]
    """student number -> state (:mod:`koppel.domain.imports.students`) in ``year``."""
    staff: Mapping[str, Mapping[str, JsonValue]]
    groups: Mapping[str, Group]
    """The groups of ``year`` by name."""
    memberships: Mapping[str, Collection[str]]
    """group name -> student numbers, in ``year``."""
    links: Collection[Link]
    branches: Mapping[str, str]
    """branch code -> name."""
    departments: Collection[str]
    usernames: Collection[str]
    sis_ids: SisIds
    staff_emails: Mapping[str, str] = field(default_factory=dict)
    """e-mail address (lower case) -> staff code."""


@dataclass
class SisPlan:
    year: YearChoice
    structure: Structure
    groups: Groups
    students: PersonChanges
    staff: PersonChanges
    accounts: list[Account]
    enrollments: Enrollments
    new_ids: list[SisId]
    changed_ids: list[tuple[SisId, str]]
    """The new key of a remembered sourcedId, with the key it had."""
    others: int
    """Users koppel does not keep (guardians, parents): counted, skipped."""
    findings: Findings

    @property
    def is_empty(self) -> bool:
        return not (
            self.year.is_new
            or self.structure.new_branches
            or self.structure.new_departments
            or self.groups.new
            or self.groups.deleted
            or not self.students.is_empty
            or not self.staff.is_empty
            or self.accounts
            or self.enrollments.added
            or self.enrollments.removed
            or self.enrollments.links_added
            or self.enrollments.links_removed
            or self.new_ids
            or self.changed_ids
        )


def plan_sis_import(
    sis_set: SisSet,
    state: PortalState,
    *,
    home_class_pattern: re.Pattern[str] | None = None,
    findings: Findings | None = None,
    student_number: str | None = None,
) -> SisPlan:
    """The plan; its ``findings`` hold the errors (nothing may then be applied) and warnings.
    ``student_number``: the field that gives a student's number (see
    :func:`~koppel.domain.sis.keys.student_number_field`); None for the default."""
    found = findings if findings is not None else Findings()
    sis_set = complete_deletions(
        sis_set, state.sis_ids, students=state.students, staff=state.staff, findings=found
    )
    structure = plan_structure(
        sis_set,
        state.year,
        branches=state.branches,
        departments=state.departments,
        sis_ids=state.sis_ids,
        findings=found,
    )
    people = resolve_people(
        sis_set,
        state.sis_ids,
        staff_codes=state.staff,
        staff_emails=state.staff_emails,
        findings=found,
        student_number=student_number,
    )
    groups = plan_groups(
        sis_set,
        state.year.name,
        existing=state.groups,
        departments=structure.departments,
        sis_ids=state.sis_ids,
        pattern=home_class_pattern,
        findings=found,
    )
    enrollments = plan_enrollments(
        sis_set,
        groups,
        people,
        memberships=state.memberships,
        links=state.links,
        sis_ids=state.sis_ids,
        year=state.year.name,
        findings=found,
    )
    students = student_changes(
        sis_set,
        people,
        existing=state.students,
        departments=structure.departments,
        groups=groups,
        enrollments=enrollments,
        sis_ids=state.sis_ids,
        findings=found,
    )
    staff = staff_changes(sis_set, people, existing=state.staff, findings=found)
    accounts = plan_accounts(
        people,
        students,
        staff,
        usernames=state.usernames,
        mentors=enrollments.mentors,
        findings=found,
    )
    wanted = [
        *structure.ids,
        *groups.ids,
        *enrollments.ids,
        *(SisId(SisKind.STUDENT, sid, key) for sid, key in people.student_of.items()),
        *(SisId(SisKind.STAFF, sid, key) for sid, key in people.staff_of.items()),
    ]
    new_ids, changed_ids = _remembered(wanted, state)
    return SisPlan(
        year=state.year,
        structure=structure,
        groups=groups,
        students=students,
        staff=staff,
        accounts=accounts,
        enrollments=enrollments,
        new_ids=new_ids,
        changed_ids=changed_ids,
        others=len(people.others),
        findings=found,
    )


def _remembered(
    wanted: list[SisId], state: PortalState
) -> tuple[list[SisId], list[tuple[SisId, str]]]:
    """The sourcedIds to remember anew, and those whose key changed (each once).

    koppel's own sourcedId (of its OneRoster export) for something the portal already
    holds is not remembered: the portal derives it from the key again, so its export
    read back into the portal it came from writes nothing. Another portal remembers
    them as any set's, with the things they bring."""
    own_groups = {
        item.sourced_id
        for item in wanted
        if item.kind == SisKind.GROUP and _own_and_held(item, state)
    }
    new: dict[tuple[str, str], SisId] = {}
    changed: dict[tuple[str, str], tuple[SisId, str]] = {}
    for item in wanted:
        pair = (item.kind, item.sourced_id)
        before = state.sis_ids.get(pair)
        if before is None:
            if not _own_and_held(item, state, own_groups):
                new[pair] = item
        elif before != item.key:
            changed[pair] = (item, before)
    return list(new.values()), list(changed.values())


def _own_and_held(item: SisId, state: PortalState, own_groups: Collection[str] = ()) -> bool:
    """Whether ``item`` is koppel's own sourcedId for a thing the portal holds (a
    group's id includes its school year; so does an enrollment's, with its role)."""
    year = state.year.name
    if item.kind == SisKind.GROUP:
        return item.key in state.groups and item.sourced_id == sourced_id(item.kind, year, item.key)
    if item.kind == SisKind.GROUP_YEAR:
        return item.key == year and item.sourced_id in own_groups
    if item.kind == SisKind.ENROLLMENT:
        return _own_enrollment(item, state)
    held: Collection[str] = {
        SisKind.STUDENT: state.students,
        SisKind.STAFF: state.staff,
        SisKind.BRANCH: state.branches,
        SisKind.DEPARTMENT: state.departments,
        SisKind.SCHOOL_YEAR: () if state.year.is_new else (year,),
    }.get(item.kind, ())
    return item.key in held and item.sourced_id == sourced_id(item.kind, item.key)


def _own_enrollment(item: SisId, state: PortalState) -> bool:
    """koppel's export names a membership ``enrollment/year/group/student/number`` and a
    link ``.../teacher|mentor/code``: its own id for a membership or link the portal holds."""
    parsed = parse_enrollment_key(item.key)
    if parsed is None:
        return False
    letter, group, who = parsed
    if letter == STUDENT_LETTER:
        role, held = "student", who in state.memberships.get(group, ())
    else:
        role = StaffRole.MENTOR if letter == MENTOR_LETTER else StaffRole.TEACHER
        held = Link(who, group, role) in state.links
        role = role.value
    return held and item.sourced_id == sourced_id("enrollment", state.year.name, group, role, who)
