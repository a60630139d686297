"""The accounts' TOTP secrets sealed at rest (koppel.store.secrets), on SQLite and
PostgreSQL, through the real services and a real key file: what the column holds, a
key that is missing, wrong or invalid, secrets from before sealing, and rotation (all or
nothing)."""

from __future__ import annotations

import stat
from pathlib import Path

import pyotp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine, select, update

from koppel.domain.accounts import Account, Role
from koppel.services.accounts.manage import add_account
from koppel.services.accounts.secret_keys import check_secrets, rotate_secrets
from koppel.services.accounts.two_factor import confirm_setup, start_setup, two_factor_on
from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.secrets import KeySource, SecretBox, SecretKeyError, key_words
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PASSWORD = "een-lang-wachtwoord-1"


def _uow(engine: Engine, source: KeySource) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(engine, secrets=SecretBox(source))


def _stored(engine: Engine, username: str) -> str | None:
    with engine.connect() as conn:
        return conn.scalar(
            select(t.accounts.c.totp_secret).where(t.accounts.c.username == username)
        )


def _with_two_factor(uow: SqlAlchemyUnitOfWork, username: str) -> str:
    """An account that turned two-factor sign-in on with a right code; its secret."""
    add_account(
        uow, Account(username, username.title(), frozenset({Role.SCHEDULER})), password=PASSWORD
    )
    setup = start_setup(uow, username)
    confirm_setup(uow, username, pyotp.TOTP(setup.secret).now(), settings=Settings())
    assert two_factor_on(uow, username)
    return setup.secret


def _secret_of(uow: SqlAlchemyUnitOfWork, username: str) -> str | None:
    with uow.unlocked():
        return uow.accounts.totp(username).secret


@pytest.fixture
def key_file(tmp_path: Path) -> KeySource:
    return KeySource(file=tmp_path / "koppel.key")


def test_the_column_holds_a_sealed_secret_and_the_key_file_is_private(
    engine: Engine, key_file: KeySource
):
    uow = _uow(engine, key_file)
    secret = _with_two_factor(uow, "anna")
    stored = _stored(engine, "anna")
    assert stored is not None
    assert stored.startswith("fernet:")
    assert secret not in stored
    assert _secret_of(uow, "anna") == secret
    assert key_file.file is not None
    assert stat.S_IMODE(key_file.file.stat().st_mode) == 0o600
    (key,) = key_words(key_file.file.read_text())
    assert Fernet(key).decrypt(stored.removeprefix("fernet:")).decode() == secret


def test_a_missing_wrong_or_invalid_key_is_refused_by_its_setting(
    engine: Engine, key_file: KeySource, tmp_path: Path
):
    _with_two_factor(_uow(engine, key_file), "bram")
    missing = tmp_path / "weg.key"
    cases = {
        "secret_key.missing": KeySource(file=missing),
        "secret_key.wrong": KeySource(text=Fernet.generate_key().decode()),
        "secret_key.invalid": KeySource(text="geen-sleutel"),
    }
    for code, source in cases.items():
        with pytest.raises(SecretKeyError) as refused:
            _secret_of(_uow(engine, source), "bram")
        assert refused.value.code == code
        assert refused.value.exit_code == 2
        setting = "KOPPEL_SECRET_KEY_FILE" if source.file else "KOPPEL_SECRET_KEY"
        assert setting in refused.value.message("en")
    assert not missing.exists()  # opening never makes a key
    wrong_file = tmp_path / "ander.key"
    wrong_file.write_text(Fernet.generate_key().decode() + "\n")
    with pytest.raises(SecretKeyError) as refused:
        check_secrets(_uow(engine, KeySource(file=wrong_file)))
    assert str(wrong_file) in refused.value.message("en")


