"""SIS-sets van een koppeling: OneRoster 1.1/1.2 CSV (with ``manifest.csv``), School
Data Sync v2.1 and School Data Sync classic, from a folder or a zip, read and checked into
one :class:`~koppel.domain.sis.sets.SisSet`.

``read_sis_set(path)`` never raises for bad input: it returns the set (or None) with
every error and warning, each naming file, row and column. A set with any error gives
no set: the caller writes nothing. Password columns are dropped unread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.domain.sis.sets import SisSet
from koppel.files.limits import DEFAULT_LIMITS, ImportLimits
from koppel.files.problems import ImportFileError, Problem
from koppel.files.sis.detect import SetKind, detect
from koppel.files.sis.findings import Findings
from koppel.files.sis.oneroster import read_oneroster
from koppel.files.sis.sds import read_sds
from koppel.files.sis.sds_classic import read_sds_classic
from koppel.files.sis.source import SisSource, open_source

__all__ = ["SisReading", "read_sis_set"]

_READERS: dict[SetKind, Callable[[SisSource, Findings, ImportLimits], SisSet | None]] = {
    SetKind.ONEROSTER: read_oneroster,
    SetKind.SDS_2_1: read_sds,
    SetKind.SDS_CLASSIC: read_sds_classic,
}


@dataclass
class SisReading:
    sis_set: SisSet | None
    """None when the set could not be read or has errors."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.sis_set is not None and not self.errors


def read_sis_set(path: Path, *, limits: ImportLimits = DEFAULT_LIMITS) -> SisReading:
    """Read and check the SIS set in folder or zip ``path``."""
    findings = Findings()
    sis_set: SisSet | None = None
    try:
        with cyclic_gc_paused():  # hundreds of thousands of records, no cycles
            source = open_source(path, limits)
            sis_set = _READERS[detect(source)](source, findings, limits)
    except ImportFileError as error:
        findings.add(error.problem)
    findings.finish()
    if findings.errors:
        sis_set = None
    return SisReading(sis_set, findings.errors, findings.warnings)
