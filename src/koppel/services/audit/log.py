"""Reading the audit log (logboek) for administrators."""

from __future__ import annotations

from koppel.domain.audit import AuditEntry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PAGE_SIZE = 200


def latest_entries(uow: SqlAlchemyUnitOfWork, limit: int = PAGE_SIZE) -> list[AuditEntry]:
    """The newest entries first."""
    with uow.unlocked():
        return uow.audit.latest(limit)
