"""``koppel oneroster export DIR``: the portal as a OneRoster 1.1 bulk CSV set.

The portal is read in one transaction (a handful of set-based queries) and mapped by
:mod:`koppel.domain.sis.export_rows`. The files are written as the CSV binding asks:
UTF-8 without BOM, comma-separated, a header row, line breaks inside a value replaced by
a space (the binding allows none). Text that a spreadsheet would run as a formula gets a
leading apostrophe, as in every file koppel writes.

The set appears whole or not at all: it is written into a temporary folder inside
``DIR`` and then moved into place, ``manifest.csv`` last. A non-empty ``DIR`` is refused
unless ``overwrite``; then OneRoster files of an earlier export that this set does not
have are removed (any other file is left alone). With ``as_zip`` the set is one zip file.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from koppel.domain.errors import InvalidValue
from koppel.domain.sis.export_format import ALL_FILES, MANIFEST, TEXT_COLUMNS, ExportFile, manifest
from koppel.domain.sis.export_rows import export_files
from koppel.files.neutralise import neutralise
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

LINE_BREAKS = str.maketrans({"\r": " ", "\n": " "})


@dataclass(frozen=True)
class SisExportResult:
    target: Path
    files: dict[str, int]
    """File name -> data rows (the header not counted), in the order written."""
    absent: tuple[str, ...]
    """Data files the set does not have (no rows): ``absent`` in the manifest."""
    zipped: bool

    def as_json(self) -> dict[str, object]:
        return {"directory": str(self.target), "files": dict(self.files), "zip": self.zipped}


def export_sis(
    uow: SqlAlchemyUnitOfWork, target: Path, *, overwrite: bool = False, as_zip: bool = False
) -> SisExportResult:
    """Write the portal's students, staff, groups, enrollments and school years to
    ``target`` (a folder, or with ``as_zip`` a zip file). Nothing in the database changes."""
    _check_target(target, overwrite=overwrite, as_zip=as_zip)
    with uow.unlocked():
        portal = uow.sis_export.read()
    tables = export_files(portal)
    every = [*tables, manifest(tables)]  # the manifest last: it names the rest
    if as_zip:
        _write_zip(target, every)
    else:
        _write_directory(target, every)
    written = {table.name for table in every}
    return SisExportResult(
        target=target,
        files={table.name: len(table.rows) for table in sorted(every, key=_manifest_first)},
        absent=tuple(name for name in ALL_FILES if name not in written),
        zipped=as_zip,
    )


def _manifest_first(table: ExportFile) -> bool:
    return table.name != MANIFEST


def _check_target(target: Path, *, overwrite: bool, as_zip: bool) -> None:
    if as_zip:
        if target.is_dir():
            raise InvalidValue("roster_export.zip_is_directory", path=str(target))
        if target.exists() and not overwrite:
            raise InvalidValue("roster_export.zip_exists", path=str(target))
        if not target.parent.is_dir():
            raise InvalidValue("roster_export.no_parent", path=str(target.parent))
        return
    if target.exists() and not target.is_dir():
        raise InvalidValue("roster_export.not_a_directory", path=str(target))
    if target.is_dir() and not overwrite:
        found = sum(1 for _ in target.iterdir())
        if found:
            raise InvalidValue("roster_export.not_empty", path=str(target), count=found)


def _cell(value: str) -> str:
    return neutralise(value.translate(LINE_BREAKS))


def write_table(out: IO[str], table: ExportFile) -> None:
    """One file of the set: RFC 4180 (CRLF between records, quotes where needed); the
    text columns guarded against formulas and line breaks."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    text = TEXT_COLUMNS.get(table.name, frozenset())
    guarded = [index for index, header in enumerate(table.headers) if header in text]
    if not guarded:
        writer.writerows(table.rows)
        return
    for row in table.rows:
        cells = list(row)
        for index in guarded:
            cells[index] = _cell(cells[index])
        writer.writerow(cells)


def _write_directory(target: Path, tables: Sequence[ExportFile]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target, prefix=".oneroster-"))
    try:
        for table in tables:
            path = staging / table.name
            with path.open("w", encoding="utf-8", newline="") as out:
                write_table(out, table)
                out.flush()
                os.fsync(out.fileno())
        _remove_stale(target, {table.name for table in tables})
        for table in tables:
            (staging / table.name).replace(target / table.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _remove_stale(target: Path, written: Iterable[str]) -> None:
    """OneRoster files of an earlier export that this set does not have: a reader would
    otherwise take them for part of the set."""
    keep = set(written)
    for name in ALL_FILES:
        if name not in keep:
            (target / name).unlink(missing_ok=True)


def _write_zip(target: Path, tables: Sequence[ExportFile]) -> None:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        now = time.localtime()[:6]
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in tables:
                entry = zipfile.ZipInfo(table.name, date_time=now)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with (
                    archive.open(entry, "w") as raw,
                    io.TextIOWrapper(raw, encoding="utf-8", newline="") as out,
                ):
                    write_table(out, table)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
