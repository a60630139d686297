"""Accounts: adding one from the command line (``koppel user add``)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.accounts import Account
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.services.audit import audit_entry
from koppel.services.passwords import MINIMUM_LENGTH, generate_password, hash_password
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
