"""Where koppel keeps its own files by default, and the umask that keeps what it writes
its user's only. Light on purpose: every command imports it first."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
"""New files 0600, new folders 0700: no group or other bits."""


def keep_new_files_private() -> None:
    """This process creates no file or folder that another user may read."""
    os.umask(PRIVATE_UMASK)


def state_directory(name: str) -> Path:
    """``koppel/<name>`` in the user's state directory (``$XDG_STATE_HOME``, by default
    ``~/.local/state``): for what belongs next to no SQLite database."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "koppel" / name
