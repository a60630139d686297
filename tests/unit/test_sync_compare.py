"""The connector's three-way comparison: shared/examples/connector-worked-example.md row by
row, then the edge cases of compare, selected, settled and the plan of an apply."""

from __future__ import annotations

import gc

import pytest

from koppel.domain.sync.compare import (
    DiffRow,
    DomainDiff,
    FieldDiff,
    Origin,
    absent,
    compare,
    row_direction,
    settled,
)
from koppel.domain.sync.domains import (
    FIELDS,
    PERSONAL_FIELDS,
    PRESENT,
    Direction,
    Fields,
    Key,
    Lead,
    State,
    SyncDomain,
)
from koppel.domain.sync.plan import Write, applied, plan_apply, reverted, settle_base

D = Direction.DOWNLOAD
U = Direction.UPLOAD
LEADS = {"4H": Lead.PORTAL, "4V": Lead.PROJECT}
"""The example's project 2027-2028: the portal leads 4H's home classes, the project 4V's."""


def person(number: str, **changed: str) -> Fields:
    values = {
        "first_name": "Sanne",
        "infix": None,
        "last_name": "Jansen",
        "gender": "V",
        "street": "Dorpsstraat",
        "house_number": "12",
        "postcode": "1234 AB",
        "city": "Utrecht",
        "email": f"s{number}@example.org",
        "previous_home_class": "3H1",
    }
    values.update(changed)
    return tuple(values[name] for name in PERSONAL_FIELDS)


def prognosis(*shares: str) -> Fields:
    return (1, None, tuple(sorted(shares)))


def package(profile: str, subjects: tuple[str, ...], exemptions: tuple[str, ...] = ()) -> Fields:
    return (profile, tuple(sorted(subjects)), tuple(sorted(exemptions)))


NT = ("wisb", "nat", "schk")
KNOWN = [f"1000{n:02d}" for n in range(1, 12)]
"""100001..100011: present on both sides at the last sync."""


def example() -> dict[SyncDomain, tuple[State, State, State]]:
    """(base, portal, project) of every domain, as the worked example has them."""
    students_base = {(n, None): PRESENT for n in KNOWN}
    students_portal = {k: v for k, v in students_base.items() if k[0] != "100011"}
    students_portal[("100012", None)] = PRESENT
    students_project = dict(students_base)
    students_project[("100013", None)] = PRESENT

    people = {(n, None): person(n) for n in KNOWN[:10]}
    people_portal = dict(people)
    people_portal[("100001", None)] = person("100001", last_name="Jansen-de Vries")
    people_project = dict(people)
    people_project[("100002", None)] = person("100002", postcode="1234 AC")

    participation = {(n, "4V" if n >= "100006" else "4H"): (100,) for n in KNOWN}
    participation_portal = {k: v for k, v in participation.items() if k[0] != "100011"}
    participation_portal[("100012", "4V")] = (100,)

    lwoo = {(n, None): (n == "100003",) for n in KNOWN}

    prognoses = {(n, None): prognosis("4H 100") for n in KNOWN}
    prognoses_portal = dict(prognoses)
    prognoses_portal[("100003", None)] = prognosis("4H 50", "4V 50")
    prognoses_portal[("100004", None)] = prognosis("4V 100")
    prognoses_project = dict(prognoses)
    prognoses_project[("100004", None)] = prognosis("5H 100")

    packages = {(n, "4V"): package("NT", NT) for n in ("100009", "100010")}
    packages_portal = {
        ("100009", "4V"): package("NT", (*NT, "biol")),
        ("100010", "4V"): package("NT", NT, ("lo",)),
    }

    homes = {
        ("100005", "4H"): ("4H1",),
        ("100006", "4V"): ("4V1",),
        ("100007", "4V"): ("4V1",),
        ("100008", "4V"): ("4V1",),
    }
    homes_portal = {**homes, ("100005", "4H"): ("4H2",), ("100007", "4V"): ("4V2",)}
    homes_project = {**homes, ("100006", "4V"): ("4V3",)}

    groups = {("100008", None): (("4V.netl1",),), ("100009", None): (("4V.netl1",),)}
    groups_project = {**groups, ("100008", None): (("4V.netl2",),)}

    return {
        SyncDomain.STUDENTS: (students_base, students_portal, students_project),
        SyncDomain.PERSONAL_DATA: (people, people_portal, people_project),
        SyncDomain.DEPARTMENT_PARTICIPATION: (participation, participation_portal, participation),
        SyncDomain.LWOO: (lwoo, dict(lwoo), dict(lwoo)),
        SyncDomain.PROGNOSES: (prognoses, prognoses_portal, prognoses_project),
        SyncDomain.PACKAGE_CHOICES: (packages, packages_portal, dict(packages)),
        SyncDomain.HOME_CLASSES: (homes, homes_portal, homes_project),
        SyncDomain.CLUSTER_GROUPS: (groups, dict(groups), groups_project),
    }


