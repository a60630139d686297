"""Three-way comparison of one domain (see shared/examples/connector-worked-example.md).

Per row: B (base: both sides after the last sync), P (portal now), D (project now).
P == D: nothing to do. Otherwise each differing field is a portal change (D == B), a
project change (P == B), a first difference (no base yet) or a **conflict** (both
changed since B, and differently). A row moves whole, towards the side that does not
lead; a row with a conflict waits for the scheduler's decision. A missing row reads as
``absent(domain)``: a row missing on one side and all empty on the other is no
difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.domain.sync.domains import (
    DOMAIN_DIRECTION,
    FIELDS,
    Direction,
    Fields,
    Key,
    Lead,
    State,
    SyncDomain,
    Value,
)


class Origin(StrEnum):
    PORTAL = "portal"
    """Changed in the portal since the last sync."""
    PROJECT = "project"
    """Changed in the project since the last sync."""
    BOTH = "both"
    """A field changed on both sides, and differently: a conflict."""
    MIXED = "mixed"
    """Some fields changed in the portal, others in the project, none on both: no
    conflict; the leading side's row is proposed (the other side's changes in it are
    shown as replaced, like a project change in a portal-led domain)."""
    FIRST = "first"
    """Never synced: a plain difference."""


@dataclass(frozen=True, slots=True)
class FieldDiff:
    name: str
    portal: Value
    project: Value
    base: Value
    conflict: bool


@dataclass(frozen=True, slots=True)
class DiffRow:
    key: Key
    portal: Fields | None
    project: Fields | None
    base: Fields | None
    fields: tuple[FieldDiff, ...]
    direction: Direction
    """DOWNLOAD (the portal's row goes to the project) or UPLOAD (the other way)."""
    origin: Origin

    @property
    def student(self) -> str:
        return self.key[0]

    @property
    def department(self) -> str | None:
        return self.key[1]

    @property
    def conflict(self) -> bool:
        return self.origin is Origin.BOTH

    @property
    def proposed(self) -> Fields | None:
        """The leading side's row: what applying writes (None: the row goes away)."""
        return self.portal if self.direction is Direction.DOWNLOAD else self.project

    def changed(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)


@dataclass(frozen=True)
class DomainDiff:
    domain: SyncDomain
    rows: tuple[DiffRow, ...]
    leads: Mapping[str, Lead] = field(default_factory=dict)

    @property
    def conflicts(self) -> int:
        return sum(1 for row in self.rows if row.conflict)

    def count(self, direction: Direction) -> int:
        return sum(1 for row in self.rows if row.direction is direction)

    @property
    def exemption_changes(self) -> int:
        """Rows whose exemptions differ (package choices: the "[3]" in "12 [3]")."""
        if self.domain is not SyncDomain.PACKAGE_CHOICES:
            return 0
        return sum(1 for row in self.rows if _exemptions_changed(row))

    def selected(
        self,
        *,
        direction: Direction,
        departments: Iterable[str] | None = None,
        students: Iterable[str] | None = None,
        accept_conflicts: bool = False,
    ) -> tuple[list[DiffRow], list[DiffRow]]:
        """(rows to apply, conflicting rows left for a decision) of a selection."""
        wanted_departments = None if departments is None else set(departments)
        wanted_students = None if students is None else set(students)
        chosen: list[DiffRow] = []
        waiting: list[DiffRow] = []
        for row in self.rows:
            if row.direction is not direction:
                continue
            if wanted_students is not None and row.student not in wanted_students:
                continue
            if wanted_departments is not None and not _in_departments(row, wanted_departments):
                continue
            (waiting if row.conflict and not accept_conflicts else chosen).append(row)
        return chosen, waiting


def _exemptions_changed(row: DiffRow) -> bool:
    """A new package without exemptions is no exemption change: no row reads as none."""
    for f in row.fields:
        if f.name == "exemptions":
            return (f.portal or ()) != (f.project or ())
    return False


def _in_departments(row: DiffRow, departments: set[str]) -> bool:
    return row.department in departments if row.department is not None else True


def absent(domain: SyncDomain) -> Fields:
    """How a missing row reads: not present, or every field empty."""
    if domain is SyncDomain.STUDENTS:
        return (False,)
    return (None,) * len(FIELDS[domain])


def row_direction(
    domain: SyncDomain,
    key: Key,
    portal: Fields | None,
    base: Fields | None,
    leads: Mapping[str, Lead],
) -> Direction:
    """Which way a differing row may move under the seed's rules."""
    if domain is SyncDomain.STUDENTS:
        if portal is not None:
            return Direction.DOWNLOAD  # new in the portal
        removed_in_portal = base is not None and base[0] is True
        return Direction.DOWNLOAD if removed_in_portal else Direction.UPLOAD
    if domain is SyncDomain.HOME_CLASSES:
        department = key[1]
        lead = leads.get(department) if department is not None else None
        return Direction.UPLOAD if lead is Lead.PROJECT else Direction.DOWNLOAD
    direction = DOMAIN_DIRECTION[domain]
    return Direction.UPLOAD if direction is Direction.UPLOAD else Direction.DOWNLOAD


def _fixed_direction(domain: SyncDomain) -> Direction | None:
    """The one way every row of ``domain`` moves, or None where it depends on the row."""
    if domain in (SyncDomain.STUDENTS, SyncDomain.HOME_CLASSES):
        return None
    return row_direction(domain, ("", None), None, None, {})


def _row(
    domain: SyncDomain,
    names: tuple[str, ...],
    key: Key,
    portal: Fields | None,
    project: Fields | None,
    base: Fields | None,
    leads: Mapping[str, Lead],
    empty: Fields,
    direction: Direction | None,
) -> DiffRow | None:
    """The row's differing fields, or None when every field agrees (``empty``: how a
    missing row reads; ``direction``: the domain's fixed one, if it has one)."""
    p = empty if portal is None else portal
    d = empty if project is None else project
    fields: list[FieldDiff] = []
    if base is None:
        for name, pv, dv in zip(names, p, d, strict=True):
            if pv != dv:
                fields.append(FieldDiff(name, pv, dv, None, False))
        if not fields:
            return None  # missing on one side, every field empty on the other
        origin = Origin.FIRST
    else:
        by_portal = by_project = conflict = False
        for name, pv, dv, bv in zip(names, p, d, base, strict=True):
            if pv != dv:
                portal_changed, project_changed = pv != bv, dv != bv
                by_portal |= portal_changed
                by_project |= project_changed
                clash = portal_changed and project_changed
                conflict |= clash
                fields.append(FieldDiff(name, pv, dv, bv, clash))
        if not fields:
            return None
        if conflict:
            origin = Origin.BOTH
        elif by_portal and by_project:
            origin = Origin.MIXED  # one field changed in the portal, another in the project
        elif by_portal:
            origin = Origin.PORTAL
        else:
            origin = Origin.PROJECT
    if direction is None:
        direction = row_direction(domain, key, portal, base, leads)
    return DiffRow(key, portal, project, base, tuple(fields), direction, origin)


def compare(
    domain: SyncDomain,
    portal: State,
    project: State,
    base: State,
    leads: Mapping[str, Lead] | None = None,
) -> DomainDiff:
    """Every row of ``domain`` where portal and project differ, sorted by key.

    Rows equal on both sides cost one tuple comparison, in one comprehension (as fast as
    a plain dictionary diff); only the few differing rows are compared field by field.
    """
    with cyclic_gc_paused():
        return _compare(domain, portal, project, base, leads or {})


def _compare(
    domain: SyncDomain, portal: State, project: State, base: State, lead_of: Mapping[str, Lead]
) -> DomainDiff:
    names = FIELDS[domain]
    find_project = project.get
    differing: list[tuple[Key, Fields | None, Fields | None]] = [
        (key, p, d) for key, p in portal.items() if (d := find_project(key)) != p
    ]
    in_both = sum(1 for _, _, d in differing if d is not None)
    if len(project) > len(portal) - len(differing) + in_both:  # rows only the project has
        differing += [(key, None, project[key]) for key in project.keys() - portal.keys()]
    find_base = base.get
    empty = absent(domain)
    fixed = _fixed_direction(domain)
    rows: list[DiffRow] = []
    for key, p, d in differing:
        row = _row(domain, names, key, p, d, find_base(key), lead_of, empty, fixed)
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda row: (row.key[0], row.key[1] or ""))
    return DomainDiff(domain, tuple(rows), dict(lead_of))


def settled(
    portal: State, project: State, base: State, *, domain: SyncDomain | None = None
) -> dict[Key, Fields]:
    """Rows equal on both sides whose base is behind: the base moves on to them.

    With ``domain``, a missing row reads as ``absent(domain)``, as ``compare`` reads it:
    rows that both sides removed settle too, their base becoming the absent row (a stale
    base would later hide a conflict or name the wrong side as the one that changed).
    """
    find_base = base.get
    if domain is None:
        find_project = project.get
        return {k: p for k, p in portal.items() if find_project(k) == p and find_base(k) != p}
    empty = absent(domain)
    result: dict[Key, Fields] = {}
    for k in portal.keys() | project.keys() | base.keys():
        p = portal.get(k, empty)
        if project.get(k, empty) == p and find_base(k) != p:
            result[k] = p
    return result
