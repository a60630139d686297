"""The TOTP secrets are encrypted at rest, under a key kept outside the database: a copy
of the database alone gives no one's second factor away. Over real HTTP against a real
portal (``koppel serve``), with the real commands and the real SQLite file: the stored
value is not the secret, sign-in with a code works before and after ``koppel secrets
rotate``, a missing or wrong key is refused with a message that names the setting (never
a traceback), and secrets stored in plain text before the upgrade keep working and are
encrypted at their next use or by ``rotate``."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyotp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.secrets import key_words
from tests.cli.runner import koppel
from tests.security.run_logs import register_secret
from tests.web.conftest import Portal, csrf_of, demo_portal, free_port, sign_in
from tests.web.test_two_factor import (
    PASSWORD,
    _account,
    _code_at,
    _code_step,
    _password_step,
    _turn_on,
)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("sealed")), students=50) as portal:
        yield portal


def _database_file(portal: Portal) -> Path:
    return Path(portal.database.removeprefix("sqlite:///"))


def _key_file(portal: Portal) -> Path:
    database = _database_file(portal)
    return database.with_name(database.name + ".key")


def _stored(portal: Portal, username: str) -> str | None:
    engine = connect(portal.database)
    try:
        with engine.connect() as conn:
            return conn.scalar(
                select(t.accounts.c.totp_secret).where(t.accounts.c.username == username)
            )
    finally:
        engine.dispose()


def _store_plain(portal: Portal, username: str, secret: str) -> None:
    """What a database from before the upgrade holds: the secret as it is."""
    engine = connect(portal.database)
    try:
        with engine.begin() as conn:
            conn.execute(
                update(t.accounts)
                .where(t.accounts.c.username == username)
                .values(totp_secret=secret, totp_enabled=True, totp_last_step=None)
            )
    finally:
        engine.dispose()


def _signs_in_with_a_code(portal: Portal, username: str, totp: pyotp.TOTP, ahead: int) -> None:
    """Password, then a code. The code last used is forgotten first (straight in the
    database): a test signs in more often than once per 30-second step, and a code is
    never taken twice."""
    engine = connect(portal.database)
    try:
        with engine.begin() as conn:
            conn.execute(
                update(t.accounts)
                .where(t.accounts.c.username == username)
                .values(totp_last_step=None)
            )
    finally:
        engine.dispose()
    pending = _password_step(portal.url, username, PASSWORD)
    done = _code_step(pending, _code_at(totp, ahead))
    assert done.status_code == 303, done.text
    assert pending.get("/").status_code == 200


def _keys(path: Path) -> list[str]:
    keys = key_words(path.read_text())
    for key in keys:
        register_secret("secret key", key)
    return keys


def test_the_stored_secret_is_sealed_and_signing_in_works(school: Portal):
    _account(school, "verzegeld")
    totp = _turn_on(sign_in(school, "verzegeld", PASSWORD))
    register_secret("TOTP secret", totp.secret)
    stored = _stored(school, "verzegeld")
    assert stored is not None
    assert stored.startswith("fernet:")
    assert totp.secret not in stored
    for part in (totp.secret[:8], totp.secret[-8:]):
        assert part not in stored
    for file in _database_file(school).parent.iterdir():
        if file.name.startswith("koppel.db") and file.is_file():
            assert totp.secret.encode() not in file.read_bytes(), file.name
    key_file = _key_file(school)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(_keys(key_file)) == 1
    _signs_in_with_a_code(school, "verzegeld", totp, 1)


def test_rotation_seals_every_secret_anew_while_the_portal_runs(school: Portal):
    _account(school, "roteerder")
    totp = _turn_on(sign_in(school, "roteerder", PASSWORD))
    before = _stored(school, "roteerder")
    key_file = _key_file(school)
    old_keys = _keys(key_file)

    rotated = koppel("secrets", "rotate", "--new-key", "--json", database=school.database)
    assert rotated.code == 0, rotated.stderr
    found = rotated.json()
    assert found["new_key"] is True
    assert found["resealed"] >= 1
    assert found["dropped_keys"] == 0
    keys = _keys(key_file)
    assert keys[1:] == old_keys  # the new key in front, the old ones still after it
    after = _stored(school, "roteerder")
    assert after is not None
    assert after != before
    assert Fernet(keys[0]).decrypt(after.removeprefix("fernet:")).decode() == totp.secret
    _signs_in_with_a_code(school, "roteerder", totp, 0)  # the running portal reads the file

    dropped = koppel("secrets", "rotate", "--drop-old-keys", "--json", database=school.database)
    assert dropped.code == 0, dropped.stderr
    assert dropped.json()["dropped_keys"] == len(old_keys)
    assert _keys(key_file) == keys[:1]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    checked = koppel("secrets", "check", "--json", database=school.database)
    assert checked.code == 0, checked.stderr
    counts = checked.json()
    assert counts["secrets"] == counts["newest_key"] >= 1
    assert counts["older_key"] == counts["not_encrypted"] == 0
    _signs_in_with_a_code(school, "roteerder", totp, 1)


def test_plain_secrets_from_before_keep_working_and_get_sealed(school: Portal):
    plain = {name: pyotp.random_base32() for name in ("oudgebruik", "oudrotatie")}
    for name, secret in plain.items():
        _account(school, name)
        register_secret("TOTP secret", secret)
        _store_plain(school, name, secret)
    checked = koppel("secrets", "check", "--json", database=school.database)
    assert checked.json()["not_encrypted"] == 2

    # the next right code seals the secret it used
    _signs_in_with_a_code(school, "oudgebruik", pyotp.TOTP(plain["oudgebruik"]), 1)
    used = _stored(school, "oudgebruik")
    assert used is not None
    assert used.startswith("fernet:")
    assert plain["oudgebruik"] not in used

    # rotate seals the rest
    rotated = koppel("secrets", "rotate", "--json", database=school.database)
    assert rotated.code == 0, rotated.stderr
    assert rotated.json()["were_not_encrypted"] == 1
    sealed = _stored(school, "oudrotatie")
    assert sealed is not None
    assert sealed.startswith("fernet:")
    assert (
        koppel("secrets", "check", "--json", database=school.database).json()["not_encrypted"] == 0
    )
    _signs_in_with_a_code(school, "oudrotatie", pyotp.TOTP(plain["oudrotatie"]), 0)


def _run(env: dict[str, str], portal: Portal, *args: str) -> subprocess.CompletedProcess[str]:
    """A real ``koppel`` command with these settings (and no other KOPPEL_*)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    clean["COLUMNS"] = "400"  # one line per message: a long path is not broken
    return subprocess.run(
        [sys.executable, "-m", "koppel", *args],
        env=clean | {"KOPPEL_DATABASE_URL": portal.database} | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def _password_step_answer(portal: Portal, username: str) -> httpx.Response:
    client = httpx.Client(base_url=portal.url)
    form = {"username": username, "password": PASSWORD, "csrf_token": ""}
    form["csrf_token"] = csrf_of(client.get("/login").text)
    return client.post("/login", data=form)


def test_a_missing_or_wrong_key_is_refused_naming_the_setting(school: Portal, tmp_path: Path):
    _account(school, "sleutelloos")
    totp = _turn_on(sign_in(school, "sleutelloos", PASSWORD))
    key_file = _key_file(school)
    kept = key_file.read_text()
    other = Fernet.generate_key().decode()
    register_secret("secret key", other)

    missing = tmp_path / "nergens.key"
    gone = _run({"KOPPEL_SECRET_KEY_FILE": str(missing)}, school, "secrets", "check")
    _refused(gone, "KOPPEL_SECRET_KEY_FILE", str(missing), "ontbreekt")
    assert not missing.exists()  # opening never makes a key
    wrong = _run({"KOPPEL_SECRET_KEY": other}, school, "secrets", "check")
    _refused(wrong, "KOPPEL_SECRET_KEY", "niet open")
    _refused(_run({"KOPPEL_SECRET_KEY": "geheim"}, school, "secrets", "check"), "geen geldige")
    rotate = _run({"KOPPEL_SECRET_KEY": other}, school, "secrets", "rotate", "--new-key")
    _refused(rotate, "KOPPEL_SECRET_KEY", "sleutelbestand")

    # the portal does not start with a wrong key, and says why
    serve = _run({"KOPPEL_SECRET_KEY": other}, school, "serve", "--port", str(free_port()))
    _refused(serve, "KOPPEL_SECRET_KEY", "niet open")

    # a running portal whose key file is replaced: a page that asks for the administrator
    key_file.write_text(Fernet.generate_key().decode() + "\n")
    try:
        answer = _password_step_answer(school, "sleutelloos")
        assert answer.status_code == 503
        assert "Inloggen kan nu niet" in answer.text
        assert "KOPPEL_SECRET_KEY" not in answer.text  # the server's paths stay on the server
    finally:
        key_file.write_text(kept)
    _signs_in_with_a_code(school, "sleutelloos", totp, 1)
