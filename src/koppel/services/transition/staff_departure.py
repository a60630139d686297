"""Personeel verwijderen (year transition, step 5): the staff members that are active in
the portal but missing from the school's staff file have left.

The staff file is read exactly as ``koppel import staff`` reads it (same headers, same
checks). Applying, in one transaction and one change set:

- each departed staff member's account is deactivated at once: its sessions end and its
  tokens stop working (:func:`koppel.services.accounts.manage.end_access`);
- the staff member's status becomes ``left`` (the staff table has that status; a later
  staff import that lists the code makes it active again);
- its teacher and mentor links to this school year's groups are removed;
- with the school setting ``staff.retention = remove`` its personal data is blanked
  where the database allows: e-mail emptied, names replaced by the staff code (names are
  required columns, and the staff row and account stay because audit entries, change
  sets and undo refer to them by staff code and username).

``koppel undo CHANGESET`` restores all of it; ended sessions stay ended (their holders
sign in again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.errors import RefusedBySafetyRule
from koppel.domain.imports.staff import Link
from koppel.domain.school import SchoolYear
from koppel.domain.staff import StaffLink, StaffStatus
from koppel.files.columns import Column
from koppel.files.problems import Problem
from koppel.progress import Progress
from koppel.services.accounts.manage import end_access
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import Counts, ImportReport
from koppel.services.imports.staff import read_staff_file, staff_in_file
from koppel.services.school_settings import StaffRetention, load_school_settings
from koppel.services.school_years.years import year_of_work
from koppel.services.transition.previews import note_report_preview
from koppel.services.transition.steps import REMOVE_DEPARTED
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

KIND = "staff.remove_departed"
REMOVED_FIRST_NAME = "-"
"""What stays of a first name when the school removes the data of staff who left."""


@dataclass
class DepartureReport(ImportReport):
    departed: list[str] = field(default_factory=list)
    """The staff codes of the staff members who left (to be) deactivated, sorted."""
    accounts: dict[str, str] = field(default_factory=dict)
    """``{staff code: username}`` of their active accounts."""
    retention: str = StaffRetention.KEEP.value

    def as_json(self, language: str | None = None) -> dict[str, object]:
        result = super().as_json(language)
        result["departed"] = list(self.departed)
        result["accounts"] = dict(self.accounts)
        result["retention"] = self.retention
        return result


def remove_departed_staff(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    dry_run: bool = False,
    force: bool = False,
    actor: str = COMMAND_LINE_ACTOR,
    file_label: str | None = None,
    progress: Progress | None = None,
    school_year: str | None = None,
) -> DepartureReport:
    """Step 5 in ``school_year`` (by default the prepared year): the staff members missing
    from the staff file are deactivated and their links in that year removed; their links
    in earlier years stay as history."""
    options = ImportOptions(dry_run=dry_run, force=force, file_label=file_label)
    report = DepartureReport(file=file_label or path.name, kind=KIND)
    table = read_staff_file(path, options, report, progress)
    if table is None:
        return report
    with uow.transaction(write_lock=not options.dry_run):
        year = year_of_work(uow, school_year)
        incoming = staff_in_file(uow, year, table, report)
        report.school_year = year.name
        existing = uow.staff.states()
        if report.errors:
            return report
        settings = load_school_settings(uow)
        report.retention = settings.staff_retention.value
        in_file = {row.staff_code for row in incoming}
        for row in incoming:
            if row.staff_code not in existing:
                report.warnings.append(
                    Problem(
                        report.file,
                        row.row,
                        table.header(Column.STAFF_CODE),
                        "staff_departure.not_in_portal",
                        {"code": row.staff_code},
                    )
                )
        active_staff = {
            code for code, state in existing.items() if state["status"] == StaffStatus.ACTIVE
        }
        with_active_account = uow.account_identities.active_staff_codes()
        report.departed = sorted((active_staff | with_active_account) - in_file)
        identities = uow.account_identities.of_staff(report.departed)
        report.accounts = {
            code: identities[code][0]
            for code in report.departed
            if code in identities and identities[code][3]
        }
        report.staff = Counts(unchanged=len(active_staff & in_file), absent=len(report.departed))
        report.details = {"departed": list[JsonValue](report.departed)}
        limit = settings.transition_max_share_percent
        total = len(active_staff)
        if len(report.departed) * 100 > limit * max(total, 1) and not force:
            report.refusal = RefusedBySafetyRule(
                "staff_departure.too_many",
                count=len(report.departed),
                total=total,
                share=round(100 * len(report.departed) / max(total, 1)),
                limit=limit,
            )
        if dry_run or report.refusal is not None:
            note_report_preview(
                uow, REMOVE_DEPARTED, school_year=year.name, actor=actor, report=report.as_json()
            )
        if dry_run or report.refusal is not None or not report.departed:
            return report
        recorder = ChangeRecorder(KIND, actor=actor)
        remove = settings.staff_retention is StaffRetention.REMOVE
        _apply(uow, year, report.departed, existing, identities, remove, recorder)
        summary: dict[str, JsonValue] = {
            "school_year": year.name,
            "file": report.file,
            "departed": list[JsonValue](report.departed),
        }
        report.changeset = recorder.save(uow, summary)
        uow.commit()
        report.written = True
    return report


def _apply(
    uow: SqlAlchemyUnitOfWork,
    year: SchoolYear,
    departed: list[str],
    existing: dict[str, dict[str, JsonValue]],
    identities: dict[str, tuple[str, str, str, bool]],
    remove: bool,
    recorder: ChangeRecorder,
) -> None:
    for code in departed:
        if code in identities and identities[code][3]:
            username = identities[code][0]
            end_access(uow, username)
            recorder.record(
                "account.deactivate",
                "account",
                username,
                before={"is_active": True},
                after={"is_active": False},
            )
    staff_changes: dict[str, dict[str, JsonValue]] = {}
    for code in departed:
        state = existing[code]
        wanted: dict[str, JsonValue] = {"status": StaffStatus.LEFT.value}
        if remove:
            wanted |= {
                "first_name": REMOVED_FIRST_NAME,
                "infix": "",
                "last_name": code,
                "email": "",
            }
        changed = {name: value for name, value in wanted.items() if state.get(name) != value}
        if changed:
            staff_changes[code] = changed
            recorder.record(
                "staff.update",
                "staff",
                code,
                before={name: state.get(name) for name in changed},
                after=changed,
            )
    uow.staff.write_many(staff_changes)
    if remove:
        for code in departed:
            if code not in identities:
                continue
            username, display_name, email, _ = identities[code]
            if (display_name, email) == (code, ""):
                continue
            uow.account_identities.set_identity(username, display_name=code, email="")
            recorder.record(
                "account.identity",
                "account",
                username,
                before={"display_name": display_name, "email": email},
                after={"display_name": code, "email": ""},
            )
    leaving = set(departed)
    links = [link for link in uow.groups.staff_links(year) if link.staff_code in leaving]
    uow.groups.remove_staff_links(year, links)
    for link in links:
        recorder.record("staff_link.remove", "staff_link", link.key)


def _undo_deactivations(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    for entry in entries:
        uow.accounts.set_active(entry.key, is_active=True)


def _undo_identities(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    for entry in entries:
        before = entry.before or {}
        uow.account_identities.set_identity(
            entry.key,
            display_name=str(before.get("display_name") or ""),
            email=str(before.get("email") or ""),
        )


def _undo_link_removals(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]
) -> None:
    links = [Link.from_key(entry.key) for entry in entries]
    uow.groups.add_staff_links(
        year, [StaffLink(link.staff_code, link.group, link.role) for link in links]
    )


STAFF_DEPARTURE_UNDOERS = {
    "account.deactivate": _undo_deactivations,
    "account.identity": _undo_identities,
    "staff_link.remove": _undo_link_removals,
}
"""Added to :data:`koppel.services.audit.undo.UNDOERS`; ``staff.update`` is undone there."""
