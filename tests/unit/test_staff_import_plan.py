"""The plan of a staff import and of teacher-group links."""

from __future__ import annotations

import pytest

from koppel.domain.imports.staff import IncomingStaff, Link, plan_links, plan_staff_import
from koppel.domain.staff import StaffRole

EXISTING = {
    "JANS": {
        "first_name": "Piet",
        "infix": "",
        "last_name": "Jansen",
        "email": "",
        "status": "active",
    },
    "BERG": {
        "first_name": "Ans",
        "infix": "",
        "last_name": "Berg",
        "email": "",
        "status": "active",
    },
}


def test_staff_new_updated_unchanged_absent_and_links():
    rows = [
        IncomingStaff(2, "JANS", {"first_name": "Pieter", "last_name": "Jansen"}, groups=("4V1",)),
        IncomingStaff(3, "NEW", {"first_name": "N", "last_name": "Ieuw"}, groups=("4V1", "4V1")),
    ]
    existing_links = [Link("JANS", "4V1", StaffRole.TEACHER)]
    plan = plan_staff_import(rows, EXISTING, existing_links=existing_links)
    assert [s.staff_code for s in plan.new] == ["NEW"]
    (update,) = plan.updated
    assert update.changes["first_name"].after == "Pieter"
    assert plan.absent == ["BERG"]
    assert plan.new_links == [Link("NEW", "4V1", StaffRole.TEACHER)]
    assert plan.unchanged_links == 1


@pytest.mark.parametrize("role", list(StaffRole))
def test_link_keys_round_trip(role):
    link = Link("JANS", "4V.netl1", role)
    assert Link.from_key(link.key) == link


def test_plan_links_adds_each_link_once():
    wanted = [Link("A", "1", StaffRole.MENTOR)] * 3 + [Link("A", "1", StaffRole.TEACHER)]
    new, unchanged = plan_links(wanted, [Link("A", "1", StaffRole.TEACHER)])
    assert new == [Link("A", "1", StaffRole.MENTOR)]
    assert unchanged == 1
