"""Issue 19 (export that others accept), through the real command on SQLite and
PostgreSQL, with the demo school split over two branches (vestigingen): each person is
listed in their own schools only, ``sex`` is OneRoster 1.1's (male, female or blank),
and the set read back into that portal writes nothing.

The schools each person should have are worked out here from the database (this year's
departments, group memberships and teacher links, each department's branch), not from
the exporter's code.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, update

from koppel.store import tables as t
from tests.integration.snapshot import snapshot
from tests.integration.test_sis_export import (
    Portal,
    _build_demo,
    check_oneroster_1_1,
    folder_files,
    read_files,
)

SOUTH = ("ZV", "Zuidvestiging")
MOVED = ("1M", "2M", "3M", "4M", "1MH", "2MH")
"""The demo's MAVO departments go to the second branch; the rest stay in the main one."""
SEX = {"M": "male", "V": "female", "X": ""}


@pytest.fixture
def two_branches(engine: Engine, database_url: str) -> Portal:
    portal = _build_demo(database_url, engine)
    with engine.begin() as connection:
        branch = connection.execute(
            insert(t.branches).values(code=SOUTH[0], name=SOUTH[1]).returning(t.branches.c.id)
        ).scalar_one()
        d = t.departments
        connection.execute(update(d).where(d.c.code.in_(MOVED)).values(branch_id=branch))
    return portal


def expected_branches(engine: Engine) -> dict[str, set[str]]:
    """Student number or staff code -> branch codes: a student's this year's
    departments and groups (any year), a staff member's groups."""
    s, st, d, b, g = t.students, t.staff_members, t.departments, t.branches, t.groups
    p, m, sl, y = t.department_participations, t.group_memberships, t.staff_links, t.school_years
    found: dict[str, set[str]] = defaultdict(set)
    queries = [
        select(s.c.student_number, b.c.code)
        .select_from(p)
        .join(s, s.c.id == p.c.student_id)
        .join(y, y.c.id == p.c.school_year_id)
        .join(d, d.c.id == p.c.department_id)
        .join(b, b.c.id == d.c.branch_id)
        .where(y.c.is_current.is_(True)),
        select(s.c.student_number, b.c.code)
        .select_from(m)
        .join(s, s.c.id == m.c.student_id)
        .join(g, g.c.id == m.c.group_id)
        .join(d, d.c.id == g.c.department_id)
        .join(b, b.c.id == d.c.branch_id),
        select(st.c.staff_code, b.c.code)
        .select_from(sl)
        .join(st, st.c.id == sl.c.staff_id)
        .join(g, g.c.id == sl.c.group_id)
        .join(d, d.c.id == g.c.department_id)
        .join(b, b.c.id == d.c.branch_id),
    ]
    with engine.connect() as connection:
        for query in queries:
            for key, code in connection.execute(query):
                found[key].add(code)
    return found


def test_each_person_is_listed_in_their_own_schools_only(
    two_branches: Portal, tmp_path: Path
) -> None:
    target = tmp_path / "oneroster"
    two_branches.export(target)
    manifest, rows = read_files(folder_files(target))
    check_oneroster_1_1(manifest, rows)

    orgs = rows["orgs.csv"]
    school_of = {row["identifier"]: row["sourcedId"] for row in orgs if row["type"] == "school"}
    assert set(school_of) == {"HV", SOUTH[0]}
    [whole] = [row["sourcedId"] for row in orgs if row["type"] == "district"]
    wanted = expected_branches(two_branches.engine)
    found = {row["identifier"]: row["orgSourcedIds"].split(",") for row in rows["users.csv"]}
    for key, listed in found.items():
        codes = wanted.get(key, set())
        expected = {school_of[code] for code in codes} if codes else {whole}
        assert len(listed) == len(set(listed)), key
        assert set(listed) == expected, key

    single = school_counts(found, school_of)
    assert single["HV"] > 0, "people in the main branch only"
    assert single[SOUTH[0]] > 0, "people in the second branch only"
    assert single["both"] > 0, "and some (staff teaching in both) in two"
    assert single["whole"] > 0, "staff without groups: the school as a whole"


def school_counts(found: dict[str, list[str]], school_of: dict[str, str]) -> dict[str, int]:
    """How many people are in the main branch only, the second only, both, or the whole."""
    code_of = {org: code for code, org in school_of.items()}
    counts: dict[str, int] = defaultdict(int)
    for listed in found.values():
        codes = [code_of.get(org, "whole") for org in listed]
        counts[codes[0] if len(codes) == 1 else "both"] += 1
    return counts


def test_sex_is_male_female_or_blank_as_the_portal_has_it(
    two_branches: Portal, tmp_path: Path
) -> None:
    target = tmp_path / "oneroster"
    two_branches.export(target)
    _, rows = read_files(folder_files(target))
    number_of = {row["sourcedId"]: row["identifier"] for row in rows["users.csv"]}
    s = t.students
    with two_branches.engine.connect() as connection:
        gender = {
            row[0]: row[1] for row in connection.execute(select(s.c.student_number, s.c.gender))
        }
    sexes = {number_of[row["sourcedId"]]: row["sex"] for row in rows["demographics.csv"]}
    assert sexes == {number: SEX[value] for number, value in gender.items()}
    assert "" in sexes.values(), "the demo school has students with gender X"
    assert "other" not in sexes.values()


def test_the_set_read_back_into_its_portal_writes_nothing(
    two_branches: Portal, tmp_path: Path
) -> None:
    target = tmp_path / "oneroster"
    two_branches.export(target)
    before = snapshot(two_branches.engine, bookkeeping=True)
    done = two_branches.run("oneroster", "import", str(target), "--json")
    assert done.code == 0, done.stderr
    found = done.json()
    assert (found["written"], found["changeset"], found["errors"], found["warnings"]) == (
        False,
        None,
        [],
        [],
    )
    assert snapshot(two_branches.engine, bookkeeping=True) == before
