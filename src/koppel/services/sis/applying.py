"""Applying an SIS plan inside the caller's transaction, in bulk, recording every change.

The audit entries are recorded in the order that undo needs reversed (newest first by
action): structure, deleted groups, new groups, students, staff, accounts, memberships
and links taken out, then put in, then the remembered sourcedIds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from koppel.domain.audit import JsonValue
from koppel.domain.imports.students import personal_of
from koppel.domain.school import SchoolYear
from koppel.domain.sis.changes import staff_member
from koppel.domain.sis.enrollments import Membership
from koppel.domain.sis.plan import SisPlan
from koppel.domain.staff import StaffLink, StaffStatus
from koppel.domain.students import Student, StudentStatus
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.services.transition.groups_delete import GROUP_DELETE
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

SCHOOL_YEAR_ADD = "school_year.add"
BRANCH_ADD = "branch.add"
DEPARTMENT_ADD = "department.add"
MEMBERSHIP_ADD = "membership.add"
MEMBERSHIP_REMOVE = "membership.remove"
SIS_ID_ADD = "roster_id.add"
SIS_ID_UPDATE = "roster_id.update"


def apply_sis_plan(uow: SqlAlchemyUnitOfWork, plan: SisPlan, recorder: ChangeRecorder) -> None:
    year = SchoolYear(plan.year.name)
    _structure(uow, plan, year, recorder)
    _groups(uow, plan, year, recorder)
    _students(uow, plan, year, recorder)
    _staff(uow, plan, recorder)
    uow.accounts.add_many(plan.accounts)
    for account in plan.accounts:
        recorder.record(
            "account.add",
            "account",
            account.username,
            after={"roles": [r.value for r in sorted(account.roles)]},
        )
    _enrollments(uow, plan, year, recorder)
    _sis_ids(uow, plan, recorder)


def _structure(
    uow: SqlAlchemyUnitOfWork, plan: SisPlan, year: SchoolYear, recorder: ChangeRecorder
) -> None:
    if plan.year.is_new:
        uow.school.add_school_year(year, is_current=plan.year.make_current)
        recorder.record(
            SCHOOL_YEAR_ADD, "school_year", year.name, after={"is_current": plan.year.make_current}
        )
    for branch in plan.structure.new_branches:
        uow.school.add_branch(branch)
        recorder.record(BRANCH_ADD, "branch", branch.code, after={"name": branch.name})
    uow.school.add_departments(plan.structure.new_departments)
    for d in plan.structure.new_departments:
        after: dict[str, JsonValue] = {
            "name": d.name,
            "year_of_study": d.year_of_study,
            "education_type": d.education_type.value,
            "branch": d.branch_code,
        }
        recorder.record(DEPARTMENT_ADD, "department", d.code, after=after)


def _groups(
    uow: SqlAlchemyUnitOfWork, plan: SisPlan, year: SchoolYear, recorder: ChangeRecorder
) -> None:
    if plan.groups.deleted:
        doomed = set(plan.groups.deleted)
        records = [r for r in uow.group_deletion.groups(year) if r.name in doomed]
        for record in records:
            recorder.record(GROUP_DELETE, "group", record.name, before=record.as_json())
        uow.group_deletion.delete(r.id for r in records)
    uow.groups.add_many(plan.groups.new)
    for group in plan.groups.new:
        after: dict[str, JsonValue] = {
            "kind": group.kind.value,
            "department": group.department_code,
            "folder": group.folder,
        }
        recorder.record("group.add", "group", group.name, after=after)


def _students(
    uow: SqlAlchemyUnitOfWork, plan: SisPlan, year: SchoolYear, recorder: ChangeRecorder
) -> None:
    new = plan.students.new
    uow.students.add_many(
        [
            Student(
                n.key,
                personal_of(n.state),
                birth_date=date.fromisoformat(str(n.state["birth_date"]))
                if n.state["birth_date"]
                else None,
                lwoo=bool(n.state["lwoo"]),
                status=StudentStatus(str(n.state["status"])),
            )
            for n in new
        ]
    )
    uow.student_states.place_new(
        year, {n.key: {"department": n.state["department"]} for n in new if n.state["department"]}
    )
    for n in new:
        recorder.record("student.add", STUDENT_ENTITY, n.key, after=n.state)
    updates: dict[str, dict[str, JsonValue]] = {
        u.key: {name: c.after for name, c in u.changes.items()} for u in plan.students.updated
    }
    for number in plan.students.absent:
        updates[number] = {"status": StudentStatus.LEFT.value}
    uow.student_states.write_many(year, updates)
    for u in plan.students.updated:
        recorder.record(
            "student.update",
            STUDENT_ENTITY,
            u.key,
            before={name: c.before for name, c in u.changes.items()},
            after={name: c.after for name, c in u.changes.items()},
        )
    for number in plan.students.absent:
        recorder.record(
            "student.update",
            STUDENT_ENTITY,
            number,
            before={"status": StudentStatus.ACTIVE.value},
            after={"status": StudentStatus.LEFT.value},
        )


def _staff(uow: SqlAlchemyUnitOfWork, plan: SisPlan, recorder: ChangeRecorder) -> None:
    members = [staff_member(n.key, n.state) for n in plan.staff.new]
    uow.staff.add_many(members)
    for member in members:
        recorder.record(
            "staff.add",
            "staff",
            member.staff_code,
            after={"first_name": member.first_name, "last_name": member.last_name},
        )
    updates: dict[str, dict[str, JsonValue]] = {
        u.key: {name: c.after for name, c in u.changes.items()} for u in plan.staff.updated
    }
    for code in plan.staff.absent:
        updates[code] = {"status": StaffStatus.LEFT.value}
    uow.staff.write_many(updates)
    for u in plan.staff.updated:
        recorder.record(
            "staff.update",
            "staff",
            u.key,
            before={name: c.before for name, c in u.changes.items()},
            after={name: c.after for name, c in u.changes.items()},
        )
    for code in plan.staff.absent:
        recorder.record(
            "staff.update",
            "staff",
            code,
            before={"status": StaffStatus.ACTIVE.value},
            after={"status": StaffStatus.LEFT.value},
        )


def _by_student(pairs: Iterable[Membership]) -> dict[str, list[JsonValue]]:
    groups: dict[str, list[JsonValue]] = defaultdict(list)
    for group, number in sorted(pairs):
        groups[number].append(group)
    return dict(sorted(groups.items()))


def _enrollments(
    uow: SqlAlchemyUnitOfWork, plan: SisPlan, year: SchoolYear, recorder: ChangeRecorder
) -> None:
    found = plan.enrollments
    uow.sis_writes.remove_memberships(year, found.removed)
    for number, groups in _by_student(found.removed).items():
        recorder.record(MEMBERSHIP_REMOVE, STUDENT_ENTITY, number, before={"groups": groups})
    removed = sorted(found.links_removed, key=lambda link: link.key)
    uow.sis_writes.remove_staff_links(year, removed)
    for link in removed:
        recorder.record("staff_link.remove", "staff_link", link.key)
    uow.sis_writes.add_memberships(year, found.added)
    for number, groups in _by_student(found.added).items():
        recorder.record(MEMBERSHIP_ADD, STUDENT_ENTITY, number, after={"groups": groups})
    added = sorted(found.links_added, key=lambda link: link.key)
    uow.groups.add_staff_links(
        year, [StaffLink(link.staff_code, link.group, link.role) for link in added]
    )
    for link in added:
        recorder.record("staff_link.add", "staff_link", link.key)


def _sis_ids(uow: SqlAlchemyUnitOfWork, plan: SisPlan, recorder: ChangeRecorder) -> None:
    """One audit entry per kind of id (key: the kind), with every sourcedId and its key:
    bookkeeping of the integration, not school data worth an entry each."""
    uow.sis_ids.add_many(plan.new_ids)
    added: dict[str, dict[str, JsonValue]] = defaultdict(dict)
    for item in plan.new_ids:
        added[item.kind][item.sourced_id] = item.key
    for kind, ids in sorted(added.items()):
        recorder.record(SIS_ID_ADD, "roster_id", kind, after={"ids": ids})
    uow.sis_ids.set_keys(item for item, _ in plan.changed_ids)
    before: dict[str, dict[str, JsonValue]] = defaultdict(dict)
    after: dict[str, dict[str, JsonValue]] = defaultdict(dict)
    for item, old in plan.changed_ids:
        before[item.kind][item.sourced_id] = old
        after[item.kind][item.sourced_id] = item.key
    for kind in sorted(after):
        recorder.record(
            SIS_ID_UPDATE,
            "roster_id",
            kind,
            before={"ids": before[kind]},
            after={"ids": after[kind]},
        )
