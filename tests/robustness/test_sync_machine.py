"""A hypothesis state machine over the whole sync: a demo portal served over HTTP and a
fresh project file per example, driven through the connector's use cases (status, diff,
download, upload, undo) while a team leader edits the portal and the scheduler the
project, answers to writes are lost on the way back, and the portal changes a row
between a diff and its apply.

After every step (see :mod:`sync_model`):
- no lost update: a cell changed only where the step may change it, to the value the
  step moves (the other side's), never a cell both sides changed (a conflict) unless the
  step accepted conflicts; an undo puts back exactly what its change set replaced;
- no duplicate change set: the portal holds exactly the change sets the model counted;
- a side's number of students drops only by a download of students or an undo;
- diff and status show every difference between the sides, and the project's base is
  the one the model expects.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from koppel.connector import sync
from koppel.connector.applying import Selection
from koppel.connector.client import PortalRefused
from koppel.connector.comparing import Comparer
from koppel.connector.results import ApplyResult
from koppel.domain.errors import KoppelError
from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Direction, Fields, SyncDomain
from koppel.services.planning.edits import PlanningEdit, apply_edit
from tests.connector.conftest import DEPARTMENTS
from tests.connector.edits import portal_last_name, project_rows
from tests.robustness.sync_model import PROJECT_LED, SEEN, Before, SyncModel, saw
from tests.robustness.sync_world import (
    Cell,
    DropOneAnswer,
    SyncPortal,
    changed_cells,
    changesets_in_portal,
    comparer_of,
    new_project,
    served_portal,
    value,
)

PORTAL_LED = "3H"
GROUP_ASSIGNMENTS = (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS)
UPLOADS = ((SyncDomain.STUDENTS,), GROUP_ASSIGNMENTS, (SyncDomain.CLUSTER_GROUPS,))
PROGNOSES = ("5H 100", "5V 100", "5H 50 / 5V 50", "")
CLUSTER_GROUPS = ((), ("4H.ak1",), ("4V.netl9",), ("4H.ak1", "4H.en1"))
MAX_EXAMPLES = 12
STEPS = 30


class SyncMachine(RuleBasedStateMachine):
    world: SyncPortal
    folder: Path
    projects = itertools.count(1)
    examples = 0
    steps = 0
    """Rules run (and the start of each example), each followed by the invariants."""
    observed = 0
    """Times both sides were read and compared with the model."""

    @initialize()
    def start(self) -> None:
        SyncMachine.examples += 1
        self.world.reset()
        self.numbers = itertools.count(990001)
        path = self.folder / f"rooster-{next(self.projects)}.koppel"
        new_project(self.world, path)
        self.model = SyncModel(self.world, path)
        self.work_waiting()

    def work_waiting(self) -> None:
        """Each side starts with a change of its own, so that uploads and downloads have
        work from the first step."""
        first_4v = self.model.in_department(self.model.project, "4V")[0]
        project_rows(
            self.model.path, SyncDomain.CLUSTER_GROUPS, {(first_4v, None): (("4V.netl9",),)}
        )
        first_3h = self.model.in_department(self.model.portal, "3H")[0]
        self.planning_edit(first_3h, PlanningEdit(prognosis="4H 50 / 4V 50"), "3H")
        self.model.observe(
            "start",
            portal=lambda c: c == (SyncDomain.PROGNOSES, (first_3h, None)),
            project=lambda c: c == (SyncDomain.CLUSTER_GROUPS, (first_4v, None)),
        )

    def teardown(self) -> None:
        if hasattr(self, "model"):
            SyncMachine.observed += self.model.steps

    def comparer(self, transport: DropOneAnswer | None = None) -> AbstractContextManager[Comparer]:
        return comparer_of(self.world, self.model.path, transport)

    # --- the portal: a team leader's page, or an import -------------------------------

    def planning_edit(self, student: str, edit: PlanningEdit, department: str = "") -> bool:
        uow = self.world.uow()
        with uow:
            code = department or self.model.department_of(student)
            done = apply_edit(uow, "teamleider", uow.school.department(code), [student], edit)
        if done.changeset is not None:
            self.model.portal_changeset_made(done.changeset)
        return done.changeset is not None

    @rule(
        data=st.data(),
        kind=st.sampled_from(["prognosis", "lwoo", "comment", "home class", "last name"]),
    )
    def portal_edit(self, data: st.DataObject, kind: str) -> None:
        codes = (PORTAL_LED,) if kind == "home class" else DEPARTMENTS
        student = data.draw(st.sampled_from(self.model.in_department(self.model.portal, *codes)))
        key: tuple[str, str | None] = (student, None)
        if kind == "last name":
            name = data.draw(st.sampled_from(["Bakker", "Visser", "Jansen"]))
            note(f"portal: {student} last name {name}")
            portal_last_name(self.world.engine, student, name)
            domain = SyncDomain.PERSONAL_DATA
        else:
            if kind == "prognosis":
                edit = PlanningEdit(prognosis=data.draw(st.sampled_from(PROGNOSES)))
            elif kind == "lwoo":
                edit = PlanningEdit(lwoo=data.draw(st.booleans()))
            elif kind == "comment":
                edit = PlanningEdit(comment=data.draw(st.sampled_from(["bijles", ""])))
            else:
                edit = PlanningEdit(
                    home_class=data.draw(st.sampled_from(self.world.home_classes_3h))
                )
                key = (student, PORTAL_LED)
            note(f"portal: {student} {edit}")
            self.planning_edit(student, edit, PORTAL_LED if key[1] else "")
            domain = {
                "lwoo": SyncDomain.LWOO,
                "home class": SyncDomain.HOME_CLASSES,
            }.get(kind, SyncDomain.PROGNOSES)
        self.model.observe(f"portal {kind}", portal=lambda c: c == (domain, key))

    # --- the project: the scheduler's program writes its file --------------------------

    @rule(
        data=st.data(),
        kind=st.sampled_from(
            [
                "home class",
                "cluster groups",
                "prognosis",
                "new student",
                "student removed",
                "an applied row",
            ]
        ),
    )
    def project_edit(self, data: st.DataObject, kind: str) -> None:
        if kind == "new student":
            self.new_student(data.draw(st.sampled_from(DEPARTMENTS)))
            return
        if kind == "student removed":
            self.remove_student(data.draw(st.sampled_from(self.model.project_pool())))
            return
        if kind == "an applied row" and self.correct_applied_row(data):
            return
        kind = "prognosis" if kind == "an applied row" else kind
        codes = PROJECT_LED if kind == "cluster groups" else DEPARTMENTS
        student = data.draw(st.sampled_from(self.model.in_department(self.model.project, *codes)))
        if kind == "home class":
            taking_part = self.model.project[SyncDomain.DEPARTMENT_PARTICIPATION]
            department = data.draw(
                st.sampled_from(sorted(str(k[1]) for k in taking_part if k[0] == student))
            )
            name = data.draw(
                st.sampled_from([f"{department}1", f"{department}2", f"{department}9"])
            )
            cell: Cell = (SyncDomain.HOME_CLASSES, (student, department))
            row: Fields | None = (name,)
        elif kind == "cluster groups":
            groups = data.draw(st.sampled_from(CLUSTER_GROUPS))
            cell, row = (SyncDomain.CLUSTER_GROUPS, (student, None)), (groups,) if groups else None
        else:
            shares = data.draw(st.sampled_from(["5V 100", "5H 100", "5H 50 / 5V 50"]))
            cell, row = (SyncDomain.PROGNOSES, (student, None)), (1, "", shares)
        note(f"project: {cell} = {row}")
        project_rows(self.model.path, cell[0], {cell[1]: row})
        self.model.observe(f"project {kind}", project=lambda c: c == cell)

    @rule(data=st.data(), home_class=st.booleans())
    def both_sides_edit_a_row(self, data: st.DataObject, home_class: bool) -> None:
        """A team leader and the scheduler change the same row differently: a conflict,
        which no apply may overwrite unless the scheduler accepts it."""
        code = PORTAL_LED if home_class else data.draw(st.sampled_from(DEPARTMENTS))
        student = data.draw(st.sampled_from(self.model.in_department(self.model.project, code)))
        if home_class:
            cell: Cell = (SyncDomain.HOME_CLASSES, (student, code))
            others = self.other_home_classes(cell[1])
            if not others:
                return
            edit = PlanningEdit(home_class=others[0])
            row: Fields = ("3H9",)
        else:
            cell = (SyncDomain.PROGNOSES, (student, None))
            shares = data.draw(st.sampled_from(PROGNOSES[:3]))
            edit = PlanningEdit(prognosis=shares)
            row = (3, "roostermaker", shares)
        note(f"both sides: {cell}: portal {edit}, project {row}")
        self.planning_edit(student, edit, code)
        project_rows(self.model.path, cell[0], {cell[1]: row})
        self.model.observe(
            "both sides edit a row", portal=lambda c: c == cell, project=lambda c: c == cell
        )

    def correct_applied_row(self, data: st.DataObject) -> bool:
        """The scheduler changes a row the newest change set wrote (or took back)."""
        if not self.model.undoable:
            return False
        latest = self.model.undoable[-1]
        cells = sorted(
            c
            for c in changed_cells(latest.project_before, latest.project_after)
            if c[0] in (SyncDomain.PROGNOSES, SyncDomain.HOME_CLASSES, SyncDomain.LWOO)
            and c[1] in self.model.project[c[0]]
        )
        if not cells:
            return False
        cell = data.draw(st.sampled_from(cells))
        domain, key = cell
        now = value(self.model.project, cell)
        row: Fields = {
            SyncDomain.PROGNOSES: (2, "roostermaker", "5H 50 / 5V 50"),
            SyncDomain.HOME_CLASSES: (f"{key[1]}2",),
            SyncDomain.LWOO: (not now[0],),
        }[domain]
        if row == now:
            row = (now[0], "", "5H 100") if domain is SyncDomain.PROGNOSES else (f"{key[1]}9",)
        note(f"project: the applied {cell} = {row}")
        project_rows(self.model.path, domain, {key: row})
        self.model.observe("project edit of an applied row", project=lambda c: c == cell)
        return True

    def remove_student(self, student: str) -> None:
        """The scheduler takes a student out of the project (the portal keeps it: the
        next download of students brings it back)."""
        note(f"project: {student} removed")
        project_rows(self.model.path, SyncDomain.STUDENTS, {(student, None): None})
        self.model.observe(
            "project student removed", project=lambda c: c[1][0] == student, may_drop=True
        )

    def new_student(self, department: str) -> None:
        """A student the portal has no account for (the upload makes one)."""
        number = str(next(self.numbers))
        note(f"project: new student {number} in {department}")
        row = ("Noor", "van", "Dam", "V", "Laan", "1", "1234 AB", "Utrecht", "", "", False)
        project_rows(self.model.path, SyncDomain.STUDENTS, {(number, None): row})
        project_rows(
            self.model.path, SyncDomain.DEPARTMENT_PARTICIPATION, {(number, department): (100,)}
        )
        self.model.observe("project new student", project=lambda c: c[1][0] == number)

    # --- the connector: looking -----------------------------------------------------------

    def check_shown(self, comparer: Comparer, domain: SyncDomain) -> None:
        shown = {row.key for row in comparer.view(domain).diff.rows}
        expected = self.model.differences(domain)
        assert shown == expected, (
            f"{domain}: the diff hides {sorted(expected - shown)}, shows {sorted(shown - expected)}"
        )

    def took_over(self, step: str, taken: ApplyResult | None, before: Before) -> None:
        """What the automatic take-over of personal data brought down: a download."""
        self.after_download(step, SyncDomain.PERSONAL_DATA, Selection(), taken, before)

    @rule(domain=st.sampled_from([None, *SyncDomain]), auto=st.booleans())
    def look(self, domain: SyncDomain | None, auto: bool) -> None:
        """Status (``None``) or the diff of one domain: they show every difference."""
        if domain is None:
            self.status(auto)
        else:
            self.diff(domain, auto)

    def status(self, auto: bool) -> None:
        before = self.model.before()
        with self.comparer() as comparer:
            report = sync.status(comparer, auto=auto)
        self.took_over("status", report.auto, before)
        for domain, found in report.domains.items():
            expected = self.model.differences(domain)
            assert found.differences == len(expected), (domain, found, sorted(expected))

    def diff(self, domain: SyncDomain, auto: bool) -> None:
        before = self.model.before()
        with self.comparer() as comparer:
            report = sync.diff(comparer, domain, auto=auto)
            self.took_over("diff", report.auto, before)
            self.check_shown(comparer, domain)
        assert {row.key for row in report.diff.rows} == self.model.differences(domain)

    # --- the connector: downloads -------------------------------------------------------

    def draw_selection(self, data: st.DataObject) -> Selection:
        how = data.draw(st.sampled_from(["all", "some", "accept"]))
        if how == "some":
            differing = {key[0] for domain in SyncDomain for key in self.model.differences(domain)}
            numbers = sorted(
                differing | set(self.model.in_department(self.model.portal, *DEPARTMENTS)[:3])
            )
            chosen = data.draw(st.lists(st.sampled_from(numbers), max_size=4, unique=True))
            return Selection(students=chosen)
        return Selection(accept_conflicts=how == "accept")

    def waiting(self, domains: Iterable[SyncDomain], direction: Direction) -> list[SyncDomain]:
        """The domains with rows to move ``direction`` (most steps then have work to do)."""
        return [domain for domain in domains if self.model.moving(domain, direction)]

    @precondition(lambda self: self.waiting(sorted(sync.DOWNLOADS), Direction.DOWNLOAD))
    @rule(data=st.data())
    def download(self, data: st.DataObject) -> None:
        domain = data.draw(
            st.sampled_from(self.waiting(sorted(sync.DOWNLOADS), Direction.DOWNLOAD))
        )
        selection = self.draw_selection(data)
        note(f"download {domain} {selection}")
        before = self.model.before()
        with self.comparer() as comparer:
            result, _ = sync.download_selection(comparer, domain, selection, auto=False)
        self.after_download(f"download {domain}", domain, selection, result, before)
        if selection == Selection(accept_conflicts=True) and domain is not SyncDomain.STUDENTS:
            left = {
                key
                for key in self.model.differences(domain)
                if not (domain is SyncDomain.HOME_CLASSES and key[1] in PROJECT_LED)
            }
            assert not left, f"download {domain} of everything left {sorted(left)}"

    def after_download(
        self,
        step: str,
        domain: SyncDomain,
        selection: Selection,
        result: ApplyResult | None,
        before: Before,
    ) -> None:
        """Only the selected rows of ``domain`` changed in the project, each to the
        portal's row as the comparison read it, and no conflict unless accepted."""
        wanted = None if selection.students is None else set(selection.students)

        def allowed(cell: Cell) -> bool:
            cell_domain, (student, department) = cell
            if wanted is not None and student not in wanted:
                return False
            if domain is SyncDomain.STUDENTS:
                return True  # a student coming or going brings or takes its rows
            if domain is SyncDomain.HOME_CLASSES and department in PROJECT_LED:
                return False
            return cell_domain is domain

        changed = self.model.observe(
            step, project=allowed, may_drop=domain is SyncDomain.STUDENTS
        ).project
        written = result is not None and result.written
        saw(f"{step}: {'written' if written else 'nothing'}")
        if result is not None and result.conflicts:
            saw(f"{step}: conflicts left for a decision")
        if domain is SyncDomain.STUDENTS:
            self.students_came(changed, before)
        else:
            for cell in changed:
                assert value(self.model.project, cell) == value(before.portal, cell), cell
                if not selection.accept_conflicts:
                    assert not self.model.conflict(cell, before), f"conflict overwritten: {cell}"
            if written:
                applied = {c: value(self.model.project, c) for c in changed}
                self.model.settle_base(domain, before, applied)
        if result is not None:
            self.model.remember(result.changeset, None, before)

    def students_came(self, changed: set[Cell], before: Before) -> None:
        """Students coming down bring the portal's personal data and group assignments."""
        came = {
            c[1][0]
            for c in changed
            if c[0] is SyncDomain.STUDENTS and c[1] in before.portal[SyncDomain.STUDENTS]
        }
        for cell in changed:
            if cell[1][0] in came and cell[0] is not SyncDomain.LWOO:
                assert value(self.model.project, cell) == value(before.portal, cell), cell
                if cell[0] in GROUP_ASSIGNMENTS and cell[1] in before.portal[cell[0]]:
                    self.model.base[cell] = value(before.portal, cell)

    # --- the connector: uploads -----------------------------------------------------------

    @precondition(lambda self: self.waiting(sync.UPLOADS, Direction.UPLOAD))
    @rule(data=st.data(), drop=st.booleans())
    def upload(self, data: st.DataObject, drop: bool) -> None:
        waiting = self.waiting(sync.UPLOADS, Direction.UPLOAD)
        domains = data.draw(st.sampled_from([d for d in UPLOADS if set(d) & set(waiting)]))
        selection = self.draw_selection(data)
        note(f"upload {domains} {selection} dropped answer: {drop}")
        transport = DropOneAnswer() if drop else None
        before = self.model.before()
        with self.comparer(transport) as comparer:
            result = self.send(comparer, domains, selection, before)
        if transport is not None and result is not None and result.portal_changeset:
            saw("upload: answer dropped, sent again")
            assert transport.dropped == 1
            assert len(transport.keys) == 2
            assert transport.keys[0] == transport.keys[1], "sent again under another key"

    def send(
        self,
        comparer: Comparer,
        domains: tuple[SyncDomain, ...],
        selection: Selection,
        before: Before,
    ) -> ApplyResult | None:
        """Upload; only the selected rows of ``domains`` (and new students) changed in
        the portal, each to the project's row, and no conflict unless accepted."""
        try:
            result: ApplyResult | None = sync.upload_selection(
                comparer, domains, selection, auto=False
            )[0]
        except PortalRefused as refused:
            note(f"upload refused: {refused.status} {refused.portal_code} {refused.items}")
            saw(f"upload refused: {refused.status} {refused.portal_code}")
            result = None
        wanted = None if selection.students is None else set(selection.students)
        new = before.project[SyncDomain.STUDENTS].keys() - before.portal[SyncDomain.STUDENTS].keys()

        def allowed(cell: Cell) -> bool:
            cell_domain, key = cell
            if wanted is not None and key[0] not in wanted:
                return False
            if SyncDomain.STUDENTS in domains and (key[0], None) in new:
                return True
            if cell_domain is SyncDomain.HOME_CLASSES and key[1] not in PROJECT_LED:
                return False
            return cell_domain in domains

        changed = self.model.observe(f"upload {'+'.join(domains)}", portal=allowed).portal
        written = result is not None and result.portal_changeset is not None
        saw(f"upload: {'written' if written else 'nothing'}")
        for skipped in result.skipped if result is not None else []:
            saw(f"upload skipped a row: {skipped.reason}")
        if result is None or result.portal_changeset is None:
            assert not changed, "an upload that wrote nothing changed the portal"
            return result
        self.model.portal_changeset_made(result.portal_changeset)
        applied: dict[SyncDomain, dict[Cell, Fields]] = {}
        for cell in changed & {c for c in changed if c[0] in domains}:
            assert value(self.model.portal, cell) == value(before.project, cell), cell
            if not selection.accept_conflicts:
                assert not self.model.conflict(cell, before), f"conflict overwritten: {cell}"
            if cell[0] is not SyncDomain.STUDENTS:
                applied.setdefault(cell[0], {})[cell] = value(before.project, cell)
        for domain, cells in applied.items():
            self.model.settle_base(domain, before, cells)
        self.model.remember(result.changeset, result.portal_changeset, before)
        return result

    # --- the connector: undo --------------------------------------------------------------

    @precondition(lambda self: bool(self.model.undoable))
    @rule(drop=st.booleans())
    def undo(self, drop: bool) -> None:
        """The newest change set undone exactly on both sides; refused, nothing changed,
        when the project changed its rows since or the portal has a newer change set."""
        latest = self.model.undoable[-1]
        pending = latest.portal_changeset
        overtaken = pending is not None and self.model.portal_newest[-1:] != [pending]
        project_cells = changed_cells(latest.project_before, latest.project_after)
        portal_cells = (
            changed_cells(latest.portal_before, latest.portal_after) if pending else set()
        )
        edited_since = sorted(
            c
            for c in project_cells
            if value(self.model.project, c) != value(latest.project_after, c)
        )
        transport = DropOneAnswer() if drop else None
        with self.comparer(transport) as comparer:
            try:
                result = sync.undo_latest(comparer)
            except KoppelError as error:
                refused: KoppelError | None = error
            else:
                refused = None
        if refused is not None:
            note(f"undo refused: {refused.code} {refused.params}")
            self.model.observe(f"undo refused: {refused.code}")
            if edited_since:
                assert refused.code == "connector.undo_changed_since", refused
                return
            assert overtaken, f"the portal refused to undo its newest change set: {refused}"
            assert isinstance(refused, PortalRefused)
            assert refused.status == 409
            return
        assert not edited_since, (
            f"the undo overwrote what the project changed since: {edited_since}"
        )
        assert not overtaken, "the portal undid a change set that was no longer its newest"
        assert result.changeset == latest.changeset
        later = sorted(
            c for c in portal_cells if value(self.model.portal, c) != value(latest.portal_after, c)
        )
        assert not later, f"the undo took back what the portal changed since: {later}"
        self.model.observe(
            "undo",
            portal=lambda c: c in portal_cells,
            project=lambda c: c in project_cells,
            may_drop=True,
        )
        for cells, now, wanted in (
            (project_cells, self.model.project, latest.project_before),
            (portal_cells, self.model.portal, latest.portal_before),
        ):
            wrong = sorted(c for c in cells if value(now, c) != value(wanted, c))
            assert not wrong, f"the undo did not restore {wrong}"
        if pending is not None:
            self.model.portal_changesets += 1  # the undo's own change set
            self.model.portal_newest.pop()
            if transport is not None:
                saw("undo: answer dropped, sent again")
                assert transport.dropped == 1
        self.model.base = dict(latest.base_before)
        self.model.undoable.pop()

    # --- the portal changes between the diff and the apply --------------------------------

    def waiting_uploads(self) -> bool:
        return bool(self.waiting(GROUP_ASSIGNMENTS, Direction.UPLOAD))

    def other_home_classes(self, key: tuple[str, str | None]) -> list[str]:
        """The portal's home classes of the department that the student is not in."""
        uow = self.world.uow()
        with uow:
            year = uow.school.current_school_year()
            names = uow.student_planning.home_class_names(year, str(key[1]))
        current = value(self.model.portal, (SyncDomain.HOME_CLASSES, key))[0]
        return [name for name in names if name != current]

    @precondition(waiting_uploads)
    @rule(data=st.data())
    def portal_edit_between_diff_and_upload(self, data: st.DataObject) -> None:
        """The upload leaves the row the portal changed since the diff out (412) and
        the portal keeps its newer row."""
        with self.comparer() as comparer:
            rows: list[DiffRow] = [
                row
                for domain in GROUP_ASSIGNMENTS
                for row in comparer.view(domain).diff.rows
                if row.direction is Direction.UPLOAD and not row.conflict
            ]
            if not rows:
                saw("edit between diff and upload: nothing to upload")
                return
            row = data.draw(st.sampled_from(rows))
            edit = PlanningEdit(comment=f"tussendoor {self.model.steps}")
            if row.department is not None:
                others = self.other_home_classes(row.key)
                if others:
                    edit = PlanningEdit(home_class=data.draw(st.sampled_from(others)))
            note(f"portal between diff and upload: {row.key} {edit}")
            edited = self.planning_edit(row.student, edit, row.department or "")
            self.model.observe(
                "portal edit after the diff of an upload", portal=lambda c: c[1][0] == row.student
            )
            newer = self.model.portal
            result = self.send(comparer, GROUP_ASSIGNMENTS, Selection(), self.model.before())
        if not edited:
            return
        cell = (SyncDomain.HOME_CLASSES if row.department else SyncDomain.CLUSTER_GROUPS, row.key)
        assert value(self.model.portal, cell) == value(newer, cell), "the upload overwrote it"
        assert result is not None
        assert (row.student, "connector.skip.stale") in {
            (s.student, s.reason) for s in result.skipped
        }, result.skipped

    @rule(data=st.data(), domain=st.sampled_from([SyncDomain.PROGNOSES, SyncDomain.LWOO]))
    def portal_edit_between_diff_and_download(
        self, data: st.DataObject, domain: SyncDomain
    ) -> None:
        """The download brings what it compared; the portal keeps its newer row, and the
        next diff shows it."""
        before = self.model.before()
        with self.comparer() as comparer:
            comparer.view(domain)
            student = data.draw(
                st.sampled_from(self.model.in_department(self.model.portal, *DEPARTMENTS))
            )
            if domain is SyncDomain.LWOO:
                edit = PlanningEdit(lwoo=not value(self.model.portal, (domain, (student, None)))[0])
            else:
                edit = PlanningEdit(prognosis=data.draw(st.sampled_from(PROGNOSES)))
            note(f"portal between diff and download: {student} {edit}")
            self.planning_edit(student, edit)
            self.model.observe(
                "portal edit after the diff of a download",
                portal=lambda c: c == (domain, (student, None)),
            )
            newer = self.model.portal
            result = sync.download_selection(comparer, domain, Selection(), auto=False)[0]
        self.after_download(f"download {domain} after", domain, Selection(), result, before)
        assert self.model.portal == newer
        with self.comparer() as fresh:
            self.check_shown(fresh, domain)

    # --- after every step -----------------------------------------------------------------

    @invariant()
    def one_change_set_per_apply(self) -> None:
        SyncMachine.steps += 1
        assert changesets_in_portal(self.world.engine) == self.model.portal_changesets

    @invariant()
    def base_as_expected(self) -> None:
        found, expected = self.model.base_found()
        assert found == expected, sorted(set(found.items()) ^ set(expected.items()), key=str)


@pytest.fixture(scope="module")
def sync_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncPortal]:
    with served_portal(tmp_path_factory.mktemp("sync-portal")) as world:
        yield world


def test_the_sync_loses_nothing_and_applies_once(sync_portal: SyncPortal, tmp_path: Path) -> None:
    SyncMachine.world = sync_portal
    SyncMachine.folder = tmp_path
    SyncMachine.examples = SyncMachine.steps = SyncMachine.observed = 0
    SEEN.clear()
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=MAX_EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None
        ),
    )
    print(
        f"sync machine: {SyncMachine.examples} examples, {SyncMachine.steps} steps, "
        f"both sides compared with the model {SyncMachine.observed} times"
    )
    for what, count in sorted(SEEN.items()):
        print(f"{count:5}  {what}")
    assert SyncMachine.examples >= MAX_EXAMPLES
