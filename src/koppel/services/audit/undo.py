"""Undo (``koppel undo CHANGESET``): restore exactly what was there before a change set.

Only the newest applied change set can be undone (undo newer ones first); undoing is
itself a change set, and undoing twice changes nothing the second time. Through the API
(:func:`undo_own_changeset`) a token undoes only the API's change sets of its own account,
and only those that touch nothing outside the token's departments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from koppel.domain.accounts import TokenScope
from koppel.domain.audit import AuditEntry
from koppel.domain.errors import InvalidValue, NotFound, RefusedBySafetyRule
from koppel.domain.imports.staff import Link
from koppel.domain.school import SchoolYear
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.connector_api.refusals import Conflict, NotYours, UnknownItem
from koppel.services.connector_api.scope import UndoGuard, undo_guard
from koppel.services.connector_api.writes import API_KIND, RECORD_UNDOERS
from koppel.services.planning.undo import PLANNING_UNDOERS
from koppel.services.school_years.next_departments import NEXT_DEPARTMENT_UNDOERS
from koppel.services.school_years.prepare import PREPARE_UNDOERS
from koppel.services.school_years.switch import SWITCH_UNDOERS
from koppel.services.sis.undo import SIS_UNDOERS
from koppel.services.transition.groups_delete import GROUPS_DELETE_UNDOERS
from koppel.services.transition.staff_departure import STAFF_DEPARTURE_UNDOERS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

Undoer = Callable[[SqlAlchemyUnitOfWork, SchoolYear, list[AuditEntry]], None]


def _undo_student_adds(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.student_states.remove(year, [entry.key for entry in entries])


def _undo_student_updates(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.student_states.write_many(year, {e.key: dict(e.before or {}) for e in entries})


def _undo_group_adds(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.groups.delete(year, [entry.key for entry in entries])


def _undo_staff_adds(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.staff.remove([entry.key for entry in entries])


def _undo_staff_updates(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.staff.write_many({e.key: dict(e.before or {}) for e in entries})


def _undo_account_adds(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.accounts.remove([entry.key for entry in entries])


def _undo_link_adds(uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]) -> None:
    uow.groups.remove_staff_links(year, [Link.from_key(entry.key) for entry in entries])


UNDOERS: dict[str, Undoer] = {
    "staff.add": _undo_staff_adds,
    "staff.update": _undo_staff_updates,
    "account.add": _undo_account_adds,
    "staff_link.add": _undo_link_adds,
    "student.add": _undo_student_adds,
    "student.update": _undo_student_updates,
    "group.add": _undo_group_adds,
    **PLANNING_UNDOERS,
    **RECORD_UNDOERS,
    **STAFF_DEPARTURE_UNDOERS,
    **GROUPS_DELETE_UNDOERS,
    **SIS_UNDOERS,
    **PREPARE_UNDOERS,
    **NEXT_DEPARTMENT_UNDOERS,
    **SWITCH_UNDOERS,
}
"""Per audit action, how to reverse a batch of its entries. Reversed in the opposite
order of first appearance, so later writes are undone before earlier ones."""


@dataclass(frozen=True)
class UndoResult:
    changeset: str
    undo_changeset: str | None
    reversed: int
    written: bool

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.undo_changeset,
            "undone": self.changeset,
            "reversed": self.reversed,
        }


def newest_standing_changeset(uow: SqlAlchemyUnitOfWork) -> str | None:
    """The newest change set that stands: the only one undo accepts."""
    with uow:
        latest = uow.changesets.latest_applied()
    return None if latest is None else latest.id


def undo_changeset(
    uow: SqlAlchemyUnitOfWork,
    changeset_id: str,
    *,
    actor: str = COMMAND_LINE_ACTOR,
    guard: UndoGuard | None = None,
) -> UndoResult:
    """``guard`` may refuse the undo once the change set's entries are read, in the same
    transaction (nothing is written then)."""
    with uow:
        record = uow.changesets.get(changeset_id)
        if record.is_undone:
            return UndoResult(changeset_id, None, 0, written=False)
        if record.kind == "undo":
            raise InvalidValue("undo.of_undo", changeset=changeset_id)
        latest = uow.changesets.latest_applied()
        if latest is not None and latest.id != record.id:
            raise RefusedBySafetyRule("undo.not_latest", changeset=changeset_id, newer=latest.id)
        year = SchoolYear(str(record.summary["school_year"]))
        entries = uow.audit.of_changeset(changeset_id)
        batches: dict[str, list[AuditEntry]] = {}
        for entry in entries:
            if entry.action not in UNDOERS:
                raise InvalidValue("undo.unknown_action", action=entry.action)
            batches.setdefault(entry.action, []).append(entry)
        if guard is not None:
            guard(uow, year, entries)
        for action in reversed(list(batches)):
            UNDOERS[action](uow, year, batches[action])
        uow.versions.stamp_students(e.key for e in entries if e.entity == STUDENT_ENTITY)
        recorder = ChangeRecorder("undo", actor=actor)
        recorder.record(
            "changeset.undo", "changeset", changeset_id, after={"entries": len(entries)}
        )
        recorder.save(uow, {"undone": changeset_id, "school_year": year.name})
        uow.changesets.mark_undone(changeset_id, at=recorder.at, by=recorder.id)
        uow.commit()
    return UndoResult(changeset_id, recorder.id, len(entries), written=True)


def undo_own_changeset(
    uow: SqlAlchemyUnitOfWork,
    changeset_id: str,
    *,
    actor: str,
    scope: TokenScope,
) -> UndoResult:
    """Undo through the API: only a change set of kind ``api`` that ``actor`` made (403
    otherwise; 404 when there is none), touching only students and departments in
    ``scope`` (403), and only the newest (409 naming the newer one)."""
    with uow:
        try:
            record = uow.changesets.get(changeset_id)
        except NotFound:
            raise UnknownItem("api.unknown_changeset", changeset=changeset_id) from None
    if record.kind != API_KIND or record.actor != actor:
        raise NotYours("api.changeset_not_yours", changeset=changeset_id, actor=actor)
    try:
        return undo_changeset(uow, changeset_id, actor=actor, guard=undo_guard(scope, changeset_id))
    except RefusedBySafetyRule as error:
        if error.code != "undo.not_latest":
            raise
        raise Conflict("api.undo_not_latest", **error.params) from error
