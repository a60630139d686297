"""The OneRoster 1.1 bulk CSV binding as koppel writes it (pure): the files, their headers
in the standard's order, koppel's vendor columns (``ext_koppel_*``), the manifest, and the
identifiers' namespace. :mod:`koppel.domain.sis.export_rows` fills the files.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

ONEROSTER_VERSION = "1.1"
MANIFEST_VERSION = "1.0"
SYSTEM_NAME = "koppel"
SYSTEM_CODE = "koppel"
"""``source.systemCode`` in the manifest: the same in every export, so a receiving system
that keys its sources by code recognises koppel's sets."""
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://koppel.invalid/oneroster")
"""Root of every sourcedId koppel writes (``uuid5(NAMESPACE, "student:012345")``)."""
_NAMESPACE_BYTES = NAMESPACE.bytes
OTHER_COURSE_TITLE = "Overige groepen"
"""The course of groups that belong to no department (a OneRoster class needs a course)."""

MANIFEST = "manifest.csv"
ORGS = "orgs.csv"
SESSIONS = "academicSessions.csv"
COURSES = "courses.csv"
CLASSES = "classes.csv"
USERS = "users.csv"
ENROLLMENTS = "enrollments.csv"
DEMOGRAPHICS = "demographics.csv"

COMMON = ("sourcedId", "status", "dateLastModified")
HEADERS: dict[str, tuple[str, ...]] = {
    ORGS: (*COMMON, "name", "type", "identifier", "parentSourcedId"),
    SESSIONS: (
        *COMMON,
        *("title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"),
    ),
    COURSES: (
        *COMMON,
        *("schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId"),
        *("subjects", "subjectCodes"),
    ),
    CLASSES: (
        *COMMON,
        *("title", "grades", "courseSourcedId", "classCode", "classType", "location"),
        *("schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"),
    ),
    USERS: (
        *COMMON,
        *("enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName"),
        *("familyName", "middleName", "identifier", "email", "sms", "phone"),
        *("agentSourcedIds", "grades", "password"),
    ),
    ENROLLMENTS: (
        *COMMON,
        *("classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary"),
        *("beginDate", "endDate"),
    ),
    DEMOGRAPHICS: (
        *COMMON,
        *("birthDate", "sex", "americanIndianOrAlaskaNative", "asian"),
        *("blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white"),
        *("demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity"),
        *("countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth"),
        "publicSchoolResidenceStatus",
    ),
}
"""The OneRoster 1.1 CSV headers, in the standard's order, every column present (consumers
read them by position too). ``users.csv`` ends with the standard's ``password`` column,
always empty: koppel never hands out passwords."""

EXT: dict[str, tuple[str, ...]] = {
    ORGS: ("code", "year_of_study", "education_type", "branch"),
    CLASSES: ("kind", "department", "folder"),
    USERS: ("key", "infix", "department", "status", "lwoo"),
    ENROLLMENTS: ("role",),
}
"""koppel's vendor columns per file, without the ``ext_koppel_`` prefix."""

TEXT_COLUMNS: dict[str, frozenset[str]] = {
    ORGS: frozenset({"name", "identifier", "ext_koppel_code", "ext_koppel_branch"}),
    COURSES: frozenset({"title", "courseCode"}),
    CLASSES: frozenset({"title", "classCode", "ext_koppel_department", "ext_koppel_folder"}),
    USERS: frozenset(
        {"username", "givenName", "familyName", "middleName", "identifier", "email"}
        | {"ext_koppel_key", "ext_koppel_infix"}
    ),
}
"""The columns with text that people typed (names, titles, codes, e-mail): the only ones
that can need a guard against formulas or hold a line break. The others hold koppel's
own identifiers, dates and enumerations."""

FILE_ORDER = (ORGS, SESSIONS, COURSES, CLASSES, USERS, ENROLLMENTS, DEMOGRAPHICS)
MANIFEST_FILES = (
    ("academicSessions", SESSIONS),
    ("categories", ""),
    ("classes", CLASSES),
    ("classResources", ""),
    ("courses", COURSES),
    ("courseResources", ""),
    ("demographics", DEMOGRAPHICS),
    ("enrollments", ENROLLMENTS),
    ("lineItems", ""),
    ("orgs", ORGS),
    ("resources", ""),
    ("results", ""),
    ("users", USERS),
)
"""Every file of OneRoster 1.1 as the manifest names it, and the file koppel may write
for it (empty: koppel never writes it: gradebook and resources)."""
ALL_FILES = (MANIFEST, *(f"{name}.csv" for name, _ in MANIFEST_FILES))

SEX = {"M": "male", "V": "female"}
"""koppel's gender as OneRoster 1.1's ``sex`` (``male`` or ``female``, nothing else).
X (other or unknown) has no value in 1.1 and is left blank."""
LEFT = "left"


def sourced_id(kind: str, *key: str) -> str:
    """The stable ``sourcedId`` of a thing koppel keys by ``key``: exactly
    ``str(uuid.uuid5(NAMESPACE, "kind:key..."))``, spelled out (a third of the time:
    an export of 50,000 students makes some 300,000)."""
    name = ":".join((kind, *key)).encode()
    h = hashlib.sha1(_NAMESPACE_BYTES + name, usedforsecurity=False).hexdigest()
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"


Row = tuple[str, ...]


@dataclass(frozen=True)
class ExportFile:
    """One CSV file of the set: its name, header and rows (all text)."""

    name: str
    headers: tuple[str, ...]
    rows: list[Row]


def manifest(tables: Iterable[ExportFile]) -> ExportFile:
    """``manifest.csv``: the versions, each file as ``bulk`` or ``absent``, and koppel as
    the source system."""
    written = {table.name for table in tables}
    rows: list[Row] = [
        ("manifest.version", MANIFEST_VERSION),
        ("oneroster.version", ONEROSTER_VERSION),
    ]
    rows += [
        (f"file.{name}", "bulk" if file in written else "absent") for name, file in MANIFEST_FILES
    ]
    rows.append(("source.systemName", SYSTEM_NAME))
    rows.append(("source.systemCode", SYSTEM_CODE))
    return ExportFile(MANIFEST, ("propertyName", "value"), rows)
