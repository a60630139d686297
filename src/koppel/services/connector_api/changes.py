"""The connector's writes, one item or thousands: one set of checks and one way of
writing, shared by the single routes (a new student, a home class, cluster groups) and
by an upload that holds many of each.

:class:`PortalState` reads once what the checks of all items need. ``check_*`` refuses an
item with the error the single routes give (a KoppelError) or plans it, and remembers
what an accepted item will make (a student, a group), so that later items are judged as
if the earlier ones were written already. ``write_*`` applies all plans of one kind with a
few statements and records them on the change set's recorder. Nothing here saves the
change set: the outer operation does that, once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from koppel.domain.accounts import Account, AccountKind, Role, TokenScope
from koppel.domain.audit import JsonValue
from koppel.domain.groups import Group, GroupKind
from koppel.domain.imports.students import state_of
from koppel.domain.personal import Gender, PersonalData, full_name
from koppel.domain.planning import DepartmentParticipation
from koppel.domain.school import LeadingSide, SchoolYear
from koppel.domain.students import Student, validate_student_number
from koppel.domain.text import clean_text
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.connector_api.refusals import (
    Conflict,
    StaleVersion,
    UnknownItem,
    Unprocessable,
    VersionRequired,
)
from koppel.services.connector_api.scope import check_departments, check_student
from koppel.services.connector_api.years import year_scope
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

CONNECTOR_FOLDER = "Connector"
"""The folder of groups the connector creates (the year transition deletes per folder)."""


@dataclass(frozen=True)
class NewStudentRequest:
    student_number: str
    department: str
    email: str
    personal: dict[str, str]
    """first_name, infix, last_name, gender, street, house_number, postcode, city."""
    school_year: str | None = None


@dataclass(frozen=True)
class HomeClassChange:
    student: str
    department: str
    home_class: str | None
    version: str | None
    """As ``If-Match`` says it: the student's version (``12`` or ``"12"``) or ``*``."""


@dataclass(frozen=True)
class ClusterGroupsChange:
    student: str
    groups: Sequence[str]
    version: str | None


@dataclass(frozen=True)
class PlannedStudent:
    student: Student
    account: Account
    department: str


@dataclass(frozen=True)
class PlannedHomeClass:
    student: str
    student_id: int | None
    """None for a student the same write makes."""
    department: str
    department_id: int
    before: str | None
    after: str | None


@dataclass(frozen=True)
class PlannedClusterGroups:
    student: str
    student_id: int | None
    before: list[str]
    after: list[str]


def department_code(text: str) -> str:
    return clean_text(text).upper().replace(" ", "")


@dataclass
class PortalState:
    """What the checks read, for every student and group a write names, in a fixed
    number of queries; and what the items accepted so far will make."""

    uow: SqlAlchemyUnitOfWork
    year: SchoolYear
    year_id: int
    leads: dict[str, tuple[int, str]]
    """Per department (id, who leads its home classes in the year)."""
    versions: dict[str, tuple[int, int]]
    """student number -> (id, version), of the named students that exist."""
    taking_part: dict[int, set[str]]
    groups: dict[str, tuple[str, str]]
    """name -> (kind, department code or ''), of the named groups and those to be made."""
    home_classes: dict[tuple[int, int], str]
    cluster_groups: dict[int, list[str]]
    token: TokenScope
    """The departments the token writes: every student and department an item touches
    must be in them (403 otherwise)."""
    new_students: dict[str, str] = field(default_factory=dict)
    """student number -> department, of the students this write makes."""
    new_usernames: set[str] = field(default_factory=set)
    new_groups: dict[str, Group] = field(default_factory=dict)

    @classmethod
    def read(
        cls,
        uow: SqlAlchemyUnitOfWork,
        school_year: str | None,
        *,
        students: Collection[str],
        groups: Collection[str] = (),
        token: TokenScope,
    ) -> PortalState:
        """``students`` and ``groups``: every student number and (cleaned) group name the
        write names; the school year's id is checked first (404 when unknown). Everything
        is of that year: participations, groups, memberships and who leads."""
        scope = year_scope(uow, school_year)
        year, year_id = scope.year, scope.year_id
        versions = uow.record_writes.student_versions(students)
        ids = [sid for sid, _ in versions.values()]
        taking_part: dict[int, set[str]] = {}
        for sid, code, _pct in uow.records.participations(year_id, ids):
            taking_part.setdefault(sid, set()).add(code)
        return cls(
            uow,
            year,
            year_id,
            uow.records.department_leads(scope.settings_year_id),
            versions,
            taking_part,
            uow.record_writes.groups_named(year_id, groups),
            uow.record_writes.home_classes_of(year_id, ids),
            uow.record_writes.cluster_groups_of(year_id, ids),
            token,
        )

    def current_version(self, number: str) -> int | None:
        found = self.versions.get(number)
        return None if found is None else found[1]

    def make_group(self, group: Group) -> None:
        self.new_groups[group.name] = group
        self.groups[group.name] = (group.kind.value, group.department_code or "")


