"""Kolomkoppen: matching a file's headers to the columns koppel knows, by their Dutch and
English names as SIS exports write them (Magister, SOMtoday, Eduarte, ParnasSys),
ignoring case, spaces, accents and punctuation.

A header matches when its normalised text is an alias of a column; failing that, when
it is an alias followed by a word that only says whose value it is (``E-mail leerling``,
``Roepnaam deelnemer``); failing that, for a column that may repeat, an alias followed
by a number (``Groep 1``, ``Groep 2``). A mapping profile's choices come first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from koppel.files.columns import COLUMNS, REPEATABLE, REQUIRED, Column, ImportKind
from koppel.files.problems import ImportFileError, Problem

# --- the alias table: the one place to add a header that an SIS writes -----------------

ALIASES: dict[Column, tuple[str, ...]] = {
    Column.STUDENT_NUMBER: (
        "Leerlingnummer",
        "Leerling nr",
        "Leerling-ID",
        "Llnr",
        "Lln nr",
        "Ll nummer",
        "Lln",
        "Stamnummer",
        "Stamnr",
        "Studentnummer",
        "Studentnr",
        "Deelnemernummer",
        "Deelnemernr",
        "Student number",
        "Student ID",
        "Pupil number",
        "Pupil ID",
    ),
    # Roepnaam before voornaam; 'Voornamen' are the official names and stay unknown.
    Column.FIRST_NAME: ("Roepnaam", "Voornaam", "First name", "Given name", "Call name"),
    Column.INFIX: (
        "Tussenvoegsel",
        "Tussenvoegsels",
        "Tussenv",
        "Voorvoegsel",
        "Voorvoegsels",
        "Infix",
        "Prefix",
        "Surname prefix",
        "Last name prefix",
        "Middle name",
    ),
    Column.LAST_NAME: ("Achternaam", "Naam", "Familienaam", "Last name", "Surname", "Family name"),
    Column.GENDER: ("Geslacht", "M/V", "Gender", "Sex"),
    Column.STREET: ("Straat", "Straatnaam", "Adres", "Street", "Street name"),
    Column.HOUSE_NUMBER: ("Huisnummer", "Huisnr", "Nr", "Nummer", "House number"),
    Column.POSTCODE: ("Postcode", "PC", "Zip", "Zip code", "Postal code"),
    Column.CITY: ("Woonplaats", "Plaats", "Plaatsnaam", "City", "Town", "Residence"),
    Column.EMAIL: ("E-mail", "E-mailadres", "Mail", "Mailadres", "Email address"),
    Column.GROUP: (
        "Klas",
        "Stamklas",
        "Klasnaam",
        "Groep",
        "Stamgroep",
        "Basisgroep",
        "Lesgroep",
        "Groepsnaam",
        "Group",
        "Class",
        "Homeroom",
    ),
    Column.DEPARTMENT: ("Afdeling", "Afd", "Afdelingscode", "Department"),
    Column.LWOO: ("LWOO", "Leerwegondersteuning", "Leerwegondersteunend onderwijs"),
    Column.BIRTH_DATE: (
        "Geboortedatum",
        "Geb. datum",
        "Geboren",
        "Date of birth",
        "Birth date",
        "Birthday",
        "DOB",
    ),
    Column.STAFF_CODE: (
        "Docentcode",
        "Code",
        "Afkorting",
        "Medewerkercode",
        "Personeelscode",
        "Docent",
        "Staff code",
        "Teacher code",
        "Teacher",
    ),
    Column.ROLES: ("Rollen", "Rol", "Functie", "Functies", "Roles", "Role"),
    Column.GROUPS: (
        "Groepen",
        "Groep",
        "Klassen",
        "Klas",
        "Lesgroepen",
        "Lesgroep",
        "Groups",
        "Group",
        "Classes",
    ),
    Column.ROLE: ("Rol", "Functie", "Soort", "Role"),
}
"""Per column the headers that mean it, Dutch first; compared after normalisation."""

HOUSE_NUMBER_ADDITION: tuple[str, ...] = (
    "Toevoeging",
    "Toev",
    "Huisnummertoevoeging",
    "Huisnummer toev",
    "Huisnr toev",
    "Huisletter",
    "House number addition",
    "House number suffix",
)
"""Headers of a separate house number addition (``12`` + ``a``): the second index of
:attr:`Column.HOUSE_NUMBER`, see :class:`HeaderMap`."""

OWNER_WORDS: tuple[str, ...] = (
    "leerling",
    "deelnemer",
    "student",
    "medewerker",
    "docent",
    "personeelslid",
    "pupil",
    "teacher",
    "staff",
)
"""Words after an alias that only say whose value it is: ``Roepnaam leerling``."""

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
"""The name koppel gives each column in messages and templates."""

# --- matching ------------------------------------------------------------------------

_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def normalise_header(text: object) -> str:
    """``'Leerling nr.'`` -> ``'leerlingnr'``: lower case, no accents, no spaces (NBSP
    and zero-width ones included) and no punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text)).casefold()
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTER_OR_DIGIT.sub("", plain)