def diff_of(domain: SyncDomain) -> DomainDiff:
    base, portal, project = example()[domain]
    return compare(domain, portal, project, base, LEADS)


def row_of(domain: SyncDomain, student: str, department: str | None = None) -> DiffRow:
    found = [r for r in diff_of(domain).rows if r.key == (student, department)]
    assert len(found) == 1, f"{domain} {student}: {diff_of(domain).rows}"
    return found[0]


# --- the worked example, row by row ---------------------------------------------------

# student, domain, department, origin, direction, what applying writes
EXAMPLE_ROWS = [
    (
        "100001",
        SyncDomain.PERSONAL_DATA,
        None,
        Origin.PORTAL,
        D,
        person("100001", last_name="Jansen-de Vries"),
    ),
    ("100002", SyncDomain.PERSONAL_DATA, None, Origin.PROJECT, D, person("100002")),
    ("100003", SyncDomain.PROGNOSES, None, Origin.PORTAL, D, prognosis("4H 50", "4V 50")),
    ("100004", SyncDomain.PROGNOSES, None, Origin.BOTH, D, prognosis("4V 100")),
    ("100005", SyncDomain.HOME_CLASSES, "4H", Origin.PORTAL, D, ("4H2",)),
    ("100006", SyncDomain.HOME_CLASSES, "4V", Origin.PROJECT, U, ("4V3",)),
    ("100007", SyncDomain.HOME_CLASSES, "4V", Origin.PORTAL, U, ("4V1",)),
    ("100008", SyncDomain.CLUSTER_GROUPS, None, Origin.PROJECT, U, (("4V.netl2",),)),
    (
        "100009",
        SyncDomain.PACKAGE_CHOICES,
        "4V",
        Origin.PORTAL,
        D,
        package("NT", (*NT, "biol")),
    ),
    ("100010", SyncDomain.PACKAGE_CHOICES, "4V", Origin.PORTAL, D, package("NT", NT, ("lo",))),
    ("100011", SyncDomain.STUDENTS, None, Origin.PORTAL, D, None),
    ("100012", SyncDomain.STUDENTS, None, Origin.FIRST, D, PRESENT),
    ("100013", SyncDomain.STUDENTS, None, Origin.FIRST, U, PRESENT),
]


@pytest.mark.parametrize(
    ("student", "domain", "department", "origin", "direction", "proposed"),
    EXAMPLE_ROWS,
    ids=[f"{row[0]}-{row[1]}" for row in EXAMPLE_ROWS],
)
def test_worked_example_row(student, domain, department, origin, direction, proposed):
    row = row_of(domain, student, department)
    assert row.origin is origin
    assert row.direction is direction
    assert row.proposed == proposed
    assert row.conflict is (origin is Origin.BOTH)
    assert row.student == student
    assert row.department == department


def test_100001_portal_change_shows_the_field_with_its_base():
    row = row_of(SyncDomain.PERSONAL_DATA, "100001")
    assert row.fields == (FieldDiff("last_name", "Jansen-de Vries", "Jansen", "Jansen", False),)
    assert row.changed("last_name")
    assert not row.changed("postcode")


