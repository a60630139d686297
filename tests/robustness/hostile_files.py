"""Valid files to mutate: a students, staff and teacher-groups file that fit the small
school of :mod:`tests.integration.fixtures`, as csv or xlsx, and a small OneRoster set as a
folder or a zip; and the structural mutations of a set (a folder where a file should be,
a duplicate or climbing zip entry, a name that is not UTF-8)."""

from __future__ import annotations

import io
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from koppel.files.columns import ImportKind
from koppel.files.templates import TEMPLATE_HEADERS
from tests.files import nasty
from tests.integration.sis_sets import school_set
from tests.robustness import hostile_xlsx

Grid = list[list[str]]

GRIDS: dict[ImportKind, Grid] = {
    ImportKind.STUDENTS: [list(nasty.HEADERS), *nasty.ROWS],
    ImportKind.STAFF: [
        list(TEMPLATE_HEADERS[ImportKind.STAFF]),
        ["NIEU", "Nina", "", "Nieuwe", "nieu@example.org", "docent", "4V1"],
        ["JANS", "Pieter", "", "Jansen", "jans@example.org", "docent, mentor", "4H1"],
    ],
    ImportKind.TEACHER_GROUPS: [
        list(TEMPLATE_HEADERS[ImportKind.TEACHER_GROUPS]),
        ["BERG", "", "4H1", "mentor"],
        ["", "jans@example.org", "4V.netl1", "docent"],
    ],
}
"""Per kind, a header and rows that import cleanly into the small school."""

FORMATS = ("csv", "xlsx", "xlsx-shared")


def grid_of(kind: ImportKind) -> Grid:
    """A fresh copy of the kind's valid grid, for a test to change."""
    return [list(row) for row in GRIDS[kind]]


def file_bytes(grid: Sequence[Sequence[str]], fmt: str) -> bytes:
    """The grid as a file: ``csv`` (UTF-8, ``;``), ``xlsx`` (inline strings) or
    ``xlsx-shared`` (shared strings)."""
    if fmt == "csv":
        rows = [list(row) for row in grid]
        return nasty._csv_text(rows[0], list(rows[1:])).encode("utf-8")
    return hostile_xlsx.workbook_bytes(grid, shared=fmt == "xlsx-shared")


def write_file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


# --- SIS sets ---------------------------------------------------------------------------

SIS_STUDENTS = 6


def sis_files(students: int = SIS_STUDENTS) -> dict[str, bytes]:
    """A valid OneRoster 1.1 bulk set (manifest and five files) by file name."""
    with tempfile.TemporaryDirectory(prefix="koppel-roster-") as scratch:
        folder = school_set(students).write(Path(scratch))
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def write_zip(path: Path, entries: Sequence[tuple[str, bytes]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hostile_xlsx.zip_bytes(list(entries)))
    return path


def raw_name_zip(entries: Sequence[tuple[bytes, bytes]], *, utf8_flag: bool) -> bytes:
    """A stored (uncompressed) zip whose names are given as bytes, with or without the
    flag that says they are UTF-8: what a broken or hostile tool writes."""
    flags = 0x800 if utf8_flag else 0
    files = bytearray()
    directory = bytearray()
    for name, data in entries:
        crc = zlib.crc32(data)
        common = (20, flags, 0, 0, 0x21, crc, len(data), len(data), len(name), 0)
        directory += struct.pack("<IH5H3I2H", 0x02014B50, 20, *common)
        directory += struct.pack("<3HII", 0, 0, 0, 0, len(files)) + name
        files += struct.pack("<I5H3I2H", 0x04034B50, *common) + name + data
    count = len(entries)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(files), 0)
    return bytes(files + directory + end)


def zip_entries(files: dict[str, bytes], prefix: str = "") -> list[tuple[str, bytes]]:
    return [(prefix + name, data) for name, data in files.items()]


def is_zip(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))
