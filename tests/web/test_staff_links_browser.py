"""The docentplanner in real headless chromium (Debian's, never a downloaded browser), on
a portal of its own: after the links of home class 1M1 are gone (as after step 2 of the
year transition) the administrator finds 1M1 under 'Nog te doen', links a mentor and a
teacher, sees them per staff member and unlinks one. The screenshot goes to
docs/images/transition-planner.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from koppel.services.transition.staff_links import LinkRequest, change_staff_links
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
GROUP = "1M1"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("browser-planner"))) as started:
        engine = connect(started.database)
        with SqlAlchemyUnitOfWork(engine) as uow:
            year = uow.school.current_school_year()
            links = [link for link in uow.groups.staff_links(year) if link.group == GROUP]
        change_staff_links(
            SqlAlchemyUnitOfWork(engine),
            remove=[LinkRequest(link.staff_code, link.group, link.role.value) for link in links],
        )
        engine.dispose()
        yield started


def test_an_administrator_links_a_mentor_and_a_teacher_to_a_group(page: Page, own: Portal) -> None:
    sign_in_as(page, own, "administrator")
    page.get_by_role("link", name="Docentplanner").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Docentplanner")
    expect(page.locator("#without-mentor")).to_have_text("Stamklassen zonder mentor (1)")
    expect(page.locator("#without-teacher")).to_have_text("Groepen zonder docent (1)")
    page.locator("#todo").get_by_role("link", name=GROUP).first.click()
    expect(page.get_by_role("heading", level=2, name=f"Groep {GROUP}")).to_be_visible()
    expect(page.locator("#group-view")).to_contain_text(f"Aan {GROUP} is nog niemand gekoppeld")
    expect(page.get_by_label("Rol")).to_have_value("mentor")  # a home class without mentor

    options = page.locator("#link-staff option")
    mentor = options.nth(1).get_attribute("value") or ""
    teacher = options.nth(2).get_attribute("value") or ""
    page.get_by_label("Medewerker", exact=True).nth(1).select_option(mentor)
    page.get_by_role("button", name="Koppelen", exact=True).click()
    status = page.get_by_role("status")
    expect(status).to_contain_text(f"({mentor}) is als mentor gekoppeld aan {GROUP}.")
    expect(status).to_contain_text(re.compile(r"Ongedaan maken: koppel undo [0-9a-f]{12}"))

    page.locator("#link-staff").select_option(teacher)
    page.get_by_label("Rol").select_option("teacher")
    page.get_by_role("button", name="Koppelen", exact=True).click()
    expect(status).to_contain_text(f"({teacher}) is als docent gekoppeld aan {GROUP}.")
    rows = page.locator("#group-view tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator(f"#link-{mentor}-mentor")).to_contain_text("mentor")
    expect(page.locator(f"#link-{teacher}-teacher")).to_contain_text("docent")
    expect(page.locator("#without-mentor")).to_have_text("Stamklassen zonder mentor (0)")
    expect(page.locator("#todo")).to_contain_text("stap 4 is klaar")
    page.screenshot(path=str(IMAGES / "transition-planner.png"), full_page=True)
    assert (IMAGES / "transition-planner.png").stat().st_size > 10_000

    page.locator(f"#link-{teacher}-teacher").get_by_role("link", name=teacher).click()
    expect(page.locator("#staff-view")).to_be_visible()
    expect(page.locator(f"#link-{GROUP}-teacher")).to_contain_text("docent")
    page.get_by_role("button", name=f"{teacher} ontkoppelen als docent van {GROUP}").click()
    expect(page.get_by_role("status")).to_contain_text(f"is niet meer docent van {GROUP}.")
    expect(page.locator(f"#link-{GROUP}-teacher")).to_have_count(0)
    expect(page.locator("#without-teacher")).to_have_text("Groepen zonder docent (1)")