def test_100002_project_change_is_replaced_by_the_portals_value():
    row = row_of(SyncDomain.PERSONAL_DATA, "100002")
    assert row.fields == (FieldDiff("postcode", "1234 AB", "1234 AC", "1234 AB", False),)
    assert row.proposed == row.portal


def test_100004_conflict_shows_both_values_and_the_base():
    row = row_of(SyncDomain.PROGNOSES, "100004")
    assert row.fields == (FieldDiff("shares", ("4V 100",), ("5H 100",), ("4H 100",), True),)
    assert row.proposed == row.portal  # the leading side's value


def test_100007_portal_change_where_the_project_leads_proposes_the_projects_value():
    row = row_of(SyncDomain.HOME_CLASSES, "100007", "4V")
    assert row.fields == (FieldDiff("home_class", "4V2", "4V1", "4V1", False),)
    assert row.proposed == row.project == ("4V1",)


def test_100011_removed_in_the_portal_removes_from_the_project():
    row = row_of(SyncDomain.STUDENTS, "100011")
    assert (row.portal, row.project, row.base) == (None, PRESENT, PRESENT)
    assert row.fields == (FieldDiff("present", False, True, True, False),)


# domain: (rows, downloads, uploads, conflicts, exemption changes)
EXAMPLE_STATUS = {
    SyncDomain.STUDENTS: (3, 2, 1, 0, 0),
    SyncDomain.PERSONAL_DATA: (2, 2, 0, 0, 0),
    SyncDomain.DEPARTMENT_PARTICIPATION: (2, 2, 0, 0, 0),
    SyncDomain.LWOO: (0, 0, 0, 0, 0),
    SyncDomain.PROGNOSES: (2, 2, 0, 1, 0),
    SyncDomain.PACKAGE_CHOICES: (2, 2, 0, 0, 1),  # "package choices 2 [1]"
    SyncDomain.HOME_CLASSES: (3, 1, 2, 0, 0),
    SyncDomain.CLUSTER_GROUPS: (1, 0, 1, 0, 0),
}


@pytest.mark.parametrize("domain", list(SyncDomain))
def test_worked_example_status(domain):
    diff = diff_of(domain)
    assert (
        len(diff.rows),
        diff.count(D),
        diff.count(U),
        diff.conflicts,
        diff.exemption_changes,
    ) == EXAMPLE_STATUS[domain]
    assert diff.domain is domain
    assert diff.leads == LEADS


def test_department_participation_as_it_comes_out():
    diff = diff_of(SyncDomain.DEPARTMENT_PARTICIPATION)
    assert [(r.key, r.origin, r.proposed) for r in diff.rows] == [
        (("100011", "4V"), Origin.PORTAL, None),
        (("100012", "4V"), Origin.FIRST, (100,)),
    ]


def apply_all(
    domain: SyncDomain,
    base: State,
    portal: State,
    project: State,
    *,
    accept_conflicts: bool = False,
) -> tuple[dict[Key, Fields], dict[Key, Fields], dict[Key, Fields]]:
    """Both directions, everything allowed; base moved by the plans and by ``settled``."""
    diff = compare(domain, portal, project, base, LEADS)
    new_base, new_portal, new_project = dict(base), dict(portal), dict(project)
    for direction in (D, U):
        rows, _ = diff.selected(direction=direction, accept_conflicts=accept_conflicts)
        plan = plan_apply(domain, direction, rows, new_base)
        if direction is D:
            new_project = applied(new_project, plan.target)
        else:
            new_portal = applied(new_portal, plan.target)
        new_base = applied(new_base, plan.base)
    agreed = settled(new_portal, new_project, new_base, domain=domain)
    new_base = applied(new_base, settle_base(domain, agreed, new_base))
    return new_base, new_portal, new_project


