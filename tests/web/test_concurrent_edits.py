"""Writers at once through the portal (issue 18, finding 1), on SQLite and PostgreSQL,
over real HTTP and with the real command: the wizard's step 3 beside a command-line
import of the same students, and two team leaders' bulk edits of the same selection.
Each change set's "before" is what it really overwrote (the second's is the first's
"after"), and undoing them newest first gives back exactly what each found. A writer
that waits longer than ``KOPPEL_WRITE_WAIT_SECONDS`` is refused (409 on the page, exit
3 on the command line) and writes nothing."""

from __future__ import annotations

import csv
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import finished, koppel, started
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in
from tests.web.test_transition_wizard import next_year_files, post, prepare_and_promote, upload

Entries = dict[str, tuple[dict[str, Any], dict[str, Any]]]
"""key -> (before, after) of one change set's audit entries of one action."""


def changesets(database: str) -> list[str]:
    """The ids of the change sets that stand, oldest first."""
    engine = connect(database)
    try:
        with engine.connect() as connection:
            c = t.changesets
            rows = connection.execute(
                select(c.c.id).where(c.c.undone_at.is_(None)).order_by(c.c.created_at)
            )
            return [str(row[0]) for row in rows]
    finally:
        engine.dispose()


def entries(database: str, changeset: str, action: str) -> Entries:
    engine = connect(database)
    try:
        with engine.connect() as connection:
            a = t.audit_entries
            rows = connection.execute(
                select(a.c.key, a.c.before, a.c.after).where(
                    a.c.changeset == changeset, a.c.action == action
                )
            )
            return {str(key): (_json(before), _json(after)) for key, before, after in rows}
    finally:
        engine.dispose()


def _json(value: Any) -> dict[str, Any]:
    loaded = json.loads(value) if isinstance(value, str) else value
    return loaded if isinstance(loaded, dict) else {}


def assert_chained(first: Entries, second: Entries, field: str) -> None:
    """The second change set found what the first left: no lost update, no false before."""
    shared = [key for key in second if key in first and field in second[key][0]]
    assert shared, "the two change sets touched no student in common"
    for key in shared:
        assert second[key][0][field] == first[key][1][field], (key, "a false before")


@pytest.fixture
def school(database_url: str, tmp_path: Path) -> Iterator[Portal]:
    with demo_portal(tmp_path, students=600, seed=6, database=database_url) as portal:
        yield portal


def cities_of(database: str) -> dict[str, str]:
    engine = connect(database)
    try:
        with engine.connect() as connection:
            s = t.students
            return {
                str(n): str(c) for n, c in connection.execute(select(s.c.student_number, s.c.city))
            }
    finally:
        engine.dispose()


def with_city(source: Path, city: str, target: Path) -> Path:
    """``source`` (as koppel's next-year generator writes an SIS file) with every city
    set to ``city``."""
    text = source.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t")
    rows = list(csv.reader(text.splitlines(), dialect))
    column = next(i for i, name in enumerate(rows[0]) if name.strip().lower() == "woonplaats")
    with target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=dialect.delimiter)
        writer.writerow(rows[0])
        for row in rows[1:]:
            writer.writerow([*row[:column], city, *row[column + 1 :]])
    return target


