"""Properties of the connector's comparison and apply, on random three-way states.

Every domain; small alphabets so that both sides often make the same change, change the
same field differently (conflicts) or remove the same row; random leads per department
for home classes. An apply is what the services do: ``plan_apply`` per direction, the
plan's target writes on the side that follows, its base writes on the base.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hypothesis import event, given, settings
from hypothesis import strategies as st

from koppel.domain.sync.compare import DiffRow, DomainDiff, Origin, absent, compare, settled
from koppel.domain.sync.domains import (
    FIELDS,
    PER_DEPARTMENT,
    Direction,
    Fields,
    Key,
    Lead,
    State,
    SyncDomain,
    Value,
)
from koppel.domain.sync.plan import Plan, applied, plan_apply, reverted, settle_base

BOUNDED = settings(max_examples=200, deadline=None)

STUDENTS = ("100001", "100002", "100003", "100004")
DEPARTMENTS = ("4H", "4V")

TEXT = st.sampled_from(["a", "b", None])
TUPLES = st.sampled_from([(), ("x",), ("x", "y")])
FIELD_VALUES: dict[str, st.SearchStrategy[Value]] = {
    "present": st.just(True),
    "percentage": st.sampled_from([50, 100]),
    "lwoo": st.booleans(),
    "round": st.sampled_from([1, 2]),
    "comment": TEXT,
    "shares": st.sampled_from([("4H 100",), ("4V 100",), ("4H 50", "4V 50")]),
    "profile": st.sampled_from(["NT", "NG", None]),
    "subjects": TUPLES,
    "exemptions": st.sampled_from([(), ("lo",)]),
    "home_class": st.sampled_from(["1", "2", None]),
    "groups": TUPLES,
    "first_name": TEXT,
    "last_name": TEXT,
    "city": TEXT,
}
"""Per field name; personal data's other seven fields stay "x" (three that change are
enough for conflicts and rows changed on both sides in different fields)."""


def _keys(domain: SyncDomain) -> list[Key]:
    seconds: tuple[str | None, ...] = DEPARTMENTS if domain in PER_DEPARTMENT else (None,)
    return [(student, second) for student in STUDENTS for second in seconds]


ROWS = {
    d: st.tuples(*(FIELD_VALUES.get(name, st.just("x")) for name in FIELDS[d])) for d in SyncDomain
}
KEYS = {d: st.sampled_from(_keys(d)) for d in SyncDomain}


@dataclass
class Scenario:
    domain: SyncDomain
    base: dict[Key, Fields]
    portal: dict[Key, Fields]
    project: dict[Key, Fields]
    leads: dict[str, Lead] = field(default_factory=dict)

    def diff(self) -> DomainDiff:
        return compare(self.domain, self.portal, self.project, self.base, self.leads)


BASES = {d: st.dictionaries(KEYS[d], ROWS[d] | st.just(absent(d)), max_size=8) for d in SyncDomain}
"""An empty base: nothing synced yet; an absent row: removed at an earlier apply."""
EDITS = {d: st.lists(st.tuples(KEYS[d], st.none() | ROWS[d]), max_size=4) for d in SyncDomain}
"""Rows a side changed, added or removed (None) since the base."""
LEADS = st.dictionaries(st.sampled_from(DEPARTMENTS), st.sampled_from(list(Lead)), max_size=2)


def edited(
    base: State, domain: SyncDomain, edits: list[tuple[Key, Fields | None]]
) -> dict[Key, Fields]:
    """One side: the base's rows (a removed row is no row on a side), then ``edits``."""
    empty = absent(domain)
    side = {key: row for key, row in base.items() if row != empty}
    for key, row in edits:
        if row is None:
            side.pop(key, None)
        else:
            side[key] = row
    return side


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    domain = draw(st.sampled_from(list(SyncDomain)))
    base = draw(BASES[domain])
    portal = edited(base, domain, draw(EDITS[domain]))
    project = edited(base, domain, draw(EDITS[domain]))
    return Scenario(domain, base, portal, project, draw(LEADS))


@dataclass
class Applied:
    before: Scenario
    after: Scenario
    plans: list[Plan]
    rows: list[DiffRow]
    """The rows applied."""


def apply(
    scenario: Scenario,
    *,
    students: Iterable[str] | None = None,
    accept_conflicts: bool = True,
) -> Applied:
    """Both directions, every row the selection allows."""
    diff = scenario.diff()
    wanted = None if students is None else list(students)
    base, portal, project = dict(scenario.base), dict(scenario.portal), dict(scenario.project)
    plans: list[Plan] = []
    done: list[DiffRow] = []
    for direction in (Direction.DOWNLOAD, Direction.UPLOAD):
        rows, _ = diff.selected(
            direction=direction, students=wanted, accept_conflicts=accept_conflicts
        )
        plan = plan_apply(scenario.domain, direction, rows, base)
        if direction is Direction.DOWNLOAD:
            project = applied(project, plan.target)
        else:
            portal = applied(portal, plan.target)
        base = applied(base, plan.base)
        plans.append(plan)
        done += rows
    after = Scenario(scenario.domain, base, portal, project, scenario.leads)
    return Applied(scenario, after, plans, done)


def normal(state: State, domain: SyncDomain) -> dict[Key, Fields]:
    """A state as the comparison reads it: a row that is all empty is no row."""
    empty = absent(domain)
    return {key: row for key, row in state.items() if row != empty}


# --- properties ----------------------------------------------------------------------