def test_after_applying_everything_but_the_conflict_only_the_conflict_is_left():
    left: list[tuple[SyncDomain, Key]] = []
    for domain, (base, portal, project) in example().items():
        new_base, new_portal, new_project = apply_all(domain, base, portal, project)
        after = compare(domain, new_portal, new_project, new_base, LEADS)
        left += [(domain, row.key) for row in after.rows]
    assert left == [(SyncDomain.PROGNOSES, ("100004", None))]


def test_after_deciding_the_conflict_nothing_is_left():
    base, portal, project = example()[SyncDomain.PROGNOSES]
    new_base, new_portal, new_project = apply_all(
        SyncDomain.PROGNOSES, base, portal, project, accept_conflicts=True
    )
    assert compare(SyncDomain.PROGNOSES, new_portal, new_project, new_base).rows == ()
    assert new_project[("100004", None)] == prognosis("4V 100")
    assert new_base == new_portal == new_project


# --- compare: edge cases ---------------------------------------------------------------


def test_no_base_yet_every_difference_is_a_first_difference():
    for domain, (_, portal, project) in example().items():
        diff = compare(domain, portal, project, {}, LEADS)
        assert all(row.origin is Origin.FIRST and not row.conflict for row in diff.rows)
        assert all(f.base is None and not f.conflict for r in diff.rows for f in r.fields)
    diff = compare(SyncDomain.PROGNOSES, *example()[SyncDomain.PROGNOSES][1:], {})
    assert [r.student for r in diff.rows] == ["100003", "100004"]
    assert diff.conflicts == 0


def test_the_same_change_on_both_sides_is_no_row_and_the_base_moves_on():
    key = ("100001", None)
    base = {key: person("100001")}
    both = {key: person("100001", city="Zeist")}
    assert compare(SyncDomain.PERSONAL_DATA, both, dict(both), base).rows == ()
    assert settled(both, dict(both), base) == both
    writes = settle_base(SyncDomain.PERSONAL_DATA, settled(both, dict(both), base), base)
    assert writes == [Write(key, person("100001"), person("100001", city="Zeist"))]
    assert applied(base, writes) == both


def test_settled_leaves_a_base_that_is_up_to_date_and_rows_that_differ():
    key = ("100001", None)
    same = {key: person("100001")}
    assert settled(same, dict(same), dict(same)) == {}
    assert settled(same, {key: person("100001", city="Zeist")}, {}) == {}
    assert settled(same, dict(same), {}) == same  # first sync, both agree


def test_a_row_both_sides_removed_settles_to_absent_with_the_domain():
    key = ("100008", None)
    base = {key: (("4V.netl1",),)}
    assert settled({}, {}, base) == {}
    empty = absent(SyncDomain.CLUSTER_GROUPS)
    assert settled({}, {}, base, domain=SyncDomain.CLUSTER_GROUPS) == {key: empty}
    # then a later change on both sides is a conflict, not a silent upload
    diff = compare(
        SyncDomain.CLUSTER_GROUPS,
        {key: (("4V.netl1",),)},
        {key: (("4V.netl2",),)},
        {key: empty},
    )
    assert diff.rows[0].conflict
    students = settled({}, {}, {("100011", None): PRESENT}, domain=SyncDomain.STUDENTS)
    assert students == {("100011", None): (False,)}


def test_a_field_changed_on_one_side_and_another_on_the_other_is_no_conflict():
    key = ("100001", None)
    base = {key: person("100001")}
    portal = {key: person("100001", last_name="Bakker")}
    project = {key: person("100001", city="Zeist")}
    row = compare(SyncDomain.PERSONAL_DATA, portal, project, base).rows[0]
    assert row.origin is Origin.MIXED
    assert not row.conflict
    assert [f.name for f in row.fields] == ["last_name", "city"]
    assert not any(f.conflict for f in row.fields)
    assert row.proposed == portal[key]


