"""Reading a set's files in turn, and their records put together as one :class:`SisSet`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from koppel.domain.sis.sets import (
    Entity,
    FileMode,
    SisClass,
    SisDemographic,
    SisEnrollment,
    SisFormat,
    SisOrg,
    SisSession,
    SisSet,
    SisUser,
)
from koppel.files.limits import ImportLimits
from koppel.files.sis.csvfile import CsvTable, open_table
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target, inherit_school_years
from koppel.files.sis.source import SisSource

Required = Sequence[str | tuple[str, ...]]


@dataclass
class Parts:
    orgs: list[SisOrg] = field(default_factory=list)
    sessions: list[SisSession] = field(default_factory=list)
    classes: list[SisClass] = field(default_factory=list)
    users: list[SisUser] = field(default_factory=list)
    enrollments: list[SisEnrollment] = field(default_factory=list)
    demographics: list[SisDemographic] = field(default_factory=list)


def assemble(
    sis_format: SisFormat,
    source: SisSource,
    modes: Mapping[Entity, FileMode],
    parts: Parts,
) -> SisSet:
    return SisSet(
        format=sis_format,
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


class SetFiles:
    """The data files of one set: how each is to be read (bulk, delta, absent) and which
    were read, so that references are checked only against a complete file that was
    read (a file refused for a missing column gives no second error for every reference
    to it)."""

    def __init__(
        self,
        source: SisSource,
        findings: Findings,
        limits: ImportLimits,
        names: Mapping[Entity, str],
        modes: Mapping[Entity, FileMode],
    ) -> None:
        self.source, self.findings, self.limits = source, findings, limits
        self.names, self.modes = names, modes
        self._read: set[Entity] = set()

    def name(self, name: str) -> str:
        """The file's name as the set spells it (``Users.CSV``), else as expected."""
        file = self.source.get(name)
        return file.name if file is not None else name

    def open(self, name: str, mode: FileMode, required: Required) -> CsvTable | None:
        file = self.source.get(name)
        if mode is FileMode.ABSENT or file is None:
            return None
        return open_table(file, mode, self.findings, self.limits, required)

    def table(self, entity: Entity, required: Required) -> CsvTable | None:
        found = self.open(self.names[entity], self.modes[entity], required)
        if found is not None:
            self._read.add(entity)
        return found

    def bulk(self, entity: Entity) -> bool:
        return self.modes[entity] is FileMode.BULK

    def target(
        self, entity: Entity, ids: set[str], code: str, *, warn: bool = False
    ) -> Target | None:
        """What references to ``entity`` are checked against: None when its file is not
        complete (delta or absent) or could not be read."""
        if not self.bulk(entity) or entity not in self._read:
            return None
        return Target(self.name(self.names[entity]), ids, code, warn)
