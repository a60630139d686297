"""Beheer > Koppeling over real HTTP against a real portal: the SIS integration's runs,
made by ``koppel integration run`` from the portal's own OneRoster export (koppel
oneroster export), cut short so that it would mark too many students as left. Only
administrators see the page; a waiting run shows its preview and is rejected, or
approved only with the explicit confirmation, each a POST with the CSRF token."""

from __future__ import annotations

import csv
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from koppel.services.sis.exporting import export_sis
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import Run, koppel
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in

PAGE = "/beheer/koppeling"


def export_set(
    portal: Portal, target: Path, *, cut: int = 0, skip: int = 0, minutes_ago: float = 10
) -> Path:
    """The portal as a OneRoster set in ``target``, without ``cut`` of its active students
    (after the first ``skip``), and without their enrollments and demographics."""
    engine = connect(portal.database)
    try:
        export_sis(SqlAlchemyUnitOfWork(engine), target)
    finally:
        engine.dispose()
    users = _rows(target / "users.csv")
    students = [
        row["sourcedId"]
        for row in users
        if row["role"] == "student" and row.get("ext_koppel_status", "active") == "active"
    ]
    gone = set(students[skip : skip + cut])
    for name, key in (
        ("users.csv", "sourcedId"),
        ("enrollments.csv", "userSourcedId"),
        ("demographics.csv", "sourcedId"),
    ):
        rows = _rows(target / name)
        with (target / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(row for row in rows if row[key] not in gone)
    return delivered(target, minutes_ago=minutes_ago)


def delivered(folder: Path, *, minutes_ago: float) -> Path:
    """Date a set's files: a run takes the newest set that was left alone for a minute."""
    moment = time.time() - minutes_ago * 60
    for file in folder.iterdir():
        os.utime(file, (moment, moment))
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(portal: Portal, drop: Path) -> Run:
    return koppel("integration", "run", "--source", str(drop), "--json", database=portal.database)


def students(portal: Portal) -> dict[str, int]:
    found = koppel("stats", "--json", database=portal.database)
    return dict(found.json()["students"])


def texts(html: str, css_class: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found)).strip()
        for found in re.findall(rf'<p class="{css_class}"[^>]*>(.*?)</p>', html, re.S)
    ]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Portal]:
    with demo_portal(tmp_path, students=150, seed=6) as started:
        yield started


def test_only_administrators_see_the_runs(portal: Portal, admin: httpx.Client) -> None:
    page = admin.get(PAGE)
    assert page.status_code == 200
    assert 'href="/beheer/koppeling">Koppeling</a>' in page.text
    assert "Er wacht geen set op goedkeuring." in page.text
    assert admin.get(f"{PAGE}/0123456789ab").status_code == 404
    assert "Waiting for approval" in admin.get(PAGE, params={"lang": "en"}).text
    admin.get(PAGE, params={"lang": "nl"})
    for role in ("scheduler", "team_leader", "mentor", "teacher", "student"):
        other = sign_in(portal, *portal.login_as(role))
        assert other.get(PAGE).status_code == 403, role
        token = csrf_of(other.get("/account/wachtwoord").text)
        for action in ("goedkeuren", "afwijzen"):
            sent = other.post(
                f"{PAGE}/0123456789ab/{action}", data={"csrf_token": token, "confirm": "on"}
            )
            assert sent.status_code == 403, (role, action)
        assert "/beheer/koppeling" not in other.get("/account/wachtwoord").text
        other.close()


def test_waiting_runs_are_rejected_or_approved_with_confirmation(
    fresh: Portal, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    export_set(fresh, drop / "2026-08-01", minutes_ago=30)
    first = run(fresh, drop)
    assert first.code == 0, first.stderr
    assert first.json()["run"]["status"] == "applied"  # the portal's own export: nothing new
    start = students(fresh)

    export_set(fresh, drop / "2026-08-02", cut=30, minutes_ago=20)  # 20% of the students gone
    waiting = run(fresh, drop)
    assert waiting.code == 3, waiting.stderr
    rejected_id = waiting.json()["run"]["id"]
    admin = sign_in(fresh, *fresh.admin)
    page = admin.get(PAGE)
    assert "Wachten op goedkeuring (1)" in page.text
    assert f'id="run-{rejected_id}"' in page.text
    assert "leerlingen niet in de set" in page.text
    assert "Boven de veiligheidsgrens:" in page.text
    assert re.search(r"30 van de \d+ actieve leerlingen zouden als vertrokken", page.text)
    assert "Leerlingnummers die niet in de set staan (30)" in page.text

    without_token = admin.post(f"{PAGE}/{rejected_id}/afwijzen", data={})
    assert without_token.status_code == 403
    token = csrf_of(page.text)
    rejected = admin.post(f"{PAGE}/{rejected_id}/afwijzen", data={"csrf_token": token})
    assert rejected.status_code == 200
    assert texts(rejected.text, "done") == [
        f"Run {rejected_id} is afgewezen. Er is niets geschreven en de kopie is verwijderd."
    ]
    assert students(fresh) == start
    twice = admin.post(f"{PAGE}/{rejected_id}/afwijzen", data={"csrf_token": token})
    assert twice.status_code == 409
    assert "wacht niet op goedkeuring (status: rejected)" in twice.text

    export_set(fresh, drop / "2026-08-03", cut=20, skip=50)
    approved_id = run(fresh, drop).json()["run"]["id"]
    unconfirmed = admin.post(f"{PAGE}/{approved_id}/goedkeuren", data={"csrf_token": token})
    assert unconfirmed.status_code == 422
    assert "Vink eerst aan dat u het voorbeeld hebt gecontroleerd" in unconfirmed.text
    assert students(fresh) == start
    approved = admin.post(
        f"{PAGE}/{approved_id}/goedkeuren", data={"csrf_token": token, "confirm": "on"}
    )
    assert approved.status_code == 200, approved.text
    done = texts(approved.text, "done")
    changeset = re.search(r"wijzigingenset (\w+)\.", done[0])
    assert changeset, done
    assert f"koppel undo {changeset[1]}" in done[0]
    assert students(fresh) == {"active": start["active"] - 20, "left": start["left"] + 20}

    listed = admin.get(PAGE).text
    assert "Er wacht geen set op goedkeuring." in listed
    for code, status in (
        ("approved", "goedgekeurd"),
        ("rejected", "afgewezen"),
        ("applied", "toegepast"),
    ):
        assert f'<span class="state-badge state-{code}">{status}</span>' in listed
    assert f"<code>{changeset[1]}</code>" in listed
    detail = admin.get(f"{PAGE}/{approved_id}").text
    assert "Goedgekeurd en toegepast. Terugdraaien kan met" in detail
    shown = koppel("transition", "status", "--json", database=fresh.database).json()
    assert [r["status"] for r in shown["integration"]] == ["approved", "rejected", "applied"]
    admin.close()
