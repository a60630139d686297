"""Secrets encrypted at rest: the accounts' TOTP secrets are stored sealed with Fernet
(AES-128-CBC with HMAC-SHA256, from ``cryptography``), under a key kept outside the
database, so that a copy of the database alone (a backup, a stolen file) does not give
away anyone's second factor.

The keys (Fernet keys: 32 random bytes as 44 characters of URL-safe base64), newest
first, come from

1. ``KOPPEL_SECRET_KEY``: one or more keys, separated by commas or spaces; else
2. the key file ``KOPPEL_SECRET_KEY_FILE``: one key per line (``#`` lines are
   comments); else
3. the default key file: ``<database>.key`` next to a SQLite database, otherwise
   ``koppel/secret.key`` in the user's state directory (``~/.local/state``).

A key file that does not exist is made (0600, with one new key) when a secret is first
sealed; never when one is to be opened: a missing or wrong key is a
:class:`SecretKeyError` that names the setting. Every key opens; the first seals
(:class:`cryptography.fernet.MultiFernet`), so a new key is put first and the old ones
stay after it until every secret is sealed anew (``koppel secrets rotate``).

A stored value is ``fernet:<token>``. Anything else is a secret from before koppel
sealed them (plain base32): it is read as it is and sealed when next written (the
next right code) or by ``koppel secrets rotate``.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy.engine import URL, make_url

from koppel.domain.errors import KoppelError
from koppel.places import state_directory
from koppel.store.database import normalise_url, sqlite_file

if TYPE_CHECKING:
    from koppel.settings import Settings

SEALED = "fernet:"
KEY_SETTING = "KOPPEL_SECRET_KEY"
KEY_FILE_SETTING = "KOPPEL_SECRET_KEY_FILE"
KEY_FILE_HEADER = (
    "# koppel: the keys of the two-factor (TOTP) secrets in the portal database, newest\n"
    "# first. Back this file up with the database: without it nobody who uses two-factor\n"
    "# sign-in can sign in. Keep it as private as the database (mode 0600).\n"
)
_SEPARATORS = re.compile(r"[\s,]+")


class SecretKeyError(KoppelError):
    """The key of the sealed secrets is missing, unreadable, invalid or not the one they
    were sealed with (exit code 2: nothing was changed)."""

    exit_code = 2


def default_key_file(database_url: str | URL) -> Path:
    """``<database>.key`` next to a SQLite database, else ``koppel/secret.key`` in the
    user's state directory."""
    url = make_url(normalise_url(database_url)) if isinstance(database_url, str) else database_url
    path = sqlite_file(url)
    if path is not None:
        resolved = path.resolve()
        return resolved.with_name(resolved.name + ".key")
    return state_directory("secret.key")


@dataclass(frozen=True)
class KeySource:
    """Where the keys come from: the keys themselves (``KOPPEL_SECRET_KEY``) or a file."""

    text: str | None = None
    file: Path | None = None

    @property
    def where(self) -> str:
        """The setting (and file) that messages name."""
        if self.file is None:
            return KEY_SETTING
        return f"{KEY_FILE_SETTING} ({self.file})"


def key_source(database_url: str | URL, *, key: str | None, key_file: str | None) -> KeySource:
    if key:
        return KeySource(text=key)
    if key_file:
        return KeySource(file=Path(key_file).expanduser())
    return KeySource(file=default_key_file(database_url))


def key_source_of(settings: Settings, database_url: str | URL) -> KeySource:
    """The source that ``settings`` (``KOPPEL_SECRET_KEY``, ``KOPPEL_SECRET_KEY_FILE``)
    choose for the database at ``database_url``."""
    key = settings.secret_key.get_secret_value() if settings.secret_key else None
    return key_source(database_url, key=key, key_file=settings.secret_key_file)


def key_source_from_environment(database_url: str | URL) -> KeySource:
    from koppel.settings import Settings

    return key_source_of(Settings(), database_url)


def key_words(text: str) -> list[str]:
    """The keys written in ``text`` (comment lines left out), newest first."""
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return [word for line in lines for word in _SEPARATORS.split(line) if word]


def parse_keys(text: str) -> list[Fernet]:
    """The keys in ``text``; ValueError for one that is no Fernet key."""
    return [Fernet(word) for word in key_words(text)]


