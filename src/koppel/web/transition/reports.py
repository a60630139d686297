"""What a step's preview or report shows: the services' reports turned into counts,
lists of examples and the problems per file, row and column, for the wizard's page."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.files.columns import ImportKind
from koppel.files.problems import Problem
from koppel.services.imports.report import ImportReport
from koppel.services.transition.groups_delete import GroupsDeleteReport
from koppel.services.transition.staff_departure import DepartureReport
from koppel.services.transition.wizard import StepOutcome, StepReport


@dataclass
class ReportView:
    heading: str
    """A text key: which file or what this part of the step is about."""
    file: str | None = None
    counts: list[tuple[str, int]] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    refusal: KoppelError | None = None
    mapped: list[dict[str, JsonValue]] = field(default_factory=list)
    """Values read other than as written (``Afdeling '4 VWO' -> 4V``), see
    :func:`koppel.services.imports.report.mapped_lines`."""
    checked_only: bool = False
    """Only checked in this step (the students file of step 1): a refusal informs."""


def groups_view(report: GroupsDeleteReport) -> ReportView:
    return ReportView(
        "wizard.report.groups",
        counts=[
            ("wizard.count.groups_deleted", report.groups),
            ("wizard.count.memberships", report.memberships),
            ("wizard.count.teacher_links", report.teacher_links),
            ("wizard.count.previous_home_classes", report.previous_home_classes),
            ("wizard.count.groups_history", report.history),
        ],
        lists=[("wizard.list.groups", report.examples)],
    )


def links_view(report: ImportReport) -> ReportView:
    links = report.links
    return ReportView(
        "wizard.report.teacher_groups",
        report.file,
        counts=[]
        if links is None
        else [("wizard.count.links_new", links.new), ("wizard.count.links_kept", links.unchanged)],
        lists=[("wizard.count.links_new", [_link(k) for k in _texts(report.details, "links_new")])],
        errors=report.errors,
        warnings=report.warnings,
    )


def departure_view(report: DepartureReport) -> ReportView:
    staying = report.staff.unchanged if report.staff else 0
    return ReportView(
        "wizard.report.departure",
        report.file,
        counts=[
            ("wizard.count.departed", len(report.departed)),
            ("wizard.count.accounts_deactivated", len(report.accounts)),
            ("wizard.count.staff_staying", staying),
        ],
        lists=[
            (
                "wizard.list.departed",
                [
                    f"{code} ({report.accounts[code]})" if code in report.accounts else code
                    for code in report.departed
                ],
            )
        ],
        errors=report.errors,
        warnings=report.warnings,
        refusal=report.refusal,
    )


def _texts(details: dict[str, JsonValue], name: str) -> list[str]:
    found = details.get(name)
    return [str(item) for item in found] if isinstance(found, list) else []


def _link(key: str) -> str:
    """``JANS|4V2|mentor`` as ``JANS: 4V2 (mentor)``."""
    code, _, rest = key.partition("|")
    group, _, role = rest.partition("|")
    return f"{code}: {group} ({role})"


def staff_view(report: ImportReport) -> ReportView:
    staff, links = report.staff, report.links
    counts: list[tuple[str, int]] = []
    if staff is not None:
        counts += [
            ("wizard.count.staff_new", staff.new),
            ("wizard.count.staff_updated", staff.updated),
            ("wizard.count.staff_unchanged", staff.unchanged),
            ("wizard.count.staff_absent", staff.absent),
        ]
    if links is not None:
        counts.append(("wizard.count.links_new", links.new))
    return ReportView(
        "wizard.report.staff",
        report.file,
        counts=counts,
        lists=[
            ("wizard.count.staff_new", _texts(report.details, "new")),
            ("wizard.list.staff_absent", _texts(report.details, "absent")),
        ],
        errors=report.errors,
        warnings=report.warnings,
        refusal=report.refusal,
    )


def students_view(report: ImportReport) -> ReportView:
    students = report.students
    counts: list[tuple[str, int]] = []
    if students is not None:
        final_year = report.details.get("absent_final_year")
        counts += [
            ("wizard.count.students_new", students.new),
            ("wizard.count.students_updated", students.updated),
            ("wizard.count.students_unchanged", students.unchanged),
            ("wizard.count.students_absent", students.absent),
        ]
        if isinstance(final_year, int):
            counts.append(("wizard.count.students_absent_final_year", final_year))
        counts += [
            ("wizard.count.groups_new", report.groups_new),
            ("wizard.count.marked_left", report.marked_left),
        ]
    groups = report.details.get("groups_new")
    group_names = (
        [str(g.get("name")) for g in groups if isinstance(g, dict)]
        if isinstance(groups, list)
        else []
    )
    return ReportView(
        "wizard.report.students",
        report.file,
        counts=counts,
        lists=[
            ("wizard.list.students_absent", _texts(report.details, "absent")),
            ("wizard.list.students_new", _texts(report.details, "new")),
            ("wizard.count.groups_new", group_names),
        ],
        mapped=_mapped(report.details),
        errors=report.errors,
        warnings=report.warnings,
        refusal=report.refusal,
    )


def _mapped(details: dict[str, JsonValue]) -> list[dict[str, JsonValue]]:
    found = details.get("values_mapped")
    return [m for m in found if isinstance(m, dict)] if isinstance(found, list) else []


def report_views(outcome: StepOutcome | None) -> list[ReportView]:
    """The parts of a step's outcome in the order the page shows them: files that could
    not be kept, then each service's report, then a file only checked in this step."""
    if outcome is None:
        return []
    views: list[ReportView] = []
    if outcome.refused_files:
        views.append(ReportView("wizard.report.files", errors=outcome.refused_files))
    views.extend(_view_of(report) for report in outcome.reports)
    if outcome.checked is not None:
        checked = students_view(outcome.checked)
        checked.checked_only = True
        views.append(checked)
    return views


def _view_of(report: StepReport) -> ReportView:
    if isinstance(report, GroupsDeleteReport):
        return groups_view(report)
    if isinstance(report, DepartureReport):
        return departure_view(report)
    shown = {
        ImportKind.STAFF.value: staff_view,
        ImportKind.STUDENTS.value: students_view,
        ImportKind.TEACHER_GROUPS.value: links_view,
    }
    return shown[report.kind](report)
