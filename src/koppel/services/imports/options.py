"""What the user chose for an import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from koppel.files.limits import DEFAULT_LIMITS, ImportLimits
from koppel.services.audit.entries import COMMAND_LINE_ACTOR


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    sheet: str | None = None
    mapping: Path | None = None
    mark_absent_left: bool = False
    force: bool = False
    limits: ImportLimits = field(default_factory=lambda: DEFAULT_LIMITS)
    file_label: str | None = None
    actor: str = COMMAND_LINE_ACTOR
    """Who imports: the command line, or the administrator in the portal's wizard."""
    school_year: str | None = None
    """The year a file fills; by default the prepared year (koppel year prepare)."""
