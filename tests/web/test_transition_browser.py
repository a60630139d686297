"""Acceptance in real headless chromium (Debian's, never a downloaded browser): an
administrator walks the five steps of the year-transition wizard with next year's files
of its demo school, previewing and applying each, and undoes the newest step from the
page. Screenshots of each step and of the overview go to docs/images."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from koppel.services.demo.next_year import NextYearFiles, write_next_year_files
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
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
WIZARD = "/beheer/jaarovergang"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("browser-transition"))) as started:
        yield started


@pytest.fixture(scope="module")
def files(own: Portal, tmp_path_factory: pytest.TempPathFactory) -> NextYearFiles:
    engine = connect(own.database)
    try:
        return write_next_year_files(
            SqlAlchemyUnitOfWork(engine), tmp_path_factory.mktemp("next-year"), seed=2
        )
    finally:
        engine.dispose()


def _preview(page: Page, step: int) -> None:
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld", exact=True)).to_be_visible()
    expect(page.get_by_text("er is nog niets opgeslagen")).to_be_visible()
    page.screenshot(path=str(IMAGES / f"transition-step-{step}.png"), full_page=True)


def _busy_when_sent(page: Page) -> None:
    """A sent form says it is busy (aria-busy, a spinner and 'Bezig') and cannot be sent
    twice; here the sending is stopped in the page itself, so nothing reaches the portal."""
    form = page.locator("form.wizard-form")
    expect(form.get_by_role("status")).to_be_hidden()
    form.evaluate(
        """form => {
            form.addEventListener("submit", event => event.preventDefault());
            form.requestSubmit();
        }"""
    )
    expect(form).to_have_attribute("aria-busy", "true")
    expect(form.get_by_role("status")).to_contain_text("Bezig")
    page.reload()
    expect(form).not_to_have_attribute("aria-busy", "true")


def _apply(page: Page, step: int) -> str:
    if page.locator("#force").count():
        page.get_by_label("Ik heb het gecontroleerd: pas het toch toe").check()
    page.locator("#confirm").check()
    page.get_by_role("button", name="Toepassen").click()
    done = page.get_by_role("status").filter(has_text=f"Stap {step} is toegepast")
    expect(done).to_be_visible()
    text = done.inner_text()
    return text.rsplit(" ", 1)[-1].rstrip(".")


def test_an_administrator_walks_the_year_transition(page: Page, own: Portal, files: NextYearFiles):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in_as(page, own, "administrator", goto=WIZARD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaarovergang")
    expect(page.locator("tr[aria-current=step]")).to_contain_text("Bestanden inlezen")
    page.get_by_role("link", name="Verder met stap 1: Bestanden inlezen").click()

    # 1: the staff file applied, the students file checked
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 1: Bestanden inlezen")
    page.get_by_label("Kies het personeelsbestand").set_input_files(files.staff_file)
    page.get_by_label("Kies het leerlingenbestand").set_input_files(files.students_file)
    _preview(page, 1)
    expect(
        page.get_by_text("Alleen gecontroleerd: dit bestand leest u in bij stap 3.")
    ).to_be_visible()
    first = _apply(page, 1)
    page.get_by_role("link", name="Verder met stap 2: Oude groepen verwijderen").click()

    # 2: all old groups
    page.get_by_label("Alle groepen van schooljaar").check()
    _preview(page, 2)
    expect(page.locator("table.counts")).to_contain_text("Groepen die verwijderd worden")
    _apply(page, 2)
    page.get_by_role("link", name="Verder met stap 3: Deelnemers inlezen").click()

    # 3: the students file kept from step 1, missing students marked as left
    expect(page.get_by_label(f"Gebruik {files.students_file.name}", exact=False)).to_be_checked()
    expect(page.get_by_label("Markeer ontbrekende leerlingen als vertrokken")).not_to_be_checked()
    page.get_by_label("Markeer ontbrekende leerlingen als vertrokken").check()
    _preview(page, 3)
    expect(page.locator("details.items").first).to_contain_text("Leerlingen niet in het bestand")
    _apply(page, 3)
    page.get_by_role("link", name="Verder met stap 4: Docenten en mentoren koppelen").click()

    # 4: the teacher-groups file (or the planner page)
    expect(
        page.locator("main").get_by_role("link", name="docentplanner", exact=True)
    ).to_have_attribute("href", "/beheer/docentplanner")
    _busy_when_sent(page)
    page.get_by_label("Kies het bestand met docenten en groepen").set_input_files(
        files.teacher_groups_file
    )
    _preview(page, 4)
    _apply(page, 4)
    page.get_by_role("link", name="Verder met stap 5: Vertrokken personeel verwijderen").click()

    # 5: the staff file of step 1 again; the staff who left listed for confirmation
    expect(page.get_by_label(f"Gebruik {files.staff_file.name}", exact=False)).to_be_checked()
    _preview(page, 5)
    for code in files.staff_departed:
        expect(page.locator("details.items")).to_contain_text(code)
    last = _apply(page, 5)

    page.goto(own.url + WIZARD)
    expect(page.get_by_role("status")).to_contain_text("Alle vijf stappen zijn toegepast")
    expect(page.locator("#stap-1")).to_contain_text(first)
    expect(page.locator("#stap-5")).to_contain_text(last)
    expect(page.locator("tbody .state-badge")).to_have_text(["toegepast"] * 5)
    page.screenshot(path=str(IMAGES / "transition-overview.png"), full_page=True)

    # the newest step can be undone from its page; the wizard then resumes there
    page.get_by_role("link", name="Vertrokken personeel verwijderen").click()
    page.get_by_role("button", name="Stap ongedaan maken").click()
    expect(page.get_by_role("status").first).to_contain_text(
        f"wijzigingenset {last} is teruggedraaid"
    )
    page.get_by_role("link", name="Terug naar het overzicht van de jaarovergang").first.click()
    expect(page.locator("tr[aria-current=step]")).to_contain_text("Vertrokken personeel")
    assert errors == []
