"""The year-transition wizard (/beheer/jaarovergang) over real HTTP against a real portal:
administrators only; the steps fill the prepared year and refuse without one (a clear
message and a link to the first screen, nothing written); a bad row is shown with file,
row and column and nothing is written; preview then apply writes one change set, which
the page undoes; a truncated students file in step 3 is refused until the explicit
confirmation; unknown upload tokens are refused. Files come from the demo school
(koppel's next-year generator)."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from koppel.services.demo.catalog import DEPARTMENTS
from koppel.services.demo.next_year import NextYearFiles, write_next_year_files
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in

WIZARD = "/beheer/jaarovergang"


def next_year_files(portal: Portal, directory: Path) -> NextYearFiles:
    engine = connect(portal.database)
    try:
        return write_next_year_files(SqlAlchemyUnitOfWork(engine), directory, seed=7)
    finally:
        engine.dispose()


def changesets(portal: Portal) -> list[tuple[str, str, str, bool]]:
    """(id, kind, actor, undone) of every change set, oldest first."""
    engine = connect(portal.database)
    try:
        with engine.connect() as connection:
            c = t.changesets
            rows = connection.execute(
                select(c.c.id, c.c.kind, c.c.actor, c.c.undone_at.is_not(None)).order_by(
                    c.c.created_at
                )
            )
            return [(str(a), str(b), str(d), bool(e)) for a, b, d, e in rows]
    finally:
        engine.dispose()


def staff_count(portal: Portal) -> int:
    engine = connect(portal.database)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(t.staff_members)) or 0)
    finally:
        engine.dispose()


def upload(path: Path, name: str | None = None) -> tuple[str, bytes, str]:
    return (name or path.name, path.read_bytes(), "text/csv")


def post(
    client: httpx.Client, step: int, action: str, data: dict[str, str], **files: object
) -> httpx.Response:
    page = client.get(f"{WIZARD}/stap/{step}")
    return client.post(
        f"{WIZARD}/stap/{step}/{action}",
        data={"csrf_token": csrf_of(page.text), **data},
        files=files or None,  # type: ignore[arg-type]
        timeout=60,
    )


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no hidden {name} on the page"
    return found[1]


def cells(html: str, table_class: str) -> list[list[str]]:
    """The body rows of the first table of ``table_class``, as text."""
    table = re.search(rf'<table class="problems {table_class}">(.*?)</table>', html, re.S)
    assert table, f"no {table_class} table"
    rows = re.findall(r"<tr>(.*?)</tr>", table[1].split("<tbody>")[1], re.S)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in rows
    ]


def prepare_and_promote(portal: Portal) -> None:
    """Next year prepared beside the current one and its students promoted (koppel year),
    so that the wizard's steps have a year to fill."""
    for command in (("year", "prepare"), ("year", "promote")):
        done = koppel(*command, database=portal.database)
        assert done.code == 0, done.stderr


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Portal]:
    with demo_portal(tmp_path, students=150, seed=4) as started:
        prepare_and_promote(started)
        yield started


def test_only_administrators_open_the_wizard(portal: Portal, admin: httpx.Client):
    overview = admin.get(WIZARD)
    assert overview.status_code == 200
    assert 'href="/beheer/jaarovergang">Jaarovergang</a>' in overview.text
    for step in range(1, 6):
        assert f'href="/beheer/jaarovergang/stap/{step}"' in overview.text
        assert admin.get(f"{WIZARD}/stap/{step}").status_code == 200
    assert admin.get(f"{WIZARD}/stap/6").status_code == 404
    english = admin.get(WIZARD, params={"lang": "en"})
    assert "Year transition" in english.text
    admin.get(WIZARD, params={"lang": "nl"})
    for role in ("scheduler", "team_leader", "mentor", "teacher", "student"):
        other = sign_in(portal, *portal.login_as(role))
        assert other.get(WIZARD).status_code == 403, role
        assert other.get(f"{WIZARD}/stap/1").status_code == 403, role
        token = csrf_of(other.get("/account/wachtwoord").text)
        sent = other.post(
            f"{WIZARD}/stap/2/toepassen",
            data={"csrf_token": token, "scope": "all", "confirm": "on"},
        )
        assert sent.status_code == 403, role
        assert "Jaarovergang" not in other.get("/account/wachtwoord").text
        other.close()


