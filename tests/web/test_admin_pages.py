"""The administrator's pages over real HTTP, and in real headless chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.web.conftest import Portal, csrf_of, sign_in
from tests.web.test_pages_browser import CHROMIUM, FLAGS, IMAGES
from tests.web.test_two_factor import fresh_portal


def _created_password(html: str) -> str:
    found = re.search(r'<code class="secret">([^<]+)</code>', html)
    assert found, html
    return found[1]


def _create(admin: httpx.Client, **fields: object) -> httpx.Response:
    page = admin.get("/beheer/accounts")
    return admin.post("/beheer/accounts", data={"csrf_token": csrf_of(page.text), **fields})


def test_an_administrator_creates_an_account_that_can_sign_in(portal: Portal, admin):
    no_csrf = admin.post("/beheer/accounts", data={"username": "zonder", "display_name": "Z"})
    assert no_csrf.status_code == 403
    bad = _create(admin, username="x", display_name="Iemand", roles=["scheduler"])
    assert bad.status_code == 422
    assert re.search(r'id="username-error">[^<]*gebruikersnaam', bad.text, re.I), bad.text
    assert 'value="Iemand"' in bad.text  # what was typed stays
    no_role = _create(admin, username="rolloos", display_name="Rolloos")
    assert no_role.status_code == 422
    assert 'id="roles-error"' in no_role.text
    unknown = _create(
        admin, username="leider9", display_name="L", roles=["team_leader"], departments=["9Q"]
    )
    assert unknown.status_code == 422
    assert 'id="departments-error"' in unknown.text

    made = _create(
        admin,
        username="nieuwkomer",
        display_name="Nieuw Komer",
        email="nieuw@school.example",
        roles=["team_leader", "mentor"],
        departments=["3V", "4V"],
    )
    assert made.status_code == 200, made.text
    assert "wordt niet nog eens getoond" in made.text
    password = _created_password(made.text)
    again = _create(admin, username="nieuwkomer", display_name="Dubbel", roles=["mentor"])
    assert again.status_code == 422
    assert "bestaat al" in again.text

    new = sign_in(portal, "nieuwkomer", password)
    assert new.get("/afdelingen/4V").status_code == 200
    assert new.get("/afdelingen/1M").status_code == 403
    assert new.get("/beheer/accounts").status_code == 403

    found = admin.get("/beheer/accounts", params={"q": "Komer", "rol": "team_leader"})
    assert "1 accounts gevonden" in found.text
    assert 'href="/beheer/accounts/nieuwkomer"' in found.text
    none = admin.get("/beheer/accounts", params={"q": "Komer", "rol": "student"})
    assert "0 accounts gevonden" in none.text
    students = admin.get("/beheer/accounts", params={"rol": "student"})
    assert re.search(r"(\d+) accounts gevonden", students.text)[1] == "400"  # type: ignore[index]
    assert "Pagina 1 van 8" in students.text
    last = admin.get("/beheer/accounts", params={"rol": "student", "pagina": "8"})
    assert "Pagina 8 van 8" in last.text
    english = admin.get("/beheer/accounts", params={"lang": "en", "q": "komer"})
    assert "1 accounts found" in english.text
    admin.get("/beheer/accounts", params={"lang": "nl"})


def test_roles_deactivation_reset_and_the_audit_log(portal: Portal, admin):
    made = _create(admin, username="wisselrol", display_name="Wissel Rol", roles=["scheduler"])
    password = _created_password(made.text)
    other = sign_in(portal, "wisselrol", password)
    assert other.get("/").status_code == 200

    page = admin.get("/beheer/accounts/wisselrol")
    token = csrf_of(page.text)
    changed = admin.post(
        "/beheer/accounts/wisselrol/toegang",
        data={"csrf_token": token, "roles": ["team_leader"], "departments": ["1M"]},
    )
    assert changed.status_code == 200
    assert "zijn opgeslagen" in changed.text
    assert other.get("/afdelingen/6V").status_code == 403  # no longer a scheduler
    assert other.get("/afdelingen/1M").status_code == 200

    off = admin.post("/beheer/accounts/wisselrol/deactiveren", data={"csrf_token": token})
    assert off.status_code == 200
    assert "niet actief" in off.text
    assert other.get("/").status_code == 303  # its session ended
    on = admin.post("/beheer/accounts/wisselrol/activeren", data={"csrf_token": token})
    assert "weer actief" in on.text
    again = sign_in(portal, "wisselrol", password)

    reset = admin.post("/beheer/accounts/wisselrol/wachtwoord", data={"csrf_token": token})
    new_password = _created_password(reset.text)
    assert new_password != password
    assert again.get("/").status_code == 303
    sign_in(portal, "wisselrol", new_password)

    log = admin.get("/beheer/logboek").text
    admin_name = portal.admin[0]
    for action in ("account.add", "account.access", "account.deactivate", "account.reactivate"):
        assert re.search(
            rf"<td>{admin_name}</td><td>{re.escape(action)}</td>\s*<td>account wisselrol</td>", log
        ), action
    assert password not in log
    assert new_password not in log


def test_an_administrator_cannot_lock_itself_out(portal: Portal, admin):
    me = portal.admin[0]
    page = admin.get(f"/beheer/accounts/{me}")
    assert "Dit is uw eigen account" in page.text
    token = csrf_of(page.text)
    refused = admin.post(f"/beheer/accounts/{me}/deactiveren", data={"csrf_token": token})
    assert refused.status_code == 422
    assert "eigen account niet op non-actief" in refused.text
    kept = admin.post(
        f"/beheer/accounts/{me}/toegang", data={"csrf_token": token, "roles": ["scheduler"]}
    )
    assert kept.status_code == 422
    assert "eigen rol beheerder niet weghalen" in kept.text
    assert admin.get("/beheer/accounts").status_code == 200  # still an administrator


def test_tokens_are_shown_once_and_can_be_revoked(portal: Portal, admin):
    page = admin.get("/beheer/tokens")
    token = csrf_of(page.text)
    bad = admin.post(
        "/beheer/tokens",
        data={
            "csrf_token": token,
            "name": "met spatie",
            "username": "beheerder",
            "role": "scheduler",
        },
    )
    assert bad.status_code == 422
    assert 'id="token-name-error"' in bad.text
    wrong_role = admin.post(
        "/beheer/tokens",
        data={
            "csrf_token": token,
            "name": "pagina-pc",
            "username": "beheerder",
            "role": "scheduler",
            "departments": ["4V"],
        },
    )
    assert wrong_role.status_code == 422
    assert "heeft de rol roostermaker niet" in wrong_role.text
    assert "de rol scheduler" not in wrong_role.text
    without = admin.post(
        "/beheer/tokens",
        data={
            "csrf_token": token,
            "name": "pagina-pc",
            "username": portal.personas["scheduler"],
            "role": "scheduler",
        },
    )
    assert without.status_code == 422
    assert 'id="token-departments-error"' in without.text
    assert "minstens één" in without.text
    made = admin.post(
        "/beheer/tokens",
        data={
            "csrf_token": token,
            "name": "pagina-pc",
            "username": portal.personas["scheduler"],
            "role": "scheduler",
            "departments": ["4V", "5V"],
        },
    )
    assert made.status_code == 200
    assert "niet nog eens" in made.text
    secret = re.search(r'id="new-token" class="secret" value="(kpl_[^"]+)"', made.text)
    assert secret
    api = {"Authorization": f"Bearer {secret[1]}"}
    me = httpx.get(f"{portal.url}/api/v1/me", headers=api)
    assert me.status_code == 200
    assert me.json()["departments"] == ["4V", "5V"]
    listed = admin.get("/beheer/tokens").text
    assert "pagina-pc" in listed
    assert "<td>4V, 5V</td>" in listed
    assert secret[1] not in listed  # shown once only
    revoked = admin.post("/beheer/tokens/pagina-pc/intrekken", data={"csrf_token": token})
    assert "is ingetrokken" in revoked.text
    assert httpx.get(f"{portal.url}/api/v1/me", headers=api).status_code == 401
    twice = admin.post("/beheer/tokens/pagina-pc/intrekken", data={"csrf_token": token})
    assert "was al ingetrokken" in twice.text
    missing = admin.post("/beheer/tokens/bestaat-niet/intrekken", data={"csrf_token": token})
    assert missing.status_code == 404


@pytest.fixture(scope="module")
def own_school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """Department and school settings change here, not in the shared demo school."""
    yield from fresh_portal(tmp_path_factory, "admin-pages")


def _department_row(html: str, code: str) -> str:
    found = re.search(rf'<tr id="department-{code}".*?</tr>', html, re.S)
    assert found, code
    return found[0]


def test_department_settings_are_checked_saved_and_audited(own_school: Portal):
    admin = sign_in(own_school, *own_school.admin)
    page = admin.get("/beheer/afdelingen")
    assert page.status_code == 200
    token = csrf_of(page.text)
    first = _department_row(page.text, "4V")
    flipped = "portal" if 'value="project" selected' in first else "project"
    half = admin.post(
        "/beheer/afdelingen/4V",
        data={
            "csrf_token": token,
            "lead": flipped,
            "opens": "2027-03-01",
            "closes": "",
            "subjects": "wisb netl",
        },
    )
    assert half.status_code == 422
    row = _department_row(half.text, "4V")
    assert 'id="4V-closes-error"' in row
    assert "zowel de begin- als de einddatum" in row
    assert 'value="wisb netl"' in row  # what was typed stays
    bad = admin.post(
        "/beheer/afdelingen/4V",
        data={
            "csrf_token": token,
            "lead": flipped,
            "opens": "2027-04-01",
            "closes": "2027-03-01",
            "subjects": "wisb, ne!tl",
        },
    )
    assert bad.status_code == 422
    assert 'id="4V-closes-error"' in bad.text
    assert 'id="4V-subjects-error"' in bad.text
    assert _department_row(admin.get("/beheer/afdelingen").text, "4V") == first  # unchanged

    saved = admin.post(
        "/beheer/afdelingen/4v",
        data={
            "csrf_token": token,
            "lead": flipped,
            "opens": "2027-03-01",
            "closes": "2027-03-15",
            "subjects": "wisb, netl;entl  WISB",
        },
    )
    assert saved.status_code == 200, saved.text
    assert "Afdeling 4V is opgeslagen" in saved.text
    row = _department_row(admin.get("/beheer/afdelingen").text, "4V")
    assert f'value="{flipped}" selected' in row
    assert 'value="2027-03-01"' in row
    assert 'value="entl, netl, wisb"' in row  # sorted, once each
    home = admin.get("/").text
    lead_text = "desktop leidend" if flipped == "project" else "portal leidend"
    assert re.search(rf">4V</a>(?:(?!</tr>).)*{lead_text}", home, re.S)
    log = admin.get("/beheer/logboek").text
    assert re.search(
        rf"<td>{own_school.admin[0]}</td><td>department.settings</td>\s*<td>department 4V</td>",
        log,
    )
    assert admin.post("/beheer/afdelingen/9Q", data={"csrf_token": token}).status_code == 404


def test_school_settings_are_saved_and_audited(own_school: Portal):
    admin = sign_in(own_school, *own_school.admin)
    page = admin.get("/beheer/instellingen")
    assert 'id="mentors_edit_prognoses" name="mentors_edit_prognoses"' in page.text
    assert "checked" not in page.text
    saved = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "mentors_edit_prognoses": "on"},
    )
    assert "zijn opgeslagen" in saved.text
    assert re.search(r'id="mentors_edit_prognoses"[^>]*checked', saved.text)
    same = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "mentors_edit_prognoses": "on"},
    )
    assert "er is niets veranderd" in same.text
    assert "settings.change" in admin.get("/beheer/logboek").text
    limits = admin.post(
        "/beheer/instellingen",
        data={
            "csrf_token": csrf_of(page.text),
            "mentors_edit_prognoses": "on",
            "transition_max_share_percent": "25",
            "staff_retention": "remove",
        },
    )
    assert re.search(r'id="transition_max_share_percent"[^>]*value="25"', limits.text)
    assert re.search(r'<option value="remove" selected', limits.text)
    # a form without the year-transition fields leaves them as they are
    kept = admin.post("/beheer/instellingen", data={"csrf_token": csrf_of(page.text)})
    assert re.search(r'id="transition_max_share_percent"[^>]*value="25"', kept.text)
    too_much = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "transition_max_share_percent": "101"},
    )
    assert too_much.status_code == 422
    rule = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "home_class_rule": r"^[1-6][A-Z]+[0-9]+$"},
    )
    assert re.search(r'id="home_class_rule"[^>]*value="\^\[1-6\]\[A-Z\]\+\[0-9\]\+\$"', rule.text)
    broken = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "home_class_rule": "[1-6"},
    )
    assert broken.status_code == 422
    assert 'aria-invalid="true"' in broken.text
    assert "geen geldige reguliere expressie" in broken.text
    again = admin.get("/beheer/instellingen").text
    assert re.search(r'id="home_class_rule"[^>]*value="\^\[1-6\]', again)  # kept the valid one


# --- in the browser ----------------------------------------------------------------------

browser_only = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    opened = context.new_page()
    yield opened
    context.close()


def _sign_in(page: Page, url: str, username: str, password: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


@browser_only
def test_in_the_browser_an_administrator_creates_an_account_that_signs_in(
    page: Page, portal: Portal
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 1100, "height": 900})
    _sign_in(page, portal.url, *portal.admin)
    page.get_by_role("link", name="Accounts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accounts")
    page.get_by_label("Zoek op naam of gebruikersnaam").fill("beheer")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status").first).to_contain_text("accounts gevonden")
    page.get_by_label("Gebruikersnaam", exact=True).fill("browsergebruiker")
    page.get_by_label("Naam zoals getoond").fill("Bram Browser")
    page.get_by_label("roostermaker").check()
    page.screenshot(path=str(IMAGES / "admin-accounts.png"), full_page=False)
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("status").first).to_contain_text("browsergebruiker is gemaakt")
    password = page.locator("code.secret").inner_text()
    assert re.fullmatch(r"\w{4}-\w{4}-\w{4}-\w{4}", password)
    page.get_by_role("button", name="Uitloggen").click()
    _sign_in(page, portal.url, "browsergebruiker", password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afdelingen")
    expect(page.get_by_role("link", name="Bram Browser")).to_be_visible()
    assert errors == []
    assert (IMAGES / "admin-accounts.png").stat().st_size > 10_000


@browser_only
def test_in_the_browser_an_administrator_changes_who_leads_a_department(
    page: Page, own_school: Portal
):
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, own_school.url, *own_school.admin)
    page.get_by_role("link", name="Afdelingsinstellingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afdelingsinstellingen")
    lead = page.get_by_label("Stamklasindeling 3H", exact=True)
    before = lead.input_value()
    after = "project" if before == "portal" else "portal"
    lead.select_option(after)
    page.get_by_label("Vakken 3H", exact=True).fill("ne, en, wi")
    page.get_by_role("button", name="Opslaan 3H").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Afdeling 3H is opgeslagen")
    expect(page.get_by_label("Stamklasindeling 3H", exact=True)).to_have_value(after)
    expect(page.get_by_label("Vakken 3H", exact=True)).to_have_value("en, ne, wi")
    page.screenshot(path=str(IMAGES / "admin-departments.png"), full_page=False)
    assert (IMAGES / "admin-departments.png").stat().st_size > 10_000
    page.goto(own_school.url + "/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="3H", exact=True))
    expect(row).to_contain_text("desktop leidend" if after == "project" else "portal leidend")