def test_a_conflict_on_one_field_makes_the_row_a_conflict():
    key = ("100001", None)
    base = {key: person("100001")}
    portal = {key: person("100001", last_name="Bakker", city="Zeist")}
    project = {key: person("100001", last_name="de Boer")}
    row = compare(SyncDomain.PERSONAL_DATA, portal, project, base).rows[0]
    assert row.origin is Origin.BOTH
    assert row.conflict
    assert [(f.name, f.conflict) for f in row.fields] == [("last_name", True), ("city", False)]


@pytest.mark.parametrize("domain", [d for d in SyncDomain if d is not SyncDomain.STUDENTS])
def test_a_row_missing_on_one_side_reads_as_empty(domain):
    width = len(FIELDS[domain])
    key = ("100001", "4V")
    row = ("x",) * width
    only_portal = compare(domain, {key: row}, {}, {}, LEADS).rows[0]
    assert only_portal.project is None
    assert [f.project for f in only_portal.fields] == [None] * width
    only_project = compare(domain, {}, {key: row}, {}, LEADS).rows[0]
    assert only_project.portal is None
    assert only_project.proposed == (None if only_project.direction is D else row)
    # an all-empty row and a missing one are the same
    assert compare(domain, {key: absent(domain)}, {}, {key: row}, LEADS).rows == ()
    assert compare(domain, {}, {key: absent(domain)}, {}, LEADS).rows == ()


def test_a_row_missing_on_the_following_side_is_added_and_one_on_the_leading_side_removed():
    key = ("100009", "4V")
    choice = package("NT", NT)
    add = compare(SyncDomain.PACKAGE_CHOICES, {key: choice}, {}, {}).rows[0]
    assert (add.direction, add.proposed, add.origin) == (D, choice, Origin.FIRST)
    remove = compare(SyncDomain.PACKAGE_CHOICES, {}, {key: choice}, {key: choice}).rows[0]
    assert (remove.direction, remove.proposed, remove.origin) == (D, None, Origin.PORTAL)
    groups = compare(SyncDomain.CLUSTER_GROUPS, {key: (("g",),)}, {}, {key: (("g",),)})
    assert (groups.rows[0].direction, groups.rows[0].proposed) == (U, None)


def test_rows_come_sorted_by_student_then_department():
    project = {
        ("2", "4V"): ("4V1",),
        ("1", "4V"): ("4V1",),
        ("1", "4H"): ("4H1",),
        ("3", None): ("x",),
    }
    diff = compare(SyncDomain.HOME_CLASSES, {}, project, {}, LEADS)
    assert [r.key for r in diff.rows] == [("1", "4H"), ("1", "4V"), ("2", "4V"), ("3", None)]


def test_equal_sides_give_an_empty_diff():
    for domain, (_, portal, _) in example().items():
        diff = compare(domain, portal, dict(portal), {}, LEADS)
        assert diff.rows == ()
        assert (diff.conflicts, diff.count(D), diff.count(U)) == (0, 0, 0)


# --- students -----------------------------------------------------------------------------

STUDENT = ("100020", None)


@pytest.mark.parametrize(
    ("portal", "project", "base", "direction", "proposed", "origin"),
    [
        ({STUDENT: PRESENT}, {}, {}, D, PRESENT, Origin.FIRST),  # new in the portal
        ({}, {STUDENT: PRESENT}, {STUDENT: PRESENT}, D, None, Origin.PORTAL),  # removed there
        ({}, {STUDENT: PRESENT}, {}, U, PRESENT, Origin.FIRST),  # new in the project
        ({}, {STUDENT: PRESENT}, {STUDENT: (False,)}, U, PRESENT, Origin.PROJECT),  # back
        ({STUDENT: PRESENT}, {}, {STUDENT: PRESENT}, D, PRESENT, Origin.PROJECT),  # put back
    ],
    ids=["new-in-portal", "removed-in-portal", "new-in-project", "re-added", "project-removed"],
)
def test_students(portal, project, base, direction, proposed, origin):
    diff = compare(SyncDomain.STUDENTS, portal, project, base)
    (row,) = diff.rows
    assert (row.direction, row.proposed, row.origin) == (direction, proposed, origin)
    assert row_direction(SyncDomain.STUDENTS, STUDENT, row.portal, row.base, {}) is direction
    assert not row.conflict


