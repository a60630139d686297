"""Grenzen: what koppel refuses before it parses a file (missing, empty, too large, a zip
bomb, an encrypted or corrupt workbook, an XML entity attack, a sheet whose cells span
too large an area).

Everything here looks at sizes and at the zip's central directory; the only bytes that
are unpacked are the first 64 KiB of each XML part, to find a DTD in its prolog, and
every part once more as a stream, for its cell references (:mod:`koppel.files.xlsx_area`).
The declared sizes can be trusted as far as calamine is concerned: its zip reader stops
with an error when an entry unpacks to more than its declared size.
"""

from __future__ import annotations

import codecs
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from koppel.files.problems import ImportFileError
from koppel.files.xlsx_area import largest_area

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
"""Compound File Binary: old .xls, and every password-protected Excel file."""
ZIP_MAGIC = b"PK\x03\x04"
XML_SCAN_BYTES = 64 * 1024
LARGE_ENTRY_BYTES = 1_000_000
"""Below this unpacked size the compression ratio does not matter (a small part of zeros
compresses well and is harmless)."""
_MB = 1_000_000


@dataclass(frozen=True)
class ImportLimits:
    """Grenzen van een importbestand; tests and the portal may pass smaller ones."""

    max_file_bytes: int = 50 * _MB
    max_xlsx_uncompressed_bytes: int = 300 * _MB
    max_xlsx_entries: int = 10_000
    max_compression_ratio: float = 200.0
    """Unpacked / packed size, per large entry and for the workbook as a whole."""
    max_cells: int = 20_000_000
    """Cells in a sheet's area from A1 to its last cell, empty ones too: each becomes a
    Python object (some 40 bytes), so one value in XFD30000 of a 2 KB file would take
    20 GB. A million rows of 14 columns fit."""
    max_rows: int = 1_100_000
    """Data rows (after the header; empty rows not counted). A sheet that physically has
    more rows than this plus the header search rows is refused before it is converted."""


DEFAULT_LIMITS = ImportLimits()


class Container(StrEnum):
    """What a file is by its first bytes, whatever its name says."""

    ZIP = "zip"
    CFB = "cfb"
    TEXT = "text"


def check_file_size(path: Path, limits: ImportLimits, file_label: str) -> None:
    """Refuse a missing or unreadable, empty or too large file."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportFileError("file.missing", file=file_label) from None
    if not path.is_file():
        raise ImportFileError("file.missing", file=file_label)
    if size == 0:
        raise ImportFileError("file.empty", file=file_label)
    if size > limits.max_file_bytes:
        raise ImportFileError(
            "file.too_large",
            file=file_label,
            size=size // _MB,
            limit=limits.max_file_bytes // _MB,
        )


def sniff_container(path: Path, file_label: str) -> Container:
    """The kind of file by its content (a CSV saved as ``.xlsx`` is text)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise ImportFileError("file.missing", file=file_label) from None
    if head.startswith(ZIP_MAGIC):
        return Container.ZIP
    if head == CFB_MAGIC:
        return Container.CFB
    return Container.TEXT


def check_xlsx_container(path: Path, limits: ImportLimits, file_label: str) -> None:
    """Inspect the zip's central directory (nothing is decompressed) and the prologs of
    its XML parts; refuse bombs, oversized or encrypted workbooks, a part stored twice
    (which copy a reader takes differs) and DTDs (XXE)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_directory(entries, limits, file_label)
            for entry in entries:
                if entry.filename.lower().endswith((".xml", ".rels")):
                    with archive.open(entry) as part:
                        head = part.read(XML_SCAN_BYTES)
                    complete = entry.file_size <= len(head)
                    _check_prolog(head, entry.filename, complete=complete, file_label=file_label)
            area = largest_area(archive, limits.max_cells)
            if area is not None:
                rows, columns = area
                raise ImportFileError(
                    "xlsx.too_many_cells",
                    file=file_label,
                    rows=rows,
                    columns=columns,
                    limit=limits.max_cells,
                )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        zlib.error,
        NotImplementedError,  # a compression method that Excel never uses
        UnicodeDecodeError,  # a member's name flagged UTF-8 that is not
    ) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error


def _check_directory(entries: list[zipfile.ZipInfo], limits: ImportLimits, file_label: str) -> None:
    if len(entries) > limits.max_xlsx_entries:
        raise ImportFileError(
            "xlsx.too_many_entries",
            file=file_label,
            count=len(entries),
            limit=limits.max_xlsx_entries,
        )
    total = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    overall = total / max(packed, 1) if total > LARGE_ENTRY_BYTES else 0.0
    worst = max(
        (e.file_size / max(e.compress_size, 1) for e in entries if e.file_size > LARGE_ENTRY_BYTES),
        default=0.0,
    )
    if (
        total > limits.max_xlsx_uncompressed_bytes
        or max(overall, worst) > limits.max_compression_ratio
    ):
        raise ImportFileError(
            "xlsx.bomb",
            file=file_label,
            size=total // _MB,
            limit=limits.max_xlsx_uncompressed_bytes // _MB,
        )
    if any(e.flag_bits & 0x1 for e in entries):
        raise ImportFileError("xlsx.encrypted", file=file_label)
    names = {e.filename.lower() for e in entries}  # part names ignore case (OPC)
    if "[content_types].xml" not in names or len(names) != len(entries):
        raise ImportFileError("xlsx.corrupt", file=file_label)  # no parts list, or a part twice


def _xml_text(head: bytes) -> str:
    """The start of an XML part as text, whether it is UTF-8 or UTF-16."""
    if head.startswith((codecs.BOM_UTF16_LE, b"<\x00")):
        return head.decode("utf-16-le", errors="replace").lstrip("\ufeff")
    if head.startswith((codecs.BOM_UTF16_BE, b"\x00<")):
        return head.decode("utf-16-be", errors="replace").lstrip("\ufeff")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _check_prolog(head: bytes, part: str, *, complete: bool, file_label: str) -> None:
    """Refuse a DTD (``<!DOCTYPE``, ``<!ENTITY``) in the prolog of an XML part.

    A DTD can only stand before the root element, so the scan ends at the root's start
    tag. A prolog longer than the scanned bytes is refused too: Excel writes one line."""
    text = _xml_text(head)
    if "<!ENTITY" in text.upper():
        raise ImportFileError("xlsx.dtd", file=file_label, part=part)
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            if complete:
                return  # an empty part: calamine judges it
            raise ImportFileError("xlsx.xml_prolog", file=file_label, part=part)
        rest = text[start + 1 : start + 4]
        if rest.startswith("?"):
            end = text.find("?>", start)
        elif rest.startswith("!--"):
            end = text.find("-->", start)
        elif rest.startswith("!"):
            raise ImportFileError("xlsx.dtd", file=file_label, part=part)
        else:
            return  # the root element (or no XML at all, which calamine refuses)
        if end < 0:
            if complete:
                return
            raise ImportFileError("xlsx.xml_prolog", file=file_label, part=part)
        position = end + 2
