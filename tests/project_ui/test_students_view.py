"""The Students window's rows from a small, hand-made snapshot: no portal, no browser."""

from __future__ import annotations

from koppel.connector.comparing import DomainView, status_of
from koppel.connector.one_sided import one_sided
from koppel.connector.snapshot import Snapshot
from koppel.connector.students_view import (
    Change,
    Filter,
    Mark,
    Person,
    Query,
    build_students_view,
)
from koppel.domain.sync.compare import compare
from koppel.domain.sync.domains import PERSONAL_FIELDS, PRESENT, Fields, Key, Lead, SyncDomain

LEADS = {"4H": Lead.PORTAL, "4V": Lead.PROJECT}
Rows = dict[Key, Fields]


def person(first: str, last: str, infix: str = "") -> Fields:
    values = dict.fromkeys(PERSONAL_FIELDS, "")
    values.update(first_name=first, infix=infix, last_name=last)
    return tuple(values[name] for name in PERSONAL_FIELDS)


def view(domain: SyncDomain, portal: Rows, project: Rows, base: Rows) -> DomainView:
    diff = compare(domain, portal, project, base, LEADS)
    return DomainView(diff, portal, project, base, {}, "2026-11-23T10:00:00Z")


def snapshot() -> Snapshot:
    """Five students: 1 differs in 4H's home class (portal leads) and LWOO, 2 in 4V's
    home class (project leads, a conflict), 3 moved from 4H to 4V in the portal, 4 is
    new in the portal, 5 only in the project; 6 has no differences."""
    both = ["1", "2", "3", "6"]
    names = {"1": ("Anna", "Bos"), "2": ("Bram", "Dijk"), "3": ("Cas", "Vries"), "6": ("Ot", "Zon")}
    personal: Rows = {(n, None): person(*names[n]) for n in both}
    views = {
        SyncDomain.STUDENTS: view(
            SyncDomain.STUDENTS,
            {(n, None): PRESENT for n in [*both, "4"]},
            {(n, None): PRESENT for n in [*both, "5"]},
            {(n, None): PRESENT for n in both},
        ),
        SyncDomain.PERSONAL_DATA: view(SyncDomain.PERSONAL_DATA, personal, personal, personal),
        SyncDomain.DEPARTMENT_PARTICIPATION: view(
            SyncDomain.DEPARTMENT_PARTICIPATION,
            {("1", "4H"): (100,), ("2", "4V"): (100,), ("3", "4V"): (100,), ("6", "4H"): (100,)},
            {("1", "4H"): (100,), ("2", "4V"): (100,), ("3", "4H"): (100,), ("6", "4H"): (100,)},
            {("1", "4H"): (100,), ("2", "4V"): (100,), ("3", "4H"): (100,), ("6", "4H"): (100,)},
        ),
        SyncDomain.LWOO: view(
            SyncDomain.LWOO,
            {(n, None): (n == "1",) for n in both},
            {(n, None): (False,) for n in both},
            {(n, None): (False,) for n in both},
        ),
        SyncDomain.HOME_CLASSES: view(
            SyncDomain.HOME_CLASSES,
            {("1", "4H"): ("4H1",), ("2", "4V"): ("4V1",), ("6", "4H"): ("4H1",)},
            {("1", "4H"): ("4H2",), ("2", "4V"): ("4V3",), ("6", "4H"): ("4H1",)},
            {("1", "4H"): ("4H2",), ("2", "4V"): ("4V2",), ("6", "4H"): ("4H1",)},
        ),
    }
    for domain in (SyncDomain.PROGNOSES, SyncDomain.PACKAGE_CHOICES, SyncDomain.CLUSTER_GROUPS):
        views[domain] = view(domain, {}, {}, {})
    return Snapshot(
        "2026-11-23T10:00:00Z",
        "2026-11-23T10:00:01Z",
        views,
        {domain: status_of(v.diff) for domain, v in views.items()},
        dict(LEADS),
        ("4H", "4V"),
        None,
    )


PEOPLE = {"4": Person("Dirk Mol", ("4V",)), "5": Person("Eva Kok", ("4H",))}


def test_every_student_of_either_side_with_the_windows_cells() -> None:
    built = build_students_view(snapshot(), PEOPLE)
    assert [row.number for row in built.rows] == ["1", "2", "3", "4", "5", "6"]
    assert [row.number for row in built.changed] == ["1", "2", "3", "4", "5"]
    assert built.project_leads == frozenset({"4V"})
    first = built.row("1")
    assert first is not None
    assert first.name == "Anna Bos"
    assert first.department == "4H"
    cell = first.home_classes["4H"]
    assert (cell.text, cell.mark, cell.other_side, cell.other) == (
        "4H1",
        Mark.DIFFERS,
        "project",
        "4H2",
    )
    assert first.home_class.text == "4H1"
    assert first.home_class.differs
    assert (first.lwoo.text, first.lwoo.other) == ("✓", "–")
    assert first.downloads == {SyncDomain.HOME_CLASSES, SyncDomain.LWOO}


def test_the_project_leads_shows_the_projects_value_and_a_conflicts_base() -> None:
    second = build_students_view(snapshot(), PEOPLE).row("2")
    assert second is not None
    cell = second.home_classes["4V"]
    assert (cell.text, cell.mark, cell.other_side, cell.other, cell.base) == (
        "4V3",
        Mark.CONFLICT,
        "portal",
        "4V1",
        "4V2",
    )
    assert second.home_class.mark is Mark.CONFLICT
    assert second.downloads == frozenset()  # project-led: it goes up, elsewhere


def test_participation_shows_the_portals_percentages_with_a_marker() -> None:
    third = build_students_view(snapshot(), PEOPLE).row("3")
    assert third is not None
    assert third.participation.text == "4V 100"
    assert third.participation.differs
    assert [(code, cell.other) for code, cell in third.participation.details] == [
        ("4H", "100"),
        ("4V", "—"),
    ]
    assert third.percentages["4H"].text == "—"


def test_students_on_one_side_are_added_or_get_an_account() -> None:
    built = build_students_view(snapshot(), PEOPLE)
    added, only_project = built.row("4"), built.row("5")
    assert added is not None
    assert only_project is not None
    assert (added.change, added.name, added.department) == (Change.ADDED, "Dirk Mol", "4V")
    assert (only_project.change, only_project.name) == (Change.NO_ACCOUNT, "Eva Kok")
    assert one_sided(snapshot()) == ({"4"}, {"5"})


def test_filters_search_and_department() -> None:
    built = build_students_view(snapshot(), PEOPLE)

    def numbers(query: Query) -> list[str]:
        return [row.number for row in built.select(query)]

    assert numbers(Query(Filter.HOME_CLASSES)) == ["1", "2"]
    assert numbers(Query(Filter.LWOO)) == ["1"]
    assert numbers(Query(Filter.PARTICIPATION)) == ["3"]
    assert numbers(Query(Filter.ADDED_REMOVED)) == ["4", "5"]
    assert numbers(Query(everyone=True, search="zon")) == ["6"]
    assert numbers(Query(search="zon")) == []  # no changes
    assert numbers(Query(everyone=True, department="4V")) == ["2", "3", "4"]
    assert numbers(Query(search=" DIJK ")) == ["2"]
