"""What the connector's writes read and write, for one student or thousands at once: a
fixed handful of statements per write, never one per student."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import Connection, select

from koppel.domain.groups import GroupKind
from koppel.store import tables as t
from koppel.store.chunks import chunks
from koppel.store.repositories.memberships import replace_home_classes

_s, _g, _m, _d = t.students, t.groups, t.group_memberships, t.departments


class SqlAlchemyRecordWriteRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def student_versions(self, numbers: Collection[str]) -> dict[str, tuple[int, int]]:
        """student number -> (id, version) of those that exist."""
        found: dict[str, tuple[int, int]] = {}
        for chunk in chunks(set(numbers)):
            rows = self._connection.execute(
                select(_s.c.student_number, _s.c.id, _s.c.version).where(
                    _s.c.student_number.in_(chunk)
                )
            )
            found.update({number: (sid, version or 0) for number, sid, version in rows})
        return found

    def groups_named(self, year_id: int, names: Collection[str]) -> dict[str, tuple[str, str]]:
        """name -> (kind, department code or '') of the groups of ``year_id`` named so."""
        found: dict[str, tuple[str, str]] = {}
        for chunk in chunks(set(names)):
            rows = self._connection.execute(
                select(_g.c.name, _g.c.kind, _d.c.code)
                .outerjoin(_d, _d.c.id == _g.c.department_id)
                .where(_g.c.school_year_id == year_id, _g.c.name.in_(chunk))
            )
            found.update({name: (kind, code or "") for name, kind, code in rows})
        return found

    def home_classes_of(self, year_id: int, ids: Collection[int]) -> dict[tuple[int, int], str]:
        """(student id, department id) -> the name of the student's home class there."""
        found: dict[tuple[int, int], str] = {}
        for chunk in chunks(ids):
            rows = self._connection.execute(
                select(_m.c.student_id, _m.c.home_class_department_id, _g.c.name)
                .join(_g, _g.c.id == _m.c.group_id)
                .where(
                    _m.c.school_year_id == year_id,
                    _m.c.home_class_department_id.is_not(None),
                    _m.c.student_id.in_(chunk),
                )
            )
            found.update({(sid, did): name for sid, did, name in rows})
        return found

    def cluster_groups_of(self, year_id: int, ids: Collection[int]) -> dict[int, list[str]]:
        """student id -> the names of its cluster groups, sorted (only students with any)."""
        found: dict[int, list[str]] = defaultdict(list)
        for chunk in chunks(ids):
            rows = self._connection.execute(
                select(_m.c.student_id, _g.c.name)
                .join(_g, _g.c.id == _m.c.group_id)
                .where(
                    _g.c.school_year_id == year_id,
                    _g.c.kind == GroupKind.CLUSTER_GROUP.value,
                    _m.c.student_id.in_(chunk),
                )
                .order_by(_m.c.student_id, _g.c.name)
            )
            for sid, name in rows:
                found[sid].append(name)
        return dict(found)

    def set_home_classes(
        self, year_id: int, changes: Sequence[tuple[int, int, str | None]]
    ) -> None:
        """(student id, department id, home class name or None): replace each."""
        group_ids = self.group_ids(year_id, {name for _, _, name in changes if name is not None})
        replace_home_classes(
            self._connection,
            year_id=year_id,
            rows=[
                (sid, did, None if name is None else group_ids[name]) for sid, did, name in changes
            ],
        )

    def set_cluster_groups(self, year_id: int, groups: Mapping[int, Collection[str]]) -> None:
        """Exactly these cluster groups (by name) for each student id."""
        cluster_ids = select(_g.c.id).where(
            _g.c.school_year_id == year_id, _g.c.kind == GroupKind.CLUSTER_GROUP.value
        )
        for chunk in chunks(groups.keys()):
            self._connection.execute(
                _m.delete().where(_m.c.student_id.in_(chunk), _m.c.group_id.in_(cluster_ids))
            )
        group_ids = self.group_ids(year_id, {name for names in groups.values() for name in names})
        rows = [
            {
                "group_id": group_ids[name],
                "student_id": sid,
                "home_class_department_id": None,
                "school_year_id": year_id,
            }
            for sid, names in groups.items()
            for name in sorted(set(names))
        ]
        if rows:
            self._connection.execute(_m.insert(), rows)

    def group_ids(self, year_id: int, names: Collection[str]) -> dict[str, int]:
        """name -> id of groups of ``year_id``; a missing one raises LookupError."""
        found: dict[str, int] = {}
        for chunk in chunks(names):
            rows = self._connection.execute(
                select(_g.c.name, _g.c.id).where(
                    _g.c.school_year_id == year_id, _g.c.name.in_(chunk)
                )
            )
            found.update({name: gid for name, gid in rows})
        missing = set(names) - set(found)
        if missing:
            raise LookupError(", ".join(sorted(missing)))
        return found
