"""Accounts with their roles and team-leader departments in the portal database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, or_, select

from koppel.domain.accounts import Account, AccountKind, AccountSummary, Role, TotpState
from koppel.domain.errors import AlreadyExists, NotFound
from koppel.store import tables as t
from koppel.store.repositories.keys import KeyIndex
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.staff import SqlAlchemyStaffRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository
from koppel.store.secrets import SecretBox


class SqlAlchemyAccountRepository:
    """Accounts, keyed by username. A password hash of ``None`` means the account cannot
    log in until a password is set (by ``koppel user add`` or an administrator's reset)."""

    def __init__(
        self,
        connection: Connection,
        *,
        school: SqlAlchemySchoolRepository,
        students: SqlAlchemyStudentRepository,
        staff: SqlAlchemyStaffRepository,
        secrets: SecretBox,
    ) -> None:
        self._connection = connection
        self._secrets = secrets
        self._school = school
        self._students = students
        self._staff = staff
        self.ids = KeyIndex(connection, t.accounts, "username", "account")

    def add_many(
        self, accounts: Sequence[Account], *, password_hashes: dict[str, str] | None = None
    ) -> None:
        """Add accounts; ``password_hashes`` maps usernames to their (argon2) hash."""
        hashes = password_hashes or {}
        seen: set[str] = set()
        for account in accounts:
            if account.username in seen or self.ids.find(account.username) is not None:
                raise AlreadyExists("account", account.username)
            seen.add(account.username)
        if not accounts:
            return
        now = datetime.now(UTC)
        self._connection.execute(
            t.accounts.insert(),
            [
                {
                    "username": a.username,
                    "display_name": a.display_name,
                    "email": a.email,
                    "kind": a.kind.value,
                    "student_id": (
                        self._students.ids.id_of(a.student_number) if a.student_number else None
                    ),
                    "staff_id": self._staff.ids.id_of(a.staff_code) if a.staff_code else None,
                    "password_hash": hashes.get(a.username),
                    "is_active": a.is_active,
                    "created_at": now,
                }
                for a in accounts
            ],
        )
        self.ids.forget()
        self._connection.execute(
            t.account_roles.insert(),
            [
                {"account_id": self.ids.id_of(a.username), "role": role.value}
                for a in accounts
                for role in sorted(a.roles)
            ],
        )
        department_rows = [
            {
                "account_id": self.ids.id_of(a.username),
                "department_id": self._school.department_ids.id_of(code),
            }
            for a in accounts
            for code in sorted(a.departments)
        ]
        if department_rows:
            self._connection.execute(t.account_departments.insert(), department_rows)

    def get(self, username: str) -> Account:
        a, s, m = t.accounts, t.students, t.staff_members
        row = self._connection.execute(
            select(
                a.c.id,
                a.c.username,
                a.c.display_name,
                a.c.kind,
                a.c.email,
                a.c.is_active,
                s.c.student_number,
                m.c.staff_code,
            )
            .outerjoin(s, s.c.id == a.c.student_id)
            .outerjoin(m, m.c.id == a.c.staff_id)
            .where(a.c.username == username.lower())
        ).first()
        if row is None:
            raise NotFound("account", username)
        roles = self._connection.scalars(
            select(t.account_roles.c.role).where(t.account_roles.c.account_id == row.id)
        )
        d, ad = t.departments, t.account_departments
        departments = self._connection.scalars(
            select(d.c.code).join(ad, ad.c.department_id == d.c.id).where(ad.c.account_id == row.id)
        )
        return Account(
            username=row.username,
            display_name=row.display_name,
            roles=frozenset(Role(r) for r in roles),
            kind=AccountKind(row.kind),
            student_number=row.student_number or "",
            staff_code=row.staff_code or "",
            departments=frozenset(departments),
            email=row.email,
            is_active=row.is_active,
        )

    def password_hash(self, username: str) -> str | None:
        return self._connection.scalar(
            select(t.accounts.c.password_hash).where(t.accounts.c.username == username.lower())
        )

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self._connection.execute(
            t.accounts.update()
            .where(t.accounts.c.id == self.ids.id_of(username.lower()))
            .values(password_hash=password_hash)
        )

    def set_active(self, username: str, *, is_active: bool) -> None:
        self._connection.execute(
            t.accounts.update()
            .where(t.accounts.c.id == self.ids.id_of(username.lower()))
            .values(is_active=is_active)
        )

    def remove(self, usernames: Iterable[str]) -> None:
        """Delete accounts (only undo of an import does this)."""
        ids = [self.ids.id_of(name.lower()) for name in usernames]
        if ids:
            self._connection.execute(t.accounts.delete().where(t.accounts.c.id.in_(ids)))
        self.ids.forget()

    def count(self) -> int:
        return self._connection.scalar(select(func.count()).select_from(t.accounts)) or 0

    def count_by_role(self) -> dict[Role, int]:
        rows = self._connection.execute(
            select(t.account_roles.c.role, func.count()).group_by(t.account_roles.c.role)
        )
        counts: dict[Role, int] = defaultdict(int)
        for role, count in rows:
            counts[Role(role)] = count
        return {role: counts[role] for role in Role}

    def search(
        self, *, text: str = "", role: Role | None = None, offset: int = 0, limit: int = 50
    ) -> tuple[list[AccountSummary], int]:
        """Accounts whose username or name contains ``text`` (any case), with ``role``;
        sorted by username. Returns one page and the number of all that match."""
        a, r = t.accounts, t.account_roles
        query = select(a.c.id, a.c.username, a.c.display_name, a.c.is_active, a.c.totp_enabled)
        if text:
            needle = text.strip().lower()
            query = query.where(
                or_(
                    a.c.username.contains(needle, autoescape=True),
                    func.lower(a.c.display_name).contains(needle, autoescape=True),
                )
            )
        if role is not None:
            query = query.where(a.c.id.in_(select(r.c.account_id).where(r.c.role == role.value)))
        total = self._connection.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = self._connection.execute(
            query.order_by(a.c.username).offset(offset).limit(limit)
        ).all()
        roles: dict[int, set[Role]] = defaultdict(set)
        for account_id, name in self._connection.execute(
            select(r.c.account_id, r.c.role).where(r.c.account_id.in_([row.id for row in rows]))
        ):
            roles[account_id].add(Role(name))
        return [
            AccountSummary(
                row.username,
                row.display_name,
                frozenset(roles[row.id]),
                row.is_active,
                row.totp_enabled,
            )
            for row in rows
        ], total

    def set_roles(self, username: str, roles: Iterable[Role]) -> None:
        account_id = self.ids.id_of(username.lower())
        r = t.account_roles
        self._connection.execute(r.delete().where(r.c.account_id == account_id))
        self._connection.execute(
            r.insert(), [{"account_id": account_id, "role": role.value} for role in sorted(roles)]
        )

    def set_departments(self, username: str, codes: Iterable[str]) -> None:
        """A team leader's departments; every code must be a department of the school."""
        account_id = self.ids.id_of(username.lower())
        ad = t.account_departments
        rows = [
            {"account_id": account_id, "department_id": self._school.department_ids.id_of(code)}
            for code in sorted(set(codes))
        ]
        self._connection.execute(ad.delete().where(ad.c.account_id == account_id))
        if rows:
            self._connection.execute(ad.insert(), rows)

    def totp(self, username: str) -> TotpState:
        a = t.accounts
        row = self._connection.execute(
            select(a.c.totp_secret, a.c.totp_enabled, a.c.totp_last_step).where(
                a.c.username == username.lower()
            )
        ).first()
        if row is None:
            raise NotFound("account", username)
        secret = self._secrets.open(row.totp_secret) if row.totp_secret else None
        return TotpState(secret, bool(row.totp_enabled), row.totp_last_step)

    def set_totp(self, username: str, state: TotpState) -> None:
        """The account's TOTP state; the secret is stored sealed (a secret from before
        sealing is sealed now, with the newest key)."""
        self._connection.execute(
            t.accounts.update()
            .where(t.accounts.c.id == self.ids.id_of(username.lower()))
            .values(
                totp_secret=self._secrets.seal(state.secret) if state.secret else None,
                totp_enabled=state.enabled,
                totp_last_step=state.last_step,
            )
        )

    def totp_secret_states(self) -> list[str]:
        """How each stored TOTP secret is kept: ``current``, ``older`` or ``plain`` (see
        :meth:`koppel.store.secrets.SecretBox.state_of`); refused when one cannot be
        opened."""
        a = t.accounts
        stored = self._connection.scalars(
            select(a.c.totp_secret).where(a.c.totp_secret.is_not(None)).order_by(a.c.id)
        )
        return [self._secrets.state_of(value) for value in stored]

    def reseal_totp_secrets(self) -> int:
        """Every stored TOTP secret sealed anew with the newest key; how many."""
        a = t.accounts
        rows = self._connection.execute(
            select(a.c.id, a.c.totp_secret).where(a.c.totp_secret.is_not(None)).order_by(a.c.id)
        ).all()
        for row in rows:
            self._connection.execute(
                a.update()
                .where(a.c.id == row.id)
                .values(totp_secret=self._secrets.reseal(row.totp_secret))
            )
        return len(rows)

    def holder_of(self, *, student_number: str = "", staff_code: str = "") -> str | None:
        """The username of the account that already belongs to this student or staff
        member (each has at most one), or None."""
        a, s, m = t.accounts, t.students, t.staff_members
        if student_number:
            return self._connection.scalar(
                select(a.c.username)
                .join(s, s.c.id == a.c.student_id)
                .where(s.c.student_number == student_number)
            )
        if staff_code:
            return self._connection.scalar(
                select(a.c.username)
                .join(m, m.c.id == a.c.staff_id)
                .where(m.c.staff_code == staff_code)
            )
        return None
