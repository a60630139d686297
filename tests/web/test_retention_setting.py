"""Beheer > Instellingen over real HTTP: how many school years the portal keeps students
who left. The administrator changes it (with the form's CSRF token), a wrong number is
shown next to the field and changes nothing, and no other role may change it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from koppel.services.school_settings import school_settings
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in

FIELD = re.compile(r'<input type="number" id="left_student_years"[^>]*value="([0-9]*)"')


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("retention")), students=60) as started:
        yield started


def _stored(portal: Portal) -> int:
    engine = connect(portal.database)
    try:
        return school_settings(SqlAlchemyUnitOfWork(engine)).left_student_years
    finally:
        engine.dispose()


def test_the_administrator_sets_how_long_students_who_left_are_kept(school: Portal):
    admin = sign_in(school, *school.admin)
    page = admin.get("/beheer/instellingen")
    assert page.status_code == 200
    found = FIELD.search(page.text)
    assert found is not None
    assert found[1] == "2"
    assert "Gegevens van vertrokken leerlingen bewaren" in page.text
    assert "koppel privacy forget-left" in page.text
    token = csrf_of(page.text)

    saved = admin.post(
        "/beheer/instellingen", data={"csrf_token": token, "left_student_years": "4"}
    )
    assert saved.status_code == 200
    assert "zijn opgeslagen" in saved.text
    shown = FIELD.search(saved.text)
    assert shown is not None
    assert shown[1] == "4"
    assert _stored(school) == 4

    wrong = admin.post(
        "/beheer/instellingen", data={"csrf_token": token, "left_student_years": "0"}
    )
    assert wrong.status_code == 422
    assert 'id="left-years-error"' in wrong.text
    assert "tussen 1 en 10 schooljaren" in wrong.text
    assert re.search(r'id="left_student_years"[^>]*aria-invalid="true"', wrong.text)
    assert _stored(school) == 4

    english = admin.post(
        "/beheer/instellingen?lang=en", data={"csrf_token": token, "left_student_years": "11"}
    )
    assert english.status_code == 422
    assert "between 1 and 10 school years" in english.text
    # a form without the field (an older page) leaves it as it is
    kept = admin.post("/beheer/instellingen", data={"csrf_token": token})
    assert kept.status_code == 200
    assert _stored(school) == 4
    admin.close()


@pytest.mark.parametrize("role", ["team_leader", "mentor", "scheduler", "student"])
def test_no_other_role_may_change_it(school: Portal, role: str):
    client = sign_in(school, *school.login_as(role))
    page = client.get("/login", follow_redirects=True)
    token = csrf_of(page.text)
    assert client.get("/beheer/instellingen").status_code == 403
    refused = client.post(
        "/beheer/instellingen", data={"csrf_token": token, "left_student_years": "1"}
    )
    assert refused.status_code == 403
    assert _stored(school) in (2, 4)  # whatever the administrator chose, never 1
    client.close()