def test_home_classes_of_a_department_without_a_lead_setting_come_down():
    key = ("100005", "4A")
    diff = compare(SyncDomain.HOME_CLASSES, {key: ("4A1",)}, {key: ("4A2",)}, {}, LEADS)
    assert diff.rows[0].direction is D
    assert compare(SyncDomain.HOME_CLASSES, {key: ("a",)}, {}, {}).leads == {}


@pytest.mark.parametrize(
    ("domain", "direction"),
    [
        (SyncDomain.PERSONAL_DATA, D),
        (SyncDomain.DEPARTMENT_PARTICIPATION, D),
        (SyncDomain.LWOO, D),
        (SyncDomain.PROGNOSES, D),
        (SyncDomain.PACKAGE_CHOICES, D),
        (SyncDomain.CLUSTER_GROUPS, U),
    ],
)
def test_fixed_directions(domain, direction):
    assert row_direction(domain, ("1", "4V"), None, None, LEADS) is direction


def test_exemption_changes_only_count_package_choices():
    key = ("1", None)
    diff = compare(SyncDomain.PROGNOSES, {key: (1, None, ("a",))}, {}, {})
    assert diff.exemption_changes == 0
    subjects_only = {("1", "4V"): package("NT", NT)}
    other = {("1", "4V"): package("NT", (*NT, "biol"))}
    assert compare(SyncDomain.PACKAGE_CHOICES, subjects_only, other, {}).exemption_changes == 0


# --- selected --------------------------------------------------------------------------


def selection_diff() -> DomainDiff:
    """Home classes: downloads in 4H, uploads in 4V, a conflict in each."""
    base = {
        ("1", "4H"): ("4H1",),
        ("2", "4H"): ("4H1",),
        ("3", "4V"): ("4V1",),
        ("4", "4V"): ("4V1",),
    }
    portal = {**base, ("1", "4H"): ("4H2",), ("2", "4H"): ("4H2",), ("4", "4V"): ("4V2",)}
    project = {**base, ("2", "4H"): ("4H3",), ("3", "4V"): ("4V3",), ("4", "4V"): ("4V3",)}
    return compare(SyncDomain.HOME_CLASSES, portal, project, base, LEADS)


def keys(rows: list[DiffRow]) -> list[Key]:
    return [row.key for row in rows]


def test_selected_by_direction_keeps_conflicts_back():
    diff = selection_diff()
    chosen, waiting = diff.selected(direction=D)
    assert (keys(chosen), keys(waiting)) == ([("1", "4H")], [("2", "4H")])
    chosen, waiting = diff.selected(direction=U)
    assert (keys(chosen), keys(waiting)) == ([("3", "4V")], [("4", "4V")])
    assert diff.selected(direction=Direction.BOTH) == ([], [])


def test_selected_with_accept_conflicts_takes_them():
    diff = selection_diff()
    chosen, waiting = diff.selected(direction=D, accept_conflicts=True)
    assert (keys(chosen), waiting) == ([("1", "4H"), ("2", "4H")], [])


@pytest.mark.parametrize("accept", [False, True])
def test_selected_by_department(accept):
    diff = selection_diff()
    assert diff.selected(direction=D, departments=["4V"], accept_conflicts=accept) == ([], [])
    chosen, waiting = diff.selected(direction=U, departments={"4V"}, accept_conflicts=accept)
    assert keys(chosen) == ([("3", "4V"), ("4", "4V")] if accept else [("3", "4V")])
    assert keys(waiting) == ([] if accept else [("4", "4V")])
    assert diff.selected(direction=U, departments=[], accept_conflicts=accept) == ([], [])


