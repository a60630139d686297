"""``manifest.csv`` of a OneRoster set: its version and, per file, bulk, delta or absent.

Every data file that koppel reads must be listed; a listed bulk or delta file must be in
the set; a file listed as absent is not read (with a warning when it is there anyway).
"""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.sis.sets import FileMode, SisFormat
from koppel.files.limits import ImportLimits
from koppel.files.sis.checks import Checks
from koppel.files.sis.csvfile import open_table
from koppel.files.sis.findings import Findings
from koppel.files.sis.source import SisSource

MANIFEST = "manifest.csv"
VERSIONS = {
    "1.0": SisFormat.ONEROSTER_1_1,
    "1.1": SisFormat.ONEROSTER_1_1,
    "1.2": SisFormat.ONEROSTER_1_2,
}
MODES = {mode.value: mode for mode in FileMode}


@dataclass(frozen=True)
class Manifest:
    file: str
    version: SisFormat | None
    modes: dict[str, FileMode]
    """By the lower-case file name without ``.csv`` (``file.academicSessions`` ->
    ``academicsessions``)."""
    invalid: frozenset[str] = frozenset()
    """Files whose mode is not bulk, delta or absent (reported already)."""


def read_manifest(source: SisSource, findings: Findings, limits: ImportLimits) -> Manifest | None:
    file = source.get(MANIFEST)
    if file is None:
        return None
    table = open_table(file, FileMode.BULK, findings, limits, ("propertyName", "value"))
    if table is None:
        return None
    c = Checks(table, findings)
    p_name, p_value = table.at("propertyName"), table.at("value")
    version: SisFormat | None = None
    modes: dict[str, FileMode] = {}
    invalid: set[str] = set()
    for number, v in table.rows:
        name, value = v[p_name], v[p_value]
        lowered = name.lower()
        if lowered == "oneroster.version":
            version = VERSIONS.get(value)
            if version is None:
                c.error(number, p_value, "roster.manifest.version", value=value)
        elif lowered.startswith("file."):
            mode = MODES.get(value.lower())
            if mode is None:
                c.error(number, p_value, "roster.manifest.mode", value=value, property=name)
                invalid.add(lowered[len("file.") :])
            else:
                modes[lowered[len("file.") :]] = mode
    if version is None and not any(
        p.message_code == "roster.manifest.version" for p in findings.errors
    ):
        findings.error(file.name, None, "oneroster.version", "roster.manifest.no_version")
    return Manifest(file.name, version, modes, frozenset(invalid))


def file_mode(manifest: Manifest, source: SisSource, name: str, findings: Findings) -> FileMode:
    """How to read data file ``name`` (``users.csv``): the manifest's word, checked
    against what the set holds."""
    stem = name.removesuffix(".csv")
    listed = manifest.modes.get(stem.lower())
    present = source.get(name)
    prop = f"file.{stem}"
    if listed is None:
        if present is not None and stem.lower() not in manifest.invalid:
            findings.error(
                manifest.file,
                None,
                None,
                "roster.manifest.not_listed",
                file=present.name,
                property=prop,
            )
        return FileMode.ABSENT
    if listed is not FileMode.ABSENT and present is None:
        findings.error(
            manifest.file,
            None,
            None,
            "roster.manifest.file_missing",
            file=name,
            mode=listed.value,
            property=prop,
        )
        return FileMode.ABSENT
    if listed is FileMode.ABSENT and present is not None:
        findings.warning(
            present.name, None, None, "roster.manifest.ignored", file=present.name, property=prop
        )
    return listed
