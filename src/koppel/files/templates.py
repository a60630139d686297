"""Sjablonen: empty import files with every header and one example row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from koppel.files.columns import Column, ImportKind
from koppel.files.writers import Cell, write_table

TEMPLATE_COLUMNS: dict[ImportKind, tuple[tuple[str, Column], ...]] = {
    ImportKind.STUDENTS: (
        ("Leerlingnummer", Column.STUDENT_NUMBER),
        ("Roepnaam", Column.FIRST_NAME),
        ("Tussenvoegsel", Column.INFIX),
        ("Achternaam", Column.LAST_NAME),
        ("Geslacht", Column.GENDER),
        ("Straat", Column.STREET),
        ("Huisnummer", Column.HOUSE_NUMBER),
        ("Postcode", Column.POSTCODE),
        ("Woonplaats", Column.CITY),
        ("E-mail", Column.EMAIL),
        ("Stamklas", Column.GROUP),
        ("Afdeling", Column.DEPARTMENT),
        ("LWOO", Column.LWOO),
        ("Geboortedatum", Column.BIRTH_DATE),
    ),
    ImportKind.STAFF: (
        ("Docentcode", Column.STAFF_CODE),
        ("Roepnaam", Column.FIRST_NAME),
        ("Tussenvoegsel", Column.INFIX),
        ("Achternaam", Column.LAST_NAME),
        ("E-mail", Column.EMAIL),
        ("Rollen", Column.ROLES),
        ("Groepen", Column.GROUPS),
    ),
    ImportKind.TEACHER_GROUPS: (
        ("Docentcode", Column.STAFF_CODE),
        ("E-mail", Column.EMAIL),
        ("Groep", Column.GROUP),
        ("Rol", Column.ROLE),
    ),
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
        "4V2, 4V.netl1",
    ),
    ImportKind.TEACHER_GROUPS: ("BERG", "berg@example.org", "4V2", "mentor"),
}


def headers_of(kind: ImportKind) -> list[str]:
    return [header for header, _ in TEMPLATE_COLUMNS[kind]]


def write_template(kind: ImportKind, path: Path) -> None:
    write_table(path, headers_of(kind), [EXAMPLES[kind]], sheet_title="Importbestand")