def at_once(*actions: Callable[[], object]) -> list[object]:
    """Run ``actions`` side by side; their answers in order."""
    answers: list[object] = [None] * len(actions)

    def run(index: int) -> None:
        answers[index] = actions[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return answers


def test_the_wizards_step_3_beside_a_command_line_import(school: Portal, tmp_path: Path):
    prepare_and_promote(school)
    files = next_year_files(school, tmp_path / "files")
    from_page = with_city(files.students_file, "Adorp", tmp_path / "leerlingen-portaal.csv")
    from_cli = with_city(files.students_file, "Bdorp", tmp_path / "leerlingen-cli.csv")
    before = set(changesets(school.database))
    admin = sign_in(school, *school.admin)
    preview = post(admin, 3, "voorbeeld", {}, students_file=upload(from_page))
    assert preview.status_code == 200, preview.text
    token = csrf_free_token(preview.text)

    def apply_on_the_page() -> httpx.Response:
        return post(admin, 3, "toepassen", {"students_token": token, "confirm": "on"})

    def import_on_the_command_line() -> Any:
        return finished(
            started("import", "students", str(from_cli), "--json", database=school.database)
        )

    page, command = at_once(apply_on_the_page, import_on_the_command_line)
    assert isinstance(page, httpx.Response)
    assert page.status_code in (200, 303), page.text
    assert command.code == 0, command.stderr  # type: ignore[attr-defined]
    made = [c for c in changesets(school.database) if c not in before]
    assert len(made) == 2, made
    first, second = (entries(school.database, c, "student.update") for c in made)
    first_new = entries(school.database, made[0], "student.create")
    earlier = {**first, **first_new}
    assert_chained(earlier, second, "city")
    last_city = "Bdorp" if json.loads(command.stdout)["changeset"] == made[1] else "Adorp"  # type: ignore[attr-defined]
    touched = [key for key in second if "city" in second[key][1]]
    assert {cities_of(school.database)[key] for key in touched} == {last_city}

    for changeset in reversed(made):
        undone = koppel("undo", changeset, "--json", database=school.database)
        assert undone.code == 0, undone.stderr
    undone_cities = cities_of(school.database)
    for key, (found, _) in first.items():
        assert undone_cities[key] == found["city"]


def csrf_free_token(html: str) -> str:
    found = re.search(r'name="students_token" value="([^"]+)"', html)
    assert found, "the preview kept no students file"
    return found[1]


def test_two_bulk_edits_of_one_selection_at_once(school: Portal):
    leaders = [sign_in(school, *school.login_as("team_leader")) for _ in range(2)]
    page = leaders[0].get("/afdelingen/2M")
    chosen = sorted(set(_numbers(page.text)))
    assert len(chosen) > 20
    before = set(changesets(school.database))

    def edit(leader: httpx.Client, round_: str) -> Callable[[], httpx.Response]:
        form = leader.get("/afdelingen/2M")
        data = {"csrf_token": csrf_of(form.text), "leerling": chosen, "prognose": "3M"}
        return lambda: leader.post("/afdelingen/2M/selectie", data={**data, "ronde": round_})

    answers = at_once(edit(leaders[0], "2"), edit(leaders[1], "3"))
    assert [a.status_code for a in answers] == [303, 303]  # type: ignore[attr-defined]
    made = [c for c in changesets(school.database) if c not in before]
    assert len(made) == 2, made
    first, second = (entries(school.database, c, "prognosis.set") for c in made)
    assert_chained(first, second, "round")

    for changeset in reversed(made):
        assert koppel("undo", changeset, "--json", database=school.database).code == 0
    rounds = rounds_of(school.database)
    for key, (found, _) in first.items():
        assert rounds.get(key) == found.get("round"), key


def rounds_of(database: str) -> dict[str, int]:
    """student number -> the round of its prognosis (any year: the demo has one)."""
    engine = connect(database)
    try:
        with engine.connect() as connection:
            p, s = t.prognoses, t.students
            rows = connection.execute(
                select(s.c.student_number, p.c.round).join(p, p.c.student_id == s.c.id)
            )
            return {str(number): int(round_) for number, round_ in rows}
    finally:
        engine.dispose()


def _numbers(html: str) -> list[str]:
    return re.findall(r'<tr id="leerling-(\d+)">', html)


def test_a_writer_that_waits_too_long_is_refused_and_writes_nothing(
    database_url: str, tmp_path: Path
):
    with demo_portal(
        tmp_path,
        students=200,
        seed=2,
        database=database_url,
        extra_env={"KOPPEL_WRITE_WAIT_SECONDS": "1"},
    ) as portal:
        leader = sign_in(portal, *portal.login_as("team_leader"))
        form = leader.get("/afdelingen/2M")
        chosen = _numbers(form.text)[:3]
        before = changesets(portal.database)
        engine = connect(portal.database)
        try:
            with SqlAlchemyUnitOfWork(engine):  # another writer holds the lock
                refused = leader.post(
                    "/afdelingen/2M/selectie",
                    data={"csrf_token": csrf_of(form.text), "leerling": chosen, "ronde": "4"},
                )
                assert leader.get("/afdelingen/2M").status_code == 200  # reading goes on
                command = koppel(
                    "year",
                    "prepare",
                    database=portal.database,
                    env={"KOPPEL_WRITE_WAIT_SECONDS": "1"},
                )
        finally:
            engine.dispose()
        assert refused.status_code == 409
        assert "niets opgeslagen" in refused.text
        assert command.code == 3, command.stderr
        assert "wacht" in command.stderr
        assert "niets opgeslagen" in command.stderr
        assert changesets(portal.database) == before
        again = leader.post(
            "/afdelingen/2M/selectie",
            data={"csrf_token": csrf_of(form.text), "leerling": chosen, "ronde": "4"},
        )
        assert again.status_code == 303
