"""The portal's API for the connector, as the portal keeps it: the students a reading
covers, and the answer kept under an ``Idempotency-Key`` for a retry."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.audit import JsonValue


@dataclass(frozen=True)
class StudentInScope:
    """A student that a page of records covers: the portal's id, the student number and
    the student's version."""

    id: int
    number: str
    version: int


@dataclass(frozen=True)
class IdempotentAnswer:
    """The answer a write gave, kept under its ``Idempotency-Key``: a retry with the same
    request gets it again, another request under the same key is refused."""

    request_hash: str
    status_code: int
    body: dict[str, JsonValue]
