"""A project is for one school year (issue 17): next year's project syncs with next
year's rows over real HTTP while the current year runs, and never touches the current
year's; a project of a year the portal has not got is refused clearly (exit 2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from koppel.connector.client import PortalClient
from koppel.connector.portal_records import shares_text
from koppel.domain.sync.domains import SyncDomain
from koppel.store import tables as t
from koppel.store.project import tables as project_tables
from koppel.store.project.file import ProjectFile
from tests.cli.runner import Run, koppel
from tests.connector.conftest import Linked
from tests.connector.edits import project_rows
from tests.connector.years import (
    CURRENT,
    NEXT,
    NEXT_DEPARTMENTS,
    Prepared,
    prepared_portal,
    year_rows,
)
from tests.project_ui.conftest import _open, key_in


@pytest.fixture
def prepared(database_url: str, tmp_path: Path) -> Iterator[Prepared]:
    with prepared_portal(database_url, tmp_path) as found:
        yield found


def _init(url: str, token: str, path: Path, *extra: str, lang: str = "nl") -> Run:
    return koppel(
        "project",
        "init",
        str(path),
        "--portal",
        url,
        "--token",
        token,
        "--departments",
        ",".join(NEXT_DEPARTMENTS),
        "--json",
        *extra,
        lang=lang,
    )


def _project_rows(path: Path, table: str) -> set[tuple[object, ...]]:
    project = ProjectFile.open(path)
    with project.engine.connect() as connection:
        rows = connection.execute(select(project_tables.project_metadata.tables[table]))
        found = {tuple(row) for row in rows}
    project.close()
    return found


def _participations(prepared: Prepared, year: str) -> dict[str, set[tuple[str, int]]]:
    """student number -> its (department, percentage) in ``year``, of the students with
    a participation in one of the project's departments."""
    s, p, d, y = t.students, t.department_participations, t.departments, t.school_years
    query = (
        select(s.c.student_number, d.c.code, p.c.percentage)
        .join(p, p.c.student_id == s.c.id)
        .join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(y.c.name == year)
    )
    found: dict[str, set[tuple[str, int]]] = {}
    with prepared.engine.connect() as connection:
        for number, code, pct in connection.execute(query):
            found.setdefault(number, set()).add((code, pct))
    return {n: rows for n, rows in found.items() if {c for c, _ in rows} & set(NEXT_DEPARTMENTS)}


def _ok(run: Run) -> dict[str, object]:
    assert run.code == 0, run.stderr
    found: dict[str, object] = run.json()
    return found


def test_the_portal_names_its_years_and_leads_and_prognoses_per_year(prepared: Prepared) -> None:
    headers = {"Authorization": f"Bearer {prepared.token}"}
    years = httpx.get(f"{prepared.url}/api/v1/school-years", headers=headers)
    assert years.status_code == 200
    assert years.json() == {"current": CURRENT, "prepared": NEXT, "years": [CURRENT, NEXT]}
    with PortalClient(prepared.url, prepared.token) as client:
        assert client.leads(CURRENT)["3H"] == "portal"
        assert client.leads(NEXT)["3H"] == "project"  # changed for next year only
        now = client.read(SyncDomain.PROGNOSES, school_year=CURRENT, departments=["3V"])
        then = client.read(SyncDomain.PROGNOSES, school_year=NEXT, departments=["4V"])
    # this year's project sees the prognoses made this year, for next year; next year's
    # project sees the same prognoses: those its participations were made from
    assert {r["forecast_year"] for r in now.records} == {NEXT}
    assert {r["forecast_year"] for r in then.records} == {NEXT}
    participations = _participations(prepared, NEXT)
    with_shares = [r for r in then.records if r["shares"]]
    assert with_shares
    for record in with_shares:
        expected = [
            {"department": c, "percentage": p} for c, p in participations[record["student"]]
        ]
        assert shares_text(record["shares"]) == shares_text(expected)


