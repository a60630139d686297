"""The year transition (jaarovergang, DESIGN.md 5) as the portal records it: a step's
newest preview, kept so the transition's status can say "previewed"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from koppel.domain.audit import JsonValue


@dataclass(frozen=True)
class StepPreview:
    """The newest preview of a step in a school year: when, by whom, and its counts."""

    school_year: str
    step: int
    previewed_at: datetime
    actor: str
    summary: Mapping[str, JsonValue]
