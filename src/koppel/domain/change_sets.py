"""Wijzigingsset (change set): one applied import, transition step, sync or edit, with the
audit entries that undo uses; undone at most once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from koppel.domain.audit import JsonValue


@dataclass(frozen=True)
class ChangeSet:
    """A change set as it is kept: its kind (``import.staff``, ``staff.link``...), who made
    it and when, its summary, and when and by whom it was undone."""

    id: str
    kind: str
    actor: str
    created_at: datetime
    summary: Mapping[str, JsonValue]
    undone_at: datetime | None
    undone_by: str | None

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