def test_without_a_prepared_year_the_steps_refuse_and_point_to_the_first_screen(
    portal: Portal, admin: httpx.Client, tmp_path: Path
):
    files = next_year_files(portal, tmp_path)
    before = changesets(portal)
    for step in range(1, 6):
        page = admin.get(f"{WIZARD}/stap/{step}")
        assert page.status_code == 200
        assert "Er staat nog geen nieuw schooljaar klaar" in page.text
        assert "Zet eerst schooljaar 2027-2028 klaar" in page.text
        assert 'href="/beheer/jaarovergang/klaarzetten"' in page.text
        assert "/voorbeeld" not in page.text  # no form to run the step
    refused = post(admin, 1, "voorbeeld", {}, staff_file=upload(files.staff_file))
    assert refused.status_code == 409
    assert 'role="alert" id="needs-prepared"' in refused.text
    assert "Er is niets veranderd." in refused.text
    applied = post(admin, 2, "toepassen", {"scope": "all", "confirm": "on"})
    assert applied.status_code == 409
    assert "Er staat nog geen nieuw schooljaar klaar" in applied.text
    english = admin.get(f"{WIZARD}/stap/3", params={"lang": "en"})
    assert "No new school year has been prepared yet" in english.text
    admin.get(WIZARD, params={"lang": "nl"})
    assert changesets(portal) == before


def test_a_bad_row_is_shown_and_nothing_is_written(fresh: Portal, tmp_path: Path):
    portal = fresh
    admin = sign_in(fresh, *fresh.admin)
    files = next_year_files(portal, tmp_path)
    rows = list(csv.reader(files.staff_file.open(encoding="utf-8-sig"), delimiter=";"))
    email = rows[0].index("E-mail")
    rows[2][email] = "geen-adres"  # the file's row 3
    bad = tmp_path / "personeel-fout.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    before, staff = changesets(portal), staff_count(portal)

    shown = post(admin, 1, "voorbeeld", {}, staff_file=upload(bad))
    assert shown.status_code == 422
    assert cells(shown.text, "errors")[0][:3] == ["personeel-fout.csv", "3", "E-mail"]
    assert "er is niets opgeslagen" in shown.text
    assert "/toepassen" not in shown.text  # with errors nothing can be applied
    assert changesets(portal) == before
    assert staff_count(portal) == staff

    missing = post(admin, 1, "voorbeeld", {})
    assert missing.status_code == 422
    assert "Kies eerst het personeelsbestand" in missing.text

    unknown = post(admin, 1, "toepassen", {"staff_token": "x" * 32, "confirm": "on"})
    assert unknown.status_code == 400
    assert "Het bestand van het voorbeeld is er niet meer" in unknown.text
    traversal = post(admin, 5, "toepassen", {"staff_token": "../../etc/passwd", "confirm": "on"})
    assert traversal.status_code == 400
    assert changesets(portal) == before
    admin.close()


def test_step_one_previews_applies_one_change_set_and_is_undone_from_the_page(
    fresh: Portal, tmp_path: Path
):
    files = next_year_files(fresh, tmp_path)
    admin = sign_in(fresh, *fresh.admin)
    before = changesets(fresh)

    preview = post(
        admin,
        1,
        "voorbeeld",
        {},
        staff_file=upload(files.staff_file),
        students_file=upload(files.students_file),
    )
    assert preview.status_code == 200, preview.text
    assert "Deze stap vult schooljaar 2027-2028" in preview.text
    assert "er is nog niets opgeslagen" in preview.text
    assert "Alleen gecontroleerd" in preview.text  # the students file waits for step 3
    assert changesets(fresh) == before
    assert "voorbeeld bekeken" in admin.get(WIZARD).text
    staff_token = hidden(preview.text, "staff_token")
    students_token = hidden(preview.text, "students_token")

    unconfirmed = post(admin, 1, "toepassen", {"staff_token": staff_token})
    assert unconfirmed.status_code == 422
    assert "Vink eerst aan" in unconfirmed.text
    assert changesets(fresh) == before

    applied = post(
        admin,
        1,
        "toepassen",
        {"staff_token": staff_token, "students_token": students_token, "confirm": "on"},
    )
    assert applied.status_code == 200, applied.text
    new = changesets(fresh)[len(before) :]
    assert [(kind, actor) for _id, kind, actor, _undone in new] == [
        ("import.staff", fresh.admin[0])
    ]
    changeset = new[0][0]
    assert f"toegepast als wijzigingenset {changeset}" in applied.text
    overview = admin.get(WIZARD).text
    assert re.search(rf'id="stap-1" class="state-applied".*?{changeset}', overview, re.S)
    assert re.search(r'id="stap-2" class="state-not_started next" aria-current="step"', overview)
    # step 5 offers the staff file of step 1, step 3 its students file
    assert files.staff_file.name in admin.get(f"{WIZARD}/stap/5").text
    assert files.students_file.name in admin.get(f"{WIZARD}/stap/3").text

    stale = post(admin, 2, "ongedaan-maken", {"changeset": changeset})
    assert stale.status_code == 409  # not step 2's change set
    undone = post(admin, 1, "ongedaan-maken", {"changeset": changeset})
    assert undone.status_code == 200
    assert f"wijzigingenset {changeset} is teruggedraaid" in undone.text
    assert changesets(fresh)[len(before)] == (changeset, "import.staff", fresh.admin[0], True)
    assert 'id="stap-1" class="state-undone' in admin.get(WIZARD).text
    admin.close()


