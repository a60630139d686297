"""Students that change sides through the real command, over real HTTP, on SQLite and
PostgreSQL: a student downloaded with "Leerlingen bij/af" arrives with the department
participations the portal has, and a student uploaded as a new account keeps the e-mail
address it was given in the project's e-mail field, so that no other domain differs for
either of them afterwards."""

from __future__ import annotations

from koppel.domain.sync.domains import SyncDomain
from koppel.store.project.file import ProjectFile
from tests.cli.runner import koppel
from tests.connector.conftest import Linked
from tests.connector.edits import project_rows


def _portal_participations(linked: Linked) -> dict[tuple[str, str | None], tuple[object, ...]]:
    with linked.comparer() as comparer:
        return dict(comparer.portal(SyncDomain.DEPARTMENT_PARTICIPATION).rows)


def _project_participations(linked: Linked) -> dict[tuple[str, str | None], tuple[object, ...]]:
    return {(n, d): (p,) for n, d, p in linked.project_data()["participations"]}


def _differences(path: str) -> dict[str, int]:
    status = koppel("connect", "status", path, "--no-auto", "--json")
    assert status.code == 0, status.stderr
    return {name: found["differences"] for name, found in status.json()["domains"].items()}


def test_downloaded_students_arrive_with_their_department_participations(linked: Linked) -> None:
    path = str(linked.path)
    portal = _portal_participations(linked)
    assert portal
    empty = linked.project_data()
    came = koppel("connect", "download", path, "students", "--json")
    assert came.code == 0, came.stderr
    assert came.json()["applied"] > 50
    assert _project_participations(linked) == portal
    differences = _differences(path)
    assert differences["department_participation"] == 0
    assert differences["students"] == 0
    prognoses = koppel("connect", "download", path, "prognoses", "--json")
    assert prognoses.code == 0, prognoses.stderr
    assert _differences(path)["prognoses"] == 0
    for _change_set in ("prognoses", "students"):
        undone = koppel("connect", "undo", path, "--json")
        assert undone.code == 0, undone.stderr
    assert linked.project_data() == empty


def test_a_student_added_in_the_portal_later_comes_down_with_every_participation(
    linked: Linked,
) -> None:
    linked.download_everything()
    path = str(linked.path)
    portal = _portal_participations(linked)
    number = sorted(key[0] for key in portal if key[1] == "4H")[0]
    project_rows(linked.path, SyncDomain.STUDENTS, {(number, None): None})
    assert number not in {key[0] for key in _project_participations(linked)}
    before = linked.project_data()
    came = koppel("connect", "download", path, "students", "--student", number, "--json")
    assert came.code == 0, came.stderr
    assert came.json()["applied"] == 1
    theirs = {key: values for key, values in portal.items() if key[0] == number}
    assert theirs
    mine = {key: v for key, v in _project_participations(linked).items() if key[0] == number}
    assert mine == theirs
    assert _differences(path)["department_participation"] == 0
    assert koppel("connect", "undo", path, "--json").code == 0
    assert linked.project_data() == before


def test_an_uploaded_student_shows_no_e_mail_difference(linked: Linked) -> None:
    linked.download_everything()
    path = str(linked.path)
    # as the scheduler's timetabling package writes a student: no e-mail in the personal
    # data, the address in the extra property #EMAIL
    new = {("990002", None): ("Sem", "", "Bakker", "M", "", "", "", "", "", "", False)}
    project_rows(linked.path, SyncDomain.STUDENTS, new)
    project_rows(linked.path, SyncDomain.DEPARTMENT_PARTICIPATION, {("990002", "4V"): (100,)})
    project = ProjectFile.open(linked.path)
    with project.begin() as session:
        session.write_store("extra", {("990002", "#EMAIL"): ("sem.bakker@example.org",)})
    project.close()
    sent = koppel("connect", "upload", path, "students", "--no-auto", "--json")
    assert sent.code == 0, sent.stderr
    assert sent.json()["applied"] == 1
    (row,) = [row for row in linked.project_data()["students"] if row[0] == "990002"]
    assert row[9] == "sem.bakker@example.org"
    differences = _differences(path)
    assert differences["personal_data"] == 0, differences
    assert differences["students"] == 0
    assert koppel("connect", "download", path, "personal_data", "--json").code == 0
    assert _differences(path)["personal_data"] == 0
    undone = koppel("connect", "undo", path, "--json")
    assert undone.code == 0, undone.stderr
