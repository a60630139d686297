"""The windows of Persoonsgegevens, Prognoses and Pakketkeuzes in headless chromium:
deselect students or departments, download, and find exactly that in the project file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine

from koppel.domain.sync.domains import FIELDS, Fields, Key, SyncDomain
from koppel.store.project.file import ProjectFile
from tests.cli.runner import koppel
from tests.connector.edits import portal_last_name
from tests.project_ui.conftest import Opened, opened_project
from tests.web.test_pages_browser import IMAGES, browser, page  # noqa: F401  # fixtures

LAST_NAME = FIELDS[SyncDomain.PERSONAL_DATA].index("last_name")


@pytest.fixture
def wide(browser: Browser) -> Iterator[Page]:
    """A page the size of the screenshots in docs/images."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


def project_state(path: Path, domain: SyncDomain) -> dict[Key, Fields]:
    project = ProjectFile.open(path)
    try:
        with project.begin() as session:
            return session.state(domain)
    finally:
        project.close()


def differing(path: Path, domain: SyncDomain) -> list[dict[str, Any]]:
    """What the connector itself sees as different (without taking anything over)."""
    done = koppel("connect", "diff", str(path), domain.value, "--no-auto", "--json")
    assert done.code in (0, 4), done.stderr
    rows: list[dict[str, Any]] = done.json()["rows"]
    return rows


