"""The columns koppel understands per kind of import file, with their Dutch and English
names. Header mapping (:mod:`koppel.files.headers`) matches file headers to these."""

from __future__ import annotations

from enum import StrEnum


class ImportKind(StrEnum):
    STUDENTS = "students"
    STAFF = "staff"
    TEACHER_GROUPS = "teacher-groups"


class Column(StrEnum):
    """A column koppel knows; the value is its name in mapping profiles and JSON."""

    # students
    STUDENT_NUMBER = "student_number"
    FIRST_NAME = "first_name"
    INFIX = "infix"
    LAST_NAME = "last_name"
    GENDER = "gender"
    STREET = "street"
    HOUSE_NUMBER = "house_number"
    POSTCODE = "postcode"
    CITY = "city"
    EMAIL = "email"
    GROUP = "group"
    DEPARTMENT = "department"
    LWOO = "lwoo"
    BIRTH_DATE = "birth_date"
    # staff and teacher-group links
    STAFF_CODE = "staff_code"
    ROLES = "roles"
    GROUPS = "groups"
    ROLE = "role"


COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.STUDENTS: (
        Column.STUDENT_NUMBER,
        Column.FIRST_NAME,
        Column.INFIX,
        Column.LAST_NAME,
        Column.GENDER,
        Column.STREET,
        Column.HOUSE_NUMBER,
        Column.POSTCODE,
        Column.CITY,
        Column.EMAIL,
        Column.GROUP,
        Column.DEPARTMENT,
        Column.LWOO,
        Column.BIRTH_DATE,
    ),
    ImportKind.STAFF: (
        Column.STAFF_CODE,
        Column.FIRST_NAME,
        Column.INFIX,
        Column.LAST_NAME,
        Column.EMAIL,
        Column.ROLES,
        Column.GROUPS,
    ),
    ImportKind.TEACHER_GROUPS: (Column.STAFF_CODE, Column.EMAIL, Column.GROUP, Column.ROLE),
}

REQUIRED: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.STUDENTS: (Column.STUDENT_NUMBER, Column.FIRST_NAME, Column.LAST_NAME),
    ImportKind.STAFF: (Column.STAFF_CODE, Column.FIRST_NAME, Column.LAST_NAME),
    ImportKind.TEACHER_GROUPS: (Column.GROUP,),
}
"""Teacher-group files need a group and either a staff code or an email (checked per row)."""

# A staff file may have several group columns (Groep 1, Groep 2, ...) or one list column.
REPEATABLE: frozenset[Column] = frozenset({Column.GROUPS})
