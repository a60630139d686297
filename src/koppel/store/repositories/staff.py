"""Staff members (personeel) in the portal database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection, func, select

from koppel.domain.audit import JsonValue
from koppel.domain.errors import AlreadyExists, NotFound
from koppel.domain.imports.staff import STAFF_FIELDS, StaffState
from koppel.domain.staff import StaffMember, StaffStatus
from koppel.store import tables as t
from koppel.store.repositories.keys import KeyIndex

_COLUMNS = (
    t.staff_members.c.staff_code,
    t.staff_members.c.first_name,
    t.staff_members.c.last_name,
    t.staff_members.c.infix,
    t.staff_members.c.email,
    t.staff_members.c.status,
)


class SqlAlchemyStaffRepository:
    """Medewerkers, keyed by staff code."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.ids = KeyIndex(connection, t.staff_members, "staff_code", "medewerker")

    def add_many(self, members: Sequence[StaffMember]) -> None:
        seen: set[str] = set()
        for member in members:
            if member.staff_code in seen or self.ids.find(member.staff_code) is not None:
                raise AlreadyExists("medewerker", member.staff_code)
            seen.add(member.staff_code)
        if members:
            self._connection.execute(
                t.staff_members.insert(),
                [
                    {
                        "staff_code": m.staff_code,
                        "first_name": m.first_name,
                        "infix": m.infix,
                        "last_name": m.last_name,
                        "email": m.email,
                        "status": m.status.value,
                    }
                    for m in members
                ],
            )
        self.ids.forget()

    def get(self, staff_code: str) -> StaffMember:
        row = self._connection.execute(
            select(*_COLUMNS).where(t.staff_members.c.staff_code == staff_code.upper())
        ).first()
        if row is None:
            raise NotFound("medewerker", staff_code)
        return StaffMember(*row[:5], status=StaffStatus(row.status))

    def list(self) -> list[StaffMember]:
        rows = self._connection.execute(select(*_COLUMNS).order_by(t.staff_members.c.last_name))
        return [StaffMember(*row[:5], status=StaffStatus(row.status)) for row in rows]

    def states(self) -> dict[str, StaffState]:
        """Every staff member's importable fields, by staff code."""
        m = t.staff_members
        rows = self._connection.execute(
            select(m.c.staff_code, *(m.c[name] for name in STAFF_FIELDS))
        )
        return {row.staff_code: {name: row._mapping[name] for name in STAFF_FIELDS} for row in rows}

    def codes_by_email(self) -> dict[str, str]:
        m = t.staff_members
        rows = self._connection.execute(select(m.c.email, m.c.staff_code).where(m.c.email != ""))
        return {email.lower(): code for email, code in rows}

    def write_many(self, changes: Mapping[str, Mapping[str, JsonValue]]) -> None:
        """Set fields of existing staff members: ``{staff code: {field: value}}``."""
        for code, fields in changes.items():
            values = {name: fields[name] for name in STAFF_FIELDS if name in fields}
            if values:
                self._connection.execute(
                    t.staff_members.update()
                    .where(t.staff_members.c.id == self.ids.id_of(code))
                    .values(**values)
                )

    def remove(self, codes: Iterable[str]) -> None:
        """Delete staff members (only undo of an import does this); links go with them."""
        ids = self.ids.ids_of(codes)
        if ids:
            self._connection.execute(t.staff_members.delete().where(t.staff_members.c.id.in_(ids)))
        self.ids.forget()

    def count(self) -> int:
        return self._connection.scalar(select(func.count()).select_from(t.staff_members)) or 0
