"""Undoing planning edits (``koppel undo``): each entry's ``before`` is put back."""

from __future__ import annotations

from collections import defaultdict

from koppel.domain.audit import AuditEntry
from koppel.domain.planning import PackageChoice, Prognosis, parse_shares
from koppel.domain.school import SchoolYear
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def _undo_prognoses(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    for entry in entries:
        before = dict(entry.before or {})
        year = SchoolYear(str(before["school_year"]))
        text = str(before.get("prognosis") or "")
        prognosis = (
            Prognosis(
                entry.key,
                parse_shares(text),
                round=int(str(before.get("round") or 1)),
                comment=str(before.get("comment") or ""),
            )
            if text
            else None
        )
        uow.student_planning.set_prognosis(year, entry.key, prognosis)


def _undo_lwoo(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    for entry in entries:
        uow.student_planning.set_lwoo(entry.key, bool((entry.before or {}).get("lwoo")))


def _undo_home_classes(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    for entry in entries:
        before = dict(entry.before or {})
        uow.student_planning.set_home_class(
            SchoolYear(str(before["school_year"])),
            entry.key,
            str(before["department"]),
            str(before.get("home_class") or "") or None,
        )


def _undo_package_choices(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    restored: dict[SchoolYear, dict[tuple[str, str], PackageChoice | None]] = defaultdict(dict)
    for entry in entries:
        before = dict(entry.before or {})
        code = str(before["department"])
        subjects = before.get("subjects") or []
        exemptions = before.get("exemptions") or []
        assert isinstance(subjects, list)
        assert isinstance(exemptions, list)
        choice = (
            PackageChoice(
                entry.key,
                code,
                frozenset(str(s) for s in subjects),
                frozenset(str(s) for s in exemptions),
                profile=str(before.get("profile") or ""),
            )
            if subjects
            else None
        )
        restored[SchoolYear(str(before["school_year"]))][(entry.key, code)] = choice
    for year, choices in restored.items():
        uow.student_planning.set_package_choices(year, choices)


PLANNING_UNDOERS = {
    "prognosis.set": _undo_prognoses,
    "lwoo.set": _undo_lwoo,
    "home_class.set": _undo_home_classes,
    "package_choice.set": _undo_package_choices,
}
