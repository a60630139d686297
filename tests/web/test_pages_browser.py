"""The first pages in real headless chromium (Debian's, never a downloaded browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
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


def test_a_scheduler_finds_a_department_and_its_students(page: Page, portal: str):
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(portal)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afdelingen")
    rows = page.get_by_role("row")
    expect(rows).to_have_count(16)  # header + 15 departments
    page.get_by_role("link", name="4V", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("4 VWO")
    first = page.get_by_role("row").nth(1).inner_text()
    assert re.match(r"\d{6}\s+\S", first)
    assert console_errors == []  # no CSP violations, htmx loaded


def test_keyboard_reaches_the_department_links(page: Page, portal: str):
    page.goto(portal)
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if focused == "1M":
            break
    else:
        pytest.fail("the department links are not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/afdelingen/1M$"))


def test_language_switch_to_english(page: Page, portal: str):
    page.goto(portal)
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Departments")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_screenshot_of_the_departments_page(page: Page, portal: str, tmp_path: Path):
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto(portal)
    shot = tmp_path / "departments.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
