"""Persoonsgegevens (NAW): names the Dutch way, gender, address, postcode and email."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.text import clean_text, require

_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
_FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)


class Gender(StrEnum):
    """Geslacht: man (M), vrouw (V) or anders/onbekend (X)."""

    MALE = "M"
    FEMALE = "V"
    OTHER = "X"


def normalise_postcode(value: str) -> str:
    """A Dutch postcode in its written form ``1234 AB``; :class:`InvalidValue` otherwise."""
    text = clean_text(value).upper()
    match = _POSTCODE.match(text)
    if not match or match[2] in _FORBIDDEN_POSTCODE_LETTERS:
        raise InvalidValue("postcode.format", value=value)
    return f"{match[1]} {match[2]}"


def normalise_email(value: str) -> str:
    """A syntactically valid email address, trimmed; the domain part in lower case."""
    text = clean_text(value)
    if not _EMAIL.match(text):
        raise InvalidValue("email.format", value=value)
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def full_name(first_name: str, infix: str, last_name: str) -> str:
    """``Jan van den Berg``."""
    return " ".join(part for part in (first_name, infix, last_name) if part)


UNKNOWN_NAME = "onbekend"
"""Naam onbekend: what the portal keeps for a name that the source leaves empty."""
UNKNOWN_FIRST_NAME = "Naam"
"""The first name of a person without any name, so that the full name reads 'Naam
onbekend' (and sorts with the others under 'onbekend')."""


def names_or_unknown(first_name: str, last_name: str) -> tuple[str, str]:
    """The portal's rule for a person whose source gives no name (SIS sets where names are
    optional): a missing name is ``onbekend``; with neither, the person is ``Naam
    onbekend``. Given names are kept as they are (cleaned)."""
    first, last = clean_text(first_name), clean_text(last_name)
    if not first and not last:
        return UNKNOWN_FIRST_NAME, UNKNOWN_NAME
    return first or UNKNOWN_NAME, last or UNKNOWN_NAME


def sort_name(first_name: str, infix: str, last_name: str) -> str:
    """``Berg, Jan van den``: Dutch lists sort on the last name without its infix."""
    tail = " ".join(part for part in (first_name, infix) if part)
    return f"{last_name}, {tail}" if tail else last_name


def sort_key(first_name: str, infix: str, last_name: str) -> tuple[str, str, str]:
    return (last_name.casefold(), first_name.casefold(), infix.casefold())


@dataclass(frozen=True, slots=True)
class PersonalData:
    """Persoonsgegevens of a student, as the portal leads them (seed 000)."""

    first_name: str
    last_name: str
    infix: str = ""
    gender: Gender = Gender.OTHER
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    previous_home_class: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_name", require(self.first_name, "roepnaam"))
        object.__setattr__(self, "last_name", require(self.last_name, "achternaam"))
        for name in ("infix", "street", "house_number", "city", "previous_home_class"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        object.__setattr__(self, "gender", Gender(self.gender))
        postcode, email = clean_text(self.postcode), clean_text(self.email)
        object.__setattr__(self, "postcode", normalise_postcode(postcode) if postcode else "")
        object.__setattr__(self, "email", normalise_email(email) if email else "")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.infix, self.last_name)

    @property
    def sort_name(self) -> str:
        return sort_name(self.first_name, self.infix, self.last_name)
