"""Problems found in an import file, each naming file, row and column.

What a file says is shown, never obeyed: a control character in a header, a sheet's name
or a file in a zip (an escape sequence that would clear or retitle the terminal) is shown
as U+FFFD in the problem's file, column and message."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.errors import KoppelError
from koppel.i18n import translate

_UNSHOWN = str.maketrans(
    dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F], "\ufffd")
)


def shown(text: str) -> str:
    """``text`` with every control character but tab and line breaks as U+FFFD."""
    return text.translate(_UNSHOWN)


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning: ``message_code`` from :mod:`koppel.i18n` with its parameters.

    ``row`` is the row number as a spreadsheet shows it (1 is the first line of the file,
    usually the header); ``column`` is the header text as found in the file (or the
    expected column name when it is missing); either may be ``None``.
    """

    file: str
    row: int | None
    column: str | None
    message_code: str
    params: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shown(self.file))
        if self.column is not None:
            object.__setattr__(self, "column", shown(self.column))

    def message(self, language: str | None = None) -> str:
        return shown(translate(self.message_code, language, **self.params))

    def as_json(self, language: str | None = None) -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "message": self.message(language),
        }


class ImportFileError(KoppelError):
    """The file cannot be read at all (bad format, too large, unsafe): exit code 2.

    It carries the :class:`Problem` so that it is reported like any other error.
    """

    exit_code = 2

    def __init__(
        self,
        message_code: str,
        /,
        *,
        file: str,
        row: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        names = {"file": file, "row": row, "column": column, **params}
        self.problem = Problem(file, row, column, message_code, names)
        super().__init__(message_code, **names)

    def message(self, language: str | None = None) -> str:
        return self.problem.message(language)
