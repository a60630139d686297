"""Grenzen: what koppel refuses before it parses a file (too large, a zip bomb, an
encrypted or corrupt workbook, an XML entity attack)."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from koppel.files.problems import ImportFileError

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
"""Compound File Binary: old .xls, and every password-protected Excel file."""
ZIP_MAGIC = b"PK\x03\x04"
XML_SCAN_BYTES = 64 * 1024


@dataclass(frozen=True)
class ImportLimits:
    max_file_bytes: int = 50_000_000
    max_xlsx_uncompressed_bytes: int = 300_000_000
    max_xlsx_entries: int = 10_000
    max_compression_ratio: float = 200.0
    max_rows: int = 1_100_000


DEFAULT_LIMITS = ImportLimits()


def check_file_size(path: Path, limits: ImportLimits, file_label: str) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportFileError("file.missing", file=file_label) from None
    if size > limits.max_file_bytes:
        raise ImportFileError(
            "file.too_large",
            file=file_label,
            size=size // 1_000_000,
            limit=limits.max_file_bytes // 1_000_000,
        )


def sniff_kind(path: Path) -> str:
    """'xlsx' for a zip, 'cfb' for an OLE2 file, 'text' otherwise (by content, not name)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head == CFB_MAGIC:
        return "cfb"
    return "text"


def check_xlsx_container(path: Path, limits: ImportLimits, file_label: str) -> None:
    """Inspect the zip's central directory (nothing is decompressed) and the first bytes of
    its XML parts; refuse bombs, oversized workbooks and DTDs (XXE)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > limits.max_xlsx_entries:
                raise ImportFileError(
                    "xlsx.too_many_entries",
                    file=file_label,
                    count=len(entries),
                    limit=limits.max_xlsx_entries,
                )
            total = sum(e.file_size for e in entries)
            packed = sum(e.compress_size for e in entries)
            ratio = total / max(packed, 1)
            worst = max(
                (e.file_size / max(e.compress_size, 1) for e in entries if e.file_size > 1_000_000),
                default=0.0,
            )
            if (
                total > limits.max_xlsx_uncompressed_bytes
                or max(ratio, worst) > limits.max_compression_ratio
            ):
                raise ImportFileError(
                    "xlsx.bomb",
                    file=file_label,
                    size=total // 1_000_000,
                    limit=limits.max_xlsx_uncompressed_bytes // 1_000_000,
                )
            names = {e.filename for e in entries}
            if "[Content_Types].xml" not in names:
                raise ImportFileError("xlsx.corrupt", file=file_label)
            if any(e.flag_bits & 0x1 for e in entries):
                raise ImportFileError("xlsx.encrypted", file=file_label)
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    with archive.open(entry) as part:
                        head = part.read(XML_SCAN_BYTES).upper()
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise ImportFileError("xlsx.dtd", file=file_label, part=entry.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error
