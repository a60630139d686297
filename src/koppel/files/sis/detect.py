"""Welk formaat: a set's format by its files (names ignoring case) and headers.

- ``manifest.csv`` -> OneRoster (the manifest's ``oneroster.version`` says 1.1 or 1.2);
- else ``orgs.csv``, ``users.csv`` and ``roles.csv`` with ``sourcedId`` in the users'
  header -> School Data Sync v2.1;
- else any of ``School.csv``, ``Section.csv``, ``Student.csv``, ``Teacher.csv``,
  ``StudentEnrollment.csv``, ``TeacherRoster.csv`` -> School Data Sync classic;
- OneRoster's data files without a manifest, or anything else, are refused with a
  message that says what was found and what koppel expects.
"""

from __future__ import annotations

from enum import StrEnum

from koppel.files.problems import ImportFileError
from koppel.files.sis.manifest import MANIFEST
from koppel.files.sis.sds_classic import FILES as CLASSIC_FILES
from koppel.files.sis.source import SisSource

ONEROSTER_FILES = (
    "orgs.csv",
    "users.csv",
    "classes.csv",
    "enrollments.csv",
    "academicSessions.csv",
)


class SetKind(StrEnum):
    ONEROSTER = "oneroster"
    SDS_2_1 = "sds-2.1"
    SDS_CLASSIC = "sds-classic"


def detect(source: SisSource) -> SetKind:
    if source.has(MANIFEST):
        return SetKind.ONEROSTER
    if source.has("orgs.csv", "users.csv", "roles.csv") and _has_column(
        source, "users.csv", "sourcedid"
    ):
        return SetKind.SDS_2_1
    if any(source.has(name) for name in CLASSIC_FILES):
        return SetKind.SDS_CLASSIC
    found = ", ".join(source.names()) or "-"
    if any(source.has(name) for name in ONEROSTER_FILES):
        raise ImportFileError("roster.no_manifest", file=source.label, found=found)
    raise ImportFileError("roster.unknown_format", file=source.label, found=found)


def _has_column(source: SisSource, name: str, column: str) -> bool:
    file = source.get(name)
    if file is None:
        return False
    first_line = file.text()[:4096].splitlines()[:1]
    header = first_line[0] if first_line else ""
    return column in header.lower().replace('"', "")
