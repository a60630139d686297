"""SIS integration (koppeling): what a roster set changes in the portal, worked out before
anything is written (pure; DESIGN.md 1 and 5).

From a :class:`~koppel.domain.roster.RosterSet` and the portal's current state (with the
``roster_ids`` it remembers) the plan says which school year, branches, departments,
groups, students, staff members, accounts, memberships and teacher/mentor links are new,
changed, deleted (groups only) or marked as left (students and staff, never deleted),
and which sourcedIds to remember. The rules live in the modules it calls:

- :mod:`koppel.domain.roster_structure`: school year, branches, departments;
- :mod:`koppel.domain.roster_people`: users' keys and fields;
- :mod:`koppel.domain.roster_groups`: classes as home classes or cluster groups;
- :mod:`koppel.domain.roster_enrollments`: memberships and links;
- :mod:`koppel.domain.roster_changes`: students, staff and accounts compared.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.accounts import Account
from koppel.domain.audit import JsonValue
from koppel.domain.groups import Group
from koppel.domain.roster import RosterSet
from koppel.domain.roster_changes import (
    PersonChanges,
    plan_accounts,
    staff_changes,
    student_changes,
)
from koppel.domain.roster_enrollments import Enrollments, plan_enrollments
from koppel.domain.roster_findings import Findings
from koppel.domain.roster_groups import Groups, plan_groups
from koppel.domain.roster_keys import RosterId, RosterIds, RosterKind
from koppel.domain.roster_people import resolve_people
from koppel.domain.roster_structure import Structure, YearChoice, plan_structure
from koppel.domain.staff_import import Link

__all__ = ["PortalState", "RosterPlan", "plan_roster"]


@dataclass(frozen=True)
class PortalState:
    """What the portal holds now, as far as a roster set can change it."""

    year: YearChoice
    """The set's school year (see :func:`~koppel.domain.roster_structure.choose_school_year`)."""
    students: Mapping[str, Mapping[str, JsonValue]]
    """student number -> state (:mod:`koppel.domain.student_import`) in ``year``."""
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
    roster_ids: RosterIds
    staff_emails: Mapping[str, str] = field(default_factory=dict)
    """e-mail address (lower case) -> staff code."""


@dataclass
class RosterPlan:
    year: YearChoice
    structure: Structure
    groups: Groups
    students: PersonChanges
    staff: PersonChanges
    accounts: list[Account]
    enrollments: Enrollments
    new_ids: list[RosterId]
    changed_ids: list[tuple[RosterId, str]]
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


def plan_roster(
    roster: RosterSet,
    state: PortalState,
    *,
    home_class_pattern: re.Pattern[str] | None = None,
    findings: Findings | None = None,
) -> RosterPlan:
    """The plan; its ``findings`` hold the errors (nothing may then be applied) and warnings."""
    found = findings if findings is not None else Findings()
    structure = plan_structure(
        roster,
        state.year,
        branches=state.branches,
        departments=state.departments,
        roster_ids=state.roster_ids,
        findings=found,
    )
    people = resolve_people(
        roster,
        state.roster_ids,
        staff_codes=state.staff,
        staff_emails=state.staff_emails,
        findings=found,
    )
    groups = plan_groups(
        roster,
        state.year.name,
        existing=state.groups,
        departments=structure.departments,
        roster_ids=state.roster_ids,
        pattern=home_class_pattern,
        findings=found,
    )
    enrollments = plan_enrollments(
        roster,
        groups,
        people,
        memberships=state.memberships,
        links=state.links,
        roster_ids=state.roster_ids,
        findings=found,
    )
    students = student_changes(
        roster,
        people,
        existing=state.students,
        departments=structure.departments,
        groups=groups,
        enrollments=enrollments,
        roster_ids=state.roster_ids,
        findings=found,
    )
    staff = staff_changes(roster, people, existing=state.staff, findings=found)
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
        *(RosterId(RosterKind.STUDENT, sid, key) for sid, key in people.student_of.items()),
        *(RosterId(RosterKind.STAFF, sid, key) for sid, key in people.staff_of.items()),
    ]
    new_ids, changed_ids = _remembered(wanted, state.roster_ids)
    return RosterPlan(
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
    wanted: list[RosterId], known: RosterIds
) -> tuple[list[RosterId], list[tuple[RosterId, str]]]:
    """The sourcedIds to remember anew, and those whose key changed (each once)."""
    new: dict[tuple[str, str], RosterId] = {}
    changed: dict[tuple[str, str], tuple[RosterId, str]] = {}
    for item in wanted:
        pair = (item.kind, item.sourced_id)
        before = known.get(pair)
        if before is None:
            new[pair] = item
        elif before != item.key:
            changed[pair] = (item, before)
    return list(new.values()), list(changed.values())
