"""The rows of the project's Students window (the seed's "Leerlingen"), built once per
snapshot: per student the department participation, LWOO, the home class per project
department and whether the student is added or removed, each cell with the leading
side's value and, where the sides differ, the other side's (and the base on a conflict).

:func:`build_students_view` is pure: a snapshot in, rows out. Filtering and searching
(:meth:`StudentsView.select`) then only walk the rows; nothing waits for the portal or
the project file. The names and departments of students known on one side only (the
snapshot compares the other domains for students on both sides) come from
:func:`koppel.connector.one_sided.read_one_sided`, which reads the project file once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from koppel.connector.snapshot import Snapshot
from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Direction, Fields, Key, Lead, SyncDomain, Value

WINDOW_DOMAINS = (
    SyncDomain.STUDENTS,
    SyncDomain.DEPARTMENT_PARTICIPATION,
    SyncDomain.LWOO,
    SyncDomain.HOME_CLASSES,
)
"""The domains this window shows (personal data is taken over automatically)."""


class Filter(StrEnum):
    """The seed's choices on the left: only the changes of one domain."""

    PARTICIPATION = "afdeling"
    LWOO = "lwoo"
    HOME_CLASSES = "stamklas"
    ADDED_REMOVED = "bij_af"

    @property
    def domain(self) -> SyncDomain:
        return _FILTER_DOMAIN[self]


_FILTER_DOMAIN = {
    Filter.PARTICIPATION: SyncDomain.DEPARTMENT_PARTICIPATION,
    Filter.LWOO: SyncDomain.LWOO,
    Filter.HOME_CLASSES: SyncDomain.HOME_CLASSES,
    Filter.ADDED_REMOVED: SyncDomain.STUDENTS,
}


class Change(StrEnum):
    """A student known on one side only."""

    ADDED = "bij"
    """New in the portal: comes down into the project."""
    REMOVED = "af"
    """Gone from the portal's departments: goes out of the project."""
    NO_ACCOUNT = "nieuw"
    """Only in the project: gets a portal account (upload)."""


class Mark(StrEnum):
    SAME = ""
    DIFFERS = "differs"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class Cell:
    """One value as the window shows it: the leading side's; where the sides differ,
    the other side's value and which side that is, and the base on a conflict."""

    text: str
    mark: Mark = Mark.SAME
    other: str = ""
    other_side: str = ""
    """``portal`` or ``project``: whose value ``other`` is."""
    base: str = ""

    @property
    def differs(self) -> bool:
        return self.mark is not Mark.SAME


@dataclass(frozen=True, slots=True)
class Summary:
    """A column over all departments (Afd, Klas): the values, a marker where any
    department differs, and those departments' cells for the tooltip."""

    text: str
    mark: Mark = Mark.SAME
    details: tuple[tuple[str, Cell], ...] = ()

    @property
    def differs(self) -> bool:
        return self.mark is not Mark.SAME


@dataclass(frozen=True, slots=True)
class Person:
    """Name and departments of a student the snapshot knows on one side only."""

    name: str
    departments: tuple[str, ...] = ()


Column = tuple[str, Cell] | None
"""A department column's (department, cell), or None where the student has nothing."""


@dataclass(frozen=True, slots=True)
class StudentRow:
    number: str
    name: str
    department: str | None
    """The department of the student's page in the portal (None: not known)."""
    departments: frozenset[str]
    change: Change | None
    participation: Summary
    lwoo: Cell
    home_class: Summary
    home_classes: Mapping[str, Cell]
    """Per project department with a home class on either side."""
    percentages: Mapping[str, Cell]
    """Per project department with a participation on either side."""
    class_columns: tuple[Column, ...]
    """The home classes again, one per project department in order (None: nothing):
    what the window's department columns show, without a lookup per cell."""
    percentage_columns: tuple[Column, ...]
    differing: frozenset[SyncDomain]
    downloads: frozenset[SyncDomain]
    """Domains with a row of this student that may come down."""
    searched: str
    """Number and name in lower case, for the search box."""

    @property
    def ok(self) -> bool:
        return not self.differing


@dataclass(frozen=True)
class Query:
    filter: Filter | None = None
    everyone: bool = False
    """All students instead of only those with changes."""
    search: str = ""
    department: str | None = None


@dataclass(frozen=True)
class StudentsView:
    as_of: str
    departments: tuple[str, ...]
    project_leads: frozenset[str]
    """Project departments whose home classes the project leads (the yellow columns)."""
    rows: tuple[StudentRow, ...]
    changed: tuple[StudentRow, ...]
    by_domain: Mapping[SyncDomain, tuple[StudentRow, ...]]
    """Students with a difference in each of the window's domains."""
    _index: dict[str, StudentRow] = field(default_factory=dict, repr=False)

    def select(self, query: Query) -> list[StudentRow]:
        if query.filter is not None:
            rows: Iterable[StudentRow] = self.by_domain[query.filter.domain]
        else:
            rows = self.rows if query.everyone else self.changed
        wanted = query.search.strip().lower()
        department = query.department
        return [
            row
            for row in rows
            if (not wanted or wanted in row.searched)
            and (department is None or department in row.departments)
        ]

    def row(self, number: str) -> StudentRow | None:
        return self._index.get(number)


def text_of(value: Value) -> str:
    """A value as the windows show it (as ``shown`` on the pages): nothing is a dash."""
    if value is None or value == () or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, tuple):
        return " ".join(value)
    return str(value)


def _first(values: Fields | None) -> Value:
    return None if values is None else values[0]


