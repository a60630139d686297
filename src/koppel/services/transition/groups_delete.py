"""Year transition, step 2: the old groups out of use (``koppel groups delete``).

The step works on the year being filled, by default the prepared one: the current
year's groups are not carried into it and stay with their own year as history (who was
in which class, which teacher taught which group), untouched. What the step deletes are
the groups already in the year being filled (all, or one folder): left from an earlier
attempt or a rehearsal, or made by a project sync, so that step 3 starts from the file.

Given the current year explicitly (``--school-year``), it deletes that year's groups as
before the school year had a life: students are never deleted; their memberships and the
groups' teacher and mentor links go with the groups, and before a student's home class
goes its name is kept as the student's previous home class (stamklas oud).

Applying is one transaction and one change set, also when nothing is left to delete
(it records how many groups of the old year stay as history); ``koppel undo`` puts back
the groups with their ids, members and links, and every previous home class as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.groups import GroupSnapshot
from koppel.domain.school import SchoolYear
from koppel.i18n import translate
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.school_years.years import year_of_work, year_to_fill
from koppel.services.transition.previews import note_report_preview
from koppel.services.transition.steps import DELETE_GROUPS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

KIND = "transition.groups_delete"
GROUP_DELETE = "group.delete"
PREVIOUS_HOME_CLASS = "student.previous_home_class"
EXAMPLES = 5


@dataclass(frozen=True)
class GroupsDeleteRequest:
    all_groups: bool = False
    folder: str | None = None
    school_year: str | None = None
    dry_run: bool = False
    actor: str = COMMAND_LINE_ACTOR


@dataclass
class GroupsDeleteReport:
    school_year: str
    folder: str | None
    written: bool = False
    changeset: str | None = None
    groups: int = 0
    memberships: int = 0
    teacher_links: int = 0
    previous_home_classes: int = 0
    examples: list[str] = field(default_factory=list)
    history: int = 0
    """Groups of the years before, kept as they are."""
    already_applied: bool = False
    """The step stands for this year already: it deletes nothing more (undo it first)."""

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "rows": self.groups,
            "errors": [],
            "warnings": [],
            "groups": {"new": 0, "deleted": self.groups},
            "kept_as_history": self.history,
            "already_applied": self.already_applied,
            "memberships": self.memberships,
            "teacher_links": self.teacher_links,
            "previous_home_classes": self.previous_home_classes,
            "school_year": self.school_year,
            "folder": self.folder,
            "examples": self.examples,
        }


def previous_home_classes(records: list[GroupSnapshot]) -> dict[str, str]:
    """student number -> the home class it leaves; with more than one home class in the
    year (one per department), the first by name."""
    chosen: dict[str, str] = {}
    for record in sorted(records, key=lambda r: r.name):
        if record.is_home_class:
            for number in record.members:
                chosen.setdefault(number, record.name)
    return chosen


def _check_folder(uow: SqlAlchemyUnitOfWork, year: SchoolYear, folder: str) -> None:
    folders = uow.group_deletion.folders(year)
    if folder in folders or folder in uow.group_deletion.deleted_folders(KIND, year):
        return  # a folder emptied by this step before: running it again changes nothing
    shown = ", ".join(f"'{name}'" for name in folders) or translate("transition.no_folders")
    raise InvalidValue("transition.unknown_folder", folder=folder, year=year.name, folders=shown)


def group_folders(uow: SqlAlchemyUnitOfWork) -> list[str]:
    """The folders (mappen) that hold groups in the year being filled (the prepared one,
    else the current one): what step 2 can delete one at a time."""
    with uow:
        return uow.group_deletion.folders(year_of_work(uow))


def _applied(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> bool:
    return any(
        not record.is_undone and record.summary.get("school_year") == year.name
        for record in uow.changesets.of_kinds([KIND])
    )


def delete_groups(uow: SqlAlchemyUnitOfWork, request: GroupsDeleteRequest) -> GroupsDeleteReport:
    """Preview (``dry_run``) or apply; raises :class:`InvalidValue` (exit 2) on bad input."""
    if request.all_groups == (request.folder is not None):
        raise InvalidValue("transition.groups_delete.choose")
    with uow.transaction(write_lock=not request.dry_run):
        year = year_to_fill(uow, request.school_year)
        years = uow.school_years.years()
        filling = year != years.current
        if request.folder is not None:
            _check_folder(uow, year, request.folder)
        done = filling and _applied(uow, year)
        # Once step 2 stands for the year being filled, the groups in it are step 3's.
        records = [] if done else uow.group_deletion.groups(year, folder=request.folder)
        homes = {} if filling else previous_home_classes(records)
        report = GroupsDeleteReport(
            school_year=year.name,
            folder=request.folder,
            groups=len(records),
            memberships=sum(len(r.members) for r in records),
            teacher_links=sum(len(r.links) for r in records),
            previous_home_classes=len(homes),
            examples=[r.name for r in records[:EXAMPLES]],
            history=uow.school_years.counts(years.current)["groups"] if filling else 0,
        )
        if request.dry_run:
            note_report_preview(
                uow,
                DELETE_GROUPS,
                school_year=year.name,
                actor=request.actor,
                report=report.as_json(),
            )
        report.already_applied = done
        if request.dry_run or (not records and (not filling or done)):
            return report
        stored = uow.group_deletion.previous_home_classes(homes)
        changed = {n: name for n, name in sorted(homes.items()) if stored.get(n) != name}
        recorder = ChangeRecorder(KIND, actor=request.actor)
        for number, name in changed.items():
            recorder.record(
                PREVIOUS_HOME_CLASS,
                STUDENT_ENTITY,
                number,
                before={"previous_home_class": stored.get(number, "")},
                after={"previous_home_class": name},
            )
        for record in records:
            recorder.record(GROUP_DELETE, "group", record.name, before=record.as_json())
        uow.group_deletion.set_previous_home_classes(changed)
        uow.group_deletion.delete(r.id for r in records)
        summary: dict[str, JsonValue] = {
            "school_year": year.name,
            "folder": request.folder,
            "groups": report.groups,
            "memberships": report.memberships,
            "teacher_links": report.teacher_links,
            "previous_home_classes": len(changed),
            "kept_as_history": report.history,
        }
        report.changeset = recorder.save(uow, summary)
        uow.commit()
    report.written = True
    return report


def _undo_group_deletes(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.group_deletion.restore(year, [GroupSnapshot.from_json(_before(e)) for e in entries])


def _undo_previous_home_classes(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    uow.group_deletion.set_previous_home_classes(
        {e.key: str(_before(e)["previous_home_class"]) for e in entries}
    )


def _before(entry: AuditEntry) -> Mapping[str, Any]:
    return entry.before or {}


GROUPS_DELETE_UNDOERS = {
    PREVIOUS_HOME_CLASS: _undo_previous_home_classes,
    GROUP_DELETE: _undo_group_deletes,
}
"""Undo reverses in the opposite order of first appearance: groups (with members and
links) come back first, then the previous home classes are put back."""
