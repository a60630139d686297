"""What an SIS set changes in koppel's students, staff and accounts (pure).

Students and staff are compared field by field with the portal (only the fields the set
gives). A bulk users file is the whole school: active students and staff it leaves out
are *absent* and marked as left, never deleted; a delta file changes only its rows.
A student's department is ``ext_koppel_department``, else that of the home class it
joins (when its department does not hold that one yet). New students and staff who are
active get an account (the set's username, else its e-mail, else koppel's key); never a
password.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.field_changes import FieldChange, field_changes
from koppel.domain.groups import GroupKind
from koppel.domain.imports.students import DEFAULT_STATE
from koppel.domain.personal import full_name, names_or_unknown
from koppel.domain.sis.enrollments import Enrollments
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.groups import Groups
from koppel.domain.sis.keys import SisIds, department_codes, username_for
from koppel.domain.sis.people import People, demographics_by_key, person_values
from koppel.domain.sis.sets import Entity, FileMode, Origin, RecordStatus, SisSet, SisUser
from koppel.domain.staff import StaffMember, StaffStatus
from koppel.domain.students import StudentStatus
from koppel.domain.text import clean_text

STAFF_DEFAULTS: dict[str, JsonValue] = {
    "first_name": "",
    "infix": "",
    "last_name": "",
    "email": "",
    "status": StaffStatus.ACTIVE.value,
}


@dataclass(frozen=True, slots=True)
class NewPerson:
    row: int | None
    key: str
    state: dict[str, JsonValue]


@dataclass(frozen=True, slots=True)
class PersonUpdate:
    row: int | None
    key: str
    changes: dict[str, FieldChange]


@dataclass
class PersonChanges:
    new: list[NewPerson] = field(default_factory=list)
    updated: list[PersonUpdate] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    """Active in the portal, left out of a bulk users file: marked as left."""

    @property
    def leaving(self) -> int:
        """Active ones that become left: the absent, and those the set says left."""
        turned = sum(
            1
            for u in self.updated
            if "status" in u.changes and u.changes["status"].after != StudentStatus.ACTIVE.value
        )
        return len(self.absent) + turned

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.updated or self.absent)


Incoming = dict[str, tuple[Origin | None, dict[str, JsonValue]]]
"""key -> (the row it came from, the fields the set gives)."""


def compare(incoming: Incoming, existing: Mapping[str, Mapping[str, JsonValue]]) -> PersonChanges:
    """New, updated and unchanged by key."""
    found = PersonChanges()
    for key, (origin, values) in incoming.items():
        row = origin.row if origin else None
        current = existing.get(key)
        if current is None:
            found.new.append(NewPerson(row, key, dict(values)))
            continue
        changes = field_changes(current, values)
        if changes:
            found.updated.append(PersonUpdate(row, key, changes))
        else:
            found.unchanged.append(key)
    return found


def _gone_already(user: SisUser) -> bool:
    """A student the portal does not know and whom the SIS lists as gone (to be deleted,
    or disabled): not made, so a student forgotten by ``koppel privacy forget-left`` does
    not come back from an SIS that keeps its leavers. koppel's own export says
    ``ext_koppel_status=left`` explicitly: those are made (as left), for a move of the
    whole portal."""
    if user.status is RecordStatus.TO_BE_DELETED:
        return True
    return not user.enabled and not clean_text(user.ext.get("status", ""))


def _absent(existing: Mapping[str, Mapping[str, JsonValue]], in_set: Collection[str]) -> list[str]:
    wanted = set(in_set)
    return sorted(
        key
        for key, state in existing.items()
        if key not in wanted and state.get("status") == StudentStatus.ACTIVE.value
    )


def student_changes(
    sis_set: SisSet,
    people: People,
    *,
    existing: Mapping[str, Mapping[str, JsonValue]],
    departments: Collection[str],
    groups: Groups,
    enrollments: Enrollments,
    sis_ids: SisIds,
    findings: Findings,
) -> PersonChanges:
    incoming: Incoming = {
        number: (user.origin, person_values(user, findings, departments=departments))
        for number, user in people.students.items()
        if number in existing or not _gone_already(user)
    }
    for number, (row, extra) in demographics_by_key(sis_set, people, sis_ids, findings).items():
        if number in incoming:
            incoming[number][1].update(extra)
        elif number in existing:
            incoming[number] = (row, extra)
        else:
            findings.warning(row, "userSourcedId", "roster.plan.unknown_user", user=number)
    _departments_from_home_classes(incoming, existing, groups, enrollments)
    for number, (origin, values) in incoming.items():
        if number not in existing:
            incoming[number] = (origin, {**DEFAULT_STATE, **values})
            _name_unknown(origin, incoming[number][1], findings)
    found = compare(incoming, existing)
    if sis_set.mode(Entity.USERS) is FileMode.BULK:
        found.absent = _absent(existing, people.students)
    return found


def _departments_from_home_classes(
    incoming: Incoming,
    existing: Mapping[str, Mapping[str, JsonValue]],
    groups: Groups,
    enrollments: Enrollments,
) -> None:
    joined: dict[str, set[str]] = {}
    for group, number in enrollments.added:
        info = groups.info[group]
        if info.kind is GroupKind.HOME_CLASS:
            joined.setdefault(number, set()).add(info.department)
    for number, found in joined.items():
        values = incoming.setdefault(number, (None, {}))[1]
        if "department" in values or len(found) != 1:
            continue
        (department,) = found
        current = str((existing.get(number) or {}).get("department") or "")
        if department not in department_codes(current):
            values["department"] = department


def _name_unknown(origin: Origin | None, state: dict[str, JsonValue], findings: Findings) -> None:
    """A new person without a given or family name gets the portal's 'naam onbekend'
    (:func:`~koppel.domain.personal.names_or_unknown`) and a warning naming the column;
    the other fields were checked as they were read (e-mail) or are empty (address), so
    the personal data is valid."""
    first, last = str(state.get("first_name") or ""), str(state.get("last_name") or "")
    if clean_text(first) and clean_text(last):
        return
    column = "givenName" if not clean_text(first) else "familyName"
    state["first_name"], state["last_name"] = names_or_unknown(first, last)
    shown = full_name(str(state["first_name"]), "", str(state["last_name"]))
    findings.warning(origin, column, "roster.plan.name_unknown", name=shown)


def staff_changes(
    sis_set: SisSet,
    people: People,
    *,
    existing: Mapping[str, Mapping[str, JsonValue]],
    findings: Findings,
) -> PersonChanges:
    incoming: Incoming = {}
    for code, user in people.staff.items():
        if code not in existing and user.status is RecordStatus.TO_BE_DELETED:
            continue  # leaving, and never here: nothing to do
        values = person_values(user, findings, student=False)
        if code not in existing:
            values = {**STAFF_DEFAULTS, **values}
            _name_unknown(user.origin, values, findings)
            try:
                staff_member(code, values)
            except InvalidValue as error:
                column = "givenName" if not values.get("first_name") else "familyName"
                findings.invalid(user.origin, column, error)
        incoming[code] = (user.origin, values)
    found = compare(incoming, existing)
    if sis_set.mode(Entity.USERS) is FileMode.BULK:
        found.absent = _absent(existing, people.staff)
    return found


def staff_member(code: str, state: Mapping[str, JsonValue]) -> StaffMember:
    return StaffMember(
        code,
        str(state["first_name"] or ""),
        str(state["last_name"] or ""),
        infix=str(state["infix"] or ""),
        email=str(state["email"] or ""),
        status=StaffStatus(str(state["status"])),
    )


def plan_accounts(
    people: People,
    students: PersonChanges,
    staff: PersonChanges,
    *,
    usernames: Collection[str],
    mentors: Collection[str],
    findings: Findings,
) -> list[Account]:
    """An account for every new student and staff member who is active."""
    taken = set(usernames)
    accounts: list[Account] = []
    for changes, users, kind in (
        (students, people.students, AccountKind.STUDENT),
        (staff, people.staff, AccountKind.STAFF),
    ):
        for new in changes.new:
            if new.state["status"] != StudentStatus.ACTIVE.value or new.key not in users:
                continue
            user = users[new.key]
            username = username_for((user.username, user.email, new.key), taken)
            if not username:
                findings.warning(user.origin, "username", "roster.plan.no_username", key=new.key)
                continue
            try:
                account = _account(username, new, kind, mentors)
            except InvalidValue as error:  # a rule of the account the set's row breaks
                findings.invalid(user.origin, "username", error)
                continue
            taken.add(username)
            accounts.append(account)
    return accounts


def _account(username: str, new: NewPerson, kind: AccountKind, mentors: Collection[str]) -> Account:
    state = new.state
    name = full_name(str(state["first_name"]), str(state["infix"] or ""), str(state["last_name"]))
    if kind is AccountKind.STUDENT:
        roles = frozenset({Role.STUDENT})
    else:
        roles = frozenset({Role.TEACHER, *([Role.MENTOR] if new.key in mentors else [])})
    return Account(
        username,
        name,
        roles,
        kind,
        student_number=new.key if kind is AccountKind.STUDENT else "",
        staff_code=new.key if kind is AccountKind.STAFF else "",
        email=str(state["email"] or ""),
    )
