"""The sync machine's model: both sides as the machine last saw them, what the project
should remember of the last sync (the base), the change sets an undo would take back, and
the portal's change sets counted. ``observe`` reads both sides again after a step and
fails on any cell the step had no right to change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import event, note

from koppel.connector.comparing import DEPARTMENT_SCOPED
from koppel.domain.sync.compare import absent
from koppel.domain.sync.domains import DOMAIN_DIRECTION, Direction, Fields, Key, SyncDomain
from tests.connector.conftest import DEPARTMENTS
from tests.robustness.sync_world import (
    Cell,
    Side,
    SyncPortal,
    active_students_in_portal,
    changed_cells,
    changesets_in_portal,
    read_base,
    read_portal_side,
    read_project_side,
    value,
)

PROJECT_LED = ("4H", "4V")
"""The demo's departments whose home classes the project leads (3H: the portal)."""
POOL = 2
"""Demo students per department that the edits pick from."""
Allowed = Callable[[Cell], bool]
SEEN: Counter[str] = Counter()
"""What the examples did, counted over a run (hypothesis' events, kept for the report)."""


def saw(what: str) -> None:
    event(what)
    SEEN[what] += 1


def nothing(_cell: Cell) -> bool:
    return False


@dataclass(frozen=True)
class Applied:
    """One change set of the project, with both sides and the base around it."""

    changeset: str
    portal_changeset: str | None
    portal_before: Side
    project_before: Side
    base_before: dict[Cell, Fields]
    portal_after: Side
    project_after: Side


@dataclass(frozen=True)
class Before:
    portal: Side
    project: Side
    base: dict[Cell, Fields]


@dataclass
class Changed:
    portal: set[Cell]
    project: set[Cell]


