"""What the connector may upload (DESIGN.md section 4): new students with their account,
home classes of departments the project leads, and cluster groups.

Every write is one change set (kind ``api``, actor the token's account) with before and
after per student, so the student gets a new version and ``koppel undo`` reverses it.
Changes to an existing student name the version they were based on (``If-Match``).
A write with an ``Idempotency-Key`` stores its answer in the same transaction: a retry
gets that answer and changes nothing. Refusals change nothing and are not stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.groups import Group, GroupKind
from koppel.domain.personal import Gender, PersonalData, full_name
from koppel.domain.planning import DepartmentParticipation
from koppel.domain.school import LeadingSide, SchoolYear
from koppel.domain.student_import import state_of
from koppel.domain.students import Student, validate_student_number
from koppel.domain.text import clean_text
from koppel.services.changes import ChangeRecorder
from koppel.services.record_errors import (
    Conflict,
    KeyReused,
    StaleVersion,
    UnknownItem,
    Unprocessable,
    VersionRequired,
)
from koppel.services.records import school_year_id
from koppel.store.repositories.records import StoredAnswer
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

API_KIND = "api"
CONNECTOR_FOLDER = "Connector"
"""The folder of groups the connector creates (the year transition deletes per folder)."""


@dataclass(frozen=True)
class WriteAnswer:
    status_code: int
    body: dict[str, JsonValue]
    replayed: bool = False

    @property
    def version(self) -> int:
        return int(str(self.body["version"]))


@dataclass(frozen=True)
class WriteRequest:
    """Who writes, and how a retry is recognised."""

    token_name: str
    actor: str
    request_hash: str
    idempotency_key: str | None = None


Operation = Callable[[SqlAlchemyUnitOfWork, ChangeRecorder], WriteAnswer]


def perform(uow: SqlAlchemyUnitOfWork, request: WriteRequest, operation: Operation) -> WriteAnswer:
    """Run ``operation`` once per Idempotency-Key, in one transaction with its answer."""
    with uow:
        uow.records.lock_for_write()
        token_id = uow.records.token_id(request.token_name)
        key = request.idempotency_key
        if key is not None:
            stored = uow.records.stored_answer(token_id, key)
            if stored is not None:
                if stored.request_hash != request.request_hash:
                    raise KeyReused(key)
                return WriteAnswer(stored.status_code, stored.body, replayed=True)
        answer = operation(uow, ChangeRecorder(API_KIND, actor=request.actor))
        if key is not None:
            uow.records.store_answer(
                token_id,
                key,
                StoredAnswer(request.request_hash, answer.status_code, answer.body),
                at=datetime.now(UTC),
            )
        uow.commit()
    return answer


def check_version(uow: SqlAlchemyUnitOfWork, student_number: str, if_match: str | None) -> int:
    """The student's id once ``If-Match`` names its current version (``*``: any)."""
    if if_match is None or not if_match.strip():
        raise VersionRequired
    student_id = uow.students.ids.find(student_number)
    if student_id is None:
        raise UnknownItem("api.unknown_student", student=student_number)
    current = uow.records.version_of(student_number) or 0
    expected = if_match.strip()
    if expected != "*" and expected.strip('"') != str(current):
        raise StaleVersion(student_number, expected, current)
    return student_id


def _year(uow: SqlAlchemyUnitOfWork, name: str | None) -> tuple[SchoolYear, int]:
    return school_year_id(uow, name)


def _department(uow: SqlAlchemyUnitOfWork, code: str) -> tuple[str, int, str]:
    """(code, id, lead) of a department; 404 when there is none."""
    leads = uow.records.department_leads()
    normalised = clean_text(code).upper().replace(" ", "")
    if normalised not in leads:
        raise UnknownItem("api.unknown_department", department=code)
    department_id, lead = leads[normalised]
    return normalised, department_id, lead


def _answer(
    status: int, version: int | None, changeset: str | None, **fields: JsonValue
) -> WriteAnswer:
    return WriteAnswer(status, {**fields, "version": version or 0, "changeset": changeset})


# --- new students ----------------------------------------------------------------------


@dataclass(frozen=True)
class NewStudentRequest:
    student_number: str
    department: str
    email: str
    personal: dict[str, str]
    """first_name, infix, last_name, gender, street, house_number, postcode, city."""
    school_year: str | None = None


def add_student(new: NewStudentRequest) -> Operation:
    """A project student without a portal account: the student, its participation of 100%
    in the department, and an account (role and kind student, no password)."""

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        year, _year_id = _year(uow, new.school_year)
        number = validate_student_number(new.student_number)
        if uow.students.ids.find(number) is not None:
            raise Conflict("api.student_exists", student=number)
        code = clean_text(new.department).upper().replace(" ", "")
        if code not in uow.records.department_leads():
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
        if uow.accounts.ids.find(account.username) is not None:
            raise Conflict("api.account_exists", username=account.username)
        uow.students.add_many([student])
        uow.planning.add_participations(year, [DepartmentParticipation(number, code, 100)])
        uow.accounts.add_many([account])
        recorder.record("student.add", "student", number, after=state_of(student, department=code))
        recorder.record(
            "account.add", "account", account.username, after={"roles": [Role.STUDENT.value]}
        )
        recorder.save(uow, {"school_year": year.name, "students": 1})
        return _answer(
            201,
            uow.records.version_of(number),
            recorder.id,
            student=number,
            department=code,
            school_year=year.name,
            account=account.username,
        )

    return run


