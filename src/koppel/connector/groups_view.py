"""The groups window's view of a snapshot (the seed's "Lesgroepindelingen"): per
department its home classes and cluster groups on either side, and per student and
group whether both sides (x), only the project (D) or only the portal (P) have the
student in it.

Cluster groups carry no department in the comparison; a group belongs to the
department its name starts with (``4V.netl1``: 4V), otherwise to the department most
of its members take part in."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Direction, Fields, Key, Lead, SyncDomain
from koppel.store.project.file import ProjectFile

if TYPE_CHECKING:  # the snapshot's module reaches the uploads, which use these rules
    from koppel.connector.comparing import DomainView
    from koppel.connector.snapshot import Snapshot

BOTH, PROJECT_ONLY, PORTAL_ONLY = "x", "D", "P"


def natural(name: str) -> tuple[tuple[int, str], ...]:
    """``4V2`` before ``4V10``."""
    parts = re.split(r"(\d+)", name)
    return tuple((1, f"{int(p):09d}") if p.isdigit() else (0, p) for p in parts)


@dataclass(frozen=True)
class Side:
    """Who is in which group on one side."""

    home: dict[tuple[str, str], str]
    """(student, department) -> home class"""
    clusters: dict[str, frozenset[str]]
    """student -> cluster groups"""

    @classmethod
    def of(cls, home_rows: Mapping[Key, Fields], cluster_rows: Mapping[Key, Fields]) -> Side:
        home = {
            (student, department): str(values[0])
            for (student, department), values in home_rows.items()
            if department is not None and values and values[0]
        }
        clusters: dict[str, frozenset[str]] = {}
        for (student, _none), values in cluster_rows.items():
            names = values[0] if values else ()
            clusters[student] = frozenset(names) if isinstance(names, tuple) else frozenset()
        return cls(home, clusters)

    def mark_home(self, student: str, department: str, name: str) -> bool:
        return self.home.get((student, department)) == name

    def mark_cluster(self, student: str, name: str) -> bool:
        return name in self.clusters.get(student, frozenset())


@dataclass(frozen=True)
class GroupColumn:
    name: str
    home_class: bool


@dataclass(frozen=True)
class StudentLine:
    student: str
    name: str
    marks: tuple[str, ...]
    """One per column: ``x``, ``D``, ``P`` or empty."""
    upload: bool
    download: bool
    conflict: bool

    @property
    def differs(self) -> bool:
        return any(mark in (PROJECT_ONLY, PORTAL_ONLY) for mark in self.marks)


@dataclass(frozen=True)
class DepartmentGroups:
    department: str
    lead: Lead
    columns: tuple[GroupColumn, ...]
    lines: tuple[StudentLine, ...]
    only_project: tuple[str, ...]
    """Groups with members in the project and none in the portal."""
    only_portal: tuple[str, ...]

    @property
    def project_leads(self) -> bool:
        return self.lead is Lead.PROJECT

    @property
    def home_classes(self) -> int:
        return sum(1 for column in self.columns if column.home_class)

    @property
    def cluster_groups(self) -> int:
        return sum(1 for column in self.columns if not column.home_class)

    @property
    def uploads(self) -> tuple[str, ...]:
        """Students with a change to upload here (home class or cluster groups)."""
        return tuple(line.student for line in self.lines if line.upload)

    @property
    def downloads(self) -> tuple[str, ...]:
        """Students whose home class here comes down (the portal leads)."""
        return tuple(line.student for line in self.lines if line.download)

    @property
    def conflicts(self) -> int:
        return sum(1 for line in self.lines if line.conflict)


def group_departments(
    names: Iterable[str], members: Mapping[str, set[str]], in_department: Mapping[str, set[str]]
) -> dict[str, str]:
    """Each cluster group's department: its name's prefix when that is one of the
    departments, else where most of its members take part."""
    departments = set(in_department)
    of_student: dict[str, list[str]] = defaultdict(list)
    for department, students in sorted(in_department.items()):
        for student in students:
            of_student[student].append(department)
    found: dict[str, str] = {}
    for name in names:
        prefix, dot, _rest = name.partition(".")
        if dot and prefix in departments:
            found[name] = prefix
            continue
        votes = Counter(d for s in members.get(name, ()) for d in of_student.get(s, ()))
        if votes:
            found[name] = min(votes, key=lambda d: (-votes[d], d))
    return found


def department_members(
    views: Mapping[SyncDomain, DomainView], departments: Iterable[str]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(department -> students with a home class or taking part there, cluster group ->
    members), both sides together."""
    homes = views[SyncDomain.HOME_CLASSES]
    taking_part = views[SyncDomain.DEPARTMENT_PARTICIPATION]
    in_department: dict[str, set[str]] = {code: set() for code in departments}
    for rows in (homes.portal, homes.project, taking_part.portal, taking_part.project):
        for student, department in rows:
            if department in in_department:
                in_department[department].add(student)
    members: dict[str, set[str]] = defaultdict(set)
    clusters = views[SyncDomain.CLUSTER_GROUPS]
    for side in (clusters.portal, clusters.project):
        for (student, _none), values in side.items():
            for name in group_names(values):
                members[name].add(student)
    return in_department, members


def cluster_rows_in(
    views: Mapping[SyncDomain, DomainView],
    rows: Iterable[DiffRow],
    departments: Collection[str],
    project_departments: Iterable[str],
) -> list[DiffRow]:
    """The cluster-group rows that belong to ``departments``: those adding or removing a
    group of one of them. The groups window's per-department upload and ``koppel
    connect upload --department`` both choose by this rule."""
    in_department, members = department_members(views, project_departments)
    department_of = group_departments(members, members, in_department)
    wanted = set(departments)
    return [row for row in rows if departments_touched(row, department_of) & wanted]