@dataclass
class SyncModel:
    world: SyncPortal
    path: Path
    portal: Side = field(init=False)
    project: Side = field(init=False)
    base: dict[Cell, Fields] = field(init=False)
    portal_changesets: int = field(init=False)
    portal_students: int = field(init=False)
    undoable: list[Applied] = field(default_factory=list)
    """The project's change sets the model saw made, newest last."""
    portal_newest: list[str] = field(default_factory=list)
    """The portal's change sets made in this example, newest last (undone ones gone)."""
    steps: int = 0

    def __post_init__(self) -> None:
        self.portal = read_portal_side(self.world)
        self.project = read_project_side(self.path)
        self.base = read_base(self.path)
        self.portal_changesets = changesets_in_portal(self.world.engine)
        self.portal_students = active_students_in_portal(self.world.engine)

    def before(self) -> Before:
        return Before(self.portal, self.project, dict(self.base))

    def in_both(self, portal: Side | None = None, project: Side | None = None) -> set[str]:
        portal, project = portal or self.portal, project or self.project
        return {key[0] for key in portal[SyncDomain.STUDENTS]} & {
            key[0] for key in project[SyncDomain.STUDENTS]
        }

    def in_department(self, side: Side, *codes: str) -> list[str]:
        """The few demo students per department that the edits pick from (so that steps
        meet on the same rows: conflicts, edits after an apply)."""
        rows = side[SyncDomain.DEPARTMENT_PARTICIPATION]
        found: set[str] = set()
        for code in codes:
            found |= set(sorted(k[0] for k in rows if k[1] == code and k[0] < "99")[:POOL])
        return sorted(found)

    def project_pool(self) -> list[str]:
        """The pool's students that the project has."""
        return [
            number
            for number in self.in_department(self.portal, *DEPARTMENTS)
            if (number, None) in self.project[SyncDomain.STUDENTS]
        ] or sorted(key[0] for key in self.project[SyncDomain.STUDENTS])[:1]

    def department_of(self, student: str) -> str:
        return min(
            str(key[1])
            for key in self.portal[SyncDomain.DEPARTMENT_PARTICIPATION]
            if key[0] == student and key[1] in DEPARTMENTS
        )

    def conflict(self, cell: Cell, before: Before) -> bool:
        """A field both sides changed since the last sync, and differently."""
        base = before.base.get(cell)
        if base is None or cell[0] is SyncDomain.STUDENTS:
            return False
        return any(
            p != d and p != b and d != b
            for p, d, b in zip(
                value(before.portal, cell), value(before.project, cell), base, strict=True
            )
        )

    def differences(self, domain: SyncDomain) -> set[Key]:
        """The rows the connector must show: the sides differ (students on both sides)."""
        portal, project = self.portal[domain], self.project[domain]
        if domain is SyncDomain.STUDENTS:
            return set(portal.keys() ^ project.keys())
        both = self.in_both()
        if domain in DEPARTMENT_SCOPED:
            project = {k: v for k, v in project.items() if k[1] in DEPARTMENTS}
        empty = absent(domain)
        return {
            k
            for k in portal.keys() | project.keys()
            if k[0] in both and portal.get(k, empty) != project.get(k, empty)
        }

    def moving(self, domain: SyncDomain, direction: Direction) -> set[Key]:
        """The differing rows that may move ``direction`` (the seed's rules)."""
        keys = self.differences(domain)
        if domain is SyncDomain.STUDENTS:
            portal = self.portal[domain]
            return {k for k in keys if (k in portal) == (direction is Direction.DOWNLOAD)}
        if domain is SyncDomain.HOME_CLASSES:
            return {k for k in keys if (k[1] in PROJECT_LED) == (direction is Direction.UPLOAD)}
        return keys if DOMAIN_DIRECTION[domain] is direction else set()

    def observe(
        self,
        step: str,
        *,
        portal: Allowed = nothing,
        project: Allowed = nothing,
        may_drop: bool = False,
    ) -> Changed:
        """Both sides read again: every changed cell must be one the step may change, and
        no side may lose students unless ``may_drop``. The model moves on."""
        self.steps += 1
        saw(step)
        portal_now = read_portal_side(self.world)
        project_now = read_project_side(self.path)
        changed = Changed(
            changed_cells(self.portal, portal_now), changed_cells(self.project, project_now)
        )
        for side, cells, allowed, now, was in (
            ("portal", changed.portal, portal, portal_now, self.portal),
            ("project", changed.project, project, project_now, self.project),
        ):
            note(f"{step}: {side} changed {sorted(cells)}")
            lost = sorted(cell for cell in cells if not allowed(cell))
            assert not lost, f"{step} changed the {side} where it may not: " + ", ".join(
                f"{c}: {value(was, c)} -> {value(now, c)}" for c in lost
            )
        students = active_students_in_portal(self.world.engine)
        if not may_drop:
            assert students >= self.portal_students, f"{step}: portal students dropped"
            dropped = len(project_now[SyncDomain.STUDENTS]) < len(self.project[SyncDomain.STUDENTS])
            assert not dropped, f"{step}: project students dropped"
        self.portal_students = students
        self.portal, self.project = portal_now, project_now
        return changed

    def settle_base(self, domain: SyncDomain, before: Before, applied: dict[Cell, Fields]) -> None:
        """As an apply does: applied rows, and rows both sides agreed on, become the base."""
        both = self.in_both(before.portal, before.project)
        keys = before.portal[domain].keys() | before.project[domain].keys()
        keys |= {key for (d, key) in self.base if d is domain}
        for key in keys:
            cell = (domain, key)
            if key[0] not in both or (domain in DEPARTMENT_SCOPED and key[1] not in DEPARTMENTS):
                continue
            agreed = value(before.portal, cell)
            if value(before.project, cell) == agreed and self.base.get(cell) != agreed:
                self.base[cell] = agreed
        self.base.update(applied)

    def remember(self, changeset: str | None, portal_changeset: str | None, before: Before) -> None:
        if changeset is None:
            return
        self.undoable.append(
            Applied(
                changeset,
                portal_changeset,
                before.portal,
                before.project,
                before.base,
                self.portal,
                self.project,
            )
        )

    def portal_changeset_made(self, changeset: str) -> None:
        self.portal_changesets += 1
        self.portal_newest.append(changeset)

    def base_found(self) -> tuple[dict[Cell, Fields], dict[Cell, Fields]]:
        """(the project's base, the model's), for students on both sides."""
        both = self.in_both()

        def kept(cells: dict[Cell, Fields]) -> dict[Cell, Fields]:
            return {
                c: v
                for c, v in cells.items()
                if c[0] is not SyncDomain.STUDENTS and c[1][0] in both
            }

        return kept(read_base(self.path)), kept(self.base)