@BOUNDED
@given(scenarios())
def test_compare_reports_exactly_the_rows_that_differ(scenario):
    """Against the plain dictionary diff, a missing row read as the absent row; each
    field classified by the three-way table, each row moving the way its domain (and
    for home classes its department's lead) allows."""
    empty = absent(scenario.domain)
    keys = scenario.portal.keys() | scenario.project.keys()
    differing = {k for k in keys if scenario.portal.get(k, empty) != scenario.project.get(k, empty)}
    diff = scenario.diff()
    assert [row.key for row in diff.rows] == sorted(differing, key=lambda k: (k[0], k[1] or ""))
    for row in diff.rows:
        assert row.fields, row
        for f in row.fields:
            assert f.portal != f.project
            assert f.conflict == (row.base is not None and f.base not in (f.portal, f.project))
        assert row.conflict == any(f.conflict for f in row.fields)
        assert (row.origin is Origin.FIRST) == (row.base is None)
        assert row.proposed == (row.portal if row.direction is Direction.DOWNLOAD else row.project)
        assert row.direction is expected_direction(scenario, row)
        event(f"{scenario.domain}: {row.origin} {row.direction}")


def expected_direction(scenario: Scenario, row: DiffRow) -> Direction:
    """The seed's rules (DESIGN.md 4), the students domain aside."""
    if scenario.domain is SyncDomain.STUDENTS:
        return row.direction
    if scenario.domain is SyncDomain.HOME_CLASSES:
        project_leads = scenario.leads.get(row.department or "") is Lead.PROJECT
        return Direction.UPLOAD if project_leads else Direction.DOWNLOAD
    if scenario.domain is SyncDomain.CLUSTER_GROUPS:
        return Direction.UPLOAD
    return Direction.DOWNLOAD


@BOUNDED
@given(scenarios())
def test_applying_every_allowed_change_leaves_nothing_to_do(scenario):
    """(a)"""
    after = apply(scenario).after
    assert after.diff().rows == ()


@BOUNDED
@given(scenarios())
def test_applying_twice_is_applying_once(scenario):
    """(b) the same plans again change nothing, and a second round finds nothing to do."""
    done = apply(scenario)
    download, upload = done.plans
    assert applied(done.after.project, download.target) == done.after.project
    assert applied(done.after.portal, upload.target) == done.after.portal
    base = done.after.base
    assert applied(applied(base, download.base), upload.base) == base
    again = apply(done.after)
    assert again.rows == []
    assert again.after == done.after


@BOUNDED
@given(scenarios())
def test_reverting_an_apply_restores_every_side_and_the_base(scenario):
    """(c)"""
    done = apply(scenario)
    download, upload = done.plans
    assert reverted(done.after.project, download.target) == scenario.project
    assert reverted(done.after.portal, upload.target) == scenario.portal
    assert reverted(reverted(done.after.base, upload.base), download.base) == scenario.base


@BOUNDED
@given(scenarios())
def test_the_leading_side_is_never_written(scenario):
    """(d) a download writes only the project, an upload only the portal, each exactly
    the rows it applies, and the base of an applied row becomes its applied value."""
    done = apply(scenario)
    empty = absent(scenario.domain)
    before, after = scenario, done.after
    for row in done.rows:
        if row.direction is Direction.DOWNLOAD:
            assert after.portal.get(row.key) == before.portal.get(row.key)
            assert after.project.get(row.key) == row.portal
        else:
            assert after.project.get(row.key) == before.project.get(row.key)
            assert after.portal.get(row.key) == row.project
        assert after.base[row.key] == (empty if row.proposed is None else row.proposed)
    applied_keys = {row.key for row in done.rows}
    for state in ("portal", "project", "base"):
        old, new = getattr(before, state), getattr(after, state)
        changed = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
        assert changed <= applied_keys, state


@BOUNDED
@given(scenarios(), st.sets(st.sampled_from(STUDENTS)))
def test_students_left_out_are_untouched(scenario, chosen):
    """(e)"""
    done = apply(scenario, students=chosen)
    for state in ("portal", "project", "base"):
        old, new = getattr(scenario, state), getattr(done.after, state)
        for key in old.keys() | new.keys():
            if key[0] not in chosen:
                assert old.get(key) == new.get(key), (state, key)
    assert {row.student for row in done.rows} <= chosen
    left = {row.key for row in done.after.diff().rows}
    assert left == {row.key for row in scenario.diff().rows if row.student not in chosen}


@BOUNDED
@given(scenarios())
def test_conflicts_wait_for_a_decision(scenario):
    """(f) without accept_conflicts no conflicting row is applied; the rest are."""
    diff = scenario.diff()
    done = apply(scenario, accept_conflicts=False)
    conflicts = {row.key for row in diff.rows if row.conflict}
    assert not any(row.conflict for row in done.rows)
    for state in ("portal", "project", "base"):
        old, new = getattr(scenario, state), getattr(done.after, state)
        for key in conflicts:
            assert old.get(key) == new.get(key), (state, key)
    assert {row.key for row in done.after.diff().rows} == conflicts
    waiting: list[DiffRow] = []
    for direction in (Direction.DOWNLOAD, Direction.UPLOAD):
        waiting += diff.selected(direction=direction)[1]
    assert all(row.conflict for row in waiting)
    assert {row.key for row in waiting} == conflicts


@BOUNDED
@given(scenarios())
def test_after_an_apply_and_settling_the_base_agrees_with_both_sides(scenario):
    """Once every row is applied and the base has settled, all three agree."""
    after = apply(scenario).after
    domain = scenario.domain
    agreed = settled(after.portal, after.project, after.base, domain=domain)
    base = applied(after.base, settle_base(domain, agreed, after.base))
    assert normal(base, domain) == normal(after.portal, domain) == normal(after.project, domain)
    assert settled(after.portal, after.project, base, domain=domain) == {}