def test_a_truncated_students_file_needs_the_explicit_confirmation(fresh: Portal, tmp_path: Path):
    files = next_year_files(fresh, tmp_path)
    admin = sign_in(fresh, *fresh.admin)
    groups = post(admin, 2, "voorbeeld", {"scope": "all"})
    assert groups.status_code == 200, groups.text
    deleted = post(admin, 2, "toepassen", {"scope": "all", "folder": "", "confirm": "on"})
    assert deleted.status_code == 200, deleted.text
    assert "Leerlingen worden nooit verwijderd" in deleted.text

    lines = files.students_file.read_text(encoding="utf-8-sig").splitlines()
    truncated = tmp_path / "leerlingen-half.csv"
    truncated.write_text("\n".join(lines[: len(lines) // 3]) + "\n", encoding="utf-8")
    before = changesets(fresh)

    preview = post(admin, 3, "voorbeeld", {}, students_file=upload(truncated))
    assert preview.status_code == 200
    assert "Geweigerd door de veiligheidsregel" in preview.text
    assert 'name="force"' in preview.text
    token = hidden(preview.text, "students_token")
    absent = re.search(
        r"Leerlingen niet in het bestand \(leerlingnummers\) \((\d+)\)", preview.text
    )
    assert absent
    assert int(absent[1]) > 0

    refused = post(admin, 3, "toepassen", {"students_token": token, "confirm": "on"})
    assert refused.status_code == 422
    assert "koppel heeft geweigerd deze stap toe te passen" in refused.text
    assert changesets(fresh) == before

    forced = post(admin, 3, "toepassen", {"students_token": token, "confirm": "on", "force": "on"})
    assert forced.status_code == 200, forced.text
    new = changesets(fresh)[len(before) :]
    assert [kind for _id, kind, _actor, _undone in new] == ["import.students"]
    again = post(admin, 3, "toepassen", {"students_token": token, "confirm": "on", "force": "on"})
    assert again.status_code == 400  # the file went with the apply
    assert len(changesets(fresh)) == len(before) + 1
    admin.close()


def test_step_three_reads_department_names_and_genders_as_a_sis_writes_them(
    fresh: Portal, tmp_path: Path
):
    """A students file with ``4 VWO`` and ``man``/``vrouw`` (as SISs write them) previews
    without a problem and the preview lists every value it read otherwise."""
    files = next_year_files(fresh, tmp_path)
    admin = sign_in(fresh, *fresh.admin)
    names = {d.code: d.name for d in DEPARTMENTS}
    lines = files.students_file.read_text(encoding="utf-8-sig").splitlines()
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    rows = list(reader)
    header = list(reader.fieldnames or [])
    department = next(h for h in header if h.lower() == "afdeling")
    gender = next(h for h in header if h.lower() == "geslacht")
    written = [
        {
            **row,
            department: names.get(row[department], row[department]),
            gender: {"M": "man", "V": "vrouw"}.get(row[gender], row[gender]),
        }
        for row in rows
    ]
    sis = tmp_path / "leerlingen-uit-sis.csv"
    with sis.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(written)
    before = changesets(fresh)

    preview = post(admin, 3, "voorbeeld", {}, students_file=upload(sis))
    assert preview.status_code == 200, preview.text
    assert "Herkende waarden (" in preview.text
    shown = html.unescape(preview.text)
    assert "Afdeling '4 VWO' -> 4V" in shown
    assert "Geslacht 'vrouw' -> V" in shown
    assert "bestaat niet" not in preview.text
    assert changesets(fresh) == before
    admin.close()
