"""Acceptance in real headless chromium, on a portal of its own: a team leader changes a
prognosis and a home class, the administrator sees the change and its audit entry; a
student cannot reach another student's page; a form without its CSRF token changes
nothing. Screenshots of these pages go to docs/images for the README."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import Portal, demo_portal
from tests.web.test_pages_browser import (  # noqa: F401 - fixtures
    CHROMIUM,
    IMAGES,
    browser,
    page,
    sign_in_as,
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make test installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("browser-planning"))) as started:
        yield started


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inloggen")


def test_a_team_leaders_change_reaches_the_administrator(page: Page, own: Portal):
    sign_in_as(page, own, "team_leader", goto="/afdelingen/1M")
    expect(page.get_by_role("heading", level=1)).to_contain_text("1 MAVO")
    page.screenshot(path=str(IMAGES / "team-leader.png"))
    first = page.locator("tbody tr").first
    number = (first.get_attribute("id") or "").removeprefix("leerling-")
    assert re.fullmatch(r"\d{6}", number)
    first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(number)

    page.get_by_label("Afdeling(en) volgend schooljaar").fill("2M 60 / 2MH 40x")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#prognose-error")).to_be_visible()  # next to the field
    expect(page.get_by_label("Afdeling(en) volgend schooljaar")).to_have_attribute(
        "aria-invalid", "true"
    )
    page.get_by_label("Afdeling(en) volgend schooljaar").fill("2M 60 / 2MH 40")
    page.get_by_label("Ronde").fill("2")
    page.get_by_label("Stamklas 2026-2027").select_option("__geen__")
    page.screenshot(path=str(IMAGES / "student-form.png"))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("1 leerling(en) gewijzigd")
    row = page.locator(f"#leerling-{number}")
    expect(row).to_contain_text("2M 60 / 2MH 40")
    expect(row.locator("td").nth(3)).to_have_text("")
    _sign_out(page)

    sign_in_as(page, own, "administrator", goto="/afdelingen/1M")
    expect(page.locator(f"#leerling-{number}")).to_contain_text("2M 60 / 2MH 40")
    page.goto(own.url + "/beheer/logboek")
    entries = page.locator("tbody tr").filter(has_text=number)
    expect(entries.filter(has_text="prognosis.set")).to_have_count(1)
    expect(entries.filter(has_text="home_class.set")).to_have_count(1)
    expect(entries.first).to_contain_text(own.personas["team_leader"])


def test_bulk_edit_in_the_browser(page: Page, own: Portal):
    sign_in_as(page, own, "team_leader", goto="/afdelingen/2M")
    rows = page.locator("tbody tr")
    numbers = [(rows.nth(i).get_attribute("id") or "").removeprefix("leerling-") for i in range(3)]
    for number in numbers:
        page.locator(f"#kies-{number}").check()
    page.locator("#bulk-ronde").fill("5")
    page.get_by_role("button", name="Toepassen op selectie").click()
    expect(page.get_by_role("status")).to_contain_text("3 leerling(en) gewijzigd")
    for number in numbers:
        expect(page.locator(f"#leerling-{number} td").nth(5)).to_have_text("5")


def test_a_student_cannot_reach_another_students_page(page: Page, own: Portal):
    sign_in_as(page, own, "student")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn gegevens")
    expect(page.locator(".details")).to_contain_text(own.personas["student"])
    page.screenshot(path=str(IMAGES / "student.png"))
    page.goto(own.url + "/afdelingen/1M")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geen toegang")
    page.goto(own.url + f"/afdelingen/1M/leerlingen/{own.personas['student']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geen toegang")


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(page: Page, own: Portal):
    sign_in_as(page, own, "team_leader", goto="/afdelingen/1MH")
    first = page.locator("tbody tr").first
    number = (first.get_attribute("id") or "").removeprefix("leerling-")
    before = first.inner_text()
    first.get_by_role("link").click()
    page.evaluate("document.querySelector('form.edit input[name=csrf_token]').remove()")
    page.get_by_label("Afdeling(en) volgend schooljaar").fill("2MH 50 / 2M 50")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geen toegang")
    expect(page.locator("main")).to_contain_text("er is niets gewijzigd")
    page.goto(own.url + "/afdelingen/1MH")
    assert page.locator(f"#leerling-{number}").inner_text() == before


def test_the_mentor_and_teacher_pages(page: Page, own: Portal):
    sign_in_as(page, own, "mentor")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn stamklassen")
    expect(page.locator("section h2").first).to_be_visible()
    page.screenshot(path=str(IMAGES / "mentor.png"))
    page.get_by_role("link", name="Mijn groepen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn groepen")
    expect(page.locator("details").first).to_have_attribute("open", "")
