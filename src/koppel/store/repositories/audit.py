"""The audit log (logboek) in the portal database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from koppel.domain.audit import AuditEntry
from koppel.store import tables as t


class SqlAlchemyAuditRepository:
    """Append-only: entries are added and read, never changed."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_many(self, entries: Sequence[AuditEntry]) -> None:
        if entries:
            self._connection.execute(
                t.audit_entries.insert(),
                [
                    {
                        "at": e.at,
                        "actor": e.actor,
                        "action": e.action,
                        "entity": e.entity,
                        "key": e.key,
                        "before": e.before,
                        "after": e.after,
                        "changeset": e.changeset,
                    }
                    for e in entries
                ],
            )

    def latest(self, limit: int = 50) -> list[AuditEntry]:
        a = t.audit_entries
        rows = self._connection.execute(
            select(
                a.c.at,
                a.c.actor,
                a.c.action,
                a.c.entity,
                a.c.key,
                a.c.before,
                a.c.after,
                a.c.changeset,
            )
            .order_by(a.c.id.desc())
            .limit(limit)
        )
        return [AuditEntry(*row) for row in rows]
