"""Forgetting students who left (privacy): the traces the retention reads to know when a
student left, and the history it cleans of a forgotten student."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from koppel.domain.audit import JsonValue

LEFT_SEEN_ACTION = "privacy.left_seen"
"""The audit action of a retention run that saw a student who left without any trace."""


@dataclass(frozen=True)
class StatusMarking:
    """A standing change set's audit entry that changed a student's status."""

    student_number: str
    after: Mapping[str, JsonValue] | None
    school_year: str | None
    """The change set's school year (its summary's), when it has one."""
    at: datetime


@dataclass(frozen=True)
class AuditEntryValues:
    """An audit entry's key and values, to be cleaned of a forgotten student."""

    id: int
    key: str
    before: JsonValue
    after: JsonValue


@dataclass(frozen=True)
class StoredSummary:
    """History kept as JSON outside the audit log (a change set's or a run's summary, a
    stored API answer): its table, its primary key and the JSON."""

    table: str
    key: tuple[Any, ...]
    value: JsonValue

    def with_value(self, value: JsonValue) -> StoredSummary:
        return StoredSummary(self.table, self.key, value)
