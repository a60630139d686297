"""What the personal data, prognoses and package choices windows show, read from one
snapshot: per differing student the portal's (P) and the project's (D) value of each
field, which fields differ, which conflict (with the base they came from), and for
package choices the departments with their counts ("12 [3]")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from koppel.connector.snapshot import Snapshot
from koppel.domain.sync.compare import DiffRow, DomainDiff, Origin
from koppel.domain.sync.domains import FIELDS, Fields, SyncDomain, Value

WINDOW_DOMAINS = (SyncDomain.PERSONAL_DATA, SyncDomain.PROGNOSES, SyncDomain.PACKAGE_CHOICES)
COMPACT = frozenset({SyncDomain.PERSONAL_DATA})
"""Domains with many fields: only the fields that differ somewhere get a column."""
NAME_FIELDS = ("first_name", "infix", "last_name")


@dataclass(frozen=True, slots=True)
class Cell:
    name: str
    portal: Value
    project: Value
    base: Value
    differs: bool
    conflict: bool
    replaced: bool
    """Changed in the project since the last sync: the portal's value will replace it."""


@dataclass(frozen=True, slots=True)
class Line:
    student: str
    department: str | None
    name: str
    origin: Origin
    cells: tuple[Cell, ...]

    @property
    def conflict(self) -> bool:
        return self.origin is Origin.BOTH


@dataclass(frozen=True, slots=True)
class DepartmentCount:
    code: str
    rows: int
    exemption_changes: int
    conflicts: int
    has_packages: bool
    """The project has package choices in this department already."""

    @property
    def label(self) -> str:
        return f"{self.rows} [{self.exemption_changes}]"


@dataclass(frozen=True)
class DomainWindow:
    domain: SyncDomain
    fields: tuple[str, ...]
    lines: tuple[Line, ...]
    """The shown students: all of them, or one department's (package choices)."""
    total: int
    conflicts: int
    departments: tuple[DepartmentCount, ...]
    department: str | None
    """The department whose students are shown (package choices), if any."""

    @property
    def fields_left_out(self) -> bool:
        return len(self.fields) < len(FIELDS[self.domain])


def _value(values: Fields | None, index: int) -> Value:
    return None if values is None else values[index]


def _blank(value: Value) -> bool:
    """No package and a package without exemptions both read as nothing."""
    return value is None or value == () or value == ""


def _cells(row: DiffRow, names: tuple[str, ...], fields: tuple[str, ...]) -> tuple[Cell, ...]:
    differing = {f.name: f for f in row.fields}
    cells = []
    for name in fields:
        index = names.index(name)
        found = differing.get(name)
        project = _value(row.project, index)
        base = found.base if found else _value(row.base, index)
        portal = _value(row.portal, index)
        differs = found is not None and not (_blank(portal) and _blank(project))
        conflict = found is not None and found.conflict
        replaced = found is not None and not conflict and row.base is not None and project != base
        cells.append(Cell(name, portal, project, base, differs or conflict, conflict, replaced))
    return tuple(cells)


def _shown_fields(domain: SyncDomain, rows: Iterable[DiffRow]) -> tuple[str, ...]:
    names = FIELDS[domain]
    if domain not in COMPACT:
        return names
    differing = {f.name for row in rows for f in row.fields}
    return tuple(name for name in names if name in differing) or names


def student_names(snapshot: Snapshot) -> dict[str, str]:
    """Student number -> "first infix last", the portal's spelling first."""
    view = snapshot.view(SyncDomain.PERSONAL_DATA)
    indexes = [FIELDS[SyncDomain.PERSONAL_DATA].index(name) for name in NAME_FIELDS]
    names: dict[str, str] = {}
    for side in (view.project, view.portal):
        for (number, _), values in side.items():
            names[number] = " ".join(str(values[i]) for i in indexes if values[i])
    return names


def department_counts(snapshot: Snapshot, rows: Iterable[DiffRow]) -> tuple[DepartmentCount, ...]:
    """Package choices per department: differing rows, exemption changes, conflicts, in
    the project's order of departments."""
    view = snapshot.view(SyncDomain.PACKAGE_CHOICES)
    having = {key[1] for key in view.project}
    per: dict[str, list[DiffRow]] = {}
    for row in rows:
        per.setdefault(row.department or "", []).append(row)
    order = {code: i for i, code in enumerate(snapshot.departments)}
    counts = []
    for code in sorted(per, key=lambda c: (order.get(c, len(order)), c)):
        diff = DomainDiff(SyncDomain.PACKAGE_CHOICES, tuple(per[code]))
        counts.append(
            DepartmentCount(
                code, len(diff.rows), diff.exemption_changes, diff.conflicts, code in having
            )
        )
    return tuple(counts)


def domain_window(
    snapshot: Snapshot, domain: SyncDomain, department: str | None = None
) -> DomainWindow:
    """One window's content; package choices show one department's students (the one
    asked for, else the first with differences)."""
    rows = snapshot.view(domain).diff.rows
    departments: tuple[DepartmentCount, ...] = ()
    shown = rows
    if domain is SyncDomain.PACKAGE_CHOICES:
        departments = department_counts(snapshot, rows)
        codes = [d.code for d in departments]
        department = department if department in codes else (codes[0] if codes else None)
        shown = tuple(row for row in rows if row.department == department)
    else:
        department = None
    names = student_names(snapshot)
    fields = _shown_fields(domain, rows)
    lines = tuple(
        Line(
            row.student,
            row.department,
            names.get(row.student, ""),
            row.origin,
            _cells(row, FIELDS[domain], fields),
        )
        for row in sorted(shown, key=lambda r: (r.student, r.department or ""))
    )
    conflicts = sum(1 for row in rows if row.conflict)
    return DomainWindow(domain, fields, lines, len(rows), conflicts, departments, department)