def test_a_project_of_next_year_syncs_next_year_and_leaves_the_current_year_alone(
    prepared: Prepared,
) -> None:
    current_before = year_rows(prepared.engine, CURRENT)
    path = prepared.folder / "next.koppel"
    made = _ok(_init(prepared.url, prepared.token, path))
    assert made["school_year"] == NEXT  # the prepared year, without --school-year
    file = str(path)
    for domain in ("students", "department_participation", "prognoses", "package_choices"):
        _ok(koppel("connect", "download", file, domain, "--json"))
    _ok(koppel("connect", "download", file, "home_classes", "--json"))
    _ok(koppel("connect", "download", file, "cluster_groups", "--take-portal", "--json"))

    participations = _participations(prepared, NEXT)
    assert _project_rows(path, "participations") == {
        (n, code, pct) for n, rows in participations.items() for code, pct in rows
    }
    # next year's groups only: this year's 3V1 and 4V.ak1 (and the rest) stay out
    homes = _project_rows(path, "home_classes")
    assert homes
    assert {(d, c) for _, d, c in homes} == {("3V", "3V1"), ("3V", "3V2")}
    assert {group for _, group in _project_rows(path, "cluster_groups")} == {"3V.netl1"}
    status = _ok(koppel("connect", "status", file, "--json"))["domains"]
    assert isinstance(status, dict)
    assert {d for d, s in status.items() if s["differences"]} == set()

    in_4v = sorted(n for n, rows in participations.items() if ("4V", 100) in rows)[:2]
    in_3h = sorted(n for n, rows in participations.items() if ("3H", 100) in rows)[:1]
    in_3v = sorted(n for n, rows in participations.items() if ("3V", 100) in rows)[:1]
    for number in in_4v:
        assign = ("--home-class", "4V=4V1", "--groups", "4V.ak1")
        _ok(koppel("project", "assign", file, "--student", number, *assign, "--json"))
    _ok(
        koppel("project", "assign", file, "--student", in_3h[0], "--home-class", "3H=3H1", "--json")
    )
    portal_leads = koppel(
        "project", "assign", file, "--student", in_3v[0], "--home-class", "3V=3V9"
    )
    assert portal_leads.code == 2  # next year the portal leads 3V

    next_before = year_rows(prepared.engine, NEXT)
    new = "990001"  # a student the portal has not got: its account and participation
    person = ("Noor", "van", "Dam", "V", "Laan", "1", "1234 AB", "Utrecht", "", "", False)
    project_rows(path, SyncDomain.STUDENTS, {(new, None): person})
    project_rows(path, SyncDomain.DEPARTMENT_PARTICIPATION, {(new, "4V"): (100,)})
    created = _ok(koppel("connect", "upload", file, "students", "--json"))
    assert created["applied"] == 1
    assert _participations(prepared, NEXT)[new] == {("4V", 100)}
    assert new not in _participations(prepared, CURRENT)
    with_new = year_rows(prepared.engine, NEXT)
    uploaded = _ok(koppel("connect", "upload", file, "group_assignments", "--json"))
    assert uploaded["written"] is True
    assert uploaded["applied"] == 5
    next_after = year_rows(prepared.engine, NEXT)
    new_groups = {row[1:3] for row in next_after["groups"]} - {
        row[1:3] for row in with_new["groups"]
    }
    assert new_groups == {
        ("4V1", "home_class"),
        ("3H1", "home_class"),
        ("4V.ak1", "cluster_group"),
    }
    assert len(next_after["group_memberships"]) == len(with_new["group_memberships"]) + 5
    assert year_rows(prepared.engine, CURRENT) == current_before
    status = _ok(koppel("connect", "status", file, "--json"))["domains"]
    assert isinstance(status, dict)
    assert status["home_classes"]["differences"] == 0
    assert status["cluster_groups"]["differences"] == 0

    for _ in range(2):  # the group assignments, then the new student
        assert _ok(koppel("connect", "undo", file, "--json"))["written"] is True
    assert year_rows(prepared.engine, NEXT) == next_before
    assert year_rows(prepared.engine, CURRENT) == current_before

    # this year's project beside it still sees this year
    current_path = prepared.folder / "current.koppel"
    mine = _ok(_init(prepared.url, prepared.token, current_path, "--school-year", CURRENT))
    assert mine["school_year"] == CURRENT
    _ok(koppel("connect", "download", str(current_path), "students", "--json"))
    _ok(koppel("connect", "download", str(current_path), "home_classes", "--json"))
    homes_now = {c for _, _, c in _project_rows(current_path, "home_classes")}
    assert {"3H1", "3V1", "4V1"} <= homes_now
    assert year_rows(prepared.engine, CURRENT) == current_before


def _set_year(path: Path, year: str | None) -> None:
    project = ProjectFile.open(path)
    with project.begin() as session:
        if year is None:
            settings = project_tables.settings
            session.conn.execute(settings.delete().where(settings.c.name == "school_year"))
        else:
            session.set_setting("school_year", year)
    project.close()


def test_a_project_of_a_year_the_portal_has_not_got_is_refused_with_exit_2(
    linked: Linked, tmp_path: Path
) -> None:
    """The demo portal has 2026-2027 and holds prognoses for 2027-2028, which is not
    prepared."""
    headers = {"Authorization": f"Bearer {linked.token}"}
    years = httpx.get(f"{linked.url}/api/v1/school-years", headers=headers).json()
    assert years == {"current": CURRENT, "prepared": None, "years": [CURRENT]}

    target = tmp_path / "new.koppel"
    not_prepared = _init(linked.url, linked.token, target, "--school-year", NEXT)
    assert not_prepared.code == 2
    assert f"schooljaar {NEXT} nog niet klaargezet" in not_prepared.stderr
    assert "koppel year prepare" in not_prepared.stderr
    unknown = _init(linked.url, linked.token, target, "--school-year", "2031-2032", lang="en")
    assert unknown.code == 2
    assert "has not got school year 2031-2032; it works with 2026-2027" in unknown.stderr
    assert not target.exists()

    linked.download_everything()
    before = linked.project_data()
    _set_year(linked.path, NEXT)
    for lang, words in (("nl", "nog niet klaargezet"), ("en", "has not prepared")):
        for command in (("connect", "status"), ("connect", "download")):
            args = (*command, str(linked.path)) + (("students",) if "download" in command else ())
            refused = koppel(*args, lang=lang)
            assert refused.code == 2, refused.stdout
            assert NEXT in refused.stderr
            assert words in refused.stderr
            assert "connector." not in refused.stderr  # no code names
    opening = koppel("project", "open", str(linked.path), "--no-browser")
    assert opening.code == 2
    assert "nog niet klaargezet" in opening.stderr
    assert linked.project_data() == before

    # its pages say the same, once opened
    _set_year(linked.path, CURRENT)
    process, base, launch = _open(linked.path, tmp_path / "state")
    try:
        _set_year(linked.path, NEXT)
        with httpx.Client(base_url=base, timeout=60) as browser:
            signed = browser.post("/sleutel", data={"sleutel": key_in(launch)})
            assert signed.status_code == 200
            page = browser.get("/")
        assert page.status_code == 200
        assert f"schooljaar {NEXT} nog niet klaargezet" in page.text
    finally:
        process.terminate()
        process.wait(timeout=10)

    # a project file without a stored year works as the portal's current year
    _set_year(linked.path, None)
    _ok(koppel("connect", "status", str(linked.path), "--json"))
    project = ProjectFile.open(linked.path)
    assert project.info().school_year == CURRENT
    project.close()
