"""Acceptance in real headless chromium (Debian's, never a downloaded browser): the whole
life of a school year in Beheer > Jaarovergang. An administrator prepares next year
(changing a department and adding one for that year only), a team leader promotes its
own department from its page, the administrator promotes the rest, walks the five steps
with next year's files of its demo school, switches (undoes the switch from the page and
switches again), and the team leader then sees the new school year on its department
page. Every new screen is checked at phone width and for labels and heading order;
screenshots go to docs/images (year-*.png, transition-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from koppel.services.demo.next_year import NextYearFiles, write_next_year_files
from koppel.store import tables as t
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
PHONE = {"width": 390, "height": 844}
CHECKS = """() => {
    const problems = [];
    for (const c of document.querySelectorAll("input, select, textarea")) {
        if (c.type === "hidden") continue;
        const named = c.labels.length > 0 || c.getAttribute("aria-label")
            || c.getAttribute("aria-labelledby");
        if (!named) problems.push("no label: " + (c.id || c.name));
    }
    let last = 0;
    for (const h of document.querySelectorAll("main h1, main h2, main h3, main h4")) {
        const level = Number(h.tagName[1]);
        if (last && level > last + 1) problems.push("heading skips to " + h.tagName);
        last = level;
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        problems.push("wider than the screen: " + document.documentElement.scrollWidth);
    }
    return problems;
}"""
"""Every form control has a label, headings go down one level at a time, and nothing makes
the page wider than the screen (wide tables scroll inside their own box)."""


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("browser-transition"))) as started:
        yield started


@pytest.fixture(scope="module")
def files(own: Portal, tmp_path_factory: pytest.TempPathFactory) -> NextYearFiles:
    """Next year's files; of the seeds that keep the team leader at the school, the first
    (the test signs in as the team leader after the transition)."""
    engine = connect(own.database)
    directory = tmp_path_factory.mktemp("next-year")
    with engine.connect() as connection:
        a, m = t.accounts, t.staff_members
        staying = connection.scalar(
            select(m.c.staff_code)
            .join(a, a.c.staff_id == m.c.id)
            .where(a.c.username == own.personas["team_leader"])
        )
    try:
        for seed in range(2, 30):
            made = write_next_year_files(
                SqlAlchemyUnitOfWork(engine), directory, seed=seed, overwrite=True
            )
            if staying not in made.staff_departed:
                return made
    finally:
        engine.dispose()
    raise AssertionError("no seed keeps the team leader")


def _well_made(page: Page) -> None:
    assert page.evaluate(CHECKS) == [], page.url


def _at_phone_width(page: Page, name: str) -> None:
    """The page as a phone shows it: still well made."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    _well_made(page)
    page.screenshot(path=str(IMAGES / f"{name}-phone.png"))
    if size is not None:
        page.set_viewport_size(size)


def _without_prognosis(portal: Portal, department: str) -> str:
    """One student of the department has no prognosis yet; its student number."""
    engine = connect(portal.database)
    with engine.begin() as connection:
        s, p, d = t.students, t.department_participations, t.departments
        number = connection.scalar(
            select(s.c.student_number)
            .join(p, p.c.student_id == s.c.id)
            .join(d, d.c.id == p.c.department_id)
            .where(d.c.code == department)
            .order_by(s.c.student_number)
            .limit(1)
        )
        student = select(s.c.id).where(s.c.student_number == number).scalar_subquery()
        connection.execute(t.prognoses.delete().where(t.prognoses.c.student_id == student))
    engine.dispose()
    return str(number)


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