@dataclass(frozen=True)
class MappingProfile:
    """Koppelprofiel: explicit header -> column choices for one source system."""

    source: str
    columns: Mapping[str, Column]
    """Normalised header text -> column."""
    ignored: frozenset[str] = frozenset()
    """Normalised header texts to skip without a warning (``"Opmerking" = "ignore"``)."""
    values: Mapping[Column, Mapping[str, str]] = field(default_factory=dict)
    """Per field, normalised value text -> the value meant (``[values.Afdeling]``)."""


@dataclass(frozen=True)
class HeaderMap:
    """Which column of the file holds which of koppel's columns (indexes from 0).

    A repeatable column (:data:`~koppel.files.columns.REPEATABLE`) may have several
    indexes. :attr:`Column.HOUSE_NUMBER` has a second index when the file keeps the
    addition apart (``Huisnummer`` 12, ``Toevoeging`` a): join the two cells with
    :func:`koppel.files.values.house_number`.
    """

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


@cache
def _lookup(kind: ImportKind) -> dict[str, Column]:
    """Normalised alias -> column, for the columns of ``kind`` (first mention wins)."""
    table: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for alias in ALIASES[column]:
            table.setdefault(normalise_header(alias), column)
    return table


_ADDITION = frozenset(normalise_header(alias) for alias in HOUSE_NUMBER_ADDITION)
_IGNORED = object()
"""What :func:`_match` gives for a header that the profile says to skip."""


def _alias(key: str, lookup: Mapping[str, Column]) -> Column | None:
    if key in lookup:
        return lookup[key]
    for word in OWNER_WORDS:
        if key.endswith(word) and key[: -len(word)] in lookup:
            return lookup[key[: -len(word)]]
    numbered = _NUMBERED.match(key)
    if numbered and lookup.get(numbered[1]) in REPEATABLE:
        return lookup[numbered[1]]
    return None


def _match(text: object, kind: ImportKind, profile: MappingProfile | None) -> object:
    """The :class:`Column` a header means, :data:`_IGNORED`, or None when unknown."""
    key = normalise_header(text)
    if not key:
        return None
    if profile is not None:
        if key in profile.ignored:
            return _IGNORED
        if key in profile.columns:
            return profile.columns[key]
    return _alias(key, _lookup(kind))


def has_recognisable_header(
    values: Sequence[object], kind: ImportKind, profile: MappingProfile | None = None
) -> bool:
    """Whether this row looks like the header of a ``kind`` file: it names the key column
    (the first required one) and at least one other known column. Missing required
    columns are then reported by :func:`map_headers`, naming them."""
    found = {_match(v, kind, profile) for v in values if v is not None and v != ""}
    known = {c for c in found if isinstance(c, Column) and c in COLUMNS[kind]}
    return REQUIRED[kind][0] in known and len(known) >= 2


def map_headers(
    headers: Sequence[str],
    kind: ImportKind,
    *,
    file: str,
    header_row: int,
    profile: MappingProfile | None = None,
) -> tuple[HeaderMap, list[Problem]]:
    """Kolomkoppen koppelen: each header to a column of ``kind``.

    Unknown headers are warnings (the column is ignored); a column found twice (``Klas``
    and ``Stamklas``) is an error unless it may repeat; missing required columns are an
    error that lists what was found and what was expected."""
    warnings: list[Problem] = []
    indexes: dict[Column, list[int]] = {}
    additions: list[int] = []
    for index, text in enumerate(headers):
        column = _match(text, kind, profile)
        if column is _IGNORED:
            continue
        if not isinstance(column, Column):
            if normalise_header(text) in _ADDITION and Column.HOUSE_NUMBER in COLUMNS[kind]:
                additions.append(index)
            elif str(text).strip():
                warnings.append(Problem(file, header_row, str(text), "header.unknown", {}))
            continue
        if column not in COLUMNS[kind]:
            params: dict[str, object] = {"header": str(text), "field": DUTCH_NAMES[column]}
            warnings.append(Problem(file, header_row, str(text), "header.not_for_kind", params))
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
    for index in additions:
        number = indexes.get(Column.HOUSE_NUMBER)
        if number is not None and len(number) == 1:
            number.append(index)
        else:  # no house number to add it to, or a second addition column
            warnings.append(Problem(file, header_row, str(headers[index]), "header.unknown", {}))
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
    mapping = HeaderMap({c: tuple(i) for c, i in indexes.items()}, tuple(str(h) for h in headers))
    return mapping, warnings