@pytest.mark.parametrize("accept", [False, True])
def test_selected_by_student(accept):
    diff = selection_diff()
    chosen, waiting = diff.selected(direction=D, students=["2"], accept_conflicts=accept)
    assert (keys(chosen), keys(waiting)) == (([("2", "4H")], []) if accept else ([], [("2", "4H")]))
    chosen, waiting = diff.selected(direction=D, students=("1", "3"), accept_conflicts=accept)
    assert (keys(chosen), waiting) == ([("1", "4H")], [])
    chosen, _ = diff.selected(
        direction=U, students=["3", "4"], departments=["4H"], accept_conflicts=accept
    )
    assert chosen == []


def test_a_department_selection_does_not_leave_out_rows_kept_per_student():
    diff = diff_of(SyncDomain.STUDENTS)
    chosen, _ = diff.selected(direction=D, departments=["4H"])
    assert [row.student for row in chosen] == ["100011", "100012"]


# --- plan_apply, applied, reverted -----------------------------------------------------


def test_plan_apply_writes_the_proposed_rows_and_moves_the_base():
    base, portal, project = example()[SyncDomain.STUDENTS]
    diff = compare(SyncDomain.STUDENTS, portal, project, base)
    rows, _ = diff.selected(direction=D)
    plan = plan_apply(SyncDomain.STUDENTS, D, rows, base)
    assert (plan.domain, plan.direction) == (SyncDomain.STUDENTS, D)
    assert plan.target == (
        Write(("100011", None), PRESENT, None),
        Write(("100012", None), None, PRESENT),
    )
    assert plan.base == (
        Write(("100011", None), PRESENT, (False,)),  # removed: the base remembers it
        Write(("100012", None), None, PRESENT),
    )
    after = applied(project, plan.target)
    assert ("100011", None) not in after
    assert after[("100012", None)] == PRESENT
    assert reverted(after, plan.target) == project
    new_base = applied(base, plan.base)
    assert new_base[("100011", None)] == (False,)
    assert reverted(new_base, plan.base) == base


def test_plan_apply_upload_writes_on_the_portal():
    base, portal, project = example()[SyncDomain.HOME_CLASSES]
    rows, _ = compare(SyncDomain.HOME_CLASSES, portal, project, base, LEADS).selected(direction=U)
    plan = plan_apply(SyncDomain.HOME_CLASSES, U, rows, base)
    assert plan.target == (
        Write(("100006", "4V"), ("4V1",), ("4V3",)),
        Write(("100007", "4V"), ("4V2",), ("4V1",)),
    )
    after = applied(portal, plan.target)
    assert after == {**portal, ("100006", "4V"): ("4V3",), ("100007", "4V"): ("4V1",)}
    assert reverted(applied(portal, plan.target), plan.target) == portal


def test_plan_apply_refuses_a_row_of_the_other_direction():
    diff = diff_of(SyncDomain.HOME_CLASSES)
    with pytest.raises(ValueError, match="moves upload"):
        plan_apply(SyncDomain.HOME_CLASSES, D, diff.rows, {})


def test_an_empty_plan_changes_nothing():
    plan = plan_apply(SyncDomain.LWOO, D, [], {})
    state = {("1", None): (True,)}
    assert (plan.target, plan.base) == ((), ())
    assert applied(state, plan.target) == reverted(state, plan.target) == state


def test_applied_and_reverted_make_new_mappings_and_undo_newest_first():
    state = {("1", None): (1,)}
    writes = [Write(("1", None), (1,), (2,)), Write(("1", None), (2,), None)]
    after = applied(state, writes)
    assert after == {}
    assert state == {("1", None): (1,)}
    assert reverted(after, writes) == state
    assert reverted(after, iter(writes)) == state  # any iterable
    assert applied({}, [Write(("9", None), None, None)]) == {}


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_leaves_the_cyclic_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        compare(SyncDomain.LWOO, {("1", None): (True,)}, {}, {})
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError, match="zip"):  # a row of the wrong width
            compare(SyncDomain.LWOO, {("1", None): (True, False)}, {}, {})
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
