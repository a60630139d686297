"""The school year's life in the portal over real HTTP (issue 17): Nieuw schooljaar
klaarzetten (preview, apply, undo; next year's departments changed or added for that year
only), Doorzetten vanuit de prognoses (the students it leaves named, not guessed), a team
leader's Doorzetten naar volgend schooljaar (its own department only), and Wisselen naar
het nieuwe schooljaar (refused while steps are open unless forced with a reason; undo
restores the previous year). Pages follow the current year. Each test that writes has a
portal of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in
from tests.web.test_transition_wizard import changesets

LIFE = "/beheer/jaarovergang"


@pytest.fixture
def own(tmp_path: Path) -> Iterator[Portal]:
    with demo_portal(tmp_path, students=160, seed=6) as started:
        yield started


def run(portal: Portal, *args: str) -> dict[str, object]:
    done = koppel(*args, "--json", database=portal.database)
    assert done.code == 0, done.stderr
    found: dict[str, object] = done.json()
    return found


def years(portal: Portal) -> dict[str, object]:
    return run(portal, "year", "status")


def send(client: httpx.Client, path: str, data: dict[str, str] | None = None) -> httpx.Response:
    """A form of ``path``'s page sent with the session's CSRF token."""
    token = csrf_of(client.get("/account/wachtwoord").text)
    return client.post(path, data={"csrf_token": token, **(data or {})}, timeout=60)


def text(html: str) -> str:
    body = re.sub(r"(?s)<head>.*?</head>", "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def hidden_changeset(html: str, action: str) -> str:
    found = re.search(
        rf'action="{re.escape(action)}"[^>]*>.*?name="changeset" value="([^"]+)"', html, re.S
    )
    assert found, f"no undo form for {action}"
    return found[1]


def kinds(portal: Portal) -> list[tuple[str, bool]]:
    return [(kind, undone) for _id, kind, _actor, undone in changesets(portal)]


def test_the_screens_explain_where_to_start_and_never_show_code_names(
    portal: Portal, admin: httpx.Client
):
    """The shared portal has no prepared year: every screen says so; nothing is written."""
    before = changesets(portal)
    prepare = admin.get(f"{LIFE}/klaarzetten")
    assert prepare.status_code == 200
    assert "Voorbeeld: deze 15 afdelingen gaan mee naar 2027-2028" in prepare.text
    assert "Huidig schooljaar" in prepare.text
    assert 'action="/beheer/jaarovergang/klaarzetten/toepassen"' in prepare.text
    for screen in ("doorzetten", "wisselen"):
        page = admin.get(f"{LIFE}/{screen}")
        assert page.status_code == 200
        assert "Er staat nog geen nieuw schooljaar klaar" in page.text
        assert 'href="/beheer/jaarovergang/klaarzetten"' in page.text
    overview = admin.get(LIFE)
    assert re.search(
        r'id="prepare" class="state-not_started next" aria-current="step"', overview.text
    )
    for marker in ('id="promote"', 'id="stap-1"', 'id="stap-5"', 'id="switch"'):
        assert marker in overview.text
    order = [overview.text.index(f'id="{name}"') for name in ("prepare", "promote", "stap-1")]
    assert order == sorted(order)
    english = admin.get(f"{LIFE}/wisselen", params={"lang": "en"})
    assert "Switch to the new school year" in english.text
    admin.get(LIFE, params={"lang": "nl"})
    for page in (prepare, overview, english):
        shown = text(page.text)
        for code_name in ("home_class", "year.promote", "is_open", "year_life.", "None"):
            assert code_name not in shown, code_name
    leader = sign_in(portal, *portal.login_as("team_leader"))
    assert "Doorzetten naar volgend schooljaar" not in leader.get("/afdelingen/1M").text
    waiting = leader.get("/afdelingen/1M/doorzetten")
    assert waiting.status_code == 200
    assert "Volgend schooljaar staat nog niet klaar" in waiting.text
    assert "/beheer/" not in text(waiting.text)  # no link a team leader cannot follow
    assert send(leader, "/afdelingen/1M/doorzetten", {"confirm": "on"}).status_code == 409
    leader.close()
    assert changesets(portal) == before


def test_prepare_then_next_years_departments_for_that_year_only(own: Portal):
    admin = sign_in(own, *own.admin)
    unconfirmed = send(admin, f"{LIFE}/klaarzetten/toepassen")
    assert unconfirmed.status_code == 422
    assert "Vink eerst aan" in unconfirmed.text
    assert kinds(own) == []

    done = send(admin, f"{LIFE}/klaarzetten/toepassen", {"confirm": "on"})
    assert done.status_code == 200, done.text
    assert kinds(own) == [("year.prepare", False)]
    assert years(own)["prepared"] == "2027-2028"
    assert "Schooljaar 2027-2028 staat klaar naast 2026-2027" in done.text
    changeset = hidden_changeset(done.text, f"{LIFE}/klaarzetten/ongedaan-maken")
    undone = send(admin, f"{LIFE}/klaarzetten/ongedaan-maken", {"changeset": changeset})
    assert undone.status_code == 200
    assert f"wijzigingenset {changeset} is teruggedraaid" in undone.text
    assert years(own)["prepared"] is None
    again = send(admin, f"{LIFE}/klaarzetten/ongedaan-maken", {"changeset": changeset})
    assert again.status_code == 409  # undone already: nothing happens
    assert send(admin, f"{LIFE}/klaarzetten/toepassen", {"confirm": "on"}).status_code == 200

    # next year's 4M closed, with a wrong choice window first (nothing written)
    form = {"name": "4 MAVO", "is_open": "closed", "lead": "portal", "subjects": ""}
    wrong = send(
        admin,
        f"{LIFE}/klaarzetten/afdelingen/4M",
        {**form, "opens": "2027-03-01", "closes": "2027-02-01"},
    )
    assert wrong.status_code == 422
    assert 'id="4M-closes" name="closes" type="date" value="2027-02-01" aria-invalid="true"' in (
        wrong.text
    )
    assert "de keuzeperiode eindigt (2027-02-01) voordat ze begint (2027-03-01)" in wrong.text
    count = len(changesets(own))
    closed = send(admin, f"{LIFE}/klaarzetten/afdelingen/4M", form)
    assert closed.status_code == 200
    assert "Afdeling 4M is gewijzigd voor 2027-2028" in closed.text
    assert re.search(r'<tr id="afdeling-4M" class="closed">', closed.text)
    # a department for next year only: not on any page of the current year
    added = send(
        admin,
        f"{LIFE}/klaarzetten/afdelingen",
        {
            "new_code": "1T",
            "education_type": "HAVO/VWO",
            "name": "1 Technasium",
            "lead": "project",
            "opens": "2027-03-01",
            "closes": "2027-04-01",
            "subjects": "netl, entl wisb",
        },
    )
    assert added.status_code == 200, text(added.text)
    assert "Afdeling 1T is toegevoegd voor 2027-2028" in added.text
    twice = send(
        admin,
        f"{LIFE}/klaarzetten/afdelingen",
        {"new_code": "1T", "education_type": "HAVO/VWO", "name": "x", "lead": "portal"},
    )
    assert twice.status_code == 422
    assert "afdeling 1T bestaat al in schooljaar 2027-2028" in twice.text
    assert len(changesets(own)) == count + 2
    assert ">1T<" not in admin.get("/").text
    assert admin.get("/afdelingen/1T").status_code == 404
    assert 'id="department-1T"' not in admin.get("/beheer/afdelingen").text
    assert admin.get("/afdelingen/4M").status_code == 200  # still open this year
    # the newest change (the add) is undone from the screen
    page = admin.get(f"{LIFE}/klaarzetten")
    assert "Wijziging van afdeling 1T ongedaan maken" in page.text
    last = hidden_changeset(page.text, f"{LIFE}/klaarzetten/ongedaan-maken")
    assert send(admin, f"{LIFE}/klaarzetten/ongedaan-maken", {"changeset": last}).status_code == 200
    assert 'id="afdeling-1T"' not in admin.get(f"{LIFE}/klaarzetten").text
    admin.close()


def _clear_prognosis(portal: Portal, leader: httpx.Client, code: str) -> tuple[str, str]:
    """The first student on the department's page loses its prognosis (as if none was
    entered yet); (number, name)."""
    page = leader.get(f"/afdelingen/{code}").text
    number, name = re.findall(rf'<a href="/afdelingen/{code}/leerlingen/(\d+)">([^<]+)</a>', page)[
        0
    ]
    engine = connect(portal.database)
    with engine.begin() as connection:
        s = t.students
        student = select(s.c.id).where(s.c.student_number == number).scalar_subquery()
        connection.execute(t.prognoses.delete().where(t.prognoses.c.student_id == student))
    engine.dispose()
    return number, name


def test_promote_names_who_it_leaves_and_team_leaders_promote_their_own(own: Portal):
    run(own, "year", "prepare")
    run(own, "year", "department", "4M", "--closed")
    leader = sign_in(own, *own.login_as("team_leader"))
    number, name = _clear_prognosis(own, leader, "1M")
    admin = sign_in(own, *own.admin)
    before = changesets(own)

    preview = admin.get(f"{LIFE}/doorzetten")
    assert preview.status_code == 200
    assert "Doorzetten vult schooljaar 2027-2028" in preview.text
    assert "Zonder prognose voor 2027-2028: 1 leerling(en)" in preview.text
    assert re.search(rf"<td class=\"id\">{number}</td><td>{re.escape(name)}</td>", preview.text)
    closed = re.search(r'id="dichte-afdeling-tabel">(.*?)</table>', preview.text, re.S)
    assert closed
    assert closed[1].count("<td>4M</td>") >= 1  # prognoses to 4M, closed next year
    assert changesets(own) == before

    # a team leader promotes its own department; not another's; a scheduler not at all
    offer = leader.get("/afdelingen/1M")
    assert "Doorzetten naar volgend schooljaar" in offer.text
    assert 'href="/afdelingen/1M/doorzetten"' in offer.text
    own_preview = leader.get("/afdelingen/1M/doorzetten")
    assert own_preview.status_code == 200
    assert f'<a href="/afdelingen/1M/leerlingen/{number}">{name}</a>' in own_preview.text
    assert leader.get("/afdelingen/6V/doorzetten").status_code == 403
    assert send(leader, "/afdelingen/6V/doorzetten", {"confirm": "on"}).status_code == 403
    scheduler = sign_in(own, *own.login_as("scheduler"))
    assert send(scheduler, "/afdelingen/1M/doorzetten", {"confirm": "on"}).status_code == 403
    assert "Doorzetten naar volgend schooljaar" not in scheduler.get("/afdelingen/1M").text
    scheduler.close()
    assert changesets(own) == before
    promoted = send(leader, "/afdelingen/1M/doorzetten", {"confirm": "on"})
    assert promoted.status_code == 200, text(promoted.text)
    new = changesets(own)[len(before) :]
    assert [(kind, actor) for _id, kind, actor, _undone in new] == [
        ("year.promote", own.personas["team_leader"])
    ]
    mine = new[0][0]
    assert f"Doorgezet naar 2027-2028, vastgelegd als wijzigingenset {mine}" in promoted.text
    assert (
        send(leader, "/afdelingen/2M/doorzetten/ongedaan-maken", {"changeset": mine}).status_code
        == 409
    )  # 2M's page does not undo 1M's promotion
    overview = admin.get(LIFE).text
    assert re.search(r'id="promote" class="state-partly', overview)
    assert "(alleen afdeling 1M)" in overview
    back = send(leader, "/afdelingen/1M/doorzetten/ongedaan-maken", {"changeset": mine})
    assert back.status_code == 200
    assert f"wijzigingenset {mine} is teruggedraaid" in back.text
    leader.close()

    # the whole school from the wizard, then undone from it
    applied = send(admin, f"{LIFE}/doorzetten/toepassen", {"confirm": "on"})
    assert applied.status_code == 200
    assert "Doorgezet naar 2027-2028" in applied.text
    whole = changesets(own)[-1]
    assert whole[1:] == ("year.promote", own.admin[0], False)
    assert re.search(r'id="promote" class="state-applied', admin.get(LIFE).text)
    undo = send(admin, f"{LIFE}/doorzetten/ongedaan-maken", {"changeset": whole[0]})
    assert undo.status_code == 200
    assert changesets(own)[-2] == (*whole[:3], True)
    admin.close()


def _current_year(portal: Portal) -> str:
    engine = connect(portal.database)
    with engine.connect() as connection:
        y = t.school_years
        found = connection.scalar(select(y.c.name).where(y.c.is_current.is_(True)))
    engine.dispose()
    return str(found)


def test_switch_is_refused_while_steps_are_open_unless_forced_with_a_reason(own: Portal):
    run(own, "year", "prepare")
    run(own, "year", "department", "4M", "--closed")
    run(own, "year", "promote")
    admin = sign_in(own, *own.admin)
    # while 2027-2028 is prepared, the pages that plan it name it
    planned = "Schooljaar 2027-2028 staat klaar naast dit schooljaar: de prognoses plannen"
    for role, path in (("mentor", "/mentor"), ("team_leader", "/afdelingen/1M")):
        planner = sign_in(own, *own.login_as(role))
        assert planned in planner.get(path).text, role
        planner.close()
    page = admin.get(f"{LIFE}/wisselen")
    assert "Stap 1, 2, 3, 4, 5 van de jaarovergang is nog niet toegepast" in page.text
    assert 'name="force"' in page.text
    assert 'id="reason"' in page.text
    before = changesets(own)
    for form, message in [
        ({"confirm": "on"}, "vink &#39;Toch wisselen&#39; aan"),
        ({"confirm": "on", "force": "on", "reason": "  "}, "Schrijf op waarom u toch wisselt"),
        ({"force": "on", "reason": "Bestanden komen later"}, "Vink eerst aan"),
    ]:
        refused = send(admin, f"{LIFE}/wisselen/toepassen", form)
        assert refused.status_code == 422
        assert message in refused.text
    assert changesets(own) == before

    switched = send(
        admin,
        f"{LIFE}/wisselen/toepassen",
        {"confirm": "on", "force": "on", "reason": "De bestanden komen pas na de vakantie"},
    )
    assert switched.status_code == 200, text(switched.text)
    assert "Schooljaar 2027-2028 is nu het huidige schooljaar" in switched.text
    assert "De bestanden komen pas na de vakantie" in switched.text
    assert _current_year(own) == "2027-2028"
    engine = connect(own.database)
    with engine.connect() as connection:
        c = t.changesets
        summary = connection.scalar(select(c.c.summary).where(c.c.kind == "year.switch"))
    engine.dispose()
    assert summary["forced"] is True
    assert summary["reason"] == "De bestanden komen pas na de vakantie"

    # pages follow the current year; 4M (closed in 2027-2028) is not listed
    leader = sign_in(own, *own.login_as("team_leader"))
    assert "Schooljaar 2027-2028" in leader.get("/afdelingen/1M").text
    departments = admin.get("/").text
    assert "Schooljaar 2027-2028" in departments
    assert 'href="/afdelingen/4M"' not in departments
    assert admin.get("/afdelingen/4M").status_code == 404
    for role, path in (("mentor", "/mentor"), ("teacher", "/docent"), ("student", "/leerling")):
        other = sign_in(own, *own.login_as(role))
        assert "Schooljaar 2027-2028" in other.get(path).text, role
        other.close()
    steps = admin.get(f"{LIFE}/stap/3")
    assert "Er staat nog geen nieuw schooljaar klaar" in steps.text
    assert "Zet eerst schooljaar 2028-2029 klaar" in steps.text

    # undo restores the previous current year
    screen = admin.get(f"{LIFE}/wisselen")
    changeset = hidden_changeset(screen.text, f"{LIFE}/wisselen/ongedaan-maken")
    undone = send(admin, f"{LIFE}/wisselen/ongedaan-maken", {"changeset": changeset})
    assert undone.status_code == 200
    assert "2026-2027 is weer het huidige schooljaar" in undone.text
    assert _current_year(own) == "2026-2027"
    assert years(own)["prepared"] == "2027-2028"
    assert "Schooljaar 2026-2027" in leader.get("/afdelingen/1M").text
    assert 'href="/afdelingen/4M"' in admin.get("/").text
    leader.close()
    admin.close()
