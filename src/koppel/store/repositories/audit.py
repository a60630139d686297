"""The audit log (logboek) in the portal database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from koppel.domain.audit import AuditEntry
from koppel.store import tables as t

_a = t.audit_entries
_ENTRIES = select(
    _a.c.at,
    _a.c.actor,
    _a.c.action,
    _a.c.entity,
    _a.c.key,
    _a.c.before,
    _a.c.after,
    _a.c.changeset,
)


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

    def has_action(self, action: str) -> bool:
        """Whether any entry records ``action`` (``demo.build``: a demo school)."""
        a = t.audit_entries
        found = self._connection.execute(select(a.c.id).where(a.c.action == action).limit(1))
        return found.first() is not None

    def latest(self, limit: int = 50) -> list[AuditEntry]:
        rows = self._connection.execute(_ENTRIES.order_by(t.audit_entries.c.id.desc()).limit(limit))
        return [AuditEntry(*row) for row in rows]

    def of_changeset(self, changeset_id: str) -> list[AuditEntry]:
        """The entries of one change set, in the order they were written."""
        a = t.audit_entries
        rows = self._connection.execute(
            _ENTRIES.where(a.c.changeset == changeset_id).order_by(a.c.id)
        )
        return [AuditEntry(*row) for row in rows]
