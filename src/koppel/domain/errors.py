"""The one error shape of koppel: a code, its parameters, and a rendered message."""

from __future__ import annotations

from collections.abc import Mapping

from koppel.i18n import translate


class KoppelError(Exception):
    """Base of every error that koppel reports to a user.

    ``code`` names the message in :mod:`koppel.i18n`; the command line, the API and
    the pages render it in the user's language. ``exit_code`` follows DESIGN.md 8.
    """

    exit_code = 1

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.message())

    def message(self, language: str | None = None) -> str:
        return translate(self.code, language, **self.params)


class InvalidValue(KoppelError):
    """A value that breaks a rule of the domain (bad input: exit code 2)."""

    exit_code = 2


class NotFound(KoppelError):
    exit_code = 2

    def __init__(self, entity: str, key: str) -> None:
        super().__init__("not_found", entity=entity, key=key)


class AlreadyExists(KoppelError):
    exit_code = 2

    def __init__(self, entity: str, key: str) -> None:
        super().__init__("already_exists", entity=entity, key=key)


class RefusedBySafetyRule(KoppelError):
    """A change larger than the school allows without an explicit decision (exit code 3)."""

    exit_code = 3


class NotAllowed(KoppelError):
    """The account's role or scope does not grant this (a 403 on the pages and the API)."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("access.denied")
