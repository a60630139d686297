"""Settings from the environment (KOPPEL_*) and the command line."""

from __future__ import annotations

from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///koppel.db"


class Settings(BaseSettings):
    """koppel's settings; each can be set as ``KOPPEL_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KOPPEL_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    language: str = "nl"
    time_zone: str = "Europe/Amsterdam"
    """The school's time zone: the portal's pages show times in it (stored in UTC)."""
    session_idle_minutes: int = 30
    """A session ends after this long without a request."""
    session_absolute_hours: int = 12
    """A session ends this long after sign-in, however busy."""
    login_max_failures: int = 5
    """Failed sign-ins per username within ``login_window_minutes`` before it is paused."""
    login_window_minutes: int = 15
    login_max_failures_per_address: int = 100
    """Failed sign-ins from one network address (an IPv6 /64) within
    ``login_window_minutes`` before that address is paused: generous, for a school whose
    people all sign in through one address."""
    sign_in_hashes: int = 1
    """Password checks (argon2id, 64 MiB each) that one server process runs at once;
    more sign-ins wait for a turn, without holding a thread."""
    sign_in_wait_seconds: float = 15.0
    """How long a sign-in waits for its turn before the portal answers 429 (busy)."""
    write_wait_seconds: float = 60.0
    """How long a change waits for another change being written before it is refused
    (nothing written; try again)."""
    log_level: Literal["critical", "error", "warning", "info", "debug"] = "warning"
    """What ``koppel serve`` logs: ``info`` adds one access line per request (stdout)."""
    integration_directory: str | None = None
    """Where the SIS integration keeps the sets that wait for approval (private); by
    default ``<database>.integration`` next to a SQLite database, else
    ``~/.local/state/koppel/integration``."""
    secret_key: SecretStr | None = None
    """The keys that seal the TOTP secrets in the database (Fernet keys, newest first,
    separated by commas or spaces); when unset, the key file is used."""
    secret_key_file: str | None = None
    """The file with those keys (one per line, newest first); by default ``<database>.key``
    next to a SQLite database, else ``~/.local/state/koppel/secret.key``, made (0600) when
    the first secret is sealed. Back it up with the database."""
