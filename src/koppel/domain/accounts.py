"""Accounts and roles (DESIGN.md section 3). Access is denied unless a role grants it.

Also what an account signs in with: its two-factor state, its sign-in sessions and its
API tokens, as the portal keeps them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import normalise_email
from koppel.domain.school import normalise_department_code
from koppel.domain.staff import validate_staff_code
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text, require

_USERNAME = re.compile(r"^[A-Za-z0-9._@-]{3,64}$")


def is_username(text: str) -> bool:
    """Whether ``text`` could be an account's username (letters, digits, ``._@-``)."""
    return bool(_USERNAME.match(text))


class Role(StrEnum):
    """Rol: applicatiebeheerder, roostermaker, teamleider, mentor, docent, leerling."""

    ADMINISTRATOR = "administrator"
    SCHEDULER = "scheduler"
    TEAM_LEADER = "team_leader"
    MENTOR = "mentor"
    TEACHER = "teacher"
    STUDENT = "student"


class AccountKind(StrEnum):
    """Type gebruiker: leerling, medewerker or other (such as a service account)."""

    STUDENT = "student"
    STAFF = "staff"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Account:
    """An account that can log in to the portal, with its roles.

    A student account belongs to a student (``student_number``); a staff account to a
    staff member (``staff_code``). A team leader's scope is ``departments``.
    """

    username: str
    display_name: str
    roles: frozenset[Role]
    kind: AccountKind = AccountKind.OTHER
    student_number: str = ""
    staff_code: str = ""
    departments: frozenset[str] = field(default_factory=frozenset)
    email: str = ""
    is_active: bool = True

    def __post_init__(self) -> None:
        username = clean_text(self.username)
        if not _USERNAME.match(username):
            raise InvalidValue("account.username", value=self.username)
        object.__setattr__(self, "username", username.lower())
        object.__setattr__(self, "display_name", require(self.display_name, "naam"))
        object.__setattr__(self, "roles", frozenset(Role(role) for role in self.roles))
        object.__setattr__(self, "kind", AccountKind(self.kind))
        object.__setattr__(
            self, "departments", frozenset(normalise_department_code(d) for d in self.departments)
        )
        if not self.roles:
            raise InvalidValue("account.no_roles", username=username)
        number = clean_text(self.student_number)
        object.__setattr__(
            self, "student_number", validate_student_number(number) if number else ""
        )
        code = clean_text(self.staff_code)
        object.__setattr__(self, "staff_code", validate_staff_code(code) if code else "")
        email = clean_text(self.email)
        object.__setattr__(self, "email", normalise_email(email) if email else "")
        if Role.STUDENT in self.roles and not self.student_number:
            raise InvalidValue("account.student_link", username=username)

    def has_role(self, role: Role) -> bool:
        return self.is_active and role in self.roles

    def leads_department(self, department_code: str) -> bool:
        """A team leader edits the planning data of its own departments only."""
        code = clean_text(department_code).upper().replace(" ", "")
        return self.has_role(Role.TEAM_LEADER) and code in self.departments


@dataclass(frozen=True)
class TotpState:
    """An account's two-factor sign-in: the secret (kept while being set up), whether it
    is on, and the last time step accepted (a code is never accepted twice)."""

    secret: str | None
    enabled: bool
    last_step: int | None


@dataclass(frozen=True)
class AccountSummary:
    """One line of the administrator's account list."""

    username: str
    display_name: str
    roles: frozenset[Role]
    is_active: bool
    totp_enabled: bool


@dataclass(frozen=True)
class ApiToken:
    """API-token: a named token of an account with one role (only its hash is kept)."""

    name: str
    username: str
    role: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    account_active: bool
    departments: tuple[str, ...] = ()
    """The departments it is limited to (none: see :func:`koppel.domain.access.token_scope`)."""

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.account_active


@dataclass(frozen=True)
class TokenScope:
    """The departments whose students and groups a token reads and writes: ``None`` for
    the whole school, an empty set for nothing at all."""

    departments: frozenset[str] | None

    @property
    def whole_school(self) -> bool:
        return self.departments is None

    def covers(self, code: str) -> bool:
        return self.departments is None or code in self.departments

    def outside(self, codes: Iterable[str]) -> list[str]:
        """The codes this scope does not cover, sorted."""
        return sorted({code for code in codes if not self.covers(code)})

    def covers_any(self, codes: Iterable[str]) -> bool:
        """Whether a student taking part in ``codes`` is in this scope."""
        return self.departments is None or bool(self.departments.intersection(codes))


WHOLE_SCHOOL = TokenScope(None)


@dataclass(frozen=True)
class SignInSession:
    """A sign-in session as it is kept (the cookie holds its token; only a hash is kept)."""

    username: str
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
    is_active: bool
    """Whether the account is still active (a deactivated account's session is void)."""
    needs_second_factor: bool
    """Signed in with the password only: the TOTP code (or setting it up) is still due."""
