"""What the connector's API refuses, by kind; the web layer gives each kind its status."""

from __future__ import annotations

from koppel.domain.errors import KoppelError


class Unprocessable(KoppelError):
    """A request that is well-formed but breaks a rule (422)."""

    exit_code = 2


class UnknownItem(KoppelError):
    """A student, department or school year named in the path that does not exist (404)."""

    exit_code = 2


class Conflict(KoppelError):
    """The request clashes with what the portal holds or who leads (409)."""

    exit_code = 2


class VersionRequired(KoppelError):
    """A change without ``If-Match`` (428)."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("api.if_match_required")


class StaleVersion(KoppelError):
    """``If-Match`` names a version that is no longer the student's (412)."""

    exit_code = 2

    def __init__(self, student: str, expected: str, current: int) -> None:
        super().__init__("api.version_stale", student=student, expected=expected, current=current)
        self.current = current


class KeyRequired(KoppelError):
    """A write that must carry an ``Idempotency-Key`` and does not (400)."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("api.idempotency_key_required")


class KeyReused(KoppelError):
    """The same ``Idempotency-Key`` with a different request (422)."""

    exit_code = 2

    def __init__(self, key: str) -> None:
        super().__init__("api.idempotency_key_reused", key=key)