def _prepare(page: Page, own: Portal) -> None:
    sign_in_as(page, own, "administrator", goto=WIZARD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaarovergang")
    expect(page.locator("tr[aria-current=step]")).to_contain_text("Nieuw schooljaar klaarzetten")
    page.get_by_role("link", name="Verder met: Nieuw schooljaar klaarzetten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuw schooljaar klaarzetten")
    expect(
        page.get_by_role("heading", level=2, name="Voorbeeld: deze 15 afdelingen")
    ).to_be_visible()
    _well_made(page)
    page.screenshot(path=str(IMAGES / "year-prepare.png"), full_page=True)
    _at_phone_width(page, "year-prepare")
    page.get_by_label("Ik wil schooljaar 2027-2028 klaarzetten").check()
    page.get_by_role("button", name="2027-2028 klaarzetten").click()
    expect(page.get_by_role("status").first).to_contain_text("Schooljaar 2027-2028 staat klaar")
    expect(page.get_by_role("button", name="Klaarzetten ongedaan maken")).to_be_visible()

    # next year only: 4V gets its subjects and a choice window, 1T is new
    page.locator("#wijzig-4V summary").click()
    form = page.locator("#wijzig-4V form")
    form.get_by_label("Vakken").fill("netl entl wisb")
    form.get_by_label("Keuze open vanaf").fill("2027-03-01")
    form.get_by_label("Keuze open tot en met").fill("2027-02-01")
    form.get_by_role("button", name="Opslaan voor 2027-2028").click()
    expect(page.locator('[id="4V-closes-error"]')).to_contain_text("de keuzeperiode eindigt")
    expect(page.locator("#wijzig-4V")).to_have_attribute("open", "")
    form = page.locator("#wijzig-4V form")
    form.get_by_label("Keuze open tot en met").fill("2027-04-15")
    form.get_by_role("button", name="Opslaan voor 2027-2028").click()
    expect(page.get_by_role("status").first).to_contain_text("Afdeling 4V is gewijzigd voor")
    add = page.locator("#afdeling-toevoegen")
    add.get_by_label("Code").fill("1T")
    add.get_by_label("Onderwijssoort").select_option("HAVO/VWO")
    add.get_by_label("Naam").fill("1 Technasium")
    add.get_by_role("button", name="Toevoegen voor 2027-2028").click()
    expect(page.get_by_role("status").first).to_contain_text("Afdeling 1T is toegevoegd")
    expect(page.locator("#afdeling-1T")).to_contain_text("nieuw")
    expect(page.locator("#afdeling-4V")).to_contain_text("gewijzigd")
    page.locator("#wijzig-4M summary").click()
    _well_made(page)
    page.screenshot(path=str(IMAGES / "year-prepare-departments.png"), full_page=True)


def _leader_promotes_its_department(browser: Browser, own: Portal) -> None:
    context = browser.new_context(locale="nl-NL")
    leader = context.new_page()
    sign_in_as(leader, own, "team_leader")
    leader.get_by_role("link", name="1M", exact=True).click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Schooljaar 2026-2027")
    leader.get_by_role("link", name="Doorzetten naar volgend schooljaar").click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Doorzetten naar volgend")
    expect(leader.locator("table.counts")).to_contain_text("afdelingsdeelnames voor volgend jaar")
    _well_made(leader)
    leader.screenshot(path=str(IMAGES / "year-team-leader-promote.png"), full_page=True)
    leader.get_by_label("Ik wil de leerlingen van 1M doorzetten naar 2027-2028").check()
    leader.get_by_role("button", name="Doorzetten naar volgend schooljaar").click()
    expect(leader.get_by_role("status").first).to_contain_text("Doorgezet naar 2027-2028")
    expect(leader.get_by_role("button", name="Doorzetten ongedaan maken")).to_be_visible()
    context.close()


def _promote(page: Page, own: Portal, missing: str) -> None:
    page.goto(own.url + WIZARD + "/klaarzetten")
    page.get_by_role("link", name="Verder met: Doorzetten vanuit de prognoses").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Doorzetten vanuit de prognoses")
    expect(page.locator(".state-line")).to_contain_text("deels toegepast (alleen afdeling 1M)")
    expect(page.locator("#zonder-prognose-tabel")).to_contain_text(missing)
    _well_made(page)
    page.screenshot(path=str(IMAGES / "year-promote.png"), full_page=True)
    _at_phone_width(page, "year-promote")
    page.get_by_label("Ik wil de leerlingen doorzetten naar 2027-2028").check()
    page.get_by_role("button", name="Doorzetten", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Doorgezet naar 2027-2028")
    page.get_by_role("link", name="Verder met stap 1: Bestanden inlezen").click()


def _five_steps(page: Page, own: Portal, files: NextYearFiles) -> str:
    # 1: the staff file applied, the students file checked
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 1: Bestanden inlezen")
    expect(page.locator(".fills")).to_contain_text("Deze stap vult schooljaar 2027-2028")
    page.get_by_label("Kies het personeelsbestand").set_input_files(files.staff_file)
    page.get_by_label("Kies het leerlingenbestand").set_input_files(files.students_file)
    _preview(page, 1)
    expect(
        page.get_by_text("Alleen gecontroleerd: dit bestand leest u in bij stap 3.")
    ).to_be_visible()
    _apply(page, 1)
    page.get_by_role("link", name="Verder met stap 2: Oude groepen verwijderen").click()

    # 2: the groups already in the year being filled (the current year's stay)
    expect(page.locator(".fills")).to_contain_text("2027-2028")
    page.get_by_label("Alle groepen van schooljaar").check()
    _preview(page, 2)
    expect(page.locator("table.counts")).to_contain_text("als geschiedenis blijven")
    _apply(page, 2)
    page.get_by_role("link", name="Verder met stap 3: Deelnemers inlezen").click()

    # 3: the students file kept from step 1, missing students marked as left
    expect(page.get_by_label(f"Gebruik {files.students_file.name}", exact=False)).to_be_checked()
    page.get_by_label("Markeer ontbrekende leerlingen als vertrokken").check()
    _preview(page, 3)
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
    _well_made(page)
    return last


def _switch(page: Page, own: Portal, last: str) -> None:
    page.goto(own.url + WIZARD)
    expect(page.locator("#stap-5")).to_contain_text(last)
    expect(page.locator("tr[aria-current=step]")).to_contain_text("Wisselen naar het nieuwe")
    page.screenshot(path=str(IMAGES / "transition-overview.png"), full_page=True)
    page.get_by_role("link", name="Verder met: Wisselen naar het nieuwe schooljaar").click()
    expect(page.get_by_text("Alle vijf stappen zijn toegepast")).to_be_visible()
    expect(page.locator("#force")).to_have_count(0)  # nothing to force
    _well_made(page)
    page.screenshot(path=str(IMAGES / "year-switch.png"), full_page=True)
    _at_phone_width(page, "year-switch")
    for attempt in ("first", "again"):
        page.get_by_label("Ik wil wisselen: 2027-2028 wordt het huidige schooljaar").check()
        page.get_by_role("button", name="Wisselen naar 2027-2028").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "Schooljaar 2027-2028 is nu het huidige schooljaar"
        )
        if attempt == "first":  # undo restores the previous current year; then again
            page.get_by_role("button", name="Wisselen ongedaan maken").click()
            expect(page.get_by_role("status").first).to_contain_text(
                "2026-2027 is weer het huidige schooljaar"
            )
            expect(page.locator("dl.years")).to_contain_text("2027-2028")


def test_the_life_of_a_school_year_in_the_wizard(
    browser: Browser, page: Page, own: Portal, files: NextYearFiles
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    refused = "the server responded with a status of 422"  # the wrong choice window, on purpose
    missing = _without_prognosis(own, "2M")
    _prepare(page, own)
    _leader_promotes_its_department(browser, own)
    _promote(page, own, missing)
    last = _five_steps(page, own, files)
    _switch(page, own, last)

    page.goto(own.url + WIZARD)
    expect(page.get_by_role("status")).to_contain_text("alle onderdelen zijn gedaan")
    expect(page.locator("tbody .state-badge")).to_have_text(["toegepast"] * 8)
    _well_made(page)
    page.screenshot(path=str(IMAGES / "year-overview.png"), full_page=True)
    _at_phone_width(page, "year-overview")
    assert [error for error in errors if refused not in error] == []

    # the team leader now works in the new school year
    context = browser.new_context(locale="nl-NL")
    leader = context.new_page()
    sign_in_as(leader, own, "team_leader")
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Schooljaar 2027-2028")
    leader.get_by_role("link", name="1M", exact=True).click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Schooljaar 2027-2028")
    expect(leader.get_by_role("heading", level=1)).to_contain_text("prognoses voor 2028-2029")
    expect(leader.locator("table.planning tbody tr").first).to_be_visible()
    _well_made(leader)
    leader.screenshot(path=str(IMAGES / "year-team-leader.png"), full_page=True)
    context.close()
