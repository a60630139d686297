"""The wizard's upload store: private files under random tokens, for their own account
and kind only, refused when too large, gone after use or when expired."""

from __future__ import annotations

import io
import stat
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest

from koppel.files.problems import ImportFileError
from koppel.services.transition.uploads import (
    UnknownUpload,
    UploadStore,
    file_label,
    upload_directory,
)


def test_a_file_is_kept_privately_for_its_account_and_kind(tmp_path: Path):
    store = UploadStore(tmp_path / "uploads")
    saved = store.save(
        io.BytesIO(b"Docentcode;Roepnaam\n"),
        filename="C:\\Users\\beheer\\personeel.CSV",
        kind="staff",
        username="beheerder",
    )
    assert saved.label == "personeel.CSV"
    assert saved.path.suffix == ".csv"
    assert saved.path.read_bytes() == b"Docentcode;Roepnaam\n"
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "uploads").stat().st_mode) == 0o700
    assert store.get(saved.token, username="beheerder", kind="staff").path == saved.path
    assert store.latest(username="beheerder", kind="staff") == saved
    for username, kind in (("ander", "staff"), ("beheerder", "students")):
        with pytest.raises(UnknownUpload):
            store.get(saved.token, username=username, kind=kind)
    for token in ("", "../../etc/passwd", "x" * 32, saved.token + "/.."):
        with pytest.raises(UnknownUpload):
            store.get(token, username="beheerder", kind="staff")
    store.remove_all(username="beheerder", kind="staff")
    with pytest.raises(UnknownUpload):
        store.get(saved.token, username="beheerder", kind="staff")
    assert list((tmp_path / "uploads").iterdir()) == []


def test_too_large_and_expired_files_are_not_kept(tmp_path: Path):
    store = UploadStore(tmp_path, max_bytes=10)
    with pytest.raises(ImportFileError) as refused:
        store.save(io.BytesIO(b"x" * 11), filename="groot.csv", kind="staff", username="b")
    assert refused.value.problem.file == "groot.csv"
    assert refused.value.code == "file.too_large"
    assert list(tmp_path.iterdir()) == []

    old = UploadStore(tmp_path, max_age=timedelta(seconds=-1))
    saved = old.save(io.BytesIO(b"a;b\n"), filename="x.xlsx", kind="staff", username="b")
    with pytest.raises(UnknownUpload):
        old.get(saved.token, username="b", kind="staff")
    assert not saved.path.exists()


def test_where_uploads_go(tmp_path: Path):
    assert upload_directory(f"sqlite:///{tmp_path / 'koppel.db'}") == tmp_path / "koppel.db.uploads"
    elsewhere = upload_directory("postgresql+psycopg://postgres@127.0.0.1/koppel")
    assert elsewhere.parts[-2:] == ("koppel", "uploads")
    assert not elsewhere.is_relative_to(tempfile.gettempdir())  # never a shared folder
    assert file_label("") == "bestand"
    assert file_label("../../geheim.csv") == "geheim.csv"
