"""What the connector may upload (DESIGN.md section 4): new students with their account,
home classes of departments the project leads, and cluster groups.

Every write is one change set (kind ``api``, actor the token's account) with before and
after per student, so the student gets a new version and ``koppel undo`` reverses it.
Changes to an existing student name the version they were based on (``If-Match``).
A write with an ``Idempotency-Key`` stores its answer in the same transaction: a retry
gets that answer and changes nothing. Refusals change nothing and are not stored. An
answer is kept for :data:`ANSWER_KEPT` (a retry comes within minutes), then removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from koppel.domain.accounts import TokenScope
from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.connector_api import IdempotentAnswer
from koppel.domain.school import SchoolYear
from koppel.domain.text import clean_text
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.connector_api.changes import (
    ClusterGroupsChange,
    HomeClassChange,
    NewStudentRequest,
    PortalState,
    check_cluster_groups,
    check_home_class,
    check_new_student,
    versions_after,
    write_cluster_groups,
    write_groups,
    write_home_classes,
    write_new_students,
)
from koppel.services.connector_api.refusals import KeyReused
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

API_KIND = "api"
ANSWER_KEPT = timedelta(hours=24)
"""How long a write's answer is kept for a retry with its Idempotency-Key."""


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
        token_id = uow.records.token_id(request.token_name)
        key = request.idempotency_key
        now = datetime.now(UTC)
        if key is not None:
            uow.records.forget_answers(before=now - ANSWER_KEPT)
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
                IdempotentAnswer(request.request_hash, answer.status_code, answer.body),
                at=now,
            )
        uow.commit()
    return answer


def _answer(
    status: int, version: int | None, changeset: str | None, **fields: JsonValue
) -> WriteAnswer:
    return WriteAnswer(status, {**fields, "version": version or 0, "changeset": changeset})


def _save(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder, year: SchoolYear) -> str | None:
    """The change set, when anything changed."""
    if not recorder.entries:
        return None
    return recorder.save(uow, {"school_year": year.name, "students": 1})


def add_student(new: NewStudentRequest, *, token: TokenScope) -> Operation:
    """A project student without a portal account: the student, its participation of 100%
    in the department (one of ``token``'s), and an account (role and kind student, no
    password)."""

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        number = clean_text(new.student_number)
        state = PortalState.read(uow, new.school_year, students=[number], token=token)
        plan = check_new_student(state, new)
        write_new_students(state, recorder, [plan])
        changeset = _save(uow, recorder, state.year)
        number = plan.student.student_number
        return _answer(
            201,
            versions_after(uow, [number]).get(number),
            changeset,
            student=number,
            department=plan.department,
            school_year=state.year.name,
            account=plan.account.username,
        )

    return run


def set_home_class(
    student_number: str,
    department: str,
    *,
    school_year: str | None,
    home_class: str | None,
    if_match: str | None,
    token: TokenScope,
) -> Operation:
    """The student's home class in a department the project leads (``None``: none);
    a home class not yet in the portal is made. Student and department in ``token``'s
    departments."""
    change = HomeClassChange(student_number, department, home_class, if_match)

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        name = clean_text(home_class or "")
        state = PortalState.read(
            uow, school_year, students=[student_number], groups=[name] if name else [], token=token
        )
        plan = check_home_class(state, change)
        write_groups(state, recorder)
        write_home_classes(state, recorder, [plan])
        changeset = _save(uow, recorder, state.year)
        return _answer(
            200,
            versions_after(uow, [student_number]).get(student_number),
            changeset,
            student=student_number,
            department=plan.department,
            school_year=state.year.name,
            home_class=plan.after,
        )

    return run


def set_cluster_groups(
    student_number: str,
    *,
    school_year: str | None,
    groups: list[str],
    if_match: str | None,
    token: TokenScope,
) -> Operation:
    """Exactly these cluster groups for the student (one in ``token``'s departments);
    unknown ones are made."""
    change = ClusterGroupsChange(student_number, groups, if_match)

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        names = {clean_text(name) for name in groups} - {""}
        state = PortalState.read(
            uow, school_year, students=[student_number], groups=names, token=token
        )
        plan = check_cluster_groups(state, change)
        write_groups(state, recorder)
        write_cluster_groups(state, recorder, [plan])
        changeset = _save(uow, recorder, state.year)
        return _answer(
            200,
            versions_after(uow, [student_number]).get(student_number),
            changeset,
            student=student_number,
            school_year=state.year.name,
            groups=list[JsonValue](plan.after),
        )

    return run


# --- undo ------------------------------------------------------------------------------


def _undo_home_classes(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    restored: dict[tuple[int, int], str | None] = {}
    for entry in reversed(entries):  # the oldest entry of a student's department wins
        before = entry.before or {}
        key = (
            uow.students.ids.id_of(entry.key),
            uow.school.department_ids.id_of(str(before["department"])),
        )
        restored[key] = None if before.get("home_class") is None else str(before["home_class"])
    uow.record_writes.set_home_classes(
        uow.school.school_year_ids.id_of(year.name),
        [(sid, did, name) for (sid, did), name in restored.items()],
    )


def _undo_cluster_groups(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    restored: dict[int, list[str]] = {}
    for entry in reversed(entries):  # the oldest entry of a student wins
        groups = (entry.before or {}).get("groups") or []
        assert isinstance(groups, list)
        restored[uow.students.ids.id_of(entry.key)] = [str(g) for g in groups]
    uow.record_writes.set_cluster_groups(uow.school.school_year_ids.id_of(year.name), restored)


RECORD_UNDOERS = {
    "student.home_class": _undo_home_classes,
    "student.cluster_groups": _undo_cluster_groups,
}
"""How ``koppel undo`` reverses the API's own audit actions (see services.undo); the
students, accounts and groups the API adds are undone by the undoers of those actions."""
