"""Personeel: staff members (medewerkers) and their links to groups as teacher or mentor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import full_name, normalise_email
from koppel.domain.text import clean_text, require

_STAFF_CODE = re.compile(r"^[A-Z0-9]{2,8}$")


def validate_staff_code(value: str) -> str:
    """Docentcode, e.g. ``JANS``: 2 to 8 letters or digits, in capitals."""
    text = clean_text(value).upper()
    if not _STAFF_CODE.match(text):
        raise InvalidValue("staff_code.format", value=value)
    return text


class StaffStatus(StrEnum):
    ACTIVE = "active"
    LEFT = "left"


class StaffRole(StrEnum):
    """The role of a staff member in a group: docent or mentor."""

    TEACHER = "teacher"
    MENTOR = "mentor"


@dataclass(frozen=True, slots=True)
class StaffMember:
    """Medewerker, keyed by its staff code."""

    staff_code: str
    first_name: str
    last_name: str
    infix: str = ""
    email: str = ""
    status: StaffStatus = StaffStatus.ACTIVE

    def __post_init__(self) -> None:
        object.__setattr__(self, "staff_code", validate_staff_code(self.staff_code))
        object.__setattr__(self, "first_name", require(self.first_name, "voornaam"))
        object.__setattr__(self, "last_name", require(self.last_name, "achternaam"))
        object.__setattr__(self, "infix", clean_text(self.infix))
        object.__setattr__(self, "status", StaffStatus(self.status))
        email = clean_text(self.email)
        object.__setattr__(self, "email", normalise_email(email) if email else "")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.infix, self.last_name)


@dataclass(frozen=True, slots=True)
class StaffLink:
    """A staff member linked to a group as teacher or mentor."""

    staff_code: str
    group_name: str
    role: StaffRole

    def __post_init__(self) -> None:
        object.__setattr__(self, "staff_code", validate_staff_code(self.staff_code))
        object.__setattr__(self, "group_name", require(self.group_name, "groep"))
        object.__setattr__(self, "role", StaffRole(self.role))