# --- home classes ----------------------------------------------------------------------


def set_home_class(
    student_number: str,
    department: str,
    *,
    school_year: str | None,
    home_class: str | None,
    if_match: str | None,
) -> Operation:
    """The student's home class in a department the project leads (``None``: none);
    a home class not yet in the portal is made."""

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        year, year_id = _year(uow, school_year)
        student_id = check_version(uow, student_number, if_match)
        code, department_id, lead = _department(uow, department)
        if lead == LeadingSide.PORTAL.value:
            raise Conflict("api.portal_leads", department=code)
        taking_part = {c for _, c, _ in uow.records.participations(year_id, [student_id])}
        if code not in taking_part:
            raise Unprocessable("api.not_in_department", student=student_number, department=code)
        name = clean_text(home_class or "") or None
        if name is not None:
            existing = uow.records.groups_named(year_id, [name])
            if name not in existing:
                uow.groups.add_many(
                    [Group(name, GroupKind.HOME_CLASS, year.name, code, folder=CONNECTOR_FOLDER)]
                )
                recorder.record("group.add", "group", name, after={"department": code})
            elif existing[name] != (GroupKind.HOME_CLASS.value, code):
                raise Unprocessable("api.not_a_home_class", group=name, department=code)
        before = uow.records.home_class_of(year_id, student_id, department_id)
        changeset = None
        if before != name:
            uow.records.set_home_class(year_id, student_id, department_id, name)
            recorder.record(
                "student.home_class",
                "student",
                student_number,
                before={"department": code, "home_class": before},
                after={"department": code, "home_class": name},
            )
            changeset = recorder.save(uow, {"school_year": year.name, "students": 1})
        return _answer(
            200,
            uow.records.version_of(student_number),
            changeset,
            student=student_number,
            department=code,
            school_year=year.name,
            home_class=name,
        )

    return run


# --- cluster groups --------------------------------------------------------------------


def set_cluster_groups(
    student_number: str, *, school_year: str | None, groups: list[str], if_match: str | None
) -> Operation:
    """Exactly these cluster groups for the student; unknown ones are made."""

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        year, year_id = _year(uow, school_year)
        student_id = check_version(uow, student_number, if_match)
        names = sorted({clean_text(name) for name in groups} - {""})
        existing = uow.records.groups_named(year_id, names)
        wrong = [n for n, (kind, _) in existing.items() if kind != GroupKind.CLUSTER_GROUP.value]
        if wrong:
            raise Unprocessable("api.not_a_cluster_group", group=", ".join(sorted(wrong)))
        missing = [name for name in names if name not in existing]
        uow.groups.add_many(
            [Group(n, GroupKind.CLUSTER_GROUP, year.name, folder=CONNECTOR_FOLDER) for n in missing]
        )
        for name in missing:
            recorder.record(
                "group.add", "group", name, after={"kind": GroupKind.CLUSTER_GROUP.value}
            )
        before = uow.records.cluster_groups_of(year_id, student_id)
        changeset = None
        if before != names:
            uow.records.set_cluster_groups(year_id, student_id, names)
            recorder.record(
                "student.cluster_groups",
                "student",
                student_number,
                before={"groups": list[JsonValue](before)},
                after={"groups": list[JsonValue](names)},
            )
            changeset = recorder.save(uow, {"school_year": year.name, "students": 1})
        return _answer(
            200,
            uow.records.version_of(student_number),
            changeset,
            student=student_number,
            school_year=year.name,
            groups=list[JsonValue](names),
        )

    return run


# --- undo ------------------------------------------------------------------------------


def _undo_home_classes(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    year_id = uow.school.school_year_ids.id_of(year.name)
    for entry in reversed(entries):
        before = entry.before or {}
        uow.records.set_home_class(
            year_id,
            uow.students.ids.id_of(entry.key),
            uow.school.department_ids.id_of(str(before["department"])),
            None if before.get("home_class") is None else str(before["home_class"]),
        )


def _undo_cluster_groups(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    year_id = uow.school.school_year_ids.id_of(year.name)
    for entry in reversed(entries):
        groups = (entry.before or {}).get("groups") or []
        assert isinstance(groups, list)
        uow.records.set_cluster_groups(
            year_id, uow.students.ids.id_of(entry.key), [str(g) for g in groups]
        )


RECORD_UNDOERS = {
    "student.home_class": _undo_home_classes,
    "student.cluster_groups": _undo_cluster_groups,
}
"""How ``koppel undo`` reverses the API's own audit actions (see services.undo)."""