# --- checks ----------------------------------------------------------------------------


def check_version(state: PortalState, number: str, version: str | None) -> int | None:
    """The student's id (None for one this write makes, whose version is 0) once it is in
    the token's scope (403 before anything else about it is told) and ``version`` is its
    current one (``*``: any)."""
    if number in state.versions and number not in state.new_students:
        found_id = state.versions[number][0]
        check_student(state.token, number, state.taking_part.get(found_id, set()))
    if version is None or not version.strip():
        raise VersionRequired
    if number in state.new_students:
        student_id, current = None, 0  # its department was checked when it was planned
    elif number in state.versions:
        student_id, current = state.versions[number]
    else:
        raise UnknownItem("api.unknown_student", student=number)
    expected = version.strip()
    if expected != "*" and expected.strip('"') != str(current):
        raise StaleVersion(number, expected, current)
    return student_id


def check_new_student(state: PortalState, new: NewStudentRequest) -> PlannedStudent:
    """A project student without a portal account: the student, its participation of 100%
    in the department, and an account (role and kind student, no password)."""
    number = validate_student_number(new.student_number)
    code = department_code(new.department)
    if code in state.leads:
        check_departments(state.token, [code])
    if number in state.versions:
        raise Conflict("api.student_exists", student=number)
    if code not in state.leads:
        raise Unprocessable("api.unknown_department", department=new.department)
    fields = dict(new.personal)
    personal = PersonalData(
        **{k: v for k, v in fields.items() if k != "gender"},
        gender=Gender(fields.get("gender") or Gender.OTHER.value),
        email=new.email,
    )
    student = Student(number, personal)
    account = Account(
        number,
        full_name(personal.first_name, personal.infix, personal.last_name),
        frozenset({Role.STUDENT}),
        AccountKind.STUDENT,
        student_number=number,
        email=personal.email,
    )
    username = account.username
    if username in state.new_usernames or state.uow.accounts.ids.find(username) is not None:
        raise Conflict("api.account_exists", username=username)
    state.new_students[number] = code
    state.new_usernames.add(username)
    return PlannedStudent(student, account, code)


def check_home_class(state: PortalState, change: HomeClassChange) -> PlannedHomeClass:
    """The student's home class in a department the project leads (``None``: none); a
    home class not yet in the portal is to be made."""
    code = department_code(change.department)
    if code in state.leads:
        check_departments(state.token, [code])
    student_id = check_version(state, change.student, change.version)
    if code not in state.leads:
        raise UnknownItem("api.unknown_department", department=change.department)
    department_id, lead = state.leads[code]
    if lead == LeadingSide.PORTAL.value:
        raise Conflict("api.portal_leads", department=code)
    taking_part = (
        {state.new_students[change.student]}
        if student_id is None
        else state.taking_part.get(student_id, set())
    )
    if code not in taking_part:
        raise Unprocessable("api.not_in_department", student=change.student, department=code)
    name = clean_text(change.home_class or "") or None
    if name is not None:
        existing = state.groups.get(name)
        if existing is None:
            kind, folder = GroupKind.HOME_CLASS, CONNECTOR_FOLDER
            state.make_group(Group(name, kind, state.year.name, code, folder=folder))
        elif existing != (GroupKind.HOME_CLASS.value, code):
            raise Unprocessable("api.not_a_home_class", group=name, department=code)
    before = None if student_id is None else state.home_classes.get((student_id, department_id))
    return PlannedHomeClass(change.student, student_id, code, department_id, before, name)


