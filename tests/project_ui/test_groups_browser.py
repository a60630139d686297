"""The groups window (Lesgroepindelingen) in headless chromium: the counts and x / D / P
as the project and the portal have them, the scheduler's edit of a student's cluster
groups, its upload to the portal with the confirm step, and undo."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine, text

from koppel.connector.groups_view import group_names, student_groups
from koppel.connector.snapshot import Snapshot, take_snapshot
from koppel.domain.sync.domains import SyncDomain
from koppel.store.project.file import ProjectFile
from koppel.web.project.state import ProjectState
from tests.cli.runner import koppel
from tests.project_ui.conftest import Opened, opened_project
from tests.web.test_pages_browser import IMAGES, browser, page  # noqa: F401  # fixtures

DIFFERS = re.compile(r"\bdiffers\b")
NEW_GROUP = "4V.netl7"


def _snapshot(opened: Opened) -> Snapshot:
    """Both sides as they are now, read apart from the app (nothing taken over)."""
    with ProjectState(opened.path, "test").comparer() as comparer:
        return take_snapshot(comparer, auto=False)


def _groups(snapshot: Snapshot, side: str, student: str) -> set[str]:
    view = snapshot.views[SyncDomain.CLUSTER_GROUPS]
    return set(
        group_names((view.portal if side == "portal" else view.project).get((student, None)))
    )


def _uploads(snapshot: Snapshot, department: str) -> set[str]:
    """Students with a home class or a group of ``department`` to upload."""
    homes = snapshot.views[SyncDomain.HOME_CLASSES].diff.rows
    found = {r.student for r in homes if r.department == department and r.direction == "upload"}
    for row in snapshot.views[SyncDomain.CLUSTER_GROUPS].diff.rows:
        changed = _groups(snapshot, "portal", row.student) ^ _groups(
            snapshot, "project", row.student
        )
        if any(name.startswith(f"{department}.") for name in changed):
            found.add(row.student)
    return found


def _enter(page: Page, opened: Opened, path: str) -> None:
    opened.sign_in(page)
    page.goto(opened.base + path)


def test_the_window_shows_counts_and_marks_as_both_sides_have_them(
    page: Page, opened: Opened
) -> None:
    _enter(page, opened, "/groepen?afdeling=5V")
    expect(page.locator("h1")).to_have_text("Lesgroepindelingen")
    snapshot = _snapshot(opened)
    homes = snapshot.views[SyncDomain.HOME_CLASSES]
    classes = {
        values[0]
        for side in (homes.portal, homes.project)
        for key, values in side.items()
        if key[1] == "5V" and values[0]
    }
    expect(page.locator("#count-5V .home-classes")).to_have_text(str(len(classes)))
    clusters = snapshot.views[SyncDomain.CLUSTER_GROUPS]
    sides = {
        side: {
            name
            for values in getattr(clusters, side).values()
            for name in group_names(values)
            if name.startswith("5V.")
        }
        | {v[0] for k, v in getattr(homes, side).items() if k[1] == "5V" and v[0]}
        for side in ("portal", "project")
    }
    expect(page.locator("#count-5V .cluster-groups")).to_have_text(
        str(len(sides["portal"] | sides["project"]) - len(classes))
    )
    expect(page.locator("#count-5V .only-project")).to_have_text(
        str(len(sides["project"] - sides["portal"]))
    )
    expect(page.locator("#count-5V .only-portal")).to_have_text(
        str(len(sides["portal"] - sides["project"]))
    )
    uploads = _uploads(snapshot, "5V")
    assert uploads, "the demo has group changes in 5V"
    expect(page.locator("#count-5V .uploadable")).to_have_text(str(len(uploads)))
    for student in sorted(uploads):
        in_portal = _groups(snapshot, "portal", student)
        in_project = _groups(snapshot, "project", student)
        line = page.locator(f"#student-{student}")
        for group in sorted(name for name in in_portal | in_project if name.startswith("5V.")):
            both = group in in_portal and group in in_project
            mark = "x" if both else "P" if group in in_portal else "D"
            cell = line.locator(f'td.cell[data-group="{group}"]')
            expect(cell).to_have_text(mark)
            if not both:
                expect(cell).to_have_class(DIFFERS)
    home = homes.project[(min(s for s, d in homes.project if d == "5V"), "5V")]
    expect(page.locator(f'th.lead-project[data-group="{home[0]}"]')).to_be_visible()


def test_portal_led_home_classes_are_grey_and_come_down_after_a_preview(
    page: Page, opened: Opened
) -> None:
    _enter(page, opened, "/groepen?afdeling=4M")
    expect(page.locator("#grid-heading")).to_contain_text("het portal is leidend")
    differing = page.locator("td.cell.portal-leads.differs")
    expect(differing.first).to_be_visible()
    expect(page.locator("td.cell.portal-leads").first).to_have_css(
        "background-color", "rgb(229, 231, 235)"
    )
    page.click("#download")
    expect(page.locator("h1")).to_have_text("Downloaden naar het project")
    expect(page.locator("#plan-home_classes tbody tr").first).to_contain_text("4M")
    page.get_by_role("link", name="Annuleren").click()
    expect(page).to_have_url(re.compile(r"/groepen\?afdeling=4M$"))


def test_the_window_speaks_english(page: Page, opened: Opened) -> None:
    _enter(page, opened, "/groepen?afdeling=5V&lang=en")
    expect(page.locator("h1")).to_have_text("Group assignments")
    expect(page.locator("#upload")).to_contain_text("Upload group assignments")
    expect(page.locator("table.group-counts thead th").first).to_have_text("Department")


def test_edits_the_project_cannot_make_are_refused_in_the_users_words(
    page: Page, opened: Opened
) -> None:
    _enter(page, opened, "/groepen?afdeling=3M")
    student = page.locator("table.groups-grid tbody tr").first.get_attribute("id") or ""
    number = student.removeprefix("student-")
    page.click(f"#{student} td.edit a")
    expect(page.locator("#home_class")).to_have_count(0)
    expect(page.locator(".portal-leads-note")).to_contain_text("Het portal is hier leidend")
    token = page.locator("input[name=csrf_token]").first.input_value()
    refused = page.request.post(
        f"{opened.base}/groepen/leerling/{number}",
        form={"csrf_token": token, "department": "3M", "home_class": "3M9", "groups": ""},
    )
    assert "in afdeling 3M is het portal leidend voor stamklassen" in refused.text()
    unknown = page.request.get(f"{opened.base}/groepen/leerling/999999")
    assert "leerling 999999 staat niet in het roosterbestand" in unknown.text()
    forged = page.request.post(
        f"{opened.base}/groepen/leerling/{number}", form={"csrf_token": "x", "groups": ""}
    )
    assert forged.status == 403


def test_a_home_class_of_another_department_is_refused_on_the_page(
    page: Page, opened: Opened
) -> None:
    homes = _snapshot(opened).views[SyncDomain.HOME_CLASSES].project
    number = min(s for s, d in homes if d == "5V")
    _enter(page, opened, f"/groepen/leerling/{number}?afdeling=5V")
    page.fill("#home_class", "4V1")
    page.click("#save")
    expect(page.locator("#problem")).to_contain_text(
        f"leerling {number}: stamklas 4V1 hoort bij afdeling 4V, niet bij afdeling 5V"
    )
    expect(page.locator("#home_class")).to_have_value(str(homes[(number, "5V")][0]))
    project = ProjectFile.open(opened.path)
    assert student_groups(project, number).home_classes["5V"] == homes[(number, "5V")][0]
    project.close()


def _portal_groups(opened: Opened, token: str, student: str) -> set[str]:
    year = ProjectFile.open(opened.path).info().school_year
    answer = httpx.get(
        f"{opened.portal}/api/v1/records/cluster_groups",
        params={"school_year": year, "departments": "4V", "limit": "5000"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    answer.raise_for_status()
    for record in answer.json()["records"]:
        if record["student"] == student:
            return set(record["groups"])
    raise AssertionError(f"{student} not in the portal's answer")


def _scheduler_token(opened: Opened) -> str:
    engine = create_engine(opened.database)
    with engine.connect() as conn:
        username = conn.execute(
            text(
                "SELECT a.username FROM accounts a JOIN account_roles r ON r.account_id = a.id"
                " WHERE r.role = 'scheduler' ORDER BY a.username LIMIT 1"
            )
        ).scalar_one()
    engine.dispose()
    made = koppel(
        "token",
        "create",
        "groups-test",
        "--user",
        username,
        "--role",
        "scheduler",
        "--department",
        "4V",
        "--json",
        database=opened.database,
    )
    assert made.code == 0, made.stderr
    return str(made.json()["token"])


def _portal_has_group(opened: Opened, name: str) -> bool:
    engine = create_engine(opened.database)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT count(*) FROM groups WHERE name = :n"), {"n": name})
        count = found.scalar_one()
    engine.dispose()
    return bool(count)


def _add_group(page: Page, student: str, name: str) -> None:
    page.locator(f"#student-{student} td.edit a").click()
    expect(page.locator("h1")).to_contain_text(student)
    groups = page.locator("#groups")
    groups.fill(groups.input_value() + f", {name}")
    page.click("#save")


def test_edit_upload_and_undo_a_students_cluster_groups(page: Page, tmp_path: Path) -> None:
    with opened_project(tmp_path) as opened:
        token = _scheduler_token(opened)
        _enter(page, opened, "/groepen?afdeling=4V")
        row = page.locator("table.groups-grid tbody tr:not(.differs-row)").first
        student = (row.get_attribute("id") or "").removeprefix("student-")
        before = _portal_groups(opened, token, student)
        assert NEW_GROUP not in before
        assert not _portal_has_group(opened, NEW_GROUP)

        _add_group(page, student, "4V.netl6")
        expect(page.locator('th[data-group="4V.netl6"]')).to_be_visible()
        page.click("#undo-edit")  # the edit alone, back from the window's notice
        expect(page.locator("#undone")).to_be_visible()
        expect(page.locator('th[data-group="4V.netl6"]')).to_have_count(0)

        _add_group(page, student, NEW_GROUP)
        expect(page.locator("#edited")).to_contain_text(student)
        cell = page.locator(f'#student-{student} td.cell[data-group="{NEW_GROUP}"]')
        expect(cell).to_have_text("D")
        expect(cell).to_have_class(DIFFERS)
        project = ProjectFile.open(opened.path)
        assert NEW_GROUP in student_groups(project, student).groups
        project.close()

        page.click("#upload")
        expect(page.locator("h1")).to_have_text("Uploaden naar het portal")
        expect(page.locator("#plan-cluster_groups")).to_contain_text(NEW_GROUP)
        page.click("#confirm")
        expect(page.locator("#applied")).to_be_visible()
        expect(page).to_have_url(re.compile(r"/groepen\?afdeling=4V$"))
        expect(cell).to_have_text("x")
        assert _portal_groups(opened, token, student) == before | {NEW_GROUP}
        assert _portal_has_group(opened, NEW_GROUP)

        page.click("#undo")
        expect(page.locator("#undone")).to_be_visible()
        expect(cell).to_have_text("D")
        assert _portal_groups(opened, token, student) == before
        assert not _portal_has_group(opened, NEW_GROUP)


def test_screenshot_of_the_groups_window(browser: Browser, opened: Opened) -> None:
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 900})
    wide = context.new_page()
    _enter(wide, opened, "/groepen?afdeling=5V")
    expect(wide.locator("table.groups-grid")).to_be_visible()
    wide.screenshot(path=str(IMAGES / "project-groups.png"))
    context.close()
    assert (IMAGES / "project-groups.png").stat().st_size > 10_000
