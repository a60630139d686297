"""``koppel demo`` in spring, as a user runs it, on a real SQLite file: the demo school
plans next year (prognoses, package choices) without preparing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from koppel.domain.school import SchoolYear
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel

STUDENTS = "300"
NEXT = "2027-2028"


@pytest.fixture
def demo(sqlite_url: str) -> dict[str, Any]:
    built = koppel("demo", "--students", STUDENTS, "--seed", "3", "--json", database=sqlite_url)
    assert built.code == 0, built.stderr
    found: dict[str, Any] = built.json()
    return found


def test_the_demo_plans_next_year_without_preparing_it(sqlite_url: str, demo: dict[str, Any]):
    planned = demo["next_year"]
    assert planned["school_year"] == NEXT
    assert planned["prepared"] is False
    assert planned["prognoses"] > 0
    assert planned["package_choices"] > 0
    status = koppel("year", "status", "--json", database=sqlite_url)
    assert status.code == 0, status.stderr
    assert status.json()["prepared"] is None
    engine = connect(sqlite_url)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert NEXT in {year.name for year in uow.school.school_years()}
        counted = uow.school_years.counts(SchoolYear(NEXT))
        assert counted["prognoses"] == planned["prognoses"]
        assert counted["package_choices"] == planned["package_choices"]
        assert counted["participations"] == 0  # nothing promoted yet
    engine.dispose()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "Volgende stap: 'koppel year prepare'"), ("en", "Next step: 'koppel year prepare'")],
)
def test_the_demo_says_the_next_step_is_prepare(tmp_path: Path, lang: str, words: str):
    url = f"sqlite:///{tmp_path / 'spring.db'}"
    shown = koppel("demo", "--students", "60", database=url, lang=lang)
    assert shown.code == 0, shown.stderr
    assert words in " ".join(shown.stdout.split())
