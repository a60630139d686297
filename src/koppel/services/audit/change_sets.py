"""Recording a change set: every write of a use case leaves an audit entry (who, when,
what, before, after) under one change-set id, which is what undo reads back."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def new_changeset_id() -> str:
    """Short enough to type after ``koppel undo``, long enough never to repeat."""
    return uuid.uuid4().hex[:12]


STUDENT_ENTITY = "student"
"""Audit entries about a student carry this entity and the student number as key."""


class ChangeRecorder:
    """Collects the audit entries of one change set and writes them with it."""

    def __init__(self, kind: str, *, actor: str = COMMAND_LINE_ACTOR) -> None:
        self.id = new_changeset_id()
        self.kind = kind
        self.actor = actor
        self.at = datetime.now(UTC)
        self.entries: list[AuditEntry] = []

    def record(
        self,
        action: str,
        entity: str,
        key: str,
        *,
        before: Mapping[str, JsonValue] | None = None,
        after: Mapping[str, JsonValue] | None = None,
    ) -> None:
        self.entries.append(
            AuditEntry(self.at, self.actor, action, entity, key, before, after, self.id)
        )

    def save(self, uow: SqlAlchemyUnitOfWork, summary: Mapping[str, JsonValue]) -> str:
        uow.changesets.add(
            id=self.id, kind=self.kind, actor=self.actor, at=self.at, summary=summary
        )
        uow.audit.add_many(self.entries)
        uow.versions.stamp_students(e.key for e in self.entries if e.entity == STUDENT_ENTITY)
        return self.id
