"""Leerlingen: the student and the rules over a set of students."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import PersonalData
from koppel.domain.text import clean_text

STUDENT_NUMBER_MAX_LENGTH = 20
"""What the portal's ``students.student_number`` column holds (koppel.store.tables)."""
_STUDENT_NUMBER = re.compile(r"^[0-9A-Za-z](?:[0-9A-Za-z._@-]{0,18}[0-9A-Za-z])?$")
_SPREADSHEET_DECIMAL = re.compile(r"^[0-9]+\.[0-9]+$")


class StudentStatus(StrEnum):
    """Actief, or vertrokken (left): students are marked as left, never deleted."""

    ACTIVE = "active"
    LEFT = "left"


def validate_student_number(value: str) -> str:
    """A student number (leerlingnummer) is text: leading zeros are part of it. Letters and
    digits, with ``-``, ``_``, ``.`` and ``@`` inside (ids as SIS systems write them:
    ``usr-222-1234561232``, ``USER_0``), at most 20; never a number with decimals
    (``12.0``: a spreadsheet's number) and never what breaks a web address or a
    spreadsheet cell (spaces, ``/``, a leading ``+`` or ``=``)."""
    text = clean_text(value)
    if not _STUDENT_NUMBER.match(text) or _SPREADSHEET_DECIMAL.match(text):
        raise InvalidValue("student_number.format", value=value)
    return text


def ensure_unique_student_numbers(numbers: Iterable[str]) -> None:
    """:class:`InvalidValue` naming the first student number that occurs twice."""
    counts = Counter(clean_text(number) for number in numbers)
    duplicates = sorted(number for number, count in counts.items() if count > 1)
    if duplicates:
        raise InvalidValue("student_number.duplicate", value=", ".join(duplicates))


@dataclass(frozen=True, slots=True)
class Student:
    """Leerling, keyed by its student number."""

    student_number: str
    personal: PersonalData
    birth_date: date | None = None
    lwoo: bool = False
    status: StudentStatus = StudentStatus.ACTIVE

    def __post_init__(self) -> None:
        object.__setattr__(self, "student_number", validate_student_number(self.student_number))
        object.__setattr__(self, "status", StudentStatus(self.status))

    @property
    def is_active(self) -> bool:
        return self.status is StudentStatus.ACTIVE
