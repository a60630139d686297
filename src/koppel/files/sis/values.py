"""Waarden in een roosterset: status, dates, booleans and the enumerations of OneRoster
1.1/1.2 and School Data Sync, and the school year a session falls in.

Enumerations are matched ignoring case (SIS exports differ) and kept in the standard's
spelling; OneRoster allows vendor values of the form ``ext:name``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from koppel.domain.sis.sets import RecordStatus, UserKind


def _enum(*values: str) -> dict[str, str]:
    return {value.lower(): value for value in values}


STATUS = {"active": RecordStatus.ACTIVE, "tobedeleted": RecordStatus.TO_BE_DELETED}
SDS_CLASSIC_STATUS = {"active": RecordStatus.ACTIVE, "inactive": RecordStatus.TO_BE_DELETED}

ORG_TYPES = _enum("department", "school", "district", "local", "state", "national")
SESSION_TYPES = _enum("gradingPeriod", "semester", "schoolYear", "term")
CLASS_TYPES = _enum("homeroom", "scheduled")
USER_ROLES = _enum(
    # OneRoster 1.1
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
    # added in 1.2
    "counselor", "districtAdministrator", "principal", "siteAdministrator",
    "systemAdministrator",
)  # fmt: skip
ENROLLMENT_ROLES = _enum(
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"
)
ROLE_TYPES = _enum("primary", "secondary")
SEXES = _enum("male", "female", "other", "unspecified")

SDS_ORG_TYPES = _enum(
    "school", "department", "district", "local", "state", "national", "ministryOfEducation",
    "university", "college", "campus", "adultEducation", "municipality",
    "departmentOfEducation", "localAuthority", "region", "division", "province",
    "researchCenter", "program", "academicTrust",
)  # fmt: skip
SDS_ROLES = _enum(
    "principal", "chair", "professor", "researcher", "adjunct", "affiliate",
    "occupationalTherapist", "physicalTherapist", "speechTherapist", "visionTherapist",
    "paraprofessional", "specialServices", "advisor", "proctor", "nurse", "officeStaff",
    "lecturer", "itAdmin", "administrator", "teacher", "faculty", "staff", "teacherAssistant",
    "assistant", "instructor", "substitute", "coach", "alumni", "student", "other",
)  # fmt: skip

_NOT_STAFF = frozenset({"guardian", "parent", "relative", "other", "alumni"})
_EXT_VALUE = re.compile(r"ext:[A-Za-z0-9.\-_]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def enum_value(raw: str, allowed: Mapping[str, str], *, vendor: bool = True) -> str | None:
    """The standard's spelling of ``raw`` (any case), ``raw`` itself when it is a vendor
    value ``ext:...`` and ``vendor`` allows those, else None."""
    found = allowed.get(raw.lower())
    if found is not None:
        return found
    if vendor and _EXT_VALUE.fullmatch(raw):
        return raw
    return None


def allowed_text(allowed: Mapping[str, str], *, vendor: bool = True) -> str:
    return ", ".join(allowed.values()) + (", ext:..." if vendor else "")


def user_kind(role: str) -> UserKind:
    """student -> student; teacher, aide, administrator, ... -> staff; guardian, parent,
    relative, SDS's other and alumni, and vendor roles -> other."""
    lowered = role.lower()
    if lowered == "student":
        return UserKind.STUDENT
    if not lowered or lowered.startswith("ext:") or lowered in _NOT_STAFF:
        return UserKind.OTHER
    return UserKind.STAFF


def parse_date(raw: str, *, us: bool = False) -> date | None:
    """``YYYY-MM-DD`` (a date-time is accepted and cut to its date); with ``us`` also the
    American ``M/D/YYYY`` of School Data Sync classic. None when it is no such date."""
    try:
        if _ISO_DATE.fullmatch(raw):
            return date.fromisoformat(raw)
        if len(raw) > 10 and raw[10] in "T " and _ISO_DATE.fullmatch(raw[:10]):
            return datetime.fromisoformat(raw).date()
        match = _US_DATE.fullmatch(raw) if us else None
        if match:
            month, day, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def is_datetime(raw: str) -> bool:
    """An ISO 8601 date or date-time (``2024-08-01``, ``2024-08-01T12:00:00.000Z``,
    ``2024-08-01 12:00:00``), as ``dateLastModified`` holds."""
    if not raw[:4].isdigit():
        return False
    try:
        datetime.fromisoformat(raw)
    except ValueError:
        return False
    return True


def parse_bool(raw: str) -> bool | None:
    lowered = raw.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return None


def split_ids(raw: str) -> tuple[str, ...]:
    """A list cell (``org1,org2``) as its ids, blanks left out."""
    if "," not in raw:
        return (raw,) if raw else ()
    return tuple(part for part in (piece.strip() for piece in raw.split(",")) if part)


def school_year(start: date | None, end: date | None) -> str:
    """The school year (1 August to 31 July) that holds the middle of the period, e.g.
    ``2021-2022``; empty without dates."""
    middle = start or end
    if middle is None:
        return ""
    if start and end:
        middle = start + timedelta(days=max((end - start).days, 0) // 2)
    first = middle.year if middle.month >= 8 else middle.year - 1
    return f"{first}-{first + 1}"


_YEAR = re.compile(r"^(?:([0-9]{4})\s*[-/]\s*)?([0-9]{4})$")


def school_year_ending(text: str) -> str | None:
    """OneRoster's ``schoolYear`` (the calendar year the school year ends in, ``2027``;
    some systems write ``2026-2027``) as koppel's school year (``2026-2027``); None when
    it is no year."""
    match = _YEAR.match(text.strip())
    if match is None or not 1901 <= int(match[2]) <= 2999:
        return None
    end = int(match[2])
    if match[1] is not None and int(match[1]) != end - 1:
        return None
    return f"{end - 1}-{end}"


def unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
