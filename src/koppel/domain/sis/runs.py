"""Automatic runs of the SIS integration (koppeling): what became of a set that a run took
up (:class:`RunStatus`) and the run as it is kept (:class:`SisRun`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from koppel.domain.audit import JsonValue


class RunStatus(StrEnum):
    """What became of a set: the first two are passing states, the rest are final."""

    RUNNING = "running"
    """Being imported now (a second run of the same moment waits for the next turn)."""
    APPROVING = "approving"
    """An administrator's approval is being applied."""
    PENDING = "pending"
    """Larger than the safety limit: kept, waiting for an administrator's decision."""
    APPLIED = "applied"
    APPROVED = "approved"
    """Applied after an administrator's approval (over the safety limit)."""
    REJECTED = "rejected"
    FAILED = "failed"
    """The set had errors (or the run was interrupted); nothing was written."""
    SUPERSEDED = "superseded"
    """Was pending when a newer set came: never applied, its copy removed."""


BUSY_STATUSES = frozenset({RunStatus.RUNNING, RunStatus.APPROVING})
"""A run in one of these is still at work."""


@dataclass(frozen=True)
class SisRun:
    """One automatic run: the set it took up, when, and what became of it."""

    id: str
    source: str
    """The set as the run found it: its folder or zip file."""
    fingerprint: str
    format: str
    received_at: datetime
    status: RunStatus
    changeset: str | None
    summary: Mapping[str, JsonValue]
    kept_at: str | None
    """The private copy of a pending set (removed once it is decided)."""
    decided_by: str | None
    decided_at: datetime | None
