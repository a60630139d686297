"""The connector's domains: their keys, fields and which way each may move."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from koppel.domain.imports.students import PERSONAL_FIELDS as STUDENT_PERSONAL_FIELDS

Value = str | int | bool | tuple[str, ...] | None
"""A field's value; lists are sorted tuples so that equal sets compare equal."""
Key = tuple[str, str | None]
"""(student number, department code or None for domains kept per student)."""
Fields = tuple[Value, ...]
"""A row's values in the order of its domain's ``FIELDS``."""
State = Mapping[Key, Fields]
"""One side of one domain: every row it holds."""


class SyncDomain(StrEnum):
    STUDENTS = "students"
    PERSONAL_DATA = "personal_data"
    DEPARTMENT_PARTICIPATION = "department_participation"
    LWOO = "lwoo"
    PROGNOSES = "prognoses"
    PACKAGE_CHOICES = "package_choices"
    HOME_CLASSES = "home_classes"
    CLUSTER_GROUPS = "cluster_groups"


class Direction(StrEnum):
    DOWNLOAD = "download"
    """portal -> project"""
    UPLOAD = "upload"
    """project -> portal"""
    BOTH = "both"


class Lead(StrEnum):
    PORTAL = "portal"
    PROJECT = "project"


PERSONAL_FIELDS = (*STUDENT_PERSONAL_FIELDS, "previous_home_class")
"""The seed's "persoonsgegevens": the portal always leads them."""

FIELDS: Mapping[SyncDomain, tuple[str, ...]] = {
    SyncDomain.STUDENTS: ("present",),
    SyncDomain.PERSONAL_DATA: PERSONAL_FIELDS,
    SyncDomain.DEPARTMENT_PARTICIPATION: ("percentage",),
    SyncDomain.LWOO: ("lwoo",),
    SyncDomain.PROGNOSES: ("round", "comment", "shares"),
    SyncDomain.PACKAGE_CHOICES: ("profile", "subjects", "exemptions"),
    SyncDomain.HOME_CLASSES: ("home_class",),
    SyncDomain.CLUSTER_GROUPS: ("groups",),
}

DOMAIN_DIRECTION: Mapping[SyncDomain, Direction] = {
    SyncDomain.STUDENTS: Direction.BOTH,
    SyncDomain.PERSONAL_DATA: Direction.DOWNLOAD,
    SyncDomain.DEPARTMENT_PARTICIPATION: Direction.DOWNLOAD,
    SyncDomain.LWOO: Direction.DOWNLOAD,
    SyncDomain.PROGNOSES: Direction.DOWNLOAD,
    SyncDomain.PACKAGE_CHOICES: Direction.DOWNLOAD,
    SyncDomain.HOME_CLASSES: Direction.BOTH,
    SyncDomain.CLUSTER_GROUPS: Direction.UPLOAD,
}
"""The seed's rules: personal data and planning data come down; cluster groups go up;
home classes go the way each department's lead says; students go both ways."""

PER_DEPARTMENT = frozenset(
    {
        SyncDomain.DEPARTMENT_PARTICIPATION,
        SyncDomain.PACKAGE_CHOICES,
        SyncDomain.HOME_CLASSES,
    }
)
"""Domains whose rows are per student and department."""

PRESENT: Fields = (True,)
"""The one row value of the students domain."""