def _names(snapshot: Snapshot) -> dict[str, str]:
    view = snapshot.views[SyncDomain.PERSONAL_DATA]
    result: dict[str, str] = {}
    for side in (view.project, view.portal):
        for (student, _none), values in side.items():
            parts = [str(v) for v in values[:3] if v]
            result[student] = " ".join(parts)
    return result


def _uploads_and_downloads(
    snapshot: Snapshot, department_of: Mapping[str, str]
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    """Per department: students with an upload, a download, a conflict."""
    up: dict[str, set[str]] = defaultdict(set)
    down: dict[str, set[str]] = defaultdict(set)
    conflict: dict[str, set[str]] = defaultdict(set)
    for row in snapshot.views[SyncDomain.HOME_CLASSES].diff.rows:
        if row.department is None:
            continue
        (up if row.direction is Direction.UPLOAD else down)[row.department].add(row.student)
        if row.conflict:
            conflict[row.department].add(row.student)
    for row in snapshot.views[SyncDomain.CLUSTER_GROUPS].diff.rows:
        for department in departments_touched(row, department_of):
            if row.direction is Direction.UPLOAD:
                up[department].add(row.student)
            if row.conflict:
                conflict[department].add(row.student)
    return up, down, conflict


def departments_touched(row: DiffRow, department_of: Mapping[str, str]) -> set[str]:
    """The departments of the cluster groups a row adds or removes: where its upload
    belongs (a student's other groups are sent along, unchanged)."""
    before = set(group_names(row.portal))
    after = set(group_names(row.project))
    return {department_of[name] for name in before ^ after if name in department_of}


def group_names(values: Fields | None) -> tuple[str, ...]:
    names = values[0] if values else ()
    return names if isinstance(names, tuple) else ()


def groups_overview(snapshot: Snapshot) -> tuple[DepartmentGroups, ...]:
    """Every department of the project, in the project's order."""
    homes = snapshot.views[SyncDomain.HOME_CLASSES]
    clusters = snapshot.views[SyncDomain.CLUSTER_GROUPS]
    portal = Side.of(homes.portal, clusters.portal)
    project = Side.of(homes.project, clusters.project)
    in_department, members = department_members(snapshot.views, snapshot.departments)
    department_of = group_departments(members, members, in_department)
    up, down, conflict = _uploads_and_downloads(snapshot, department_of)
    full_names = _names(snapshot)
    result = []
    for code in snapshot.departments:
        groups = sorted((n for n, d in department_of.items() if d == code), key=natural)
        students = in_department[code] | {s for n in groups for s in members[n]}
        result.append(
            _department(
                code,
                snapshot.leads.get(code, Lead.PORTAL),
                groups,
                sorted(students),
                (portal, project),
                (up[code], down[code], conflict[code]),
                full_names,
            )
        )
    return tuple(result)


def _department(
    code: str,
    lead: Lead,
    groups: list[str],
    students: list[str],
    sides: tuple[Side, Side],
    flags: tuple[set[str], set[str], set[str]],
    names: Mapping[str, str],
) -> DepartmentGroups:
    portal, project = sides
    up, down, conflict = flags
    classes = sorted(
        {name for side in sides for (s, d), name in side.home.items() if d == code},
        key=natural,
    )
    columns = tuple(
        [GroupColumn(name, True) for name in classes]
        + [GroupColumn(name, False) for name in groups]
    )
    lines = []
    in_portal: Counter[str] = Counter()
    in_project: Counter[str] = Counter()
    for student in students:
        marks = []
        for column in columns:
            if column.home_class:
                p = portal.mark_home(student, code, column.name)
                d = project.mark_home(student, code, column.name)
            else:
                p = portal.mark_cluster(student, column.name)
                d = project.mark_cluster(student, column.name)
            in_portal[column.name] += p
            in_project[column.name] += d
            marks.append(BOTH if p and d else PROJECT_ONLY if d else PORTAL_ONLY if p else "")
        lines.append(
            StudentLine(
                student,
                names.get(student, ""),
                tuple(marks),
                student in up,
                student in down,
                student in conflict,
            )
        )
    only_project = tuple(c.name for c in columns if in_project[c.name] and not in_portal[c.name])
    only_portal = tuple(c.name for c in columns if in_portal[c.name] and not in_project[c.name])
    return DepartmentGroups(code, lead, columns, tuple(lines), only_project, only_portal)


@dataclass(frozen=True)
class StudentGroups:
    """One student's group assignments in the project, for the edit form."""

    student: str
    known: bool
    home_classes: dict[str, str]
    """department -> home class"""
    groups: tuple[str, ...]


def student_groups(project: ProjectFile, student: str) -> StudentGroups:
    with project.begin() as session:
        known = student in session.students()
        homes = session.state(SyncDomain.HOME_CLASSES)
        clusters = session.state(SyncDomain.CLUSTER_GROUPS)
    side = Side.of(
        {k: v for k, v in homes.items() if k[0] == student},
        {k: v for k, v in clusters.items() if k[0] == student},
    )
    return StudentGroups(
        student,
        known,
        {department: name for (_s, department), name in side.home.items()},
        tuple(sorted(side.clusters.get(student, frozenset()), key=natural)),
    )
