"""Accounts: adding them (``koppel user add``, Beheer > Accounts), their roles and
departments, passwords, deactivation and reactivation. Every change is audited with the
signed-in administrator (or ``cli``) as actor; passwords and secrets never are."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from koppel.domain.accounts import Account, AccountSummary, Role
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue, NotFound
from koppel.services.accounts.attempts import (
    Reservation,
    account_limit,
    release,
    reserve,
    settle_right,
)
from koppel.services.accounts.passwords import (
    MINIMUM_LENGTH,
    generate_password,
    hash_password,
    verify_password,
)
from koppel.services.audit.entries import COMMAND_LINE_ACTOR, audit_entry
from koppel.settings import Settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PAGE_SIZE = 50


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
    uow: SqlAlchemyUnitOfWork,
    account: Account,
    *,
    password: str | None = None,
    actor: str = COMMAND_LINE_ACTOR,
) -> NewAccount:
    """Create ``account`` with ``password`` (or a generated one), audited."""
    if password is not None and len(password) < MINIMUM_LENGTH:
        raise WeakPassword()
    chosen = password or generate_password()
    with uow:
        _check_departments(uow, account.departments)
        holder = uow.accounts.holder_of(
            student_number=account.student_number, staff_code=account.staff_code
        )
        if holder is not None:
            raise InvalidValue("account.link_taken", username=holder)
        uow.accounts.add_many([account], password_hashes={account.username: hash_password(chosen)})
        uow.audit.add_many(
            [
                audit_entry(
                    "account.add",
                    "account",
                    account.username,
                    actor=actor,
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


@dataclass(frozen=True)
class PasswordChange:
    """A password change whose failure is reserved (:func:`start_password_change`), the
    current password still to be checked (:func:`finish_password_change`)."""

    username: str
    reservation: Reservation
    password_hash: str | None


def start_password_change(
    uow: SqlAlchemyUnitOfWork, username: str, *, new: str, settings: Settings
) -> PasswordChange:
    """Wachtwoord wijzigen, first step: a new password long enough, and the current one
    counted before it is checked, as at sign-in (:class:`Paused` when the username has
    too many failures)."""
    if len(new) < MINIMUM_LENGTH:
        raise WeakPassword()
    limits = account_limit(username, settings)
    reservation = reserve(uow, limits, settings=settings, now=datetime.now(UTC))
    with uow.unlocked():
        stored = uow.accounts.password_hash(username)
    return PasswordChange(username, reservation, stored)


def abandon_password_change(uow: SqlAlchemyUnitOfWork, change: PasswordChange) -> None:
    """The current password was not checked (the portal was too busy): no failure."""
    release(uow, change.reservation)


def finish_password_change(
    uow: SqlAlchemyUnitOfWork, change: PasswordChange, *, current: str, new: str, keep_session: str
) -> None:
    """The current password checked and the new one hashed outside any transaction; a
    wrong one leaves its failure. The account's other sessions end."""
    if change.password_hash is None or not verify_password(change.password_hash, current):
        raise InvalidValue("password.current_wrong")
    new_hash = hash_password(new)
    username = change.username
    with uow:
        uow.accounts.set_password_hash(username, new_hash)
        uow.sessions.remove_all_of(username, except_hash=keep_session)
        settle_right(uow, change.reservation, clear=True)
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
    """Deactivate: sessions end at once and tokens stop working. False when it already was.
    An administrator cannot deactivate its own account (nobody might be left to undo it)."""
    with uow:
        account = uow.accounts.get(username)
        if account.username == actor.lower():
            raise InvalidValue("account.deactivate_self")
        if not account.is_active:
            return False
        end_access(uow, account.username)
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


def end_access(uow: SqlAlchemyUnitOfWork, username: str) -> None:
    """Inside an open unit of work: the account is inactive, its sessions end at once and
    its tokens stop working (a token works only for an active account). Shared by
    deactivation here and by the year transition's departed staff."""
    uow.accounts.set_active(username, is_active=False)
    uow.sessions.remove_all_of(username)


def reactivate_account(uow: SqlAlchemyUnitOfWork, username: str, *, actor: str) -> bool:
    """Active again: it can sign in, and its tokens that were not revoked work again.
    False when it already was active."""
    with uow:
        account = uow.accounts.get(username)
        if account.is_active:
            return False
        uow.accounts.set_active(account.username, is_active=True)
        uow.audit.add_many(
            [
                audit_entry(
                    "account.reactivate",
                    "account",
                    account.username,
                    actor=actor,
                    before={"is_active": False},
                    after={"is_active": True},
                )
            ]
        )
        uow.commit()
    return True


def change_access(
    uow: SqlAlchemyUnitOfWork,
    username: str,
    *,
    roles: Iterable[Role],
    departments: Iterable[str],
    actor: str,
) -> Account:
    """New roles and team-leader departments for an account, audited with before and
    after. An administrator cannot take its own administrator role away."""
    with uow:
        before = uow.accounts.get(username)
        after = replace(before, roles=frozenset(roles), departments=frozenset(departments))
        if (
            before.username == actor.lower()
            and Role.ADMINISTRATOR in before.roles
            and Role.ADMINISTRATOR not in after.roles
        ):
            raise InvalidValue("account.own_admin_role")
        _check_departments(uow, after.departments)
        if (before.roles, before.departments) == (after.roles, after.departments):
            return before
        uow.accounts.set_roles(after.username, after.roles)
        uow.accounts.set_departments(after.username, after.departments)
        uow.audit.add_many(
            [
                audit_entry(
                    "account.access",
                    "account",
                    after.username,
                    actor=actor,
                    before=_access(before),
                    after=_access(after),
                )
            ]
        )
        uow.commit()
    return after


@dataclass(frozen=True)
class AccountPage:
    accounts: list[AccountSummary]
    total: int
    page: int
    pages: int


def find_accounts(
    uow: SqlAlchemyUnitOfWork, *, text: str = "", role: Role | None = None, page: int = 1
) -> AccountPage:
    """One page of the accounts whose username or name contains ``text``, with ``role``."""
    with uow.unlocked():
        _, total = uow.accounts.search(text=text, role=role, limit=0)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        page = min(max(1, page), pages)
        found, total = uow.accounts.search(
            text=text, role=role, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
    return AccountPage(found, total, page, pages)


def account_of(uow: SqlAlchemyUnitOfWork, username: str) -> tuple[Account, bool]:
    """The account and whether its two-factor sign-in is on."""
    with uow.unlocked():
        return uow.accounts.get(username), uow.accounts.totp(username).enabled


def _check_departments(uow: SqlAlchemyUnitOfWork, codes: Iterable[str]) -> None:
    for code in sorted(codes):
        if uow.school.department_ids.find(code) is None:
            raise NotFound("afdeling", code)


def _access(account: Account) -> dict[str, JsonValue]:
    return {
        "roles": list[JsonValue](sorted(role.value for role in account.roles)),
        "departments": list[JsonValue](sorted(account.departments)),
    }
