"""The docentplanner (/beheer/docentplanner) over real HTTP against a real portal with a
demo school of its own: the administrator links and unlinks teachers and mentors per
group and per staff member, each save one change set that ``koppel undo`` reverses; bad
input, other roles and forms without their CSRF token change nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from koppel.domain.imports.staff import Link
from koppel.domain.staff import StaffRole
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in

PLANNER = "/beheer/docentplanner"
GROUP = "1M1"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("staff-links")), students=150) as started:
        yield started


@pytest.fixture(scope="module")
def admin(own: Portal) -> Iterator[httpx.Client]:
    client = sign_in(own, *own.admin)
    yield client
    client.close()


def _state(portal: Portal) -> tuple[set[Link], int]:
    """The links of the current school year and the number of change sets."""
    engine = connect(portal.database)
    try:
        with SqlAlchemyUnitOfWork(engine) as uow:
            links = set(uow.groups.staff_links(uow.school.current_school_year()))
        with engine.connect() as connection:
            changesets = connection.scalar(select(func.count()).select_from(t.changesets))
    finally:
        engine.dispose()
    return links, int(changesets or 0)


def _free_staff(portal: Portal, group: str, role: StaffRole) -> str:
    """An active staff member not yet linked to ``group`` in ``role``."""
    links, _ = _state(portal)
    engine = connect(portal.database)
    try:
        with SqlAlchemyUnitOfWork(engine) as uow:
            codes = sorted(m.staff_code for m in uow.staff.list())
    finally:
        engine.dispose()
    return next(c for c in codes if Link(c, group, role) not in links)


def _post(client: httpx.Client, action: str, **fields: str) -> httpx.Response:
    token = csrf_of(client.get(PLANNER).text)
    return client.post(f"{PLANNER}/{action}", data={"csrf_token": token, **fields})


def _changeset(html: str) -> str:
    found = re.search(r"Wijzigingenset ([0-9a-f]{12})\. Ongedaan maken: koppel undo \1", html)
    assert found, html
    return found[1]


def test_linking_and_unlinking_per_group_each_one_change_set_undone_by_koppel_undo(
    own: Portal, admin: httpx.Client
) -> None:
    original, changesets = _state(own)
    code = _free_staff(own, GROUP, StaffRole.MENTOR)
    page = admin.get(PLANNER, params={"groep": GROUP})
    assert page.status_code == 200
    assert f"Groep {GROUP}" in page.text
    assert '<label for="link-staff">Medewerker</label>' in page.text

    linked = _post(admin, "koppelen", staff_code=code, group=GROUP, role="mentor", view="groep")
    assert linked.status_code == 200, linked.text
    assert f"({code}) is als mentor gekoppeld aan {GROUP}." in linked.text
    assert f"Koppel nog een medewerker aan {GROUP}" in linked.text
    first = _changeset(linked.text)
    assert f'id="link-{code}-mentor"' in linked.text
    assert _state(own) == (original | {Link(code, GROUP, StaffRole.MENTOR)}, changesets + 1)

    again = _post(admin, "koppelen", staff_code=code, group=GROUP, role="mentor", view="groep")
    assert again.status_code == 200
    assert "Er is niets gewijzigd: " in again.text
    assert f"was al mentor van {GROUP}" in again.text
    assert "Wijzigingenset" not in again.text
    assert _state(own)[1] == changesets + 1  # no change set

    unlinked = _post(
        admin, "ontkoppelen", staff_code=code, group=GROUP, role="mentor", view="groep"
    )
    assert unlinked.status_code == 200
    assert f"({code}) is niet meer mentor van {GROUP}." in unlinked.text
    second = _changeset(unlinked.text)
    assert f'id="link-{code}-mentor"' not in unlinked.text
    assert _state(own) == (original, changesets + 2)

    for changeset in (second, first):
        undone = koppel("undo", changeset, "--json", database=own.database)
        assert undone.code == 0, undone.stderr
        assert undone.json()["reversed"] == 1
    assert _state(own)[0] == original


def test_per_staff_member_its_groups_are_linked_and_unlinked(
    own: Portal, admin: httpx.Client
) -> None:
    original, _ = _state(own)
    cluster = sorted(link.group for link in original if "." in link.group)[0]
    code = _free_staff(own, cluster, StaffRole.TEACHER)
    page = admin.get(PLANNER, params={"medewerker": code.lower()})
    assert page.status_code == 200
    assert re.search(rf"<h2 id=\"staff-title\">Medewerker [^<]+ \({code}\)</h2>", page.text)

    linked = _post(
        admin, "koppelen", staff_code=code, group=cluster, role="docent", view="medewerker"
    )
    assert linked.status_code == 200
    assert f"is als docent gekoppeld aan {cluster}." in linked.text
    assert f"({code}) aan nog een groep, of kies een andere medewerker." in linked.text
    assert 'id="staff-view"' in linked.text
    assert f'id="link-{cluster}-teacher"' in linked.text
    assert Link(code, cluster, StaffRole.TEACHER) in _state(own)[0]

    unlinked = _post(
        admin, "ontkoppelen", staff_code=code, group=cluster, role="teacher", view="medewerker"
    )
    assert f"is niet meer docent van {cluster}." in unlinked.text
    assert _state(own)[0] == original


def test_the_to_do_list_counts_home_classes_without_a_mentor(
    own: Portal, admin: httpx.Client
) -> None:
    links, _ = _state(own)
    mentor = next(
        link for link in sorted(links, key=str) if link.group == GROUP and link.role == "mentor"
    )
    mentors_of_group = [link for link in links if link.group == GROUP and link.role == "mentor"]
    for link in mentors_of_group:
        _post(admin, "ontkoppelen", staff_code=link.staff_code, group=GROUP, role="mentor")
    page = admin.get(PLANNER)
    assert re.search(r"<p>1 van de \d+ stamklassen zonder mentor, 0 van de \d+", page.text)
    assert "Stamklassen zonder mentor (1)" in page.text
    assert f'<li><a href="{PLANNER}?groep={GROUP}">{GROUP}</a></li>' in page.text
    group_page = admin.get(PLANNER, params={"groep": GROUP})
    assert re.search(r'<option value="mentor" selected>mentor</option>', group_page.text)
    for link in mentors_of_group:
        _post(admin, "koppelen", staff_code=link.staff_code, group=GROUP, role="mentor")
    done = admin.get(PLANNER)
    assert "Stamklassen zonder mentor (0)" in done.text
    assert "stap 4 is klaar" in done.text
    assert mentor in _state(own)[0]


@pytest.mark.parametrize(
    ("fields", "message", "field"),
    [
        ({"staff_code": "NOPE", "role": "mentor"}, "geen medewerker met docentcode", "link-staff"),
        ({"staff_code": "", "role": "mentor"}, "Kies een medewerker", "link-staff"),
        ({"staff_code": "@@", "role": "mentor"}, "docentcode", "link-staff"),
        ({"role": "conciërge"}, "rol &#39;conciërge&#39; bestaat niet", "link-role"),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_field_and_writes_nothing(
    own: Portal, admin: httpx.Client, fields: dict[str, str], message: str, field: str
) -> None:
    before = _state(own)
    code = _free_staff(own, GROUP, StaffRole.TEACHER)
    answer = _post(
        admin, "koppelen", **{"staff_code": code, "group": GROUP, "view": "groep", **fields}
    )
    assert answer.status_code == 422
    assert re.search(
        r'<p class="error" role="alert" id="planner-error">[^<]*' + message, answer.text, re.I
    )
    assert re.search(
        rf'id="{field}" [^>]*aria-invalid="true" aria-describedby="planner-error"', answer.text
    )
    assert "er is niets gewijzigd" in answer.text
    assert _state(own) == before


def test_an_unknown_group_or_staff_member_answers_404_with_the_planner(admin: httpx.Client) -> None:
    group = admin.get(PLANNER, params={"groep": "9Z9"})
    assert group.status_code == 404
    assert "Groep &#39;9Z9&#39; bestaat niet in schooljaar" in group.text
    staff = admin.get(PLANNER, params={"medewerker": "NIEMAND"})
    assert staff.status_code == 404
    assert "docentcode &#39;NIEMAND&#39;" in staff.text
    missing = _post(admin, "koppelen", staff_code="ABCD", group="9Z9", role="docent")
    assert missing.status_code == 422
    assert missing.text.count("9Z9&#39; bestaat niet") == 1
    assert "Groep &#39;9Z9&#39; bestaat niet in schooljaar" in missing.text


@pytest.mark.parametrize("role", ["scheduler", "team_leader", "mentor", "teacher", "student"])
def test_other_roles_get_403_and_change_nothing(own: Portal, role: str) -> None:
    before = _state(own)
    client = sign_in(own, *own.login_as(role))
    try:
        assert client.get(PLANNER).status_code == 403
        home = client.get("/account/wachtwoord")
        assert 'href="/beheer/docentplanner"' not in home.text  # no menu item either
        code = _free_staff(own, GROUP, StaffRole.MENTOR)
        fields = {"staff_code": code, "group": GROUP, "role": "mentor"}
        refused = client.post(
            f"{PLANNER}/koppelen", data={"csrf_token": csrf_of(home.text), **fields}
        )
        assert refused.status_code == 403
    finally:
        client.close()
    assert _state(own) == before


def test_a_form_without_its_csrf_token_changes_nothing(own: Portal, admin: httpx.Client) -> None:
    before = _state(own)
    code = _free_staff(own, GROUP, StaffRole.MENTOR)
    fields = {"staff_code": code, "group": GROUP, "role": "mentor"}
    for data in (fields, {**fields, "csrf_token": "vals"}):
        refused = admin.post(f"{PLANNER}/koppelen", data=data)
        assert refused.status_code == 403
        assert "er is niets gewijzigd" in refused.text
    linked = next(iter(before[0]))
    removal = {"staff_code": linked.staff_code, "group": linked.group, "role": linked.role.value}
    assert admin.post(f"{PLANNER}/ontkoppelen", data=removal).status_code == 403
    assert _state(own) == before


def test_the_menu_links_to_the_planner_and_it_speaks_english(own: Portal) -> None:
    client = sign_in(own, *own.admin)
    try:
        accounts = client.get("/beheer/accounts")
        assert '<a href="/beheer/docentplanner">Docentplanner</a>' in accounts.text
        english = client.get(PLANNER, params={"lang": "en", "groep": GROUP})
        assert english.status_code == 200
        assert "<h1>Staff planner" in english.text
        assert f"Link a staff member to {GROUP}" in english.text
        assert "Still to do" in english.text
    finally:
        client.close()
