"""What the connector's commands report (DESIGN.md section 8 shapes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.sync.domains import Direction, SyncDomain


@dataclass(frozen=True)
class Skipped:
    student: str
    department: str | None
    reason: str
    """A message code: ``connector.skip.*``."""
    detail: str = ""
    """The portal's own words, where it refused the row."""


@dataclass
class ApplyResult:
    domains: tuple[SyncDomain, ...]
    direction: Direction
    as_of: str
    changeset: str | None = None
    applied: int = 0
    conflicts: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    portal_changeset: str | None = None

    @property
    def written(self) -> bool:
        return self.changeset is not None

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "applied": self.applied,
            "skipped": len(self.skipped),
            "conflicts": self.conflicts,
            "as_of": self.as_of,
            "domains": [d.value for d in self.domains],
            "direction": self.direction.value,
            "portal_changeset": self.portal_changeset,
            "skipped_rows": [
                {
                    "student": s.student,
                    "department": s.department,
                    "reason": s.reason,
                    "detail": s.detail,
                }
                for s in self.skipped
            ],
        }


@dataclass(frozen=True)
class UndoResult:
    changeset: str | None
    """The change set undone; None when there was nothing to undo."""
    reversed: int
    portal_changeset: str | None = None

    @property
    def written(self) -> bool:
        return self.changeset is not None

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "undone": self.changeset,
            "reversed": self.reversed,
            "portal_changeset": self.portal_changeset,
        }