def _cell(shown: Value, diff: DiffRow | None, *, portal_leads: bool) -> Cell:
    """The leading side's value; a differing row adds the other side's (and its base on
    a conflict). Every domain of this window has one field per row."""
    if diff is None:
        return Cell(text_of(shown))
    found = diff.fields[0]
    leading, other = (
        (found.portal, found.project) if portal_leads else (found.project, found.portal)
    )
    mark = Mark.CONFLICT if found.conflict else Mark.DIFFERS
    base = text_of(found.base) if found.conflict else ""
    side = "project" if portal_leads else "portal"
    return Cell(text_of(leading), mark, text_of(other), side, base)


def _summary(cells: Mapping[str, Cell], *, percentages: bool) -> Summary:
    parts: list[str] = []
    details: list[tuple[str, Cell]] = []
    mark = Mark.SAME
    for department in sorted(cells):
        cell = cells[department]
        if cell.text != "—":
            parts.append(f"{department} {cell.text}" if percentages else cell.text)
        if cell.differs:
            details.append((department, cell))
            if mark is not Mark.CONFLICT:
                mark = cell.mark
    return Summary(", ".join(parts) or "—", mark, tuple(details))


def per_student(rows: Iterable[Key]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for number, department in rows:
        if department is not None:
            found[number].add(department)
    return found


def name_of(personal: Fields | None) -> str:
    if personal is None:
        return ""
    return " ".join(str(part) for part in personal[:3] if part)


def build_students_view(
    snapshot: Snapshot, people: Mapping[str, Person] | None = None
) -> StudentsView:
    """Every student of the project or the portal, with the window's cells (many small
    objects, no cycles: the cyclic collector waits)."""
    with cyclic_gc_paused():
        return _build(snapshot, people or {})


def _build(snapshot: Snapshot, people: Mapping[str, Person]) -> StudentsView:
    views = snapshot.views
    diffs: dict[SyncDomain, dict[Key, DiffRow]] = {
        domain: {row.key: row for row in views[domain].diff.rows} for domain in WINDOW_DOMAINS
    }
    students = views[SyncDomain.STUDENTS]
    numbers = sorted({key[0] for key in students.portal} | {key[0] for key in students.project})
    departments = snapshot.departments
    position = {code: at for at, code in enumerate(departments)}
    project_leads = frozenset(
        code for code in departments if snapshot.leads.get(code) is Lead.PROJECT
    )
    participation = views[SyncDomain.DEPARTMENT_PARTICIPATION]
    home = views[SyncDomain.HOME_CLASSES]
    lwoo = views[SyncDomain.LWOO]
    personal = views[SyncDomain.PERSONAL_DATA]
    taking_part = per_student([*participation.portal, *participation.project])
    in_class = per_student([*home.portal, *home.project])
    by_domain: dict[SyncDomain, list[StudentRow]] = {domain: [] for domain in WINDOW_DOMAINS}
    differing_keys: dict[str, set[SyncDomain]] = defaultdict(set)
    downloading: dict[str, set[SyncDomain]] = defaultdict(set)
    for domain, rows in diffs.items():
        for key, diff in rows.items():
            differing_keys[key[0]].add(domain)
            if diff.direction is Direction.DOWNLOAD:
                downloading[key[0]].add(domain)
    built: list[StudentRow] = []
    for number in numbers:
        student_key: Key = (number, None)
        change = _change(diffs[SyncDomain.STUDENTS].get(student_key))
        percentages = {
            code: _cell(
                _first(participation.portal.get((number, code))),
                diffs[SyncDomain.DEPARTMENT_PARTICIPATION].get((number, code)),
                portal_leads=True,
            )
            for code in sorted(taking_part.get(number, ()))
        }
        classes = {
            code: _cell(
                _first(
                    (home.project if code in project_leads else home.portal).get((number, code))
                ),
                diffs[SyncDomain.HOME_CLASSES].get((number, code)),
                portal_leads=code not in project_leads,
            )
            for code in sorted(in_class.get(number, ()))
        }
        lwoo_value = lwoo.portal.get(student_key) or lwoo.project.get(student_key)
        person = people.get(number)
        name = name_of(personal.portal.get(student_key) or personal.project.get(student_key))
        if not name and person is not None:
            name = person.name
        own = sorted(taking_part.get(number, ())) or list(person.departments if person else ())
        row = StudentRow(
            number=number,
            name=name,
            department=own[0] if own else None,
            departments=frozenset(own) | frozenset(in_class.get(number, ())),
            change=change,
            participation=_summary(percentages, percentages=True)
            if percentages or person is None
            else Summary(", ".join(person.departments) or "—"),
            lwoo=_cell(
                _first(lwoo_value),
                diffs[SyncDomain.LWOO].get(student_key),
                portal_leads=True,
            ),
            home_class=_summary(classes, percentages=False),
            home_classes=classes,
            percentages=percentages,
            class_columns=_columns(classes, position),
            percentage_columns=_columns(percentages, position),
            differing=frozenset(differing_keys.get(number, ())),
            downloads=frozenset(downloading.get(number, ())),
            searched=f"{number} {name}".lower(),
        )
        built.append(row)
        for domain in row.differing:
            by_domain[domain].append(row)
    return StudentsView(
        snapshot.as_of,
        departments,
        project_leads,
        tuple(built),
        tuple(row for row in built if row.differing),
        {domain: tuple(rows) for domain, rows in by_domain.items()},
        {row.number: row for row in built},
    )


def _columns(cells: Mapping[str, Cell], position: Mapping[str, int]) -> tuple[Column, ...]:
    columns: list[Column] = [None] * len(position)
    for code, cell in cells.items():
        at = position.get(code)
        if at is not None:
            columns[at] = (code, cell)
    return tuple(columns)


def _change(row: DiffRow | None) -> Change | None:
    if row is None:
        return None
    if row.portal is not None:
        return Change.ADDED
    return Change.REMOVED if row.direction is Direction.DOWNLOAD else Change.NO_ACCOUNT
