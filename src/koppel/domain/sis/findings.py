"""Errors and warnings that mapping an SIS set onto koppel finds, each naming the file,
row and column of the record it is about (pure: the service turns them into
:class:`koppel.files.problems.Problem`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.errors import KoppelError
from koppel.domain.sis.sets import Origin


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    row: int | None
    column: str | None
    code: str
    """A message code of :mod:`koppel.i18n`."""
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Findings:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    def error(
        self, origin: Origin | None, column: str | None, message: str, /, **params: object
    ) -> None:
        self.errors.append(_finding(origin, column, message, params))

    def warning(
        self, origin: Origin | None, column: str | None, message: str, /, **params: object
    ) -> None:
        self.warnings.append(_finding(origin, column, message, params))

    def invalid(self, origin: Origin, column: str, error: KoppelError) -> None:
        """A domain rule broken by the value in ``column``."""
        self.errors.append(_finding(origin, column, error.code, dict(error.params)))


def _finding(
    origin: Origin | None, column: str | None, code: str, params: dict[str, object]
) -> Finding:
    if origin is None:
        return Finding("", None, column, code, params)
    return Finding(origin.file, origin.row, column, code, params)
