"""Bevindingen: the errors and warnings found while reading an SIS set, each naming file,
row and column.

A systematic fault (a column with a wrong date format in 500,000 rows) is reported
``PER_KIND`` times per file, column and message, followed by one line that counts the rest,
so that the report stays readable and the reader stays fast.
"""

from __future__ import annotations

from collections import Counter

from koppel.files.problems import Problem

PER_KIND = 20
"""How many problems of one kind (file, column, message) are listed one by one."""

_Key = tuple[str, str | None, str]


class Findings:
    """Collects :class:`Problem` objects; the params never hold a password (the readers
    drop password columns before they look at a row)."""

    def __init__(self, per_kind: int = PER_KIND) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._per_kind = per_kind
        self._error_counts: Counter[_Key] = Counter()
        self._warning_counts: Counter[_Key] = Counter()

    def error(
        self, file: str, row: int | None, column: str | None, code: str, /, **params: object
    ) -> None:
        key = (file, column, code)
        self._error_counts[key] += 1
        if self._error_counts[key] <= self._per_kind:
            self.errors.append(Problem(file, row, column, code, params))

    def warning(
        self, file: str, row: int | None, column: str | None, code: str, /, **params: object
    ) -> None:
        key = (file, column, code)
        self._warning_counts[key] += 1
        if self._warning_counts[key] <= self._per_kind:
            self.warnings.append(Problem(file, row, column, code, params))

    def add(self, problem: Problem) -> None:
        """An error that stopped the reading (:class:`ImportFileError`), as it is."""
        self.errors.append(problem)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def finish(self) -> None:
        """Add one line per kind that had more problems than were listed."""
        for counts, target in (
            (self._error_counts, self.errors),
            (self._warning_counts, self.warnings),
        ):
            for (file, column, _code), count in counts.items():
                if count > self._per_kind:
                    more = count - self._per_kind
                    code = "roster.more" if column is not None else "roster.more_in_file"
                    target.append(Problem(file, None, column, code, {"count": more}))
            counts.clear()
