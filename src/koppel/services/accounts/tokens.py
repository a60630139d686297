"""API tokens (for the connector and scripts): made for an account and one of its roles,
shown once, stored as a hash, revocable. Deactivating the account ends its tokens. A
scheduler's token is limited to the departments of its project (least privilege)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from koppel.domain.access import check_token_departments, token_scope
from koppel.domain.accounts import Account, ApiToken, Role, TokenScope
from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.school import normalise_department_code
from koppel.i18n import Term
from koppel.services.accounts.sign_in import token_hash, touch_due
from koppel.services.audit.entries import COMMAND_LINE_ACTOR, audit_entry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

TOKEN_PREFIX = "kpl_"  # noqa: S105 - a visible prefix, not a secret
_NAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


@dataclass(frozen=True)
class NewToken:
    name: str
    token: str
    """Shown once; koppel keeps only its hash."""
    username: str
    role: Role
    departments: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenHolder:
    account: Account
    role: Role
    token_name: str
    departments: frozenset[str] = frozenset()

    @property
    def scope(self) -> TokenScope:
        """The departments whose students and groups the token reads and writes."""
        return token_scope(self.role, self.departments)

    @property
    def lacks_departments(self) -> bool:
        """A scheduler's token without departments (made before tokens had them)."""
        return self.role is Role.SCHEDULER and not self.departments


def department_codes(texts: Iterable[str]) -> tuple[str, ...]:
    """``["4V", "5v, 6V"]`` -> ``("4V", "5V", "6V")``: repeated and comma-separated."""
    codes = {part for text in texts for part in text.split(",") if part.strip()}
    return tuple(sorted({normalise_department_code(code) for code in codes}))


def create_token(
    uow: SqlAlchemyUnitOfWork,
    name: str,
    *,
    username: str,
    role: Role,
    departments: Iterable[str] = (),
    actor: str = COMMAND_LINE_ACTOR,
) -> NewToken:
    """A new token named ``name`` (letters, digits, ``.``, ``_``, ``-``) for ``username``
    with one of its roles; a scheduler's token for ``departments`` (at least one, every
    one a department of the school). The token itself is in the answer only."""
    name = name.strip()
    if not _NAME.match(name):
        raise InvalidValue("token.name", value=name)
    codes = department_codes(departments)
    check_token_departments(role, codes)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with uow:
        account = uow.accounts.get(username)
        if not account.has_role(role):
            raise InvalidValue(
                "token.role", username=account.username, role=Term(f"role.{role.value}")
            )
        uow.tokens.add(
            name=name,
            token_hash=token_hash(token),
            username=account.username,
            role=role.value,
            at=datetime.now(UTC),
            department_ids=uow.school.department_ids.ids_of(codes),
        )
        after: dict[str, JsonValue] = {"account": account.username, "role": role.value}
        if codes:
            after["departments"] = list[JsonValue](codes)
        uow.audit.add_many([audit_entry("token.create", "token", name, actor=actor, after=after)])
        uow.commit()
    return NewToken(name, token, account.username, role, codes)


def token_holder(uow: SqlAlchemyUnitOfWork, token: str) -> TokenHolder | None:
    """Who a bearer token speaks for, or None (unknown, revoked, account deactivated)."""
    hashed = token_hash(token)
    with uow.unlocked():
        found = uow.tokens.by_hash(hashed)
        if found is None or not found.is_usable:
            return None
        account = uow.accounts.get(found.username)
        if not account.has_role(Role(found.role)):
            return None
        now = datetime.now(UTC)
        if touch_due(found.last_used_at, now):
            uow.tokens.touch(hashed, now)
        uow.commit()
    return TokenHolder(account, Role(found.role), found.name, frozenset(found.departments))


def revoke_token(uow: SqlAlchemyUnitOfWork, name: str, *, actor: str = COMMAND_LINE_ACTOR) -> bool:
    """True when the token was in use and is revoked now; False when it already was."""
    with uow:
        revoked = uow.tokens.revoke(name, datetime.now(UTC))
        if revoked:
            uow.audit.add_many([audit_entry("token.revoke", "token", name, actor=actor)])
        uow.commit()
    return revoked


def list_tokens(uow: SqlAlchemyUnitOfWork) -> list[ApiToken]:
    with uow.unlocked():
        return uow.tokens.list()
