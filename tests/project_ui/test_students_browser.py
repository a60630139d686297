"""The Students window (the seed's "Leerlingen") in headless chromium: from the
dashboard to the home-class differences, the tooltip with the other side's value,
taking over the portal's home classes for the checked students, and undo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from koppel.domain.sync.domains import Fields, Key, SyncDomain
from koppel.store.project.file import ProjectFile
from tests.project_ui.conftest import Opened, opened_project
from tests.web.test_pages_browser import IMAGES, browser, page  # noqa: F401  # fixtures


@pytest.fixture
def wide(browser: Browser) -> Iterator[Page]:
    """A page the size of the screenshots in docs/images."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


def home_classes(path: Path) -> tuple[dict[Key, Fields], dict[Key, Fields]]:
    """(the project's home classes, the portal's as the project file kept them)."""
    project = ProjectFile.open(path)
    try:
        with project.begin() as session:
            kept = session.cached(SyncDomain.HOME_CLASSES)
            assert kept is not None
            return session.state(SyncDomain.HOME_CLASSES), kept.rows
    finally:
        project.close()


def differing_cells(page: Page, *, project_leads: bool) -> dict[str, str]:
    """student -> department of the purple home-class cells (portal- or project-led)."""
    cells = page.locator("table.students td.dept.differs")
    found: dict[str, str] = {}
    for index in range(cells.count()):
        cell = cells.nth(index)
        classes = cell.get_attribute("class") or ""
        if ("lead-project" in classes) is project_leads:
            number = (cell.locator("xpath=..").get_attribute("id") or "").removeprefix("student-")
            found[number] = cell.get_attribute("data-department") or ""
    return found


def test_from_the_dashboard_to_the_home_class_differences(wide: Page, opened: Opened) -> None:
    page = wide
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.sign_in(page)
    page.locator("#row-home_classes td").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/leerlingen\?filter=stamklas$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Leerlingen")
    expect(page.locator("#filter-stamklas")).to_have_attribute("aria-current", "true")

    project, portal = home_classes(opened.path)
    portal_led = differing_cells(page, project_leads=False)
    project_led = differing_cells(page, project_leads=True)
    assert portal_led
    assert project_led
    number, department = next(iter(portal_led.items()))
    cell = page.locator(f"#student-{number} td.dept[data-department='{department}']")
    expect(cell).to_have_text(portal[(number, department)][0] or "")
    expect(cell).to_have_attribute("title", f"project: {project[(number, department)][0]}")
    expect(page.locator(f"#student-{number} td.klas .marker")).to_have_text("!")
    number, department = next(iter(project_led.items()))
    cell = page.locator(f"#student-{number} td.dept[data-department='{department}']")
    expect(cell).to_have_text(project[(number, department)][0] or "")
    expect(cell).to_have_attribute("title", f"portal: {portal[(number, department)][0]}")
    expect(page.locator("th.dept.lead-project").first).to_be_visible()

    gear = page.locator(f"#student-{number} a.gear")
    expect(gear).to_have_attribute(
        "href", f"{opened.portal}/afdelingen/{department}/leerlingen/{number}"
    )
    expect(gear).to_have_attribute("target", "_blank")
    expect(gear).to_have_attribute("rel", "noopener")
    page.screenshot(path=str(IMAGES / "project-students.png"))
    assert errors == []  # htmx loaded, nothing the CSP refused


def test_filters_and_search_swap_the_window_and_push_the_address(
    page: Page, opened: Opened
) -> None:
    opened.sign_in(page)
    page.get_by_role("navigation", name="vensters").get_by_role("link", name="Leerlingen").click()
    expect(page).to_have_url(re.compile(r"/leerlingen$"))
    page.locator("#filter-lwoo").focus()
    page.keyboard.press("Enter")  # every link and box works from the keyboard
    expect(page).to_have_url(re.compile(r"/leerlingen\?filter=lwoo$"))
    expect(page.locator("#filter-lwoo")).to_have_attribute("aria-current", "true")
    rows = page.locator("table.students tbody tr")
    expect(rows.first.locator("td.lwoo.differs")).to_be_visible()
    page.locator("#show-everyone").click()
    expect(page).to_have_url(re.compile(r"/leerlingen\?alle=1$"))
    number = rows.nth(3).get_attribute("id") or ""
    page.get_by_label("Zoeken").fill(number.removeprefix("student-"))
    expect(rows).to_have_count(1)
    expect(page).to_have_url(re.compile(r"alle=1&q=\d+$"))
    expect(page.get_by_label("Zoeken")).to_be_focused()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/leerlingen\?alle=1$"))
    page.locator("#select-none").click()
    expect(page.locator("table.students tbody input[type=checkbox]").first).not_to_be_checked()


def test_taking_over_the_portals_home_classes_then_undo(wide: Page, tmp_path: Path) -> None:
    page = wide
    with opened_project(tmp_path) as opened:
        opened.sign_in(page)
        page.goto(opened.base + "/leerlingen?filter=stamklas")
        portal_led = differing_cells(page, project_leads=False)
        project_led = differing_cells(page, project_leads=True)
        kept = sorted(portal_led)[0]
        taken = sorted(portal_led)[1:]
        assert taken
        page.get_by_label(f"Leerling {kept} kiezen").uncheck()
        page.locator("#take-stamklassen").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Downloaden naar het project")
        expect(page.locator("#plan-home_classes h2")).to_contain_text(f"{len(taken)} regels")
        page.locator("#confirm").click()

        expect(page).to_have_url(re.compile(r"/leerlingen\?filter=stamklas$"))
        expect(page.locator("#applied")).to_contain_text(f"{len(taken)} regels toegepast")
        project, portal = home_classes(opened.path)
        for number in taken:
            expect(page.locator(f"#student-{number}")).to_have_count(0)
            key = (number, portal_led[number])
            assert project[key] == portal[key]
        expect(page.locator(f"#student-{kept} td.dept.differs")).to_be_visible()
        for number in project_led:  # they go up from the group-assignment window
            expect(page.locator(f"#student-{number} td.dept.differs")).to_be_visible()
        page.locator("#show-everyone").click()
        expect(page.locator(f"#student-{taken[0]} td.dept.differs")).to_have_count(0)
        expect(page.locator(f"#student-{taken[0]} .ok-badge")).to_have_text("OK")

        page.locator("#undo").click()
        expect(page.locator("#undone")).to_be_visible()
        page.locator("#filter-stamklas").click()
        for number in taken:
            expect(page.locator(f"#student-{number} td.dept.differs")).to_be_visible()
        project_after, _ = home_classes(opened.path)
        assert project_after == project | {
            (number, portal_led[number]): project_after[(number, portal_led[number])]
            for number in taken
        }
        assert all(project_after[(n, portal_led[n])] != portal[(n, portal_led[n])] for n in taken)
