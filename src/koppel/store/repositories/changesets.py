"""Change sets: one applied import, step or sync, with the audit entries that undo uses."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from sqlalchemy import Connection, select

from koppel.domain.audit import JsonValue
from koppel.domain.change_sets import ChangeSet
from koppel.domain.errors import NotFound
from koppel.store import tables as t


class SqlAlchemyChangeSetRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(
        self, *, id: str, kind: str, actor: str, at: datetime, summary: Mapping[str, JsonValue]
    ) -> None:
        self._connection.execute(
            t.changesets.insert().values(
                id=id, kind=kind, actor=actor, created_at=at, summary=dict(summary)
            )
        )

    def get(self, changeset_id: str) -> ChangeSet:
        row = self._connection.execute(
            select(t.changesets).where(t.changesets.c.id == changeset_id)
        ).first()
        if row is None:
            raise NotFound("wijzigingenset", changeset_id)
        return ChangeSet(*row)

    def latest_applied(self) -> ChangeSet | None:
        """The newest change set that is not an undo and has not been undone."""
        c = t.changesets
        row = self._connection.execute(
            select(c)
            .where(c.c.undone_at.is_(None), c.c.kind != "undo")
            .order_by(c.c.created_at.desc(), c.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else ChangeSet(*row)

    def of_kinds(self, kinds: Collection[str]) -> list[ChangeSet]:
        """Every change set of these kinds, oldest first."""
        c = t.changesets
        rows = self._connection.execute(
            select(c).where(c.c.kind.in_(list(kinds))).order_by(c.c.created_at, c.c.id)
        )
        return [ChangeSet(*row) for row in rows]

    def mark_undone(self, changeset_id: str, *, at: datetime, by: str) -> None:
        self._connection.execute(
            t.changesets.update()
            .where(t.changesets.c.id == changeset_id)
            .values(undone_at=at, undone_by=by)
        )
