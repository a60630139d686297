"""What belongs to a department, through the real ``koppel`` command: ``connect upload
--department`` sends only that department's students' group assignments (the rule the
groups window uses), and ``project assign`` refuses a home class of another department
at once instead of at upload."""

from __future__ import annotations

from koppel.domain.sync.domains import SyncDomain
from tests.cli.runner import koppel
from tests.connector.conftest import Linked
from tests.connector.edits import project_rows


def _in(linked: Linked, department: str) -> str:
    rows = linked.project_data()["participations"]
    return sorted(row[0] for row in rows if row[1] == department)[0]


def _portal_groups(linked: Linked, number: str) -> tuple[object, ...] | None:
    with linked.comparer() as comparer:
        return comparer.view(SyncDomain.CLUSTER_GROUPS).portal.get((number, None))


def test_upload_for_one_department_leaves_other_departments_cluster_groups(
    linked: Linked,
) -> None:
    linked.download_everything()
    in_4v, in_4h = _in(linked, "4V"), _in(linked, "4H")
    before_4h = _portal_groups(linked, in_4h)
    project_rows(
        linked.path,
        SyncDomain.CLUSTER_GROUPS,
        {(in_4v, None): (("4V.netl9",),), (in_4h, None): (("4H.netl9",),)},
    )
    path = str(linked.path)
    sent = koppel("connect", "upload", path, "group_assignments", "--department", "4v", "--json")
    assert sent.code == 0, sent.stderr
    assert sent.json()["applied"] == 1
    assert _portal_groups(linked, in_4v) == (("4V.netl9",),)
    assert _portal_groups(linked, in_4h) == before_4h
    left = koppel("connect", "diff", path, "cluster_groups", "--no-auto", "--json")
    assert [row["student"] for row in left.json()["rows"]] == [in_4h]

    rest = koppel("connect", "upload", path, "group_assignments", "--department", "4H", "--json")
    assert rest.code == 0, rest.stderr
    assert rest.json()["applied"] == 1
    assert _portal_groups(linked, in_4h) == (("4H.netl9",),)


def test_a_home_class_of_another_department_is_refused_at_once(linked: Linked) -> None:
    linked.download_everything()
    number = _in(linked, "4H")
    before = linked.project_data()
    path = str(linked.path)
    refused = koppel("project", "assign", path, "--student", number, "--home-class", "4H=5V1")
    assert refused.code == 2
    message = " ".join(refused.stderr.split())
    assert number in message
    assert "stamklas 5V1 hoort bij afdeling 5V, niet bij afdeling 4H" in message
    assert "kies een stamklas van afdeling 4H" in message
    assert linked.project_data() == before

    english = koppel(
        "project", "assign", path, "--student", number, "--home-class", "4h=4v2", lang="en"
    )
    assert english.code == 2
    assert "home class 4v2 belongs to department 4V, not to department 4H" in " ".join(
        english.stderr.split()
    )
    assert linked.project_data() == before

    moved = koppel("project", "assign", path, "--student", number, "--home-class", "4H=4H9")
    assert moved.code == 0, moved.stderr
    assert (number, "4H", "4H9") in linked.project_data()["home_classes"]
