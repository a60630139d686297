"""Field-by-field differences between what is stored and what a file or a sync wants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from koppel.domain.audit import JsonValue


@dataclass(frozen=True, slots=True)
class FieldChange:
    before: JsonValue
    after: JsonValue


def field_changes(
    current: Mapping[str, JsonValue], wanted: Mapping[str, JsonValue]
) -> dict[str, FieldChange]:
    """The fields of ``wanted`` whose value differs from ``current``."""
    return {
        name: FieldChange(current.get(name), value)
        for name, value in wanted.items()
        if current.get(name) != value
    }
