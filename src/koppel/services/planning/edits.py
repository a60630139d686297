"""Changing planning data from the portal's pages: prognosis, LWOO, home class and
package choice of one student or of a selection, as one audited change set.

Every field is checked first and nothing is written when one is wrong: the errors come
back per field, so a page can show them next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import partial

from koppel.domain.access import may_edit_home_classes, may_edit_planning
from koppel.domain.accounts import Account
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue, KoppelError, NotAllowed, NotFound
from koppel.domain.planning import DepartmentShare, PackageChoice, Prognosis, parse_shares
from koppel.domain.school import Department, SchoolYear
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class PlanningEdit:
    """What a form changes: ``None`` leaves a field as it is; an empty text clears it."""

    prognosis: str | None = None
    round: str | None = None
    comment: str | None = None
    lwoo: bool | None = None
    home_class: str | None = None
    subjects: str | None = None
    exemptions: str | None = None

    @property
    def touches_home_class(self) -> bool:
        return self.home_class is not None

    @property
    def touches_planning(self) -> bool:
        planning = (self.prognosis, self.round, self.comment, self.lwoo, self.subjects)
        return any(value is not None for value in (*planning, self.exemptions))


class EditRejected(KoppelError):
    """One or more fields are wrong; ``errors`` maps the field to its error."""

    exit_code = 2

    def __init__(self, errors: Mapping[str, KoppelError]) -> None:
        super().__init__("edit.rejected", fields=", ".join(errors))
        self.errors = dict(errors)


@dataclass(frozen=True)
class EditResult:
    changeset: str | None
    changed: int
    """How many students changed (a student whose values were already so is not counted)."""
    unchanged: int = 0
    fields: tuple[str, ...] = field(default_factory=tuple)


def split_subjects(text: str) -> frozenset[str]:
    """``ne, en wi`` -> {ne, en, wi}: commas, semicolons and spaces separate subjects."""
    return frozenset(part.lower() for part in text.replace(",", " ").replace(";", " ").split())


def _round(text: str, current: int) -> int:
    if not text.strip():
        return current
    if not text.strip().isdigit() or int(text) < 1:
        raise InvalidValue("round.number", value=text.strip())
    return int(text)


def _check_subjects(department: Department, subjects: frozenset[str]) -> None:
    unknown = subjects - department.subjects if department.subjects else frozenset()
    if unknown:
        raise InvalidValue(
            "package.unknown_subject",
            subjects=", ".join(sorted(unknown)),
            department=department.code,
            allowed=", ".join(sorted(department.subjects)),
        )


def _prognosis_json(prognosis: Prognosis | None, year: SchoolYear) -> dict[str, JsonValue]:
    return {
        "school_year": year.name,
        "prognosis": str(prognosis) if prognosis else "",
        "round": prognosis.round if prognosis else None,
        "comment": prognosis.comment if prognosis else "",
    }


def choice_json(choice: PackageChoice | None, department: str) -> dict[str, JsonValue]:
    subjects: list[JsonValue] = [*sorted(choice.subjects)] if choice else []
    exemptions: list[JsonValue] = [*sorted(choice.exemptions)] if choice else []
    return {
        "department": department,
        "subjects": subjects,
        "exemptions": exemptions,
        "profile": choice.profile if choice else "",
    }


def next_school_year(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> SchoolYear:
    """The year prognoses forecast; added when the school has not got it yet."""
    following = year.next()
    if following not in uow.school.school_years():
        uow.school.add_school_year(following)
        uow.school.school_year_ids.forget()
    return following


class _Editor:
    """Works out the change of each student, then writes them all, or nothing."""

    def __init__(
        self, uow: SqlAlchemyUnitOfWork, department: Department, recorder: ChangeRecorder
    ) -> None:
        self.uow = uow
        self.department = department
        self.recorder = recorder
        self.year = uow.school.current_school_year()
        self.next_year = next_school_year(uow, self.year)
        self.errors: dict[str, KoppelError] = {}
        self.pending: list[Callable[[], None]] = []

    def prognosis(self, numbers: list[str], edit: PlanningEdit) -> None:
        if edit.prognosis is None and edit.round is None and edit.comment is None:
            return
        current = self.uow.student_planning.prognoses_of(self.next_year, numbers)
        for number in numbers:
            old = current.get(number)
            text = edit.prognosis if edit.prognosis is not None else (old.text if old else "")
            shares: tuple[DepartmentShare, ...] | None = None
            round_: int | None = None
            try:
                shares = parse_shares(text) if text.strip() else ()
            except KoppelError as error:
                self.errors.setdefault("prognosis", error)
            try:
                round_ = _round(edit.round or "", old.round if old else 1)
            except KoppelError as error:
                self.errors.setdefault("round", error)
            if shares is None:
                return
            comment = edit.comment if edit.comment is not None else (old.comment if old else "")
            try:
                new = (
                    Prognosis(number, shares, round=round_ or 1, comment=comment)
                    if shares
                    else None
                )
            except KoppelError as error:
                self.errors.setdefault("prognosis", error)
                return
            if round_ is None:
                return
            if new != old:
                self._write(
                    "prognosis.set",
                    number,
                    _prognosis_json(old, self.next_year),
                    _prognosis_json(new, self.next_year),
                    partial(self.uow.student_planning.set_prognosis, self.next_year, number, new),
                )

    def lwoo(self, numbers: list[str], lwoo: bool | None) -> None:
        if lwoo is None:
            return
        current = self.uow.student_planning.lwoo_of(numbers)
        for number in numbers:
            old = current[number]
            if old != lwoo:
                self._write(
                    "lwoo.set",
                    number,
                    {"lwoo": old},
                    {"lwoo": lwoo},
                    partial(self.uow.student_planning.set_lwoo, number, lwoo),
                )

    def home_class(self, numbers: list[str], name: str | None) -> None:
        if name is None:
            return
        code = self.department.code
        if name and name not in self.uow.student_planning.home_class_names(self.year, code):
            self.errors["home_class"] = NotFound("stamklas", name)
            return
        current = self.uow.student_planning.home_classes_of(self.year, code, numbers)
        for number in numbers:
            old = current.get(number, "")
            if old != name:
                self._write(
                    "home_class.set",
                    number,
                    {"school_year": self.year.name, "department": code, "home_class": old},
                    {"school_year": self.year.name, "department": code, "home_class": name},
                    partial(
                        self.uow.student_planning.set_home_class,
                        self.year,
                        number,
                        code,
                        name or None,
                    ),
                )

    def package(self, numbers: list[str], edit: PlanningEdit) -> None:
        if edit.subjects is None and edit.exemptions is None:
            return
        code = self.department.code
        current = self.uow.student_planning.package_choices_of(self.year, code, numbers)
        for number in numbers:
            old = current.get(number)
            subjects = (
                split_subjects(edit.subjects)
                if edit.subjects is not None
                else (old.subjects if old else frozenset())
            )
            exemptions = (
                split_subjects(edit.exemptions)
                if edit.exemptions is not None
                else (old.exemptions & subjects if old else frozenset())
            )
            try:
                _check_subjects(self.department, subjects)
            except KoppelError as error:
                self.errors.setdefault("subjects", error)
                return
            try:
                profile = old.profile if old else ""
                new = (
                    PackageChoice(number, code, subjects, exemptions, profile=profile)
                    if subjects
                    else None
                )
            except KoppelError as error:
                self.errors.setdefault("exemptions", error)
                return
            if new != old:
                self._write(
                    "package_choice.set",
                    number,
                    {"school_year": self.year.name, **choice_json(old, code)},
                    {"school_year": self.year.name, **choice_json(new, code)},
                    partial(
                        self.uow.student_planning.set_package_choice, self.year, number, code, new
                    ),
                )

    def _write(
        self,
        action: str,
        number: str,
        before: dict[str, JsonValue],
        after: dict[str, JsonValue],
        write: Callable[[], None],
    ) -> None:
        self.recorder.record(action, STUDENT_ENTITY, number, before=before, after=after)
        self.pending.append(write)


def _students_in(
    uow: SqlAlchemyUnitOfWork, department: Department, numbers: Collection[str]
) -> list[str]:
    """The selected students, each of which must be in the department this year."""
    year = uow.school.current_school_year()
    members = {
        s.student_number
        for s in uow.students.list(department_code=department.code, year_name=year.name)
    }
    chosen = sorted(set(numbers))
    for number in chosen:
        if number not in members:
            raise NotFound("leerling", number)
    return chosen


def edit_students(
    uow: SqlAlchemyUnitOfWork,
    account: Account,
    department_code: str,
    numbers: Collection[str],
    edit: PlanningEdit,
) -> EditResult:
    """Apply ``edit`` to the selected students of a department, all or nothing."""
    with uow:
        department = uow.school.department(department_code)
        if edit.touches_planning and not may_edit_planning(account, department.code):
            raise NotAllowed
        if edit.touches_home_class and not may_edit_home_classes(account, department):
            raise NotAllowed
        chosen = _students_in(uow, department, numbers)
        return apply_edit(uow, account.username, department, chosen, edit)


def apply_edit(
    uow: SqlAlchemyUnitOfWork,
    actor: str,
    department: Department,
    numbers: list[str],
    edit: PlanningEdit,
) -> EditResult:
    """Inside an open unit of work, for students whose access the caller has checked:
    validate every field, then write all of it as one change set and commit."""
    recorder = ChangeRecorder("planning", actor=actor)
    editor = _Editor(uow, department, recorder)
    editor.prognosis(numbers, edit)
    editor.lwoo(numbers, edit.lwoo)
    editor.home_class(numbers, edit.home_class)
    editor.package(numbers, edit)
    if editor.errors:
        raise EditRejected(editor.errors)
    if not recorder.entries:
        return EditResult(None, 0, len(numbers))
    for write in editor.pending:
        write()
    changed = len({entry.key for entry in recorder.entries})
    recorder.save(
        uow,
        {"school_year": editor.year.name, "department": department.code, "students": changed},
    )
    uow.commit()
    return EditResult(
        recorder.id,
        changed,
        len(numbers) - changed,
        tuple(sorted({entry.action for entry in recorder.entries})),
    )
