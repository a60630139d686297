"""The sealed TOTP secrets (:mod:`koppel.store.secrets`): how they are kept, and sealing
them all anew with the newest key (``koppel secrets check`` and ``rotate``)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.services.audit.entries import audit_entry
from koppel.store.secrets import KEY_SETTING, SecretKeyError
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class SecretsKept:
    current: int
    """Sealed with the newest key."""
    older: int
    """Sealed with an older key (still listed after the newest)."""
    plain: int
    """From before koppel sealed them: sealed at the next right code or by ``rotate``."""
    where: str
    """The setting (and file) the keys come from."""

    @property
    def total(self) -> int:
        return self.current + self.older + self.plain


@dataclass(frozen=True)
class Rotation:
    resealed: int
    """Every stored secret, now sealed with the newest key."""
    were_plain: int
    where: str
    new_key: bool
    """A new key was put in front of the key file's keys first."""
    dropped_keys: int
    """Older keys taken out of the key file afterwards (``--drop-old-keys``)."""


def ensure_secret_key(uow: SqlAlchemyUnitOfWork) -> str:
    """The key file made (0600, one new key) when it is missing; where the keys come from."""
    uow.secrets.ensure_key()
    return uow.secrets.source.where


def check_secrets(uow: SqlAlchemyUnitOfWork) -> SecretsKept:
    """Opens every stored secret: :class:`SecretKeyError` (naming the setting) when the
    key is missing or one cannot be opened with it, or a key there is not valid."""
    uow.secrets.check_keys()
    with uow.unlocked():
        states = uow.accounts.totp_secret_states()
    return SecretsKept(
        states.count("current"),
        states.count("older"),
        states.count("plain"),
        uow.secrets.source.where,
    )


def rotate_secrets(
    uow: SqlAlchemyUnitOfWork, *, new_key: bool, drop_old_keys: bool, actor: str
) -> Rotation:
    """Every stored TOTP secret sealed anew with the newest key, in one transaction (all or
    nothing), after a new key is put in front (``new_key``, key file only). Old keys
    are taken out of the key file only afterwards, and only when no secret needs them
    (``drop_old_keys``). Nothing is changed when a secret cannot be opened."""
    if (new_key or drop_old_keys) and uow.secrets.source.file is None:
        raise SecretKeyError("secret_key.not_a_file", setting=KEY_SETTING)
    before = check_secrets(uow)  # every secret opens, before the key file changes
    if new_key:
        uow.secrets.add_new_key()
    with uow:
        resealed = uow.accounts.reseal_totp_secrets()
        uow.audit.add_many(
            [
                audit_entry(
                    "secrets.resealed",
                    "settings",
                    "totp_secrets",
                    actor=actor,
                    after={"resealed": resealed, "new_key": new_key},
                )
            ]
        )
        uow.commit()
    dropped = 0
    if drop_old_keys and check_secrets(uow).older == 0:
        dropped = uow.secrets.keep_newest_key_only()
    return Rotation(resealed, before.plain, before.where, new_key, dropped)
