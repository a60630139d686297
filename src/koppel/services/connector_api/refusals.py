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
    """``If-Match`` (or an upload's ``version``) names a version that is no longer the
    student's (412)."""

    exit_code = 2

    def __init__(
        self, student: str, expected: str, current: int, *, code: str = "api.version_stale"
    ) -> None:
        super().__init__(code, student=student, expected=expected, current=current)
        self.student = student
        self.expected = expected
        self.current = current


class NotYours(KoppelError):
    """Something that exists but is not the token's to change, like another account's
    change set (403)."""

    exit_code = 2


class OutOfScope(KoppelError):
    """A department or student outside the token's departments (403): nothing is read or
    written."""

    exit_code = 2


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
