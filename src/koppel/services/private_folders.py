"""Folders that only the portal's user may read: uploads of the year transition and the
integration's sets that wait for approval.

A folder is made with mode 0700; one that exists already is used only when it is a real
folder (not a symbolic link) owned by this user, and is then made private again. So a
folder that someone else made first, in a shared place such as ``/tmp``, is refused
rather than trusted with pupils' data.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from koppel.domain.errors import KoppelError


class FolderNotPrivate(KoppelError):
    """The folder exists but is not this user's own (exit code 2: nothing was kept)."""

    exit_code = 2


def state_directory(name: str) -> Path:
    """``koppel/<name>`` in the user's state directory (``$XDG_STATE_HOME``, by default
    ``~/.local/state``)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "koppel" / name


def private_directory(path: Path) -> Path:
    """``path`` as a folder of this user only (made when missing); refused with
    :class:`FolderNotPrivate` when it is a link or belongs to someone else."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        found = path.lstat()
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
            raise FolderNotPrivate("folder.not_private", path=str(path)) from None
    path.chmod(0o700)
    return path
