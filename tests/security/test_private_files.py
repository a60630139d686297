"""What koppel writes is its user's only, whatever the umask it was started with: the
SQLite database (argon2 hashes, addresses, TOTP secrets) and the files beside it, the
scheduler's project file (the portal token, pupils' data), exports of personal data, the
upload and integration folders. Every run starts under umask 022 (a usual default,
which would leave new files readable by every local user); the real commands run in a
child process."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from koppel.services.private_folders import private_directory, state_directory
from koppel.services.sis.kept_sets import keep_set, kept_directory
from koppel.services.transition.uploads import UploadStore, upload_directory
from tests.cli.runner import koppel
from tests.connector.conftest import DEPARTMENTS, Linked, linked
from tests.web.conftest import start_portal

__all__ = ["linked"]


@contextmanager
def usual_umask() -> Iterator[None]:
    """The umask 022 of most systems, for this process and the commands it starts."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_umask_of_the_test_makes_files_readable_by_others(tmp_path: Path):
    """The check below is not vacuous: without koppel's care a new file is 0644."""
    with usual_umask():
        (tmp_path / "plain").write_text("x")
    assert mode(tmp_path / "plain") == 0o644


def test_koppel_init_makes_the_database_this_users_only(tmp_path: Path):
    database = tmp_path / "koppel.db"
    with usual_umask():
        made = koppel("init", "--json", database=f"sqlite:///{database}")
    assert made.code == 0, made.stderr
    assert made.json()["made_private"] == []
    key_file = tmp_path / "koppel.db.key"  # the key of the two-factor secrets
    assert str(key_file) in made.json()["secret_key"]
    found = [path for path in tmp_path.iterdir() if path.name.startswith("koppel.db")]
    assert {database, key_file} <= set(found)
    assert {path.name: mode(path) for path in found} == {path.name: 0o600 for path in found}


def test_koppel_init_makes_an_open_database_private_again(tmp_path: Path):
    """A database made before koppel kept it private (0644) is 0600 after ``init``."""
    database = tmp_path / "old.db"
    url = f"sqlite:///{database}"
    with usual_umask():
        assert koppel("init", database=url).code == 0
        database.chmod(0o644)
        again = koppel("init", "--json", database=url)
    assert again.code == 0, again.stderr
    assert str(database) in again.json()["made_private"]  # with its -wal, -shm if open
    found = [path for path in tmp_path.iterdir() if path.name.startswith("old.db")]
    assert {path.name: mode(path) for path in found} == {path.name: 0o600 for path in found}
    shown = koppel("init", database=url)
    assert "0600" not in shown.stdout  # nothing left to change: nothing said


def test_an_export_of_personal_data_is_this_users_only(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'koppel.db'}"
    target = tmp_path / "leerlingen.csv"
    with usual_umask():
        assert koppel("demo", "--students", "50", database=url).code == 0
        exported = koppel("export", "students", str(target), database=url)
    assert exported.code == 0, exported.stderr
    assert target.stat().st_size > 0
    assert mode(target) == 0o600


def test_the_portal_runs_with_a_private_umask(tmp_path: Path):
    """``koppel serve`` (which writes uploads and kept sets) starts its process with umask
    077, whatever it was started with."""
    url = f"sqlite:///{tmp_path / 'koppel.db'}"
    with usual_umask():
        assert koppel("init", database=url).code == 0
        portal, _ = start_portal(url)
    try:
        status = Path(f"/proc/{portal.pid}/status").read_text()
    finally:
        portal.terminate()
        portal.wait(timeout=10)
    assert "Umask:\t0077" in status


def test_koppel_project_init_makes_the_project_file_this_users_only(linked: Linked, tmp_path: Path):
    target = tmp_path / "nieuw.koppel"
    with usual_umask():
        made = koppel(
            "project",
            "init",
            str(target),
            "--portal",
            linked.url,
            "--token",
            linked.token,
            "--school-year",
            linked.school_year,
            "--departments",
            ",".join(DEPARTMENTS),
        )
    assert made.code == 0, made.stderr
    assert mode(target) == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith("nieuw")] == [
        "nieuw.koppel"
    ]


def test_upload_and_integration_folders_are_this_users_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    source = tmp_path / "set.zip"
    source.write_bytes(b"PK\x05\x06" + bytes(18))
    with usual_umask():
        uploads = UploadStore(upload_directory(database))
        stored = uploads.save(io.BytesIO(b"a;b\n"), filename="a.csv", kind="staff", username="x")
        kept = keep_set(source, kept_directory(database), "run-1")
        elsewhere = keep_set(source, kept_directory("postgresql://db/koppel"), "run-2")
        launch = private_directory(state_directory("launch"))
    assert mode(stored.path.parent) == 0o700
    assert mode(stored.path) == 0o600
    assert [mode(path) for path in stored.path.parent.iterdir()] == [0o600, 0o600]
    for copy in (kept, elsewhere):
        assert mode(copy) == 0o600
        assert mode(copy.parent) == 0o700
        assert mode(copy.parent.parent) == 0o700
    assert elsewhere.parent.parent == tmp_path / "state" / "koppel" / "integration"
    assert mode(launch) == 0o700
    assert mode(launch.parent) == 0o700