def check_cluster_groups(state: PortalState, change: ClusterGroupsChange) -> PlannedClusterGroups:
    """Exactly these cluster groups for the student; unknown ones are to be made."""
    student_id = check_version(state, change.student, change.version)
    names = sorted({clean_text(name) for name in change.groups} - {""})
    cluster = GroupKind.CLUSTER_GROUP.value
    wrong = [n for n in names if n in state.groups and state.groups[n][0] != cluster]
    if wrong:
        raise Unprocessable("api.not_a_cluster_group", group=", ".join(wrong))
    for name in names:
        if name not in state.groups:
            state.make_group(
                Group(name, GroupKind.CLUSTER_GROUP, state.year.name, folder=CONNECTOR_FOLDER)
            )
    before = [] if student_id is None else state.cluster_groups.get(student_id, [])
    return PlannedClusterGroups(change.student, student_id, list(before), names)


# --- writes ----------------------------------------------------------------------------


def write_new_students(
    state: PortalState, recorder: ChangeRecorder, plans: Sequence[PlannedStudent]
) -> None:
    if not plans:
        return
    uow = state.uow
    uow.students.add_many([plan.student for plan in plans])
    uow.planning.add_participations(
        state.year,
        [DepartmentParticipation(p.student.student_number, p.department, 100) for p in plans],
    )
    uow.accounts.add_many([plan.account for plan in plans])
    for plan in plans:
        number = plan.student.student_number
        after = state_of(plan.student, department=plan.department)
        recorder.record("student.add", "student", number, after=after)
        roles: list[JsonValue] = [Role.STUDENT.value]
        recorder.record("account.add", "account", plan.account.username, after={"roles": roles})


def write_groups(state: PortalState, recorder: ChangeRecorder) -> None:
    """Make the groups the accepted items need (home classes and cluster groups)."""
    groups = list(state.new_groups.values())
    state.uow.groups.add_many(groups)
    for group in groups:
        after: dict[str, JsonValue] = (
            {"department": group.department_code}
            if group.kind == GroupKind.HOME_CLASS
            else {"kind": group.kind.value}
        )
        recorder.record("group.add", "group", group.name, after=after)
    state.new_groups.clear()


def _student_id(state: PortalState, number: str, known: int | None) -> int:
    return known if known is not None else state.uow.students.ids.id_of(number)


def write_home_classes(
    state: PortalState, recorder: ChangeRecorder, plans: Sequence[PlannedHomeClass]
) -> int:
    """Replace the home classes that change; how many did."""
    changed = [plan for plan in plans if plan.before != plan.after]
    state.uow.record_writes.set_home_classes(
        state.year_id,
        [(_student_id(state, p.student, p.student_id), p.department_id, p.after) for p in changed],
    )
    for plan in changed:
        recorder.record(
            "student.home_class",
            "student",
            plan.student,
            before={"department": plan.department, "home_class": plan.before},
            after={"department": plan.department, "home_class": plan.after},
        )
    return len(changed)


def write_cluster_groups(
    state: PortalState, recorder: ChangeRecorder, plans: Sequence[PlannedClusterGroups]
) -> int:
    """Replace the cluster groups of the students whose groups change; how many did."""
    changed = [plan for plan in plans if plan.before != plan.after]
    state.uow.record_writes.set_cluster_groups(
        state.year_id, {_student_id(state, p.student, p.student_id): p.after for p in changed}
    )
    for plan in changed:
        recorder.record(
            "student.cluster_groups",
            "student",
            plan.student,
            before={"groups": list[JsonValue](plan.before)},
            after={"groups": list[JsonValue](plan.after)},
        )
    return len(changed)


def versions_after(uow: SqlAlchemyUnitOfWork, numbers: Collection[str]) -> dict[str, int]:
    """The students' versions now (after the change set was saved)."""
    return {
        number: version
        for number, (_, version) in uow.record_writes.student_versions(numbers).items()
    }
