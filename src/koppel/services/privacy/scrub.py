"""Taking forgotten students out of the JSON that history keeps (audit entries' before
and after, change-set and run summaries, stored API answers).

A *needle* is a value that identifies a forgotten student: the student number, the
account's username and e-mail address. A string mentions a needle when it is one, or
holds it as a whole word (``leerling 012345 heeft ...``); case does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from koppel.domain.audit import JsonValue

FORGOTTEN = "(vergeten)"
"""What stays of a value that named a forgotten student (never a valid username or key)."""

_WORD = re.compile(r"[\w.@+-]+")
_EDGES = ".-@+"


class Needles:
    def __init__(self, values: Iterable[str]) -> None:
        self._values = frozenset(value.strip().lower() for value in values if value.strip())

    def __bool__(self) -> bool:
        return bool(self._values)

    def mentioned_in(self, text: str) -> bool:
        lowered = text.lower()
        if lowered in self._values:
            return True
        return any(
            word in self._values or word.strip(_EDGES) in self._values
            for word in _WORD.findall(lowered)
        )


def scrub(value: JsonValue, needles: Needles) -> JsonValue:
    """``value`` without the needles: list items that mention one are dropped (a group's
    members, a run's absent students), so are object members whose name mentions one (a
    SIS set's ids); any other string that mentions one becomes :data:`FORGOTTEN` (so
    a message's parameters stay complete)."""
    if isinstance(value, str):
        return FORGOTTEN if needles.mentioned_in(value) else value
    if isinstance(value, list):
        return [
            scrub(item, needles)
            for item in value
            if not (isinstance(item, str) and needles.mentioned_in(item))
        ]
    if isinstance(value, dict):
        return {
            name: scrub(item, needles)
            for name, item in value.items()
            if not needles.mentioned_in(name)
        }
    return value


def mentions(value: JsonValue, needles: Needles) -> bool:
    """Whether ``value`` holds a needle anywhere."""
    return scrub(value, needles) != value
