"""Private copies of the sets that wait for an administrator's approval.

A set larger than the safety limit is copied away from the drop folder (which the SIS
may clean or overwrite), so that what the administrator approves is exactly what was
previewed. The copies live in a directory of the portal's user only (mode 0700, files
0600): ``KOPPEL_INTEGRATION_DIRECTORY`` when set; otherwise ``<database>.integration``
next to a SQLite database, or ``koppel/integration`` in the user's state directory
(``$XDG_STATE_HOME``, by default ``~/.local/state``). A copy is removed once its run is
approved, rejected or passed over by a newer set.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy.engine import make_url

from koppel.services.private_folders import private_directory, state_directory
from koppel.services.sis.drop_folder import csv_files

_CHUNK = 1024 * 1024


def kept_directory(database_url: str, configured: str | None = None) -> Path:
    """Where the copies of pending sets are kept for the portal at ``database_url``."""
    if configured:
        return Path(configured).expanduser().resolve()
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        database = Path(str(url.database)).resolve()
        return database.with_name(database.name + ".integration")
    return state_directory("integration")


def _copy_private(source: Path, target: Path) -> None:
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as written, source.open("rb") as read:
        shutil.copyfileobj(read, written, _CHUNK)


def keep_set(found: Path, directory: Path, run_id: str) -> Path:
    """Copy the set at ``found`` (a folder's ``.csv`` files, or a zip file as it is) to
    ``directory/run_id``; the path of the copy, to be read like the original."""
    private_directory(directory)
    home = directory / run_id
    home.mkdir(mode=0o700)
    try:
        if found.is_dir():
            for path in csv_files(found):
                _copy_private(path, home / path.name)
            return home
        copy = home / found.name
        _copy_private(found, copy)
        return copy
    except BaseException:
        shutil.rmtree(home, ignore_errors=True)
        raise


def remove_kept(kept_at: str | None, run_id: str) -> None:
    """Remove the kept copy of run ``run_id`` (its folder in the kept directory) if it is
    still there; nothing else is ever removed."""
    if not kept_at:
        return
    path = Path(kept_at)
    home = path if path.name == run_id else path.parent
    if home.name == run_id and home.is_dir():
        shutil.rmtree(home, ignore_errors=True)
