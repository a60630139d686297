"""Private folders: made 0700, and a folder someone else made first is refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from koppel.services.private_folders import FolderNotPrivate, private_directory, state_directory


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_folder_is_made_for_this_user_only(tmp_path: Path):
    made = private_directory(tmp_path / "a" / "uploads")
    assert made.is_dir()
    assert _mode(made) == 0o700


def test_an_own_folder_that_was_open_is_made_private_again(tmp_path: Path):
    folder = tmp_path / "uploads"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    private_directory(folder)
    assert _mode(folder) == 0o700


def test_a_link_is_refused_and_its_target_left_alone(tmp_path: Path):
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    link = tmp_path / "uploads"
    link.symlink_to(target)
    with pytest.raises(FolderNotPrivate) as refused:
        private_directory(link)
    assert refused.value.exit_code == 2
    assert str(link) in refused.value.message("en")
    assert _mode(target) == 0o755


def test_a_file_in_the_way_is_refused(tmp_path: Path):
    (tmp_path / "uploads").write_text("x")
    with pytest.raises(FolderNotPrivate):
        private_directory(tmp_path / "uploads")


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_of_another_user_is_refused(tmp_path: Path):
    folder = tmp_path / "uploads"
    folder.mkdir(mode=0o777)
    os.chown(folder, 65534, 65534)  # nobody
    with pytest.raises(FolderNotPrivate):
        private_directory(folder)


def test_the_state_directory_follows_xdg_state_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert state_directory("uploads") == tmp_path / "koppel" / "uploads"
