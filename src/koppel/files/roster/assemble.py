"""The records of a set put together as one :class:`RosterSet`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from koppel.domain.roster import (
    Entity,
    FileMode,
    RosterClass,
    RosterDemographic,
    RosterEnrollment,
    RosterFormat,
    RosterOrg,
    RosterSession,
    RosterSet,
    RosterUser,
)
from koppel.files.roster.references import inherit_school_years
from koppel.files.roster.source import RosterSource


@dataclass
class Parts:
    orgs: list[RosterOrg] = field(default_factory=list)
    sessions: list[RosterSession] = field(default_factory=list)
    classes: list[RosterClass] = field(default_factory=list)
    users: list[RosterUser] = field(default_factory=list)
    enrollments: list[RosterEnrollment] = field(default_factory=list)
    demographics: list[RosterDemographic] = field(default_factory=list)


def assemble(
    roster_format: RosterFormat,
    source: RosterSource,
    modes: Mapping[Entity, FileMode],
    parts: Parts,
) -> RosterSet:
    return RosterSet(
        format=roster_format,
        source=source.label,
        modes=dict(modes),
        orgs=tuple(parts.orgs),
        sessions=inherit_school_years(parts.sessions),
        classes=tuple(parts.classes),
        users=tuple(parts.users),
        enrollments=tuple(parts.enrollments),
        demographics=tuple(parts.demographics),
        fingerprint=source.fingerprint(),
    )
