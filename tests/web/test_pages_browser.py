"""The first pages in real headless chromium (Debian's, never a downloaded browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.web.conftest import Portal

CHROMIUM = Path("/usr/bin/chromium")
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make test installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
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


def sign_in_as(page: Page, portal: Portal, role: str, goto: str = "/") -> None:
    username, password = portal.login_as(role)
    page.goto(portal.url + goto)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_a_scheduler_finds_a_department_and_its_students(page: Page, portal: Portal):
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    sign_in_as(page, portal, "scheduler")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afdelingen")
    rows = page.get_by_role("row")
    expect(rows).to_have_count(16)  # header + 15 departments
    page.get_by_role("link", name="4V", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("4 VWO")
    first = page.get_by_role("row").nth(1).inner_text()
    assert re.match(r"\d{6}\s+\S", first)
    assert console_errors == []  # no CSP violations, htmx loaded


def test_keyboard_reaches_the_department_links(page: Page, portal: Portal):
    sign_in_as(page, portal, "administrator")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afdelingen")
    page.keyboard.press("Tab")  # the skip link comes first, before the long admin menu
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    page.keyboard.press("Enter")
    for _ in range(6):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if focused == "1M":
            break
    else:
        pytest.fail("the department links are not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/afdelingen/1M$"))


def test_language_switch_to_english(page: Page, portal: Portal):
    sign_in_as(page, portal, "administrator")
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Departments")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_team_leader_sees_only_its_departments_and_signs_out(page: Page, portal: Portal):
    sign_in_as(page, portal, "team_leader", goto="/afdelingen/6V")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geen toegang")
    page.goto(portal.url + "/")
    rows = page.get_by_role("row")
    expect(rows).to_have_count(5)  # header + the four departments of 'onderbouw mavo'
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inloggen")
    page.goto(portal.url + "/")
    expect(page).to_have_url(re.compile(r"/login\?next=/$"))


def test_screenshots_of_the_main_pages(page: Page, portal: Portal):
    """Kept in docs/images by the tests, so the README's pictures stay current."""
    page.set_viewport_size({"width": 1000, "height": 760})
    page.goto(portal.url + "/login")
    page.screenshot(path=str(IMAGES / "login.png"))
    sign_in_as(page, portal, "administrator")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afdelingen")
    page.screenshot(path=str(IMAGES / "departments.png"))
    assert (IMAGES / "departments.png").stat().st_size > 10_000
