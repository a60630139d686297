"""The personal part of an account (its display name and e-mail), read and overwritten
by the year transition when a school removes the data of staff who left."""

from __future__ import annotations

from sqlalchemy import Connection, select

from koppel.store import tables as t


class SqlAlchemyAccountIdentityRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def of_staff(self, staff_codes: list[str]) -> dict[str, tuple[str, str, str, bool]]:
        """``{staff code: (username, display name, e-mail, is active)}`` for the staff
        members in ``staff_codes`` that have an account."""
        a, m = t.accounts, t.staff_members
        rows = self._connection.execute(
            select(m.c.staff_code, a.c.username, a.c.display_name, a.c.email, a.c.is_active)
            .join(m, m.c.id == a.c.staff_id)
            .where(m.c.staff_code.in_(staff_codes))
        )
        return {row[0]: (row[1], row[2], row[3], bool(row[4])) for row in rows}

    def active_staff_codes(self) -> set[str]:
        """Staff codes whose account is active (whatever the staff member's status)."""
        a, m = t.accounts, t.staff_members
        return set(
            self._connection.scalars(
                select(m.c.staff_code).join(a, a.c.staff_id == m.c.id).where(a.c.is_active)
            )
        )

    def set_identity(self, username: str, *, display_name: str, email: str) -> None:
        self._connection.execute(
            t.accounts.update()
            .where(t.accounts.c.username == username)
            .values(display_name=display_name, email=email)
        )
