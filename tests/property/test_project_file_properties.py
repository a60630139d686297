"""Properties of the project file itself: whatever rows an apply writes, in whatever
domain, the change set's undo gives back exactly the data that was there, and writing
the same rows twice records nothing the second time. Real SQLite files."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from koppel.domain.sync.domains import PER_DEPARTMENT, Fields, Key, SyncDomain
from koppel.store.project import tables
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.project.session import ProjectChangeSet

STUDENTS = ("100001", "100002", "100003")
TEXT = st.sampled_from(["", "a", "van der", "Ö'Neil"])
NAMES = st.tuples(*(TEXT,) * 10, st.booleans())

ROW_VALUES: dict[SyncDomain, st.SearchStrategy[Fields]] = {
    SyncDomain.DEPARTMENT_PARTICIPATION: st.tuples(st.sampled_from([40, 60, 100])),
    SyncDomain.PROGNOSES: st.tuples(
        st.sampled_from([None, 1, 2]), TEXT, st.sampled_from(["5H 100", "5H 50 / 5V 50"])
    ),
    SyncDomain.PACKAGE_CHOICES: st.tuples(
        st.sampled_from([None, "NT", "EM"]),
        st.sampled_from([(), ("biol",), ("biol", "wisb")]),
        st.sampled_from([(), ("lo",)]),
    ),
    SyncDomain.HOME_CLASSES: st.tuples(st.sampled_from(["4V1", "4V2"])),
    SyncDomain.CLUSTER_GROUPS: st.tuples(st.sampled_from([("4V.a",), ("4V.a", "4V.b")])),
    SyncDomain.PERSONAL_DATA: st.tuples(*(TEXT,) * 10),
    SyncDomain.LWOO: st.tuples(st.booleans()),
}


def _keys(domain: SyncDomain) -> list[Key]:
    seconds: tuple[str | None, ...] = ("4H", "4V") if domain in PER_DEPARTMENT else (None,)
    return [(number, second) for number in STUDENTS for second in seconds]


@st.composite
def writes(draw: st.DrawFn) -> tuple[SyncDomain, dict[Key, Fields | None]]:
    domain = draw(st.sampled_from(sorted(ROW_VALUES)))
    keys = draw(st.lists(st.sampled_from(_keys(domain)), unique=True, min_size=1))
    value = ROW_VALUES[domain]
    optional = value if domain in (SyncDomain.PERSONAL_DATA, SyncDomain.LWOO) else st.none() | value
    return domain, {key: draw(optional) for key in keys}


def _data(project: ProjectFile) -> dict[str, list[tuple[object, ...]]]:
    with project.engine.connect() as conn:
        return {
            t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
            for t in (*tables.DATA_TABLES, tables.sync_base)
        }


@settings(max_examples=40, deadline=None)
@given(
    students=st.lists(NAMES, min_size=len(STUDENTS), max_size=len(STUDENTS)),
    first=writes(),
    second=writes(),
)
def test_undo_gives_back_exactly_what_was_there(
    students: list[Fields],
    first: tuple[SyncDomain, dict[Key, Fields | None]],
    second: tuple[SyncDomain, dict[Key, Fields | None]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = ProjectFile.create(
            Path(folder) / "p.koppel", ProjectInfo("2026-2027", ("4H", "4V"), "http://x", "t")
        )
        with project.begin() as session:
            rows = {(n, None): s for n, s in zip(STUDENTS, students, strict=True)}
            session.write(SyncDomain.STUDENTS, rows)
            domain, values = first
            session.write(domain, values)
            session.write_base(domain, {k: v for k, v in values.items() if v is not None})
        before = _data(project)
        domain, values = second
        with project.begin() as session:
            entries = session.write(domain, values)
            entries += session.write_base(domain, {k: v for k, v in values.items() if v})
            session.record_changeset(
                ProjectChangeSet(
                    "c1", datetime.now(UTC).isoformat(), "download", "x", {}, None, None
                ),
                entries,
            )
        with project.begin() as session:
            assert session.write(domain, values) == []  # the same rows again: nothing to record
            session.undo_entries("c1", datetime.now(UTC))
        assert _data(project) == before
        project.close()
