"""``koppel demo next-year DIR [--rehearse]`` as a user runs it, on a real SQLite file:
the files come with the whole year's life as commands; ``--rehearse`` runs that life
(prepare, promote, the five steps, switch), each step one change set that ``koppel undo``
takes back, newest first, to exactly the start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.integration.snapshot import snapshot

STUDENTS = "300"
NEXT = "2027-2028"
LIFE = ("prepare", "promote", "import_files", "delete_groups", "import_participants")
LIFE += ("link_staff", "remove_departed", "switch")


@pytest.fixture
def demo(sqlite_url: str) -> dict[str, Any]:
    built = koppel("demo", "--students", STUDENTS, "--seed", "3", "--json", database=sqlite_url)
    assert built.code == 0, built.stderr
    found: dict[str, Any] = built.json()
    return found


def _changesets(url: str) -> int:
    engine = connect(url)
    with engine.connect() as connection:
        found = connection.scalar(select(func.count()).select_from(t.changesets)) or 0
    engine.dispose()
    return found


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("nl", "Het hele schooljaar oefenen"), ("en", "Rehearse the whole school year")],
)
def test_next_year_files_come_with_the_whole_life_in_order(
    sqlite_url: str, demo: dict[str, Any], tmp_path: Path, lang: str, heading: str
):
    before = _changesets(sqlite_url)
    shown = koppel("demo", "next-year", str(tmp_path / "sis"), database=sqlite_url, lang=lang)
    assert shown.code == 0, shown.stderr
    text = shown.stdout
    assert heading in text
    order = [
        " year prepare",
        " year promote",
        " import students ",
        " import staff ",
        " groups delete --all",
        "--mark-absent-left",
        " import teacher-groups ",
        " staff remove-departed --staff-file ",
        f" year switch {NEXT}",
        " year status",
        "--rehearse",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places), text
    assert _changesets(sqlite_url) == before  # the files only: nothing written


def test_rehearse_runs_the_life_and_undo_takes_it_back(
    sqlite_url: str, demo: dict[str, Any], tmp_path: Path
):
    engine = connect(sqlite_url)
    start = snapshot(engine)
    done = koppel(
        "demo", "next-year", str(tmp_path / "sis"), "--rehearse", "--json", database=sqlite_url
    )
    assert done.code == 0, done.stderr
    found = done.json()
    files, rehearsal = found, found["rehearsal"]
    assert rehearsal["previous"] == "2026-2027"
    assert rehearsal["school_year"] == NEXT
    assert rehearsal["switched"] is True
    assert rehearsal["stopped_at"] is None
    steps = {step["step"]: step for step in rehearsal["steps"]}
    assert tuple(steps) == LIFE
    changesets = [step["changeset"] for step in rehearsal["steps"]]
    assert all(step["written"] for step in rehearsal["steps"])
    assert len(set(changesets)) == len(LIFE)
    assert _changesets(sqlite_url) == len(LIFE)  # the demo itself writes none
    assert steps["promote"]["counts"]["participations"] > 0
    participants = steps["import_participants"]["counts"]
    assert participants["new"] == files["students"]["new"]
    assert participants["marked_left"] == files["students"]["absent"]
    assert participants["groups_new"] == files["groups"]
    assert steps["link_staff"]["counts"]["new"] == files["links"]
    assert steps["remove_departed"]["counts"]["departed"] == files["staff"]["departed"]

    status = koppel("year", "status", "--json", database=sqlite_url).json()
    assert status["current"] == NEXT
    assert status["prepared"] is None
    stats = koppel("stats", "--json", database=sqlite_url).json()
    assert stats["students"]["active"] == files["students"]["rows"]
    assert stats["groups"] == files["groups"]
    assert stats["teacher_links"] == files["links"]

    for changeset in reversed(changesets):
        undone = koppel("undo", changeset, "--json", database=sqlite_url)
        assert undone.code == 0, undone.stderr
    assert snapshot(engine) == start
    engine.dispose()


def test_rehearse_shows_each_step_and_a_table_and_can_go_on_a_year(
    sqlite_url: str, demo: dict[str, Any], tmp_path: Path
):
    shown = koppel("demo", "next-year", str(tmp_path / "one"), "--rehearse", database=sqlite_url)
    assert shown.code == 0, shown.stderr
    text = shown.stdout
    for number in range(1, len(LIFE) + 1):
        assert f"  {number} van {len(LIFE)} · " in text
    assert "Oefening van het schooljaar: 2026-2027 -> 2027-2028" in text
    assert "Wijzigingenset" in text
    assert "als vertrokken gemarkeerd" in text
    assert "Schooljaar 2027-2028 is nu het huidige" in text
    # A year later: next year's files are made from the new current year.
    again = koppel(
        "demo", "next-year", str(tmp_path / "two"), "--rehearse", database=sqlite_url, lang="en"
    )
    assert again.code == 0, again.stderr
    assert "Rehearsal of the school year: 2027-2028 -> 2028-2029" in again.stdout
    assert "School year 2028-2029 is now the current one" in again.stdout
    assert koppel("year", "status", "--json", database=sqlite_url).json()["current"] == (
        "2028-2029"
    )


def test_rehearse_refuses_a_database_that_is_no_demo(sqlite_url: str, tmp_path: Path):
    assert koppel("init", database=sqlite_url).code == 0
    engine = connect(sqlite_url)
    start = snapshot(engine, bookkeeping=True)
    refused = koppel(
        "demo", "next-year", str(tmp_path / "sis"), "--rehearse", database=sqlite_url, lang="en"
    )
    assert refused.code == 3
    assert "not built by 'koppel demo'" in refused.stderr
    assert not (tmp_path / "sis").exists()
    assert snapshot(engine, bookkeeping=True) == start
    engine.dispose()


def test_rehearse_refuses_once_the_five_steps_have_started(
    sqlite_url: str, demo: dict[str, Any], tmp_path: Path
):
    made = koppel("demo", "next-year", str(tmp_path / "sis"), "--json", database=sqlite_url)
    assert made.code == 0, made.stderr
    assert koppel("year", "prepare", database=sqlite_url).code == 0
    staff = made.json()["files"]["staff"]
    assert koppel("import", "staff", staff, database=sqlite_url).code == 0
    refused = koppel(
        "demo", "next-year", str(tmp_path / "again"), "--rehearse", database=sqlite_url
    )
    assert refused.code == 2
    assert "stap 1" in refused.stderr
    assert not (tmp_path / "again").exists()
