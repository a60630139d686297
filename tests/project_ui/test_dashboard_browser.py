"""The dashboard in headless chromium: one row per domain, refresh, access by key only."""

from __future__ import annotations

from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.project_ui.conftest import Opened
from tests.web.test_pages_browser import browser, page  # noqa: F401  # fixtures

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def test_the_dashboard_shows_every_domain_with_its_status(page: Page, opened: Opened) -> None:
    page.goto(opened.url)
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
    wrong = httpx.get(opened.base + "/?sleutel=raden", follow_redirects=False)
    assert wrong.status_code == 403
