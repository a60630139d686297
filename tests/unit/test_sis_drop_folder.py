"""The SIS integration's drop folder: which set a run takes, its fingerprint, and the
private copy of a set that waits for approval."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from koppel.domain.errors import InvalidValue
from koppel.services.sis.drop_folder import fingerprint_of, scan_drop_folder
from koppel.services.sis.kept_sets import keep_set, kept_directory, remove_kept

NOW = 1_800_000_000.0


def write_set(folder: Path, *, at: float, users: str = "sourcedId,username\n1,a\n") -> Path:
    folder.mkdir(parents=True)
    for name, text in (("users.csv", users), ("orgs.csv", "sourcedId,name\no,School\n")):
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, (at, at))
    return folder


def zip_of(folder: Path, target: Path, *, at: float) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir(), reverse=True):
            archive.write(path, path.name)
    os.utime(target, (at, at))
    return target


def taken(folder: Path, settle: float = 60) -> Path | None:
    scan = scan_drop_folder(folder, settle=settle, now=NOW)
    return None if scan.newest is None else scan.newest.path


def test_the_newest_settled_subfolder_or_zip_is_taken(tmp_path: Path) -> None:
    write_set(tmp_path / "2026-08-01", at=NOW - 3000)
    newest = write_set(tmp_path / "2026-08-02", at=NOW - 2000)
    write_set(tmp_path / ".hidden", at=NOW - 100)
    write_set(tmp_path / "busy.part", at=NOW - 100)
    (tmp_path / "notes.txt").write_text("not a set", encoding="utf-8")
    assert taken(tmp_path) == newest
    assert scan_drop_folder(tmp_path, settle=60, now=NOW).settling == 0

    zipped = zip_of(newest, tmp_path / "export.zip", at=NOW - 1000)
    assert taken(tmp_path) == zipped

    write_set(tmp_path / "2026-08-03", at=NOW - 10)  # still being written
    assert taken(tmp_path) == zipped
    assert scan_drop_folder(tmp_path, settle=60, now=NOW).settling == 1
    assert taken(tmp_path, settle=0) == tmp_path / "2026-08-03"


def test_a_folder_of_csv_files_is_itself_the_set(tmp_path: Path) -> None:
    write_set(tmp_path / "drop", at=NOW - 500)
    assert taken(tmp_path / "drop") == tmp_path / "drop"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert taken(empty) is None
    with pytest.raises(InvalidValue) as refused:
        scan_drop_folder(tmp_path / "missing")
    assert refused.value.exit_code == 2
    assert "missing" in refused.value.message("en")


def test_the_same_files_give_the_same_fingerprint_in_a_folder_or_a_zip(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "a", at=NOW)
    again = write_set(tmp_path / "b", at=NOW - 99)
    other = write_set(tmp_path / "c", at=NOW, users="sourcedId,username\n1,b\n")
    zipped = zip_of(folder, tmp_path / "a.zip", at=NOW)
    assert fingerprint_of(folder) == fingerprint_of(again) == fingerprint_of(zipped)
    assert fingerprint_of(other) != fingerprint_of(folder)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert len(fingerprint_of(broken)) == 64


def test_a_kept_copy_is_private_and_removed_by_its_run_only(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "set", at=NOW)
    directory = tmp_path / "kept"
    copy = keep_set(folder, directory, "run1")
    assert fingerprint_of(copy) == fingerprint_of(folder)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in copy.iterdir()} == {0o600}
    zipped = keep_set(zip_of(folder, tmp_path / "set.zip", at=NOW), directory, "run2")
    assert zipped == directory / "run2" / "set.zip"
    assert stat.S_IMODE(zipped.stat().st_mode) == 0o600

    remove_kept(str(folder), "run1")  # not a kept copy of run1: left alone
    assert folder.is_dir()
    remove_kept(str(copy), "run1")
    remove_kept(str(zipped), "run2")
    assert list(directory.iterdir()) == []


def test_the_kept_directory_follows_the_database(tmp_path: Path) -> None:
    sqlite = f"sqlite:///{tmp_path / 'koppel.db'}"
    assert kept_directory(sqlite) == tmp_path / "koppel.db.integration"
    assert kept_directory(sqlite, str(tmp_path / "chosen")) == tmp_path / "chosen"
    postgres = kept_directory("postgresql+psycopg://u@h/db")
    assert postgres.parts[-2:] == ("koppel", "integration")