def as_value(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def test_deselected_students_keep_their_personal_data(wide: Page, tmp_path: Path) -> None:
    page = wide
    with opened_project(tmp_path) as opened:
        opened.sign_in(page)  # the first snapshot takes the personal data over
        expect(page.locator("#row-personal_data")).to_be_visible()
        before = project_state(opened.path, SyncDomain.PERSONAL_DATA)
        left = {row["student"] for row in differing(opened.path, SyncDomain.PERSONAL_DATA)}
        moving = {row["student"] for row in differing(opened.path, SyncDomain.STUDENTS)}
        picked = sorted(key[0] for key in before if key[0] not in left | moving)[:5]
        engine = create_engine(opened.database)
        renamed = {number: f"Nieuwenaam{i}" for i, number in enumerate(picked)}
        for number, name in renamed.items():
            portal_last_name(engine, number, name)
        engine.dispose()

        page.goto(opened.base + "/domein/personal_data")
        page.click("#refresh")  # differences made while the project is open wait here
        expect(page.locator("#portal-leads")).to_contain_text("altijd leidend")
        for number, name in renamed.items():
            line = page.locator(f"#line-{number}")
            expect(line.locator("td.p.f-last_name.differs")).to_have_text(name)
            expect(line.locator("td.d.f-last_name.differs")).to_have_text(
                str(before[(number, None)][LAST_NAME])
            )
            expect(line.locator("td.origin")).to_have_text("gewijzigd in het portal")
            expect(page.locator(f"#pick-{number}")).to_be_checked()
        kept, taken = picked[:2], picked[2:]
        for number in kept:
            page.get_by_label(re.compile(f"^{number} .* selecteren$")).uncheck()
        page.screenshot(path=str(IMAGES / "project-personal-data.png"))

        page.click("#download")
        expect(page.locator("#plan-personal_data h2")).to_contain_text(f"{len(taken)} regels")
        page.click("#confirm")
        expect(page).to_have_url(opened.base + "/domein/personal_data")
        expect(page.locator("#applied")).to_contain_text(f"{len(taken)} regels toegepast")

        after = project_state(opened.path, SyncDomain.PERSONAL_DATA)
        for number in taken:
            portal_row = list(before[(number, None)])
            portal_row[LAST_NAME] = renamed[number]
            assert after[(number, None)] == tuple(portal_row)
        for key, values in after.items():
            if key[0] not in taken:
                assert values == before[key], key
        still = {row["student"] for row in differing(opened.path, SyncDomain.PERSONAL_DATA)}
        assert still == left | set(kept)
        for number in kept:
            expect(page.locator(f"#line-{number}")).to_be_visible()
        for number in taken:
            expect(page.locator(f"#line-{number}")).to_have_count(0)


def test_a_department_switched_off_keeps_its_packages(page: Page, tmp_path: Path) -> None:
    with opened_project(tmp_path) as opened:
        opened.sign_in(page)
        badge = page.locator("#row-package_choices .diff-badge").inner_text()
        page.goto(opened.base + "/domein/package_choices")
        counts: dict[str, tuple[int, int]] = {}
        for row in page.locator("#departments tbody tr").all():
            code = row.locator("th a").inner_text()
            found = re.fullmatch(r"(\d+) \[(\d+)\]", row.locator("td.count").inner_text())
            assert found, code
            counts[code] = (int(found[1]), int(found[2]))
        total = sum(rows for rows, _ in counts.values())
        assert badge == f"{total} [{sum(ex for _, ex in counts.values())}]"

        diff = differing(opened.path, SyncDomain.PACKAGE_CHOICES)
        assert {row["department"] for row in diff} == set(counts)
        skipped = max(counts, key=lambda code: counts[code][0])
        before = project_state(opened.path, SyncDomain.PACKAGE_CHOICES)
        toggle = page.locator(f"label[for=take-{skipped}]")
        expect(toggle).to_contain_text("Download pakketten!")
        toggle.click()
        expect(toggle).to_contain_text("Geen download pakketten!")
        expect(page.locator(f"#take-{skipped}")).not_to_be_checked()

        page.click("#download")
        taken = total - counts[skipped][0]
        expect(page.locator("#plan-package_choices h2")).to_contain_text(f"{taken} regels")
        page.click("#confirm")
        expect(page.locator("#applied")).to_contain_text(f"{taken} regels toegepast")

        after = project_state(opened.path, SyncDomain.PACKAGE_CHOICES)
        names = FIELDS[SyncDomain.PACKAGE_CHOICES]
        for row in diff:
            key = (row["student"], row["department"])
            if row["department"] == skipped:
                assert after.get(key) == before.get(key), key
                continue
            expected = list(before.get(key) or (None,) * len(names))
            for name, field in row["fields"].items():
                expected[names.index(name)] = as_value(field["portal"])
            assert after[key] == tuple(expected), key
        changed = {key for key in set(before) | set(after) if before.get(key) != after.get(key)}
        assert {key[1] for key in changed} <= set(counts) - {skipped}
        assert {
            row["department"] for row in differing(opened.path, SyncDomain.PACKAGE_CHOICES)
        } == {skipped}


def test_prognoses_show_both_sides_and_conflicts(page: Page, opened: Opened) -> None:
    opened.sign_in(page)
    page.goto(opened.base + "/domein/prognoses")
    expect(page.locator("h1")).to_have_text("Prognoses")
    expect(page.locator("#download")).to_have_text("Prognoses naar project")
    lines = page.locator("#differences tbody tr")
    expect(lines.first).to_be_visible()
    boxes = page.locator("#differences input[name=student]")
    assert boxes.count() == lines.count()
    assert all(box.is_checked() for box in boxes.all())
    conflict = page.locator("tr.origin-both").first
    expect(conflict.locator("td.origin")).to_have_text("in beide gewijzigd: conflict")
    expect(conflict.locator("td.conflict").first).to_have_attribute(
        "title", re.compile("^Conflict. Bij de vorige synchronisatie: ")
    )
    expect(page.locator("td.differs").first).to_be_visible()
    expect(
        page.get_by_label("Bij conflicten ook de waarde van het portal overnemen")
    ).not_to_be_checked()

    page.click("#select-none")
    assert not any(
        box.is_checked() for box in page.locator("#differences input[name=student]").all()
    )
    page.click("#select-all")
    assert all(box.is_checked() for box in page.locator("#differences input[name=student]").all())

    page.goto(opened.base + "/domein/prognoses?lang=en")
    expect(page.locator("#download")).to_have_text("Prognoses to the project")
    expect(page.locator("tr.origin-both td.origin").first).to_have_text(
        "changed on both sides: conflict"
    )
    page.goto(opened.base + "/domein/personal_data?lang=nl")
    expect(page.locator("#portal-leads")).to_contain_text("automatisch overgenomen")


def test_choosing_a_department_keeps_the_download_choices(page: Page, opened: Opened) -> None:
    opened.sign_in(page)
    page.goto(opened.base + "/domein/package_choices")
    codes = [link.inner_text() for link in page.locator("#departments tbody th a").all()]
    assert len(codes) >= 2
    first, second = codes[0], codes[1]
    expect(page.locator("#students h2")).to_contain_text(f"Afdeling {first}")
    page.locator(f"label[for=take-{first}]").click()
    page.locator(f"#dept-{second} a").click()
    expect(page.locator("#students h2")).to_contain_text(f"Afdeling {second}")
    expect(page).to_have_url(re.compile(f"afdeling={second}$"))
    expect(page.locator(f"#dept-{second} a")).to_have_attribute("aria-current", "true")
    expect(page.locator(f"#take-{first}")).not_to_be_checked()
    for line in page.locator("#differences tbody tr").all():
        assert (line.get_attribute("id") or "").endswith(f"-{second}")

    without = 0
    for row in page.locator("#departments tbody tr").all():
        if row.locator(".has-packages").count() == 0:
            without += int(row.locator("td.count").inner_text().split()[0])
    page.locator(f"label[for=take-{first}]").click()
    page.check("#only-new")
    page.click("#download")
    expect(page.locator("#plan-package_choices h2")).to_contain_text(f"{without} regels")
    page.click("text=Annuleren")
    expect(page.locator("#applied")).to_have_count(0)


def test_screenshots_of_the_domain_windows(wide: Page, opened: Opened) -> None:
    opened.sign_in(wide)
    wide.goto(opened.base + "/domein/prognoses")
    expect(wide.locator("#differences")).to_be_visible()
    wide.screenshot(path=str(IMAGES / "project-prognoses.png"))
    wide.goto(opened.base + "/domein/package_choices")
    wide.locator("#departments tbody th a").nth(2).click()
    expect(wide.locator("#students h2")).to_contain_text(
        wide.locator("#departments tbody th a").nth(2).inner_text()
    )
    wide.locator("#departments tbody td label").nth(3).click()  # one department left out
    wide.screenshot(path=str(IMAGES / "project-packages.png"))
