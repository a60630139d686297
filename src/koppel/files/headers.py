"""Kolomkoppen: matching a file's headers to the columns koppel knows, by their Dutch and
English names, ignoring case, spaces, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from koppel.files.columns import COLUMNS, REPEATABLE, REQUIRED, Column, ImportKind
from koppel.files.problems import ImportFileError, Problem

_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")

ALIASES: dict[Column, tuple[str, ...]] = {
    Column.STUDENT_NUMBER: (
        "leerlingnummer",
        "leerlingnr",
        "llnr",
        "llnnr",
        "lln",
        "stamnummer",
        "stamnr",
        "studentnummer",
        "deelnemernummer",
        "deelnemernr",
        "studentnumber",
        "studentnr",
        "studentid",
        "pupilnumber",
        "pupilid",
    ),
    Column.FIRST_NAME: ("roepnaam", "voornaam", "firstname", "givenname", "callname"),
    Column.INFIX: (
        "tussenvoegsel",
        "tussenvoegsels",
        "voorvoegsel",
        "voorvoegsels",
        "tussenv",
        "infix",
        "prefix",
        "middlename",
    ),
    Column.LAST_NAME: ("achternaam", "naam", "lastname", "surname", "familyname", "familienaam"),
    Column.GENDER: ("geslacht", "gender", "sex", "mv"),
    Column.STREET: ("straat", "straatnaam", "street", "streetname", "adres"),
    Column.HOUSE_NUMBER: (
        "huisnummer",
        "huisnr",
        "nr",
        "nummer",
        "housenumber",
        "huisnummertoevoeging",
    ),
    Column.POSTCODE: ("postcode", "zip", "zipcode", "postalcode", "pc"),
    Column.CITY: ("woonplaats", "plaats", "city", "town", "residence", "plaatsnaam"),
    Column.EMAIL: (
        "email",
        "emailadres",
        "mail",
        "mailadres",
        "emailaddress",
        "emailleerling",
        "emailmedewerker",
    ),
    Column.GROUP: (
        "klas",
        "stamklas",
        "groep",
        "group",
        "class",
        "basisgroep",
        "homeroom",
        "stamgroep",
        "lesgroep",
        "groepsnaam",
        "klasnaam",
    ),
    Column.DEPARTMENT: ("afdeling", "department", "afd", "afdelingscode"),
    Column.LWOO: ("lwoo", "leerwegondersteuning", "leerwegondersteunendonderwijs"),
    Column.BIRTH_DATE: (
        "geboortedatum",
        "gebdatum",
        "geboren",
        "dateofbirth",
        "birthdate",
        "dob",
        "birthday",
    ),
    Column.STAFF_CODE: (
        "docentcode",
        "code",
        "afkorting",
        "medewerkercode",
        "personeelscode",
        "staffcode",
        "teachercode",
        "docent",
        "teacher",
    ),
    Column.ROLES: ("rollen", "rol", "roles", "role", "functie", "functies"),
    Column.GROUPS: (
        "groepen",
        "groep",
        "klassen",
        "klas",
        "lesgroepen",
        "lesgroep",
        "groups",
        "group",
        "classes",
    ),
    Column.ROLE: ("rol", "role", "functie", "soort"),
}

DUTCH_NAMES: dict[Column, str] = {
    Column.STUDENT_NUMBER: "Leerlingnummer",
    Column.FIRST_NAME: "Roepnaam",
    Column.INFIX: "Tussenvoegsel",
    Column.LAST_NAME: "Achternaam",
    Column.GENDER: "Geslacht",
    Column.STREET: "Straat",
    Column.HOUSE_NUMBER: "Huisnummer",
    Column.POSTCODE: "Postcode",
    Column.CITY: "Woonplaats",
    Column.EMAIL: "E-mail",
    Column.GROUP: "Stamklas",
    Column.DEPARTMENT: "Afdeling",
    Column.LWOO: "LWOO",
    Column.BIRTH_DATE: "Geboortedatum",
    Column.STAFF_CODE: "Docentcode",
    Column.ROLES: "Rollen",
    Column.GROUPS: "Groepen",
    Column.ROLE: "Rol",
}


def normalise_header(text: str) -> str:
    """``'Leerling nr.'`` -> ``'leerlingnr'``: lower case, no accents, no punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("\u00a0", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NOT_LETTER_OR_DIGIT.sub("", plain)


@dataclass(frozen=True)
class MappingProfile:
    """Koppelprofiel: explicit header -> column choices for one source system."""

    source: str
    columns: Mapping[str, Column]
    """Normalised header text -> column."""


@dataclass(frozen=True)
class HeaderMap:
    """Which column of the file holds which of koppel's columns."""

    indexes: dict[Column, tuple[int, ...]] = field(default_factory=dict)
    headers: tuple[str, ...] = ()

    def indexes_of(self, column: Column) -> tuple[int, ...]:
        return self.indexes.get(column, ())

    def index_of(self, column: Column) -> int | None:
        found = self.indexes.get(column, ())
        return found[0] if found else None

    def header_of(self, column: Column) -> str | None:
        index = self.index_of(column)
        return None if index is None else self.headers[index]


def _lookup(kind: ImportKind) -> dict[str, Column]:
    """Normalised alias -> column, for the columns of ``kind`` (first mention wins)."""
    table: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for alias in ALIASES[column]:
            table.setdefault(alias, column)
    return table


def _match(text: str, kind: ImportKind, profile: MappingProfile | None) -> Column | None:
    key = normalise_header(text)
    if not key:
        return None
    if profile is not None and key in profile.columns:
        return profile.columns[key]
    lookup = _lookup(kind)
    if key in lookup:
        return lookup[key]
    numbered = _NUMBERED.match(key)
    if numbered and lookup.get(numbered[1]) in REPEATABLE:
        return lookup[numbered[1]]
    return None


def has_recognisable_header(
    values: Sequence[object], kind: ImportKind, profile: MappingProfile | None = None
) -> bool:
    """Whether this row looks like the header of a ``kind`` file: it names the key column
    (the first required one) and at least one other known column. Missing required
    columns are reported by :func:`map_headers`, naming them."""
    found = {_match(str(v), kind, profile) for v in values if v not in (None, "")}
    found.discard(None)
    return REQUIRED[kind][0] in found and len(found) >= 2


def map_headers(
    headers: Sequence[str],
    kind: ImportKind,
    *,
    file: str,
    header_row: int,
    profile: MappingProfile | None = None,
) -> tuple[HeaderMap, list[Problem]]:
    warnings: list[Problem] = []
    indexes: dict[Column, list[int]] = {}
    for index, text in enumerate(headers):
        column = _match(text, kind, profile)
        if column is None:
            if str(text).strip():
                warnings.append(Problem(file, header_row, str(text), "header.unknown", {}))
            continue
        if column in indexes and column not in REPEATABLE:
            raise ImportFileError(
                "header.twice",
                file=file,
                row=header_row,
                column=str(text),
                first=headers[indexes[column][0]],
                field=DUTCH_NAMES[column],
            )
        indexes.setdefault(column, []).append(index)
    missing = [column for column in REQUIRED[kind] if column not in indexes]
    if missing:
        raise ImportFileError(
            "header.missing",
            file=file,
            row=header_row,
            column=DUTCH_NAMES[missing[0]],
            missing=", ".join(DUTCH_NAMES[c] for c in missing),
            found=", ".join(str(h) for h in headers if str(h).strip()) or "-",
            expected=", ".join(DUTCH_NAMES[c] for c in COLUMNS[kind]),
        )
    return HeaderMap(
        {c: tuple(i) for c, i in indexes.items()}, tuple(str(h) for h in headers)
    ), warnings
