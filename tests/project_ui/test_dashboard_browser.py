"""The dashboard in headless chromium: one row per domain, refresh, access through the
launch file's one-time key only."""

from __future__ import annotations

from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.project_ui.conftest import Opened, opened_project
from tests.web.test_pages_browser import browser, page  # noqa: F401  # fixtures

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def test_the_dashboard_shows_every_domain_with_its_status(page: Page, opened: Opened) -> None:
    opened.sign_in(page)
    expect(page.locator("h1")).to_contain_text("Portalconnector")
    rows = page.locator("table.dashboard tbody tr")
    expect(rows).to_have_count(8)
    expect(page.locator("#row-students .diff-badge")).to_be_visible()
    expect(page.locator("#row-prognoses .conflict-badge")).to_be_visible()
    expect(page.locator("#row-package_choices .diff-badge")).to_contain_text("[")
    before = page.locator(".as-of time").get_attribute("datetime")
    page.click("#refresh")
    expect(page.locator(".as-of time")).not_to_have_attribute("datetime", before or "")
    page.set_viewport_size({"width": 1400, "height": 900})
    page.screenshot(path=str(IMAGES / "project-dashboard.png"), full_page=False)


def test_without_the_key_nothing_is_shown(opened: Opened) -> None:
    answer = httpx.get(opened.base + "/")
    assert answer.status_code == 403
    assert "koppel project open" in answer.text
    for key in ("raden", opened.key):  # a key in an address opens nothing
        wrong = httpx.get(f"{opened.base}/?sleutel={key}", follow_redirects=False)
        assert wrong.status_code == 403


def test_the_browser_opens_the_project_through_the_launch_file(page: Page, tmp_path: Path) -> None:
    """What ``koppel project open`` starts the browser on: the file's script hands the key
    in (the strict CSP holds), the session cookie (SameSite=Strict) reaches the dashboard,
    a reload keeps it, and the key is used up."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with opened_project(tmp_path, students=50) as opened:
        page.goto(opened.launch.as_uri())
        expect(page.locator("h1")).to_contain_text("Portalconnector")
        assert page.url == opened.base + "/"
        assert not opened.launch.exists()
        page.reload()
        expect(page.locator("h1")).to_contain_text("Portalconnector")
        page.goto(opened.base + "/leerlingen")
        expect(page.locator("table")).not_to_have_count(0)
        assert opened.hand_in_key().status_code == 403  # used up, for anyone
        other = page.context.browser.new_context(locale="nl-NL")  # another browser: no way in
        try:
            stranger = other.new_page()
            stranger.goto(opened.base + "/")
            expect(stranger.locator("h1")).to_contain_text("Geen toegang")
        finally:
            other.close()
    assert errors == []
