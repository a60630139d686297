"""Audit entries for what the use cases change (who, when, what, before, after)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from koppel.domain.audit import AuditEntry, JsonValue

COMMAND_LINE_ACTOR = "cli"


def audit_entry(
    action: str,
    entity: str,
    key: str,
    *,
    actor: str = COMMAND_LINE_ACTOR,
    before: Mapping[str, JsonValue] | None = None,
    after: Mapping[str, JsonValue] | None = None,
    changeset: str | None = None,
) -> AuditEntry:
    return AuditEntry(
        at=datetime.now(UTC),
        actor=actor,
        action=action,
        entity=entity,
        key=key,
        before=before,
        after=after,
        changeset=changeset,
    )
