"""Welk formaat: a set's format by its files (names ignoring case) and headers.

- ``manifest.csv`` -> OneRoster (the manifest's ``oneroster.version`` says 1.1 or 1.2);
- else ``orgs.csv``, ``users.csv`` and ``roles.csv`` with ``sourcedId`` in the users'
  header -> School Data Sync v2.1;
- else any of ``School.csv``, ``Section.csv``, ``Student.csv``, ``Teacher.csv``,
  ``StudentEnrollment.csv``, ``TeacherRoster.csv`` -> School Data Sync classic;
- a set that looks like one of these but lacks a file is refused naming the format it
  looks like and the file that is missing: ``users.csv`` with a ``role`` column is
  OneRoster (no ``manifest.csv``); ``users.csv`` with ``sourcedId`` but no ``role`` is
  School Data Sync v2.1 (no ``roles.csv`` or ``orgs.csv``);
- anything else (School Data Sync UK's ``students.csv``, a folder of other files) is
  refused as an unknown format, with the list of formats koppel reads.
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
    looks_like = _looks_like(source)
    if looks_like is not None:
        format, missing = looks_like
        raise ImportFileError(
            "roster.looks_like", file=source.label, format=format, missing=missing, found=found
        )
    raise ImportFileError("roster.unknown_format", file=source.label, found=found)


def _looks_like(source: SisSource) -> tuple[str, str] | None:
    """The format a set without its key file looks like, and the files it lacks."""
    if _has_column(source, "users.csv", "role"):
        return "OneRoster 1.1", MANIFEST
    if _has_column(source, "users.csv", "sourcedid"):
        missing = [name for name in ("orgs.csv", "roles.csv") if not source.has(name)]
        return "School Data Sync v2.1", ", ".join(missing)
    others = [name for name in source.names() if name.lower() not in _ONEROSTER_LOWER]
    if not others and sum(source.has(name) for name in ONEROSTER_FILES) >= 2:
        return "OneRoster 1.1", MANIFEST
    return None


_ONEROSTER_LOWER = frozenset(
    name.lower() for name in (*ONEROSTER_FILES, "demographics.csv", "courses.csv", "roles.csv")
)


def _header(source: SisSource, name: str) -> list[str]:
    file = source.get(name)
    if file is None:
        return []
    first_line = file.text()[:4096].splitlines()[:1]
    header = first_line[0] if first_line else ""
    cells = header.replace('"', "").replace(";", ",").split(",")
    return [cell.strip().lstrip("\ufeff").lower() for cell in cells]


def _has_column(source: SisSource, name: str, column: str) -> bool:
    return column in _header(source, name)
