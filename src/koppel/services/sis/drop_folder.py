"""The drop folder of the SIS integration: where the school's administration system (or
a script) puts SIS sets for the automatic run to take up.

Layout (docs/integration.md, *Automatic runs*): every subfolder holding ``.csv`` files
and every ``.zip`` file in the drop folder is one set; the newest (by the newest file in
it) is the one a run takes, older ones are passed over. A drop folder without either
but with ``.csv`` files of its own is itself the set (an SIS that overwrites one folder).
Names starting with ``.`` or ending in ``.tmp`` or ``.part`` are never a set, and a set
changed less than ``settle`` seconds ago is left for the next run: it may still be being
written.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from koppel.domain.errors import InvalidValue
from koppel.files.limits import DEFAULT_LIMITS
from koppel.files.problems import ImportFileError
from koppel.files.sis.source import open_source

SETTLE_SECONDS = 60.0
"""How long a set must be left alone before a run takes it."""
_SKIPPED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FoundSet:
    path: Path
    """A folder of ``.csv`` files or a ``.zip`` file."""
    changed_at: float
    """The newest modification time of its files (seconds since the epoch)."""

    @property
    def is_zip(self) -> bool:
        return self.path.is_file()

    @property
    def label(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class DropFolderScan:
    newest: FoundSet | None
    """The set a run takes, if any is ready."""
    settling: int = 0
    """Sets changed too recently to be taken now (they are taken by a later run)."""


def _is_candidate(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and not name.endswith(_SKIPPED_SUFFIXES)


def csv_files(folder: Path) -> list[Path]:
    """The ``.csv`` files directly in ``folder``, by name."""
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv"),
        key=lambda p: p.name,
    )


def _changed_at(path: Path) -> float:
    if path.is_file():
        return path.stat().st_mtime
    files = csv_files(path)
    return max((p.stat().st_mtime for p in files), default=path.stat().st_mtime)


def _sets_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for entry in folder.iterdir():
        if not _is_candidate(entry):
            continue
        is_zip = entry.is_file() and entry.suffix.lower() == ".zip"
        if is_zip or (entry.is_dir() and csv_files(entry)):
            found.append(entry)
    return found


def scan_drop_folder(
    folder: Path, *, settle: float = SETTLE_SECONDS, now: float | None = None
) -> DropFolderScan:
    """The newest set in ``folder`` that has settled; a folder that does not exist is
    refused (:class:`InvalidValue`, exit code 2)."""
    if not folder.is_dir():
        raise InvalidValue("integration.no_drop_folder", folder=str(folder))
    candidates = _sets_in(folder) or ([folder] if csv_files(folder) else [])
    moment = time.time() if now is None else now
    ready: list[FoundSet] = []
    settling = 0
    for path in candidates:
        changed = _changed_at(path)
        if settle > 0 and moment - changed < settle:
            settling += 1
        else:
            ready.append(FoundSet(path, changed))
    newest = max(ready, key=lambda s: (s.changed_at, s.path.name), default=None)
    return DropFolderScan(newest, settling)


def _entry(name: str, handle: IO[bytes]) -> bytes:
    """What one file adds to a fingerprint: its name, its size and its own SHA-256."""
    inner = hashlib.sha256()
    size = 0
    while chunk := handle.read(_CHUNK):
        size += len(chunk)
        inner.update(chunk)
    return PurePosixPath(name).name.encode("utf-8") + f"\0{size}\0".encode() + inner.digest()


def fingerprint_of(found: Path) -> str:
    """The set's fingerprint as the SIS import reports it
    (:meth:`koppel.files.sis.source.SisSource.fingerprint`: SHA-256 over its ``.csv``
    files by name, the same in a folder or a zip). A set that cannot be opened as one (no
    zip after all, an unsafe or too large zip) gets a fingerprint of its bytes, so that
    the same broken delivery is recognised as well."""
    try:
        return open_source(found, DEFAULT_LIMITS).fingerprint()
    except ImportFileError:
        return _fingerprint_of_bytes(found)


def _fingerprint_of_bytes(found: Path) -> str:
    digest = hashlib.sha256()
    paths = csv_files(found) if found.is_dir() else [found]
    for path in paths:
        with path.open("rb") as handle:
            digest.update(_entry(path.name, handle))
    return digest.hexdigest()
