"""The domain windows' view of a snapshot, without a browser: which cells differ, which
conflict, whose change is replaced, and the package choices' counts per department."""

from __future__ import annotations

from koppel.connector.comparing import DomainView, status_of
from koppel.connector.domain_windows import domain_window
from koppel.connector.snapshot import Snapshot
from koppel.domain.sync.compare import Origin, compare
from koppel.domain.sync.domains import State, SyncDomain

PERSON = ("Anna", "", "Bakker", "V", "Dorpsstraat", "1", "1234 AB", "Ede", "a@x.nl", "2A")


def _view(domain: SyncDomain, portal: State, project: State, base: State) -> DomainView:
    diff = compare(domain, portal, project, base)
    return DomainView(diff, dict(portal), dict(project), dict(base), {}, "2026-11-23T10:00:00Z")


def _snapshot(views: dict[SyncDomain, DomainView]) -> Snapshot:
    empty = _view(SyncDomain.LWOO, {}, {}, {})
    everything = {domain: views.get(domain, empty) for domain in SyncDomain}
    return Snapshot(
        "2026-11-23T10:00:00Z",
        "2026-11-23T10:00:01Z",
        everything,
        {domain: status_of(view.diff) for domain, view in everything.items()},
        {},
        ("4H", "4V", "5V"),
        None,
    )


def test_personal_data_shows_only_fields_that_differ_with_origin_and_base() -> None:
    moved = ("Anna", "", "Visser", *PERSON[3:])
    mine = (*PERSON[:7], "Wageningen", *PERSON[8:])
    both = ("Anna", "", "Jansen", *PERSON[3:])
    portal = {("1", None): moved, ("2", None): PERSON, ("3", None): both}
    project = {
        ("1", None): PERSON,
        ("2", None): mine,
        ("3", None): ("Anna", "", "Smit", *PERSON[3:]),
    }
    base = {("1", None): PERSON, ("2", None): PERSON, ("3", None): PERSON}
    view = _view(SyncDomain.PERSONAL_DATA, portal, project, base)
    window = domain_window(_snapshot({SyncDomain.PERSONAL_DATA: view}), SyncDomain.PERSONAL_DATA)

    assert window.fields == ("last_name", "city")
    assert window.fields_left_out
    assert window.conflicts == 1
    first, second, third = window.lines
    assert (first.origin, first.name) == (Origin.PORTAL, "Anna Visser")
    assert [(c.portal, c.project, c.differs) for c in first.cells] == [
        ("Visser", "Bakker", True),
        ("Ede", "Ede", False),
    ]
    assert second.origin is Origin.PROJECT
    city = second.cells[1]
    assert (city.differs, city.replaced, city.base) == (True, True, "Ede")
    assert third.conflict
    last = third.cells[0]
    assert (last.conflict, last.base, last.replaced) == (True, "Bakker", False)


def test_package_choices_are_counted_per_department_and_shown_one_at_a_time() -> None:
    subjects = ("en", "ne", "wi")
    portal = {
        ("1", "4H"): ("NG", subjects, ()),
        ("2", "4H"): ("EM", subjects, ("ckv",)),
        ("3", "5V"): ("CM", subjects, ()),
        ("4", "4V"): ("NT", subjects, ()),
    }
    project = {("2", "4H"): ("EM", subjects, ()), ("3", "5V"): ("CM", subjects, ())}
    base = {("2", "4H"): ("EM", subjects, ())}
    view = _view(SyncDomain.PACKAGE_CHOICES, portal, project, base)
    snapshot = _snapshot({SyncDomain.PACKAGE_CHOICES: view})

    window = domain_window(snapshot, SyncDomain.PACKAGE_CHOICES)
    assert [(d.code, d.label, d.has_packages) for d in window.departments] == [
        ("4H", "2 [1]", True),
        ("4V", "1 [0]", False),
    ]
    assert window.department == "4H"
    assert [line.student for line in window.lines] == ["1", "2"]
    new = window.lines[0].cells
    assert [c.differs for c in new] == [True, True, False]  # no exemptions on either side

    chosen = domain_window(snapshot, SyncDomain.PACKAGE_CHOICES, "4V")
    assert [line.student for line in chosen.lines] == ["4"]
    unknown = domain_window(snapshot, SyncDomain.PACKAGE_CHOICES, "9X")
    assert unknown.department == "4H"