def test_plain_secrets_from_before_are_read_and_sealed_by_rotate(
    engine: Engine, key_file: KeySource
):
    uow = _uow(engine, key_file)
    sealed = _with_two_factor(uow, "carla")
    plain = pyotp.random_base32()
    add_account(uow, Account("dirk", "Dirk", frozenset({Role.SCHEDULER})), password=PASSWORD)
    with engine.begin() as conn:
        conn.execute(
            update(t.accounts)
            .where(t.accounts.c.username == "dirk")
            .values(totp_secret=plain, totp_enabled=True)
        )
    assert _secret_of(uow, "dirk") == plain
    kept = check_secrets(uow)
    assert (kept.current, kept.older, kept.plain) == (1, 0, 1)
    done = rotate_secrets(uow, new_key=False, drop_old_keys=False, actor="test")
    assert (done.resealed, done.were_plain) == (2, 1)
    stored = _stored(engine, "dirk")
    assert stored is not None
    assert stored.startswith("fernet:")
    assert plain not in stored
    assert (_secret_of(uow, "dirk"), _secret_of(uow, "carla")) == (plain, sealed)


def test_rotate_with_a_new_key_then_without_the_old_ones(engine: Engine, key_file: KeySource):
    uow = _uow(engine, key_file)
    secret = _with_two_factor(uow, "eva")
    assert key_file.file is not None
    old = key_words(key_file.file.read_text())
    before = _stored(engine, "eva")
    done = rotate_secrets(uow, new_key=True, drop_old_keys=False, actor="test")
    assert (done.new_key, done.resealed, done.dropped_keys) == (True, 1, 0)
    keys = key_words(key_file.file.read_text())
    assert keys[1:] == old
    assert _stored(engine, "eva") != before
    assert check_secrets(uow).current == 1
    # another process that still has only the old key cannot open it any more
    with pytest.raises(SecretKeyError):
        _secret_of(_uow(engine, KeySource(text=old[0])), "eva")
    assert _secret_of(_uow(engine, KeySource(text=",".join(keys))), "eva") == secret
    dropped = rotate_secrets(uow, new_key=False, drop_old_keys=True, actor="test")
    assert dropped.dropped_keys == 1
    assert key_words(key_file.file.read_text()) == keys[:1]
    assert stat.S_IMODE(key_file.file.stat().st_mode) == 0o600
    assert _secret_of(uow, "eva") == secret
    with engine.connect() as conn:
        actions = list(conn.scalars(select(t.audit_entries.c.action)))
    assert actions.count("secrets.resealed") == 2


def test_rotation_is_all_or_nothing(engine: Engine, key_file: KeySource):
    uow = _uow(engine, key_file)
    _with_two_factor(uow, "fien")
    _with_two_factor(uow, "gijs")
    foreign = "fernet:" + Fernet(Fernet.generate_key()).encrypt(b"ABCD").decode()
    with engine.begin() as conn:
        conn.execute(
            update(t.accounts).where(t.accounts.c.username == "gijs").values(totp_secret=foreign)
        )
    assert key_file.file is not None
    keys_before = key_file.file.read_text()
    fien_before = _stored(engine, "fien")
    with pytest.raises(SecretKeyError):
        rotate_secrets(uow, new_key=True, drop_old_keys=True, actor="test")
    assert key_file.file.read_text() == keys_before
    assert _stored(engine, "fien") == fien_before
    assert _stored(engine, "gijs") == foreign


def test_keys_from_the_setting_cannot_be_rotated_in_a_file(engine: Engine):
    key = Fernet.generate_key().decode()
    uow = _uow(engine, KeySource(text=f"{key}, {Fernet.generate_key().decode()}"))
    _with_two_factor(uow, "hans")
    with pytest.raises(SecretKeyError) as refused:
        rotate_secrets(uow, new_key=True, drop_old_keys=False, actor="test")
    assert refused.value.code == "secret_key.not_a_file"
    assert rotate_secrets(uow, new_key=False, drop_old_keys=False, actor="test").resealed == 1
    stored = _stored(engine, "hans")
    assert stored is not None
    Fernet(key).decrypt(stored.removeprefix("fernet:"))  # sealed with the first key
