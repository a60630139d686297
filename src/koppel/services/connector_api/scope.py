"""Least privilege for the connector's API: a token reads and writes only the students
and groups of its departments (a scheduler's token: those of its project; an
administrator's: the whole school; see :func:`koppel.domain.access.token_scope`).

A student is in a token's scope when it takes part in one of the token's departments in
the school year of the request, as a page of records counts it. Asking for a department
outside the scope, or writing anything that touches a student or a department outside
it, is refused as a whole (403, :class:`OutOfScope`): nothing is read or written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from koppel.domain.accounts import TokenScope
from koppel.domain.audit import AuditEntry
from koppel.domain.school import SchoolYear
from koppel.services.audit.change_sets import STUDENT_ENTITY
from koppel.services.connector_api.refusals import OutOfScope
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def allowed(scope: TokenScope) -> str:
    """The scope's departments for a message."""
    return ", ".join(sorted(scope.departments or ())) or "-"


def check_departments(scope: TokenScope, codes: Iterable[str]) -> None:
    """403 when any of these (known) departments is outside the scope."""
    outside = scope.outside(codes)
    if outside:
        raise OutOfScope(
            "api.department_out_of_scope", departments=", ".join(outside), allowed=allowed(scope)
        )


def check_student(scope: TokenScope, number: str, taking_part: Collection[str]) -> None:
    """403 when the student takes part in none of the scope's departments."""
    if not scope.covers_any(taking_part):
        raise OutOfScope("api.student_out_of_scope", student=number, allowed=allowed(scope))


def _departments_named(entries: Iterable[AuditEntry]) -> set[str]:
    found: set[str] = set()
    for entry in entries:
        for values in (entry.before or {}, entry.after or {}):
            code = values.get("department")
            if isinstance(code, str) and code:
                found.add(code)
    return found


UndoGuard = Callable[[SqlAlchemyUnitOfWork, SchoolYear, list[AuditEntry]], None]


def undo_guard(scope: TokenScope, changeset: str) -> UndoGuard:
    """Checks, inside the undo's transaction, that every student and department the
    change set touches is in the scope; refuses the whole undo otherwise."""

    def guard(uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]) -> None:
        if scope.whole_school:
            return
        numbers = {entry.key for entry in entries if entry.entity == STUDENT_ENTITY}
        year_id = uow.school.school_year_ids.id_of(year.name)
        found = uow.record_writes.student_versions(numbers)
        taking_part: dict[int, set[str]] = {}
        for sid, code, _pct in uow.records.participations(
            year_id, [sid for sid, _ in found.values()]
        ):
            taking_part.setdefault(sid, set()).add(code)
        students_in = all(
            number in found and scope.covers_any(taking_part.get(found[number][0], ()))
            for number in numbers
        )
        if not students_in or scope.outside(_departments_named(entries)):
            raise OutOfScope(
                "api.changeset_out_of_scope", changeset=changeset, allowed=allowed(scope)
            )

    return guard
