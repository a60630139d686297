"""Sjablonen: import files with every header koppel reads and one example row.

The headers are the Dutch names users expect; each maps to its :class:`Column` through
the normal header mapping (:mod:`koppel.files.headers`), so a filled-in template imports
as it is. The service layer writes filled templates (exports) with
:func:`~koppel.files.writers.write_table` and :data:`TEMPLATE_HEADERS`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from koppel.files.columns import Column, ImportKind
from koppel.files.writers import Cell, write_table

TEMPLATE_COLUMNS: dict[ImportKind, dict[str, Column]] = {
    ImportKind.STUDENTS: {
        "Leerlingnummer": Column.STUDENT_NUMBER,
        "Roepnaam": Column.FIRST_NAME,
        "Tussenvoegsel": Column.INFIX,
        "Achternaam": Column.LAST_NAME,
        "Geslacht": Column.GENDER,
        "Straat": Column.STREET,
        "Huisnummer": Column.HOUSE_NUMBER,
        "Postcode": Column.POSTCODE,
        "Woonplaats": Column.CITY,
        "E-mail": Column.EMAIL,
        "Stamklas": Column.GROUP,
        "Afdeling": Column.DEPARTMENT,
        "LWOO": Column.LWOO,
        "Geboortedatum": Column.BIRTH_DATE,
    },
    ImportKind.STAFF: {
        "Docentcode": Column.STAFF_CODE,
        "Roepnaam": Column.FIRST_NAME,
        "Tussenvoegsel": Column.INFIX,
        "Achternaam": Column.LAST_NAME,
        "E-mail": Column.EMAIL,
        "Rollen": Column.ROLES,
        "Groepen": Column.GROUPS,
    },
    ImportKind.TEACHER_GROUPS: {
        "Docentcode": Column.STAFF_CODE,
        "E-mail": Column.EMAIL,
        "Groep": Column.GROUP,
        "Rol": Column.ROLE,
    },
}
"""Per kind, in the template's order: header -> the column it fills."""

TEMPLATE_HEADERS: dict[ImportKind, tuple[str, ...]] = {
    kind: tuple(columns) for kind, columns in TEMPLATE_COLUMNS.items()
}

EXAMPLES: dict[ImportKind, tuple[Cell, ...]] = {
    ImportKind.STUDENTS: (
        "012345",
        "Jan",
        "van den",
        "Berg",
        "M",
        "Kerkstraat",
        "12a",
        "1234 AB",
        "Utrecht",
        "012345@leerling.example.org",
        "4V2",
        "4V",
        "nee",
        date(2010, 5, 17),
    ),
    ImportKind.STAFF: (
        "BERG",
        "Ans",
        "van den",
        "Berg",
        "berg@example.org",
        "docent, mentor",
        "4V1, 4V.netl1",
    ),
    ImportKind.TEACHER_GROUPS: ("BERG", "berg@example.org", "4V2", "mentor"),
}
"""One synthetic example row per kind, in the order of :data:`TEMPLATE_HEADERS`."""

TEMPLATE_SHEET = "Importbestand"


def headers_of(kind: ImportKind) -> list[str]:
    """The template's headers for ``kind``, in order."""
    return list(TEMPLATE_HEADERS[kind])


def write_template(kind: ImportKind, path: Path) -> None:
    """An import file for ``kind`` (.xlsx or .csv by the suffix of ``path``) with every
    header and the example row."""
    write_table(path, TEMPLATE_HEADERS[kind], [EXAMPLES[kind]], sheet_title=TEMPLATE_SHEET)
