"""Audit log (logboek): who changed what, when, with the values before and after."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change: ``action`` on ``entity`` with key ``key`` by ``actor`` at ``at``.

    ``changeset`` groups the entries of one applied import, step or sync, so that it
    can be undone as a whole.
    """

    at: datetime
    actor: str
    action: str
    entity: str
    key: str
    before: Mapping[str, JsonValue] | None = None
    after: Mapping[str, JsonValue] | None = None
    changeset: str | None = None
