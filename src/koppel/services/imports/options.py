"""What the user chose for an import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from koppel.files.limits import DEFAULT_LIMITS, ImportLimits

SAFETY_SHARE = 0.10
"""Share of the active students or staff that an import may mark as left without --force."""


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    sheet: str | None = None
    mapping: Path | None = None
    mark_absent_left: bool = False
    force: bool = False
    limits: ImportLimits = field(default_factory=lambda: DEFAULT_LIMITS)
    file_label: str | None = None
