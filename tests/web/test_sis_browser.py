"""Beheer > Koppeling in real headless chromium (Debian's): runs made by ``koppel
integration run`` from the demo school's own OneRoster export (one as it is, one with an
error, one cut short), the waiting one approved after the confirmation. Screenshots go
to docs/images (integration-runs.png, integration-run-approved.png)."""

from __future__ import annotations

import csv
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
from tests.web.test_sis_pages import delivered, export_set, run

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (make test installs Debian's chromium)"
)
PAGE = "/beheer/koppeling"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("browser-integration")), students=200) as up:
        yield up


def _break_a_role(folder: Path) -> None:
    """The first student's role becomes one OneRoster does not know: users.csv, row 2."""
    path = folder / "users.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["role"] = "leerling"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_an_administrator_approves_a_waiting_set(page: Page, own: Portal, tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    drop = tmp_path / "drop"
    drop.mkdir()
    export_set(own, drop / "2026-08-01", minutes_ago=30)
    assert run(own, drop).code == 0
    broken = export_set(own, drop / "2026-08-02")
    _break_a_role(broken)
    delivered(broken, minutes_ago=20)
    assert run(own, drop).code == 2
    export_set(own, drop / "2026-08-03", cut=25)
    waiting = run(own, drop)
    assert waiting.code == 3, waiting.stderr
    run_id = waiting.json()["run"]["id"]

    sign_in_as(page, own, "administrator", goto=PAGE)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Koppeling")
    expect(page.get_by_role("heading", name="Wachten op goedkeuring (1)")).to_be_visible()
    pending = page.locator(f"#run-{run_id}")
    expect(pending.locator("table.counts")).to_contain_text("leerlingen niet in de set")
    expect(pending.get_by_role("alert")).to_contain_text("25 van de")
    expect(pending.locator("details.items")).to_contain_text("Leerlingnummers die niet in de set")
    rows = page.locator("table.integration-runs tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("wacht op goedkeuring")
    expect(rows.nth(1)).to_contain_text("mislukt")
    expect(rows.nth(2)).to_contain_text("toegepast")
    page.screenshot(path=str(IMAGES / "integration-runs.png"), full_page=True)

    rows.nth(1).get_by_role("link").click()
    expect(page.locator("table.problems.errors")).to_contain_text("users.csv")
    expect(page.locator("table.problems.errors tbody tr").first).to_contain_text("role")
    page.go_back()

    pending = page.locator(f"#run-{run_id}")
    pending.get_by_role("button", name="Goedkeuren en toepassen").click()
    expect(page.locator(".error.help")).to_contain_text("Vink eerst aan")
    page.get_by_label("Ik heb het voorbeeld gecontroleerd", exact=False).check()
    page.get_by_role("button", name="Goedkeuren en toepassen").click()
    done = page.get_by_role("status").filter(has_text="is goedgekeurd en toegepast")
    expect(done).to_be_visible()
    expect(done).to_contain_text("koppel undo")
    expect(page.locator("h1 .state-badge")).to_have_text("goedgekeurd")
    page.screenshot(path=str(IMAGES / "integration-run-approved.png"), full_page=True)
    assert [e for e in errors if "422" not in e] == []  # 422: the approval without the tick
