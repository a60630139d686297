"""Bron: the CSV files of an SIS set, from a folder or a zip file, read into memory.

A zip is judged by its central directory before anything is unpacked: the number of
members, their total unpacked size and their compression ratio (a zip bomb), encrypted
members, and names that climb out of the folder (``../``, absolute paths) are refused.
Only ``*.csv`` files are read, from the top of the folder or zip, or from the one folder
in the zip that holds them all. File names are matched ignoring case.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from koppel.files.csv_reader import detect_encoding
from koppel.files.limits import LARGE_ENTRY_BYTES, ImportLimits, check_file_size
from koppel.files.problems import ImportFileError

_MB = 1_000_000
_IGNORED_PARTS = ("__MACOSX",)


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str
    """The file's name as the set spells it (``users.csv``, ``Student.csv``)."""
    data: bytes = b""

    def __repr__(self) -> str:  # never the bytes: they may hold passwords
        return f"SourceFile({self.name!r}, {len(self.data)} bytes)"

    def text(self) -> str:
        """The file decoded: UTF-8 with or without BOM, UTF-16, else Windows-1252 and kin."""
        if not self.data:
            return ""
        return self.data.decode(detect_encoding(self.data, self.name))


@dataclass(frozen=True)
class SisSource:
    label: str
    """The folder or zip as the user named it."""
    files: Mapping[str, SourceFile]
    """By lower-case name."""

    def get(self, name: str) -> SourceFile | None:
        return self.files.get(name.lower())

    def has(self, *names: str) -> bool:
        return all(name.lower() in self.files for name in names)

    def names(self) -> list[str]:
        return sorted(file.name for file in self.files.values())

    def fingerprint(self) -> str:
        """SHA-256 over the files sorted by name: each name, its length and its bytes."""
        digest = hashlib.sha256()
        for file in sorted(self.files.values(), key=lambda f: f.name):
            name = file.name.encode("utf-8")
            digest.update(len(name).to_bytes(4, "big") + name)
            digest.update(len(file.data).to_bytes(8, "big") + file.data)
        return digest.hexdigest()


def open_source(path: Path, limits: ImportLimits) -> SisSource:
    """The set's CSV files; :class:`ImportFileError` when it cannot be read safely."""
    label = str(path)
    if path.is_dir():
        return SisSource(label, _collect(label, _folder_files(path, limits)))
    if not path.exists():
        raise ImportFileError("roster.not_found", file=label)
    check_file_size(path, limits, label)
    if not zipfile.is_zipfile(path):
        raise ImportFileError("roster.not_a_set", file=label)
    return SisSource(label, _collect(label, _zip_files(path, label, limits)))


def _collect(label: str, files: Iterable[SourceFile]) -> dict[str, SourceFile]:
    found: dict[str, SourceFile] = {}
    for file in files:
        key = file.name.lower()
        if key in found:
            raise ImportFileError(
                "roster.duplicate_file", file=label, first=found[key].name, second=file.name
            )
        found[key] = file
    return found


def _folder_files(folder: Path, limits: ImportLimits) -> list[SourceFile]:
    paths = sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() == ".csv" and p.is_file() and not p.is_symlink()
    )
    _check_count(str(folder), len(paths), limits)
    total = 0
    files = []
    for path in paths:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ImportFileError(
                "file.too_large",
                file=path.name,
                size=size // _MB,
                limit=limits.max_file_bytes // _MB,
            )
        total += size
        _check_total(str(folder), total, limits)
        try:
            files.append(SourceFile(path.name, path.read_bytes()))
        except OSError:
            raise ImportFileError("file.missing", file=path.name) from None
    return files


def _check_count(label: str, count: int, limits: ImportLimits) -> None:
    if count > limits.max_xlsx_entries:
        raise ImportFileError(
            "roster.too_many_files", file=label, count=count, limit=limits.max_xlsx_entries
        )


def _check_total(label: str, total: int, limits: ImportLimits) -> None:
    if total > limits.max_xlsx_uncompressed_bytes:
        raise ImportFileError(
            "roster.too_large",
            file=label,
            size=total // _MB,
            limit=limits.max_xlsx_uncompressed_bytes // _MB,
        )


def _zip_files(path: Path, label: str, limits: ImportLimits) -> list[SourceFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = _check_directory(archive.infolist(), label, limits)
            return [_unpack(archive, info, limits) for info in members]
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        zlib.error,
        NotImplementedError,  # a compression method that zipfile does not know
        RuntimeError,  # an encrypted member that the flag bits did not show
        UnicodeDecodeError,  # a member's name flagged UTF-8 that is not
    ) as error:
        raise ImportFileError("roster.zip_corrupt", file=label) from error


def _check_directory(
    entries: list[zipfile.ZipInfo], label: str, limits: ImportLimits
) -> list[zipfile.ZipInfo]:
    """The CSV members to read, after the whole directory passed the safety checks."""
    _check_count(label, len(entries), limits)
    for entry in entries:
        name = entry.filename.replace("\\", "/")
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
            raise ImportFileError("roster.zip_unsafe_name", file=label, name=entry.filename)
    total = sum(e.file_size for e in entries)
    _check_total(label, total, limits)
    packed = sum(e.compress_size for e in entries)
    overall = total / max(packed, 1) if total > LARGE_ENTRY_BYTES else 0.0
    worst = max(
        (e.file_size / max(e.compress_size, 1) for e in entries if e.file_size > LARGE_ENTRY_BYTES),
        default=0.0,
    )
    if max(overall, worst) > limits.max_compression_ratio:
        raise ImportFileError(
            "roster.too_large",
            file=label,
            size=total // _MB,
            limit=limits.max_xlsx_uncompressed_bytes // _MB,
        )
    csvs = [
        e
        for e in entries
        if not e.is_dir()
        and e.filename.lower().endswith(".csv")
        and not any(
            part in _IGNORED_PARTS or part.startswith(".")
            for part in PurePosixPath(e.filename).parts
        )
    ]
    if any(e.flag_bits & 0x1 for e in csvs):
        raise ImportFileError("roster.zip_encrypted", file=label)
    folders = {str(PurePosixPath(e.filename).parent) for e in csvs}
    if "." in folders:
        return [e for e in csvs if str(PurePosixPath(e.filename).parent) == "."]
    if len(folders) > 1:
        raise ImportFileError("roster.zip_folders", file=label, folders=", ".join(sorted(folders)))
    return csvs


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ImportLimits) -> SourceFile:
    name = PurePosixPath(info.filename).name
    if info.file_size > limits.max_file_bytes:
        raise ImportFileError(
            "file.too_large",
            file=name,
            size=info.file_size // _MB,
            limit=limits.max_file_bytes // _MB,
        )
    with archive.open(info) as member:
        data = member.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise zipfile.BadZipFile(f"{info.filename}: size differs from the directory")
    return SourceFile(name, data)
