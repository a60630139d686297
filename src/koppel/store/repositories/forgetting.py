"""Removing students for good (the retention of students who left): their rows and what
hangs off them, and their traces in the history (audit log, summaries, stored answers)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    func,
    select,
    update,
)

from koppel.domain.privacy import AuditEntryValues, StoredSummary
from koppel.domain.sis.keys import SisKind
from koppel.store import tables as t
from koppel.store.chunks import CHUNK
from koppel.store.repositories.among import among

PERSON_ENTITIES = ("student", "account")
"""Audit entries about a student (key: number) or an account (key: username)."""

SUMMARIES: dict[str, tuple[Table, tuple[str, ...], str]] = {
    "changesets": (t.changesets, ("id",), "summary"),
    "transition_previews": (t.transition_previews, ("school_year", "step"), "summary"),
    "sis_runs": (t.sis_runs, ("id",), "summary"),
    "idempotency_keys": (t.idempotency_keys, ("token_id", "key"), "body"),
}
"""History kept as JSON outside the audit log: table, primary key, JSON column."""

ACTORS: tuple[Column[str], ...] = (
    t.audit_entries.c.actor,
    t.changesets.c.actor,
    t.transition_previews.c.actor,
)


class SqlAlchemyForgettingRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def _delete(self, table: Table, column: Column[Any], keys: Collection[Any]) -> int:
        removed = 0
        for condition in among(self._connection, column, keys):
            removed += self._connection.execute(delete(table).where(condition)).rowcount
        return removed

    def _ids(self, column: Column[int], where: Column[Any], keys: Collection[Any]) -> list[int]:
        found: list[int] = []
        for condition in among(self._connection, where, keys):
            found.extend(self._connection.scalars(select(column).where(condition)))
        return found

    def identities(self, student_ids: Collection[int]) -> tuple[list[str], list[str]]:
        """The students' usernames, and their e-mail addresses and names as written in
        their rows and accounts (what history might hold of them)."""
        a, s = t.accounts, t.students
        usernames: list[str] = []
        values: list[str] = []
        for condition in among(self._connection, a.c.student_id, student_ids):
            for username, name, email in self._connection.execute(
                select(a.c.username, a.c.display_name, a.c.email).where(condition)
            ):
                usernames.append(username)
                values.extend((name, email))
        for condition in among(self._connection, s.c.id, student_ids):
            for row in self._connection.execute(
                select(s.c.first_name, s.c.infix, s.c.last_name, s.c.email).where(condition)
            ):
                first, infix, last, email = row
                values.extend((" ".join(p for p in (first, infix, last) if p), email))
        return usernames, values

    def count_other_entries(self) -> int:
        a = t.audit_entries
        return int(
            self._connection.scalar(
                select(func.count()).select_from(a).where(a.c.entity.not_in(PERSON_ENTITIES))
            )
            or 0
        )

    def remove_accounts(
        self, student_ids: Collection[int], usernames: Collection[str]
    ) -> dict[str, int]:
        """The students' accounts with their sessions, tokens (and their stored answers),
        roles, departments and failed sign-ins."""
        accounts = self._ids(t.accounts.c.id, t.accounts.c.student_id, student_ids)
        tokens = self._ids(t.api_tokens.c.id, t.api_tokens.c.account_id, accounts)
        removed = {
            "sessions": self._delete(t.sessions, t.sessions.c.account_id, accounts),
            "stored_answers": self._delete(
                t.idempotency_keys, t.idempotency_keys.c.token_id, tokens
            ),
            "tokens": self._delete_tokens(tokens),
            "login_failures": self._delete(t.login_failures, t.login_failures.c.key, usernames),
        }
        self._delete(t.account_roles, t.account_roles.c.account_id, accounts)
        self._delete(t.account_departments, t.account_departments.c.account_id, accounts)
        removed["accounts"] = self._delete(t.accounts, t.accounts.c.id, accounts)
        return removed

    def _delete_tokens(self, tokens: Collection[int]) -> int:
        self._delete(t.api_token_departments, t.api_token_departments.c.token_id, tokens)
        return self._delete(t.api_tokens, t.api_tokens.c.id, tokens)

    def remove_students(self, student_ids: Collection[int]) -> dict[str, int]:
        """The students with their yearly records (their accounts go first)."""
        prognoses = self._ids(t.prognoses.c.id, t.prognoses.c.student_id, student_ids)
        choices = self._ids(t.package_choices.c.id, t.package_choices.c.student_id, student_ids)
        self._delete(t.prognosis_shares, t.prognosis_shares.c.prognosis_id, prognoses)
        self._delete(t.package_subjects, t.package_subjects.c.package_choice_id, choices)
        m, p = t.group_memberships, t.department_participations
        return {
            "memberships": self._delete(m, m.c.student_id, student_ids),
            "participations": self._delete(p, p.c.student_id, student_ids),
            "prognoses": self._delete(t.prognoses, t.prognoses.c.id, prognoses),
            "package_choices": self._delete(t.package_choices, t.package_choices.c.id, choices),
            "students": self._delete(t.students, t.students.c.id, student_ids),
        }

    def remove_sis_ids(self, numbers: Collection[str]) -> int:
        """The SIS integration's sourcedIds of these students."""
        r = t.sis_ids
        removed = 0
        for condition in among(self._connection, r.c.key, numbers):
            removed += self._connection.execute(
                delete(r).where(r.c.kind == SisKind.STUDENT, condition)
            ).rowcount
        return removed + self._remove_enrollment_ids(numbers)

    def _remove_enrollment_ids(self, numbers: Collection[str]) -> int:
        """The enrollments remembered as ``s|group|number`` of these students."""
        r = t.sis_ids
        wanted = set(numbers)
        rows = self._connection.execute(
            select(r.c.sourced_id, r.c.key).where(
                r.c.kind == SisKind.ENROLLMENT, r.c.key.like("s|%")
            )
        )
        doomed = [sid for sid, key in rows if key.rpartition("|")[2] in wanted]
        removed = 0
        for condition in among(self._connection, r.c.sourced_id, doomed):
            removed += self._connection.execute(
                delete(r).where(r.c.kind == SisKind.ENROLLMENT, condition)
            ).rowcount
        return removed

    # --- history ------------------------------------------------------------------------

    def remove_entries_about(self, numbers: Collection[str], usernames: Collection[str]) -> int:
        """Audit entries whose subject is one of these students or their accounts."""
        a = t.audit_entries
        removed = 0
        for entity, keys in zip(PERSON_ENTITIES, (numbers, usernames), strict=True):
            for condition in among(self._connection, a.c.key, keys):
                removed += self._connection.execute(
                    delete(a).where(a.c.entity == entity, condition)
                ).rowcount
        return removed

    def replace_actor(self, usernames: Collection[str], replacement: str) -> int:
        """Write ``replacement`` where one of these accounts is named as who did something;
        the number of audit entries changed."""
        changed = 0
        for column in (*ACTORS, t.sis_runs.c.decided_by):
            named = set(self._connection.scalars(select(column).distinct())) & set(usernames)
            for condition in among(self._connection, column, named):
                table = column.table
                done = self._connection.execute(
                    update(table).where(condition).values({column.name: replacement})
                ).rowcount
                if table is t.audit_entries:
                    changed += done
        return changed

    def other_entries(self, batch: int = CHUNK) -> Iterator[list[AuditEntryValues]]:
        """Audit entries about anything but a student or an account, a batch at a time."""
        a = t.audit_entries
        last = 0
        while True:
            rows = self._connection.execute(
                select(a.c.id, a.c.key, a.c.before, a.c.after)
                .where(a.c.id > last, a.c.entity.not_in(PERSON_ENTITIES))
                .order_by(a.c.id)
                .limit(batch)
            ).all()
            if not rows:
                return
            yield [AuditEntryValues(*row) for row in rows]
            last = rows[-1][0]

    def set_entry_values(self, entries: Sequence[AuditEntryValues]) -> None:
        a = t.audit_entries
        if entries:
            self._connection.execute(
                update(a)
                .where(a.c.id == bindparam("_id"))
                .values(
                    before=bindparam("_before", type_=a.c.before.type),
                    after=bindparam("_after", type_=a.c.after.type),
                ),
                [{"_id": e.id, "_before": e.before, "_after": e.after} for e in entries],
            )

    def remove_entries(self, ids: Collection[int]) -> int:
        return self._delete(t.audit_entries, t.audit_entries.c.id, ids)

    def summaries(self) -> list[StoredSummary]:
        found: list[StoredSummary] = []
        for name, (table, key, column) in SUMMARIES.items():
            rows = self._connection.execute(select(*(table.c[k] for k in key), table.c[column]))
            found.extend(StoredSummary(name, tuple(row[:-1]), row[-1]) for row in rows)
        return found

    def set_summary(self, summary: StoredSummary) -> None:
        table, _, column = SUMMARIES[summary.table]
        self._connection.execute(update(table).where(_row(summary)).values({column: summary.value}))

    def remove_summary(self, summary: StoredSummary) -> None:
        self._connection.execute(delete(SUMMARIES[summary.table][0]).where(_row(summary)))


def _row(summary: StoredSummary) -> ColumnElement[bool]:
    table, key, _ = SUMMARIES[summary.table]
    return and_(*(table.c[name] == value for name, value in zip(key, summary.key, strict=True)))
