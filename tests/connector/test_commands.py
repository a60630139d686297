"""``koppel project`` and ``koppel connect`` as a scheduler runs them: JSON shapes of
DESIGN.md section 8, Rich tables, exit codes."""

from __future__ import annotations

from pathlib import Path

from koppel.domain.sync.domains import SyncDomain
from koppel.services.planning.edits import PlanningEdit
from tests.cli.runner import koppel
from tests.connector.conftest import DEPARTMENTS, Linked
from tests.connector.edits import portal_planning, project_rows


def _some_4h(linked: Linked) -> str:
    rows = linked.project_data()["participations"]
    return sorted(row[0] for row in rows if row[1] == "4H")[0]


def test_status_diff_and_download_speak_json(linked: Linked) -> None:
    path = str(linked.path)
    first = koppel("connect", "download", path, "students", "--json")
    assert first.code == 0, first.stderr
    assert {"written", "changeset", "applied", "skipped", "conflicts"} <= first.json().keys()
    assert first.json()["applied"] > 0
    for domain in ("department_participation", "prognoses"):
        assert koppel("connect", "download", path, domain, "--json").code == 0
    status = koppel("connect", "status", path, "--json")
    assert status.code == 0, status.stderr
    found = status.json()
    assert found["as_of"].startswith("20")
    assert set(found["domains"]) == {d.value for d in SyncDomain}
    assert found["domains"]["prognoses"] == {
        **found["domains"]["prognoses"],
        "differences": 0,
        "conflicts": 0,
        "direction": "download",
    }
    assert found["domains"]["cluster_groups"]["direction"] == "upload"
    assert found["domains"]["home_classes"]["direction"] == "both"

    number = _some_4h(linked)
    portal_planning(linked.uow(), "4H", [number], PlanningEdit(prognosis="5V 100"))
    project_rows(linked.path, SyncDomain.PROGNOSES, {(number, None): (1, "", "5H 50 / 5V 50")})
    diff = koppel("connect", "diff", path, "prognoses", "--json")
    assert diff.code == 0, diff.stderr
    (row,) = diff.json()["rows"]
    assert row["student"] == number
    assert row["department"] is None
    assert row["fields"]["shares"] == {
        "portal": "5V 100",
        "project": "5H 50 / 5V 50",
        "base": row["fields"]["shares"]["base"],
        "conflict": True,
    }
    table = koppel("connect", "diff", path, "prognoses")
    assert "P (portal)" in table.stdout
    assert "5H 50 / 5V 50" in table.stdout

    refused = koppel("connect", "download", path, "prognoses", "--json")
    assert refused.code == 4
    assert refused.json()["conflicts"] == 1
    assert refused.json()["written"] is False
    decided = koppel("connect", "download", path, "prognoses", "--accept-conflicts", "--json")
    assert decided.code == 0
    assert decided.json()["applied"] == 1
    undone = koppel("connect", "undo", path, "--json")
    assert undone.code == 0
    assert undone.json()["undone"] == decided.json()["changeset"]


def test_bad_input_says_what_to_do_and_writes_nothing(linked: Linked, tmp_path: Path) -> None:
    unknown = koppel("connect", "diff", str(linked.path), "timetable")
    assert unknown.code == 2
    assert "prognoses" in unknown.stderr
    wrong_way = koppel("connect", "upload", str(linked.path), "prognoses")
    assert wrong_way.code == 2
    assert "portal" in wrong_way.stderr
    missing = koppel("connect", "status", str(tmp_path / "nope.koppel"))
    assert missing.code == 2
    assert "koppel project init" in missing.stderr
    target = tmp_path / "new.koppel"
    dead = koppel(
        "project",
        "init",
        str(target),
        "--portal",
        "http://127.0.0.1:9",
        "--token",
        linked.token,
        "--school-year",
        linked.school_year,
        "--departments",
        ",".join(DEPARTMENTS),
    )
    assert dead.code == 2
    assert "antwoordt niet" in dead.stderr
    assert not target.exists()
    unknown_department = koppel(
        "project",
        "init",
        str(target),
        "--portal",
        linked.url,
        "--token",
        linked.token,
        "--school-year",
        linked.school_year,
        "--departments",
        "4H,9Q",
    )
    assert unknown_department.code == 2
    assert "9Q" in unknown_department.stderr
    assert not target.exists()


def test_the_scheduler_edits_the_project_and_undo_takes_it_back(linked: Linked) -> None:
    path = str(linked.path)
    assert koppel("connect", "download", path, "students", "--json").code == 0
    assert koppel("connect", "download", path, "department_participation").code == 0
    before = linked.project_data()
    number = _some_4h(linked)
    email = koppel(
        "project",
        "property",
        path,
        "--student",
        number,
        "--name",
        "#email",
        "--value",
        "x@y.nl",
        "--json",
    )
    assert email.code == 0, email.stderr
    assert email.json()["written"] is True
    assert (number, "#EMAIL", "x@y.nl") in linked.project_data()["extra_properties"]
    moved = koppel("project", "assign", path, "--student", number, "--home-class", "4H=4H9")
    assert moved.code == 0, moved.stderr
    assert (number, "4H", "4H9") in linked.project_data()["home_classes"]
    portal_led = koppel("project", "assign", path, "--student", number, "--home-class", "3H=3H1")
    assert portal_led.code == 2
    bad = koppel("project", "property", path, "--student", number, "--name", "e-mail!")
    assert bad.code == 2
    for _ in range(2):
        assert koppel("connect", "undo", path, "--json").json()["written"] is True
    assert linked.project_data() == before
