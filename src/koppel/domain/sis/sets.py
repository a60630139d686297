"""A SIS set from an SIS integration (koppeling), read and checked, in one shape
whatever its format: OneRoster 1.1 or 1.2 CSV (bulk or delta, with ``manifest.csv``),
Microsoft School Data Sync v2.1, or School Data Sync classic (v1). The readers in
:mod:`koppel.files.sis` produce it; the mapping onto koppel's school works from it.

Every record keeps its origin (file and row) so that any problem found later still
names file, row and column. Identifiers are the set's own ``sourcedId`` values; how they
map onto student numbers, staff codes and group names is kept by the portal
(``sis_ids``), so a later delta set finds the same students again.

koppel's own export writes vendor columns ``ext_koppel_*`` (allowed by the standard,
ignored by other systems) so that a set koppel wrote comes back unchanged; the readers
pass every ``ext_koppel_*`` column of a record in :attr:`ext` (name without the prefix).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

KOPPEL_EXT = "ext_koppel_"
"""Prefix of koppel's own vendor columns."""
VENDOR_PREFIXES = ("ext_", "metadata.")
"""Prefixes of other systems' own columns (OneRoster 1.1 ``ext_*``; ``metadata.*`` in
some vendors' sets): kept for users, one of them may give the student number."""


class SisFormat(StrEnum):
    ONEROSTER_1_1 = "oneroster-1.1"
    ONEROSTER_1_2 = "oneroster-1.2"
    SDS_2_1 = "sds-2.1"
    SDS_CLASSIC = "sds-classic"


class Entity(StrEnum):
    """The kinds of record a set can hold (OneRoster's file names without ``.csv``)."""

    ORGS = "orgs"
    SESSIONS = "academicSessions"
    CLASSES = "classes"
    USERS = "users"
    ENROLLMENTS = "enrollments"
    DEMOGRAPHICS = "demographics"


class FileMode(StrEnum):
    """``manifest.csv``'s ``file.*`` values: a full snapshot, changes only, or no file."""

    BULK = "bulk"
    DELTA = "delta"
    ABSENT = "absent"


class RecordStatus(StrEnum):
    """A record's ``status``: blank in a bulk file means active."""

    ACTIVE = "active"
    TO_BE_DELETED = "tobedeleted"


class UserKind(StrEnum):
    """What a user is to koppel: OneRoster's ``role`` (and SDS's) sorted into three."""

    STUDENT = "student"
    STAFF = "staff"
    """teacher, aide, administrator, proctor (OneRoster); teacher, professor, staff (SDS)."""
    OTHER = "other"
    """guardian, parent, relative, ...: not kept by koppel (counted, never stored)."""


@dataclass(frozen=True, slots=True)
class Origin:
    file: str
    row: int
    """As a spreadsheet shows it: the header is row 1."""


@dataclass(frozen=True, slots=True)
class SisOrg:
    sourced_id: str
    name: str
    type: str
    """school, district, department, local, state, national, college (SDS), ..."""
    identifier: str
    parent_id: str
    status: RecordStatus
    origin: Origin
    ext: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SisSession:
    sourced_id: str
    title: str
    type: str
    """schoolYear, term, semester, gradingPeriod."""
    start: date | None
    end: date | None
    parent_id: str
    school_year: str
    """koppel's name of the school year the session falls in, e.g. ``2021-2022``: from
    its ``schoolYear`` (``2022``), else from its dates (a school year runs from 1 August);
    empty when it has neither."""
    status: RecordStatus
    origin: Origin


@dataclass(frozen=True, slots=True)
class SisClass:
    sourced_id: str
    title: str
    class_code: str
    class_type: str
    """homeroom or scheduled (OneRoster); empty when the format has none."""
    school_id: str
    session_ids: tuple[str, ...]
    status: RecordStatus
    origin: Origin
    ext: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SisUser:
    sourced_id: str
    kind: UserKind
    role: str
    """The role as the file says it, lower case."""
    given_name: str
    family_name: str
    middle_name: str
    identifier: str
    username: str
    email: str
    org_ids: tuple[str, ...]
    enabled: bool
    status: RecordStatus
    origin: Origin
    ext: Mapping[str, str] = field(default_factory=dict)
    """Never holds a password: password columns are dropped by the readers."""
    vendor: Mapping[str, str] = field(default_factory=dict)
    """Other systems' own columns (``ext_*``, ``metadata.*``) by lower-case header."""


@dataclass(frozen=True, slots=True)
class SisEnrollment:
    sourced_id: str
    """Empty in formats without one (SDS): the key is then (class, user, role)."""
    class_id: str
    user_id: str
    role: str
    primary: bool
    status: RecordStatus
    origin: Origin
    ext: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SisDemographic:
    user_id: str
    birth_date: date | None
    sex: str
    """male, female, other, unspecified (lower case), or empty."""
    status: RecordStatus
    origin: Origin


@dataclass(frozen=True)
class SisSet:
    format: SisFormat
    source: str
    """The folder or zip file as the user named it (for messages)."""
    modes: Mapping[Entity, FileMode]
    orgs: tuple[SisOrg, ...] = ()
    sessions: tuple[SisSession, ...] = ()
    classes: tuple[SisClass, ...] = ()
    users: tuple[SisUser, ...] = ()
    enrollments: tuple[SisEnrollment, ...] = ()
    demographics: tuple[SisDemographic, ...] = ()
    fingerprint: str = ""
    """SHA-256 over the set's files (names and bytes): the same set gives the same value."""

    def mode(self, entity: Entity) -> FileMode:
        return self.modes.get(entity, FileMode.ABSENT)
