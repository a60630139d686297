"""How ``koppel undo`` reverses the SIS import's own audit actions (added to
:data:`koppel.services.audit.undo.UNDOERS`); students, staff, accounts, groups and links are
undone by the undoers of those actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from koppel.domain.audit import AuditEntry
from koppel.domain.school import SchoolYear
from koppel.domain.sis.keys import SisId
from koppel.services.sis.applying import (
    BRANCH_ADD,
    DEPARTMENT_ADD,
    MEMBERSHIP_ADD,
    MEMBERSHIP_REMOVE,
    SCHOOL_YEAR_ADD,
    SIS_ID_ADD,
    SIS_ID_UPDATE,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def _pairs(entries: list[AuditEntry], side: str) -> Iterator[tuple[str, str]]:
    for entry in entries:
        values: Mapping[str, Any] = (entry.after if side == "after" else entry.before) or {}
        for group in values.get("groups") or []:
            yield str(group), entry.key


def _undo_membership_adds(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.sis_writes.remove_memberships(year, list(_pairs(entries, "after")))


def _undo_membership_removals(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.sis_writes.add_memberships(year, list(_pairs(entries, "before")))


def _ids(entry: AuditEntry, side: str) -> list[SisId]:
    values: Mapping[str, Any] = (entry.after if side == "after" else entry.before) or {}
    return [SisId(entry.key, str(sid), str(key)) for sid, key in values["ids"].items()]


def _undo_id_adds(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    uow.sis_ids.remove(
        (item.kind, item.sourced_id) for entry in entries for item in _ids(entry, "after")
    )


def _undo_id_updates(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.sis_ids.set_keys(item for entry in entries for item in _ids(entry, "before"))


def _undo_school_years(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.sis_writes.remove_school_years(entry.key for entry in entries)


def _undo_branches(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    uow.sis_writes.remove_branches(entry.key for entry in entries)


def _undo_departments(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.sis_writes.remove_departments(entry.key for entry in entries)


SIS_UNDOERS: dict[str, Callable[[SqlAlchemyUnitOfWork, SchoolYear, list[AuditEntry]], None]] = {
    SCHOOL_YEAR_ADD: _undo_school_years,
    BRANCH_ADD: _undo_branches,
    DEPARTMENT_ADD: _undo_departments,
    MEMBERSHIP_ADD: _undo_membership_adds,
    MEMBERSHIP_REMOVE: _undo_membership_removals,
    SIS_ID_ADD: _undo_id_adds,
    SIS_ID_UPDATE: _undo_id_updates,
}
