"""Files uploaded in the year-transition wizard, kept between its preview and its apply.

The preview stores each file under a random token and the apply form sends the token
back, never the file again. A stored file belongs to the administrator who uploaded it,
lives at most :data:`MAX_AGE`, is readable by the portal's user only (mode 0600, in a
directory of mode 0700: next to the SQLite database, or in the system's temporary
directory for PostgreSQL), and is removed once the step that needed it is applied.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePath
from typing import BinaryIO

from sqlalchemy.engine import make_url

from koppel.files.limits import DEFAULT_LIMITS
from koppel.files.problems import ImportFileError
from koppel.services.private_folders import private_directory, state_directory

MAX_AGE = timedelta(hours=8)
"""A working day: the wizard may be left and resumed, personal data does not linger."""
CHUNK = 1024 * 1024
SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm"})
"""Kept from the original name (the reader warns about a csv named .xlsx)."""
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
LABEL_LENGTH = 120
_MB = 1_000_000


class UnknownUpload(Exception):
    """The token names no stored file of this account and kind: unknown, expired, or
    already used by an apply."""


@dataclass(frozen=True)
class StoredUpload:
    token: str
    kind: str
    """The import kind (``staff``, ``students``, ``teacher-groups``)."""
    label: str
    """The file's original name: what errors and change sets call it."""
    username: str
    stored_at: datetime
    path: Path


def upload_directory(database_url: str) -> Path:
    """``<database>.uploads`` next to a SQLite file; otherwise ``koppel/uploads`` in this
    user's state directory (never a shared folder such as ``/tmp``)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return (
            Path(str(url.database)).resolve().with_name(Path(str(url.database)).name + ".uploads")
        )
    return state_directory("uploads")


def file_label(filename: str | None) -> str:
    """The name as the user knows it, without any folder a browser may send along."""
    name = PurePath((filename or "").replace("\\", "/")).name.strip()
    return name[:LABEL_LENGTH] or "bestand"


class UploadStore:
    def __init__(
        self,
        directory: Path,
        *,
        max_age: timedelta = MAX_AGE,
        max_bytes: int = DEFAULT_LIMITS.max_file_bytes,
    ) -> None:
        self.directory = directory
        self.max_age = max_age
        self.max_bytes = max_bytes

    def save(
        self, source: BinaryIO, *, filename: str | None, kind: str, username: str
    ) -> StoredUpload:
        """Copy ``source`` under a new token; a file larger than the import's limit is
        refused (:class:`ImportFileError`, ``file.too_large``) and nothing is kept."""
        self._prepare()
        label = file_label(filename)
        suffix = PurePath(label).suffix.lower()
        token = secrets.token_urlsafe(24)
        path = self.directory / f"{token}{suffix if suffix in SUFFIXES else '.dat'}"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        written = 0
        try:
            with os.fdopen(descriptor, "wb") as target:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    if written > self.max_bytes:
                        raise ImportFileError(
                            "file.too_large",
                            file=label,
                            size=written // _MB,
                            limit=self.max_bytes // _MB,
                        )
                    target.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        stored = StoredUpload(token, kind, label, username, datetime.now(UTC), path)
        meta = {
            "kind": kind,
            "label": label,
            "username": username,
            "stored_at": stored.stored_at.isoformat(),
            "file": path.name,
        }
        self._write_meta(token, meta)
        return stored

    def get(self, token: str, *, username: str, kind: str) -> StoredUpload:
        """The file stored under ``token`` by ``username`` for ``kind``."""
        self._sweep()
        found = self._read(token) if TOKEN.fullmatch(token) else None
        if found is None or found.username != username or found.kind != kind:
            raise UnknownUpload(token)
        return found

    def latest(self, *, username: str, kind: str) -> StoredUpload | None:
        """The newest file of ``kind`` that ``username`` uploaded and that is still kept."""
        self._sweep()
        mine = [found for found in self._all() if found.username == username and found.kind == kind]
        return max(mine, key=lambda u: u.stored_at) if mine else None

    def remove(self, token: str) -> None:
        found = self._read(token) if TOKEN.fullmatch(token) else None
        if found is not None:
            found.path.unlink(missing_ok=True)
        (self.directory / f"{token}.json").unlink(missing_ok=True)

    def remove_all(self, *, username: str, kind: str) -> None:
        """Forget every file of ``kind`` of ``username``: its step has been applied."""
        for found in self._all():
            if found.username == username and found.kind == kind:
                self.remove(found.token)

    def _prepare(self) -> None:
        private_directory(self.directory)
        self._sweep()

    def _write_meta(self, token: str, meta: dict[str, str]) -> None:
        path = self.directory / f"{token}.json"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(meta, handle)

    def _read(self, token: str) -> StoredUpload | None:
        try:
            meta = json.loads((self.directory / f"{token}.json").read_text(encoding="utf-8"))
            stored = StoredUpload(
                token,
                str(meta["kind"]),
                str(meta["label"]),
                str(meta["username"]),
                datetime.fromisoformat(str(meta["stored_at"])),
                self.directory / PurePath(str(meta["file"])).name,
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return stored if stored.path.is_file() else None

    def _all(self) -> list[StoredUpload]:
        if not self.directory.is_dir():
            return []
        found = (self._read(meta.stem) for meta in self.directory.glob("*.json"))
        return [upload for upload in found if upload is not None]

    def _sweep(self) -> None:
        """Remove what has expired, and files whose description is gone."""
        if not self.directory.is_dir():
            return
        oldest = datetime.now(UTC) - self.max_age
        kept: set[str] = set()
        for meta in self.directory.glob("*.json"):
            found = self._read(meta.stem)
            if found is None or found.stored_at < oldest:
                self.remove(meta.stem)
                meta.unlink(missing_ok=True)
            else:
                kept.add(found.path.name)
        for path in self.directory.iterdir():
            if path.suffix != ".json" and path.name not in kept:
                # a file without its description: an interrupted save (or expired)
                try:
                    changed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                except OSError:
                    continue
                if datetime.now(UTC) - changed > timedelta(minutes=10):
                    path.unlink(missing_ok=True)
