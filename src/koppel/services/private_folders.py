"""Files and folders that only koppel's user may read: uploads of the year transition,
the integration's sets that wait for approval, the databases, project files, exports.

Every ``koppel`` command and the portal's workers start with umask 077
(:func:`koppel.places.keep_new_files_private`): whatever they create is 0600 (files) or
0700 (folders), whatever the umask they were started with; the SQLite database and the
project file are also created 0600 explicitly (:mod:`koppel.store.database`,
:mod:`koppel.store.project.file`).

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
from koppel.places import keep_new_files_private, state_directory

__all__ = ["FolderNotPrivate", "keep_new_files_private", "private_directory", "state_directory"]


class FolderNotPrivate(KoppelError):
    """The folder exists but is not this user's own (exit code 2: nothing was kept)."""

    exit_code = 2


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