def _write_private(path: Path, text: str, *, replace: bool) -> None:
    """``text`` as ``path`` (0600), whole or not at all: written beside it, then moved in
    (``replace``) or linked in only when there is no file yet."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as written:
            written.write(text)
            written.flush()
            os.fsync(written.fileno())
        if replace:
            part.replace(path)
        else:  # made meanwhile by another process: that one counts
            with contextlib.suppress(FileExistsError):
                path.hardlink_to(part)
    finally:
        part.unlink(missing_ok=True)


def key_file_text(keys: list[str]) -> str:
    return KEY_FILE_HEADER + "".join(f"{key}\n" for key in keys)


class SecretBox:
    """Seals and opens secrets with the keys of one :class:`KeySource` (found when first
    needed); a key file is read again when it changes (``koppel secrets rotate`` while
    the portal runs)."""

    def __init__(self, source: KeySource | Callable[[], KeySource]) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._loaded: tuple[object, list[Fernet]] | None = None

    @property
    def source(self) -> KeySource:
        if not isinstance(self._source, KeySource):
            self._source = self._source()
        return self._source

    # --- sealing and opening ------------------------------------------------------------

    def seal(self, plain: str) -> str:
        return SEALED + MultiFernet(self._keys(create=True)).encrypt(plain.encode()).decode()

    def open(self, stored: str) -> str:
        """The secret in ``stored``; one from before sealing (no ``fernet:``) as it is."""
        if not stored.startswith(SEALED):
            return stored
        try:
            return MultiFernet(self._keys()).decrypt(self._token(stored)).decode()
        except InvalidToken:
            raise SecretKeyError("secret_key.wrong", where=self.source.where) from None

    def state_of(self, stored: str) -> str:
        """``plain`` (from before sealing), ``current`` (sealed with the newest key) or
        ``older`` (with an older key); :class:`SecretKeyError` when no key opens it."""
        if not stored.startswith(SEALED):
            return "plain"
        keys = self._keys()
        try:
            keys[0].decrypt(self._token(stored))
        except InvalidToken:
            self.open(stored)  # raises when no key opens it
            return "older"
        return "current"

    def reseal(self, stored: str) -> str:
        """``stored`` sealed with the newest key (a plain one sealed for the first time)."""
        if not stored.startswith(SEALED):
            return self.seal(stored)
        try:
            token = MultiFernet(self._keys()).rotate(self._token(stored))
        except InvalidToken:
            raise SecretKeyError("secret_key.wrong", where=self.source.where) from None
        return SEALED + token.decode()

    @staticmethod
    def _token(stored: str) -> bytes:
        return stored.removeprefix(SEALED).encode()

    # --- the key file ---------------------------------------------------------------------

    def check_keys(self) -> None:
        """The keys that are there are valid and readable (a key file that is not there yet
        is no error here: nothing was sealed with it)."""
        if self.source.file is None or self.source.file.exists():
            self._keys()

    def ensure_key(self) -> None:
        """The keys are there and valid: a key file that is missing is made (0600, one new
        key), as the first seal would."""
        self._keys(create=True)

    def add_new_key(self) -> Path:
        """A new key in front of the key file's keys (the file made when missing); the
        old keys stay, so every secret still opens."""
        path = self._key_file()
        old = self._file_text(path) if path.exists() else ""
        new = Fernet.generate_key().decode()
        _write_private(path, key_file_text([new, *self._words(old)]), replace=True)
        return path

    def keep_newest_key_only(self) -> int:
        """The key file with its first key only; how many keys went."""
        path = self._key_file()
        words = self._words(self._file_text(path))
        _write_private(path, key_file_text(words[:1]), replace=True)
        return len(words) - 1

    def _key_file(self) -> Path:
        if self.source.file is None:
            raise SecretKeyError("secret_key.not_a_file", setting=KEY_SETTING)
        return self.source.file

    def _words(self, text: str) -> list[str]:
        self._parse(text)  # refuses a file with a bad key before anything is written
        return key_words(text)

    # --- loading ----------------------------------------------------------------------------

    def _keys(self, *, create: bool = False) -> list[Fernet]:
        source = self.source
        with self._lock:
            if source.file is None:
                if self._loaded is None:
                    self._loaded = ("setting", self._parse(source.text or ""))
                return self._loaded[1]
            stamp = self._stamp(source.file, create=create)
            if self._loaded is None or self._loaded[0] != stamp:
                self._loaded = (stamp, self._parse(self._file_text(source.file)))
            return self._loaded[1]

    def _stamp(self, path: Path, *, create: bool) -> object:
        try:
            found = path.stat()
        except FileNotFoundError:
            if not create:
                raise SecretKeyError("secret_key.missing", where=self.source.where) from None
            _write_private(path, key_file_text([Fernet.generate_key().decode()]), replace=False)
            found = path.stat()
        except OSError as error:
            raise self._unreadable(error) from error
        return (found.st_ino, found.st_mtime_ns, found.st_size)

    def _file_text(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SecretKeyError("secret_key.missing", where=self.source.where) from None
        except (OSError, UnicodeDecodeError) as error:
            raise self._unreadable(error) from error

    def _unreadable(self, error: Exception) -> SecretKeyError:
        reason = getattr(error, "strerror", None) or type(error).__name__
        return SecretKeyError("secret_key.unreadable", where=self.source.where, reason=reason)

    def _parse(self, text: str) -> list[Fernet]:
        try:
            keys = parse_keys(text)
        except (ValueError, TypeError):
            keys = []
        if not keys:
            raise SecretKeyError("secret_key.invalid", where=self.source.where)
        return keys
