"""Accounts: adding one from the command line (``koppel user add``)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.accounts import Account
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.services.audit import audit_entry
from koppel.services.passwords import (
    MINIMUM_LENGTH,
    generate_password,
    hash_password,
    verify_password,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class NewAccount:
    account: Account
    password: str
    """The password to hand over; generated when none was given."""
    is_generated: bool


class WeakPassword(InvalidValue):
    def __init__(self) -> None:
        super().__init__("password.too_short", minimum=MINIMUM_LENGTH)


def add_account(
    uow: SqlAlchemyUnitOfWork, account: Account, *, password: str | None = None
) -> NewAccount:
    """Create ``account`` with ``password`` (or a generated one), audited."""
    if password is not None and len(password) < MINIMUM_LENGTH:
        raise WeakPassword()
    chosen = password or generate_password()
    with uow:
        uow.accounts.add_many([account], password_hashes={account.username: hash_password(chosen)})
        uow.audit.add_many(
            [
                audit_entry(
                    "account.add",
                    "account",
                    account.username,
                    after={
                        "roles": list[JsonValue](sorted(role.value for role in account.roles)),
                        "departments": list[JsonValue](sorted(account.departments)),
                        "kind": account.kind.value,
                    },
                )
            ]
        )
        uow.commit()
    return NewAccount(account, chosen, is_generated=password is None)


def change_password(
    uow: SqlAlchemyUnitOfWork, username: str, *, current: str, new: str, keep_session: str
) -> None:
    """Wachtwoord wijzigen: the account's own change; its other sessions end."""
    if len(new) < MINIMUM_LENGTH:
        raise WeakPassword()
    with uow:
        stored = uow.accounts.password_hash(username)
        if stored is None or not verify_password(stored, current):
            raise InvalidValue("password.current_wrong")
        uow.accounts.set_password_hash(username, hash_password(new))
        uow.sessions.remove_all_of(username, except_hash=keep_session)
        uow.audit.add_many(
            [audit_entry("account.password_change", "account", username, actor=username)]
        )
        uow.commit()


def reset_password(uow: SqlAlchemyUnitOfWork, username: str, *, actor: str) -> str:
    """An administrator's reset: a new generated password, shown once; every session of
    the account ends."""
    password = generate_password()
    with uow:
        account = uow.accounts.get(username)
        uow.accounts.set_password_hash(account.username, hash_password(password))
        uow.sessions.remove_all_of(account.username)
        uow.audit.add_many(
            [audit_entry("account.password_reset", "account", account.username, actor=actor)]
        )
        uow.commit()
    return password


def deactivate_account(uow: SqlAlchemyUnitOfWork, username: str, *, actor: str) -> bool:
    """Deactivate: sessions end at once and tokens stop working. False when it already was."""
    with uow:
        account = uow.accounts.get(username)
        if not account.is_active:
            return False
        uow.accounts.set_active(account.username, is_active=False)
        uow.sessions.remove_all_of(account.username)
        uow.audit.add_many(
            [
                audit_entry(
                    "account.deactivate",
                    "account",
                    account.username,
                    actor=actor,
                    before={"is_active": True},
                    after={"is_active": False},
                )
            ]
        )
        uow.commit()
    return True
