"""Roostersets van een SIS-koppeling: OneRoster 1.1/1.2 CSV (with ``manifest.csv``), School
Data Sync v2.1 and School Data Sync classic, from a folder or a zip, read and checked into
one :class:`~koppel.domain.roster.RosterSet`.

``read_roster_set(path)`` never raises for bad input: it returns the set (or None) with
every error and warning, each naming file, row and column. A set with any error has no
roster: the caller writes nothing. Password columns are dropped unread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.domain.roster import RosterSet
from koppel.files.limits import DEFAULT_LIMITS, ImportLimits
from koppel.files.problems import ImportFileError, Problem
from koppel.files.roster.detect import SetKind, detect
from koppel.files.roster.findings import Findings
from koppel.files.roster.oneroster import read_oneroster
from koppel.files.roster.sds import read_sds
from koppel.files.roster.sds_classic import read_sds_classic
from koppel.files.roster.source import RosterSource, open_source

__all__ = ["RosterReading", "read_roster_set"]

_READERS: dict[SetKind, Callable[[RosterSource, Findings, ImportLimits], RosterSet | None]] = {
    SetKind.ONEROSTER: read_oneroster,
    SetKind.SDS_2_1: read_sds,
    SetKind.SDS_CLASSIC: read_sds_classic,
}


@dataclass
class RosterReading:
    roster: RosterSet | None
    """None when the set could not be read or has errors."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.roster is not None and not self.errors


def read_roster_set(path: Path, *, limits: ImportLimits = DEFAULT_LIMITS) -> RosterReading:
    """Read and check the roster set in folder or zip ``path``."""
    findings = Findings()
    roster: RosterSet | None = None
    try:
        with cyclic_gc_paused():  # hundreds of thousands of records, no cycles
            source = open_source(path, limits)
            roster = _READERS[detect(source)](source, findings, limits)
    except ImportFileError as error:
        findings.add(error.problem)
    findings.finish()
    if findings.errors:
        roster = None
    return RosterReading(roster, findings.errors, findings.warnings)
