"""One transaction on a project file: read a domain as the comparison sees it, apply
writes recording every row before and after, and undo them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from koppel.domain.sync.domains import PRESENT, Fields, Key, SyncDomain
from koppel.store.project import tables
from koppel.store.project.rows import (
    EXTRA_ROWS,
    GROUP_ROWS,
    HOME_CLASS_ROWS,
    PACKAGE_ROWS,
    PARTICIPATION_ROWS,
    PROGNOSIS_ROWS,
    STORES,
    STUDENT_ROWS,
    DomainTable,
    GroupTable,
    RowTable,
    decode,
    encode,
)

PERSONAL_WIDTH = 10
"""The first ten columns of a student row are its personal data; the last is LWOO."""

DIRECT: Mapping[SyncDomain, RowTable | GroupTable] = {
    SyncDomain.DEPARTMENT_PARTICIPATION: PARTICIPATION_ROWS,
    SyncDomain.PROGNOSES: PROGNOSIS_ROWS,
    SyncDomain.PACKAGE_CHOICES: PACKAGE_ROWS,
    SyncDomain.HOME_CLASSES: HOME_CLASS_ROWS,
    SyncDomain.CLUSTER_GROUPS: GROUP_ROWS,
}
"""Domains whose rows are exactly one table's rows."""

STUDENT_TABLES: tuple[RowTable | GroupTable, ...] = (
    PARTICIPATION_ROWS,
    PROGNOSIS_ROWS,
    PACKAGE_ROWS,
    HOME_CLASS_ROWS,
    GROUP_ROWS,
    EXTRA_ROWS,
    STUDENT_ROWS,
)
"""Where a student's rows are; removing a student removes them in this order."""


@dataclass(frozen=True)
class Entry:
    """One row of one table before and after a change."""

    store: str
    key: Key
    before: Fields | None
    after: Fields | None


@dataclass
class CachedRead:
    """What the portal answered for one domain, kept in the project file."""

    revision: int
    as_of: str
    rows: dict[Key, Fields]
    versions: dict[str, int]
    """Every student in scope, with its version."""


@dataclass(frozen=True)
class ProjectChangeSet:
    """A change set of the project file (the scheduler's side): one download, upload or
    edit, with the portal's change set when the portal changed too (not the portal's
    :class:`koppel.domain.change_sets.ChangeSet`)."""

    id: str
    created_at: str
    action: str
    domain: str
    summary: dict[str, object]
    portal_changeset: str | None
    undone_at: str | None


def _base_table(domain: SyncDomain) -> DomainTable:
    return DomainTable(tables.sync_base, domain.value)


DATA_REVISION = "data_revision"
"""A project setting counting the transactions that changed the scheduler's data, the
base or the leads: a remembered status is valid only for the revision it was made at."""


class ProjectSession:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._counted = False

    def _changed(self) -> None:
        if self._counted:
            return
        self._counted = True
        self.set_setting(DATA_REVISION, str(self.data_revision() + 1))

    def data_revision(self) -> int:
        t = tables.settings
        found = self.conn.execute(select(t.c.value).where(t.c.name == DATA_REVISION)).scalar()
        return int(found or 0)

    # --- settings --------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        t = tables.settings
        return {name: value for name, value in self.conn.execute(select(t.c.name, t.c.value))}

    def set_setting(self, name: str, value: str) -> None:
        t = tables.settings
        self.conn.execute(delete(t).where(t.c.name == name))
        self.conn.execute(insert(t).values(name=name, value=value))

    def leads(self) -> dict[str, str]:
        t = tables.departments
        return {code: lead for code, lead in self.conn.execute(select(t.c.code, t.c.lead))}

    def set_leads(self, leads: Mapping[str, str]) -> None:
        t = tables.departments
        if leads == self.leads():
            return
        self._changed()
        self.conn.execute(delete(t))
        if leads:
            self.conn.execute(
                insert(t), [{"code": code, "lead": lead} for code, lead in leads.items()]
            )

    # --- the scheduler's data, as the comparison sees it -----------------------------

    def students(self) -> set[str]:
        t = tables.students
        return {number for (number,) in self.conn.execute(select(t.c.number))}

    def student_table(self) -> dict[Key, Fields]:
        """Every student row (personal data and LWOO): three domains are read from it."""
        return STUDENT_ROWS.read(self.conn)

    def state(
        self, domain: SyncDomain, *, student_table: Mapping[Key, Fields] | None = None
    ) -> dict[Key, Fields]:
        """The project's rows of ``domain``; ``student_table`` spares reading the student
        rows again when the caller has them."""
        if domain in DIRECT:
            return DIRECT[domain].read(self.conn)
        rows = self.student_table() if student_table is None else student_table
        if domain is SyncDomain.STUDENTS:
            return dict.fromkeys(rows, PRESENT)
        if domain is SyncDomain.PERSONAL_DATA:
            return {key: values[:PERSONAL_WIDTH] for key, values in rows.items()}
        return {key: (bool(values[PERSONAL_WIDTH]),) for key, values in rows.items()}

    def student_rows(self, numbers: Iterable[str]) -> dict[Key, Fields]:
        return STUDENT_ROWS.read(self.conn, numbers)

    def extra_property(self, name: str) -> dict[str, str]:
        """One extra property (like ``#EMAIL``) per student that has it."""
        t = tables.extra_properties
        query = select(t.c.number, t.c.value).where(t.c.name == name)
        return {number: value for number, value in self.conn.execute(query)}

    def base(self, domain: SyncDomain) -> dict[Key, Fields]:
        return _base_table(domain).read(self.conn)

    # --- writing -----------------------------------------------------------------------

    def write(self, domain: SyncDomain, rows: Mapping[Key, Fields | None]) -> list[Entry]:
        """Write ``rows`` of ``domain`` (STUDENTS: a full student row to add, None to
        remove the student with all its rows); the entries say what each row was."""
        if not rows:
            return []
        if domain in DIRECT:
            return self.write_store(DIRECT[domain].name, rows)
        if domain is SyncDomain.STUDENTS:
            return self._write_students(rows)
        current = STUDENT_ROWS.read(self.conn, [key[0] for key in rows])
        merged: dict[Key, Fields | None] = {}
        for key, values in rows.items():
            old = current.get(key)
            if old is None or values is None:
                continue
            if domain is SyncDomain.PERSONAL_DATA:
                merged[key] = (*values, old[PERSONAL_WIDTH])
            else:
                merged[key] = (*old[:PERSONAL_WIDTH], bool(values[0]))
        return self.write_store(STUDENT_ROWS.name, merged)

    def _write_students(self, rows: Mapping[Key, Fields | None]) -> list[Entry]:
        entries: list[Entry] = []
        gone = [key[0] for key, values in rows.items() if values is None]
        if gone:
            for store in STUDENT_TABLES:
                found = store.read(self.conn, gone)
                entries += self.write_store(store.name, dict.fromkeys(found))
        added = {key: values for key, values in rows.items() if values is not None}
        entries += self.write_store(STUDENT_ROWS.name, added)
        return entries

    def write_store(self, name: str, rows: Mapping[Key, Fields | None]) -> list[Entry]:
        """Rows of one table (or ``base:<domain>``), recording each row before."""
        if not rows:
            return []
        table = self._table(name)
        if isinstance(table, DomainTable):
            before = {k: v for k, v in table.read(self.conn).items() if k in rows}
        else:
            before = table.read(self.conn, {key[0] for key in rows})
        changed = {key: after for key, after in rows.items() if before.get(key) != after}
        if changed:
            self._changed()
        table.write(self.conn, changed)
        return [Entry(name, key, before.get(key), after) for key, after in changed.items()]

    def write_base(self, domain: SyncDomain, rows: Mapping[Key, Fields]) -> list[Entry]:
        return self.write_store(f"base:{domain.value}", rows)

    @staticmethod
    def _table(name: str) -> RowTable | GroupTable | DomainTable:
        if name.startswith("base:"):
            return DomainTable(tables.sync_base, name.removeprefix("base:"))
        return STORES[name]

    # --- change sets -------------------------------------------------------------------

    def record_changeset(self, record: ProjectChangeSet, entries: list[Entry]) -> None:
        self.conn.execute(
            insert(tables.changesets).values(
                id=record.id,
                created_at=record.created_at,
                action=record.action,
                domain=record.domain,
                summary=json.dumps(record.summary, ensure_ascii=False),
                portal_changeset=record.portal_changeset,
            )
        )
        if entries:
            self.conn.execute(
                insert(tables.changeset_entries),
                [
                    {
                        "changeset_id": record.id,
                        "seq": seq,
                        "store": e.store,
                        "number": e.key[0],
                        "second": e.key[1] or "",
                        "before": encode(e.before),
                        "after": encode(e.after),
                    }
                    for seq, e in enumerate(entries)
                ],
            )

    def latest_changeset(self) -> ProjectChangeSet | None:
        t = tables.changesets
        row = self.conn.execute(
            select(t).where(t.c.undone_at.is_(None)).order_by(t.c.created_at.desc()).limit(1)
        ).first()
        if row is None:
            return None
        return ProjectChangeSet(
            row.id,
            row.created_at,
            row.action,
            row.domain,
            json.loads(row.summary),
            row.portal_changeset,
            row.undone_at,
        )

    def changeset_count(self) -> int:
        return int(
            self.conn.execute(select(func.count()).select_from(tables.changesets)).scalar_one()
        )

    def changed_since(self, changeset_id: str) -> list[Key]:
        """Rows of the change set that no longer hold what it wrote (the scheduler changed
        them since): undoing it would overwrite those changes."""
        t = tables.changeset_entries
        rows = self.conn.execute(
            select(t.c.store, t.c.number, t.c.second, t.c.after)
            .where(t.c.changeset_id == changeset_id)
            .order_by(t.c.seq)
        ).all()
        left: dict[str, dict[Key, Fields | None]] = {}
        for store, number, second, after in rows:  # oldest first: the newest after wins
            left.setdefault(store, {})[(number, second or None)] = decode(after)
        changed: list[Key] = []
        for store, wanted in left.items():
            table = self._table(store)
            if isinstance(table, DomainTable):
                now = table.read(self.conn)
            else:
                now = table.read(self.conn, {key[0] for key in wanted})
            changed += [key for key, after in wanted.items() if now.get(key) != after]
        return sorted(set(changed), key=lambda key: (key[0], key[1] or ""))

    def undo_entries(self, changeset_id: str, at: datetime) -> int:
        """Every row of the change set back as it was, newest first."""
        t = tables.changeset_entries
        rows = self.conn.execute(
            select(t.c.store, t.c.number, t.c.second, t.c.before)
            .where(t.c.changeset_id == changeset_id)
            .order_by(t.c.seq.desc())
        ).all()
        self._changed()
        batches: dict[str, dict[Key, Fields | None]] = {}
        for store, number, second, before in rows:  # newest first: the oldest before wins
            batches.setdefault(store, {})[(number, second or None)] = decode(before)
        for store, batch in batches.items():
            self._table(store).write(self.conn, batch)
        self.conn.execute(
            update(tables.changesets)
            .where(tables.changesets.c.id == changeset_id)
            .values(undone_at=at.isoformat())
        )
        return len(rows)

    # --- what the portal answered last ------------------------------------------------

    def cached(self, domain: SyncDomain) -> CachedRead | None:
        """The portal's last answer for ``domain``: None when it was never read."""
        t = tables.portal_reads
        row = self.conn.execute(
            select(t.c.revision, t.c.as_of, t.c.rows, t.c.versions).where(
                t.c.domain == domain.value
            )
        ).first()
        if row is None:
            return None
        rows = {
            (number, department): tuple(tuple(v) if isinstance(v, list) else v for v in values)
            for number, department, values in json.loads(row.rows)
        }
        return CachedRead(int(row.revision), str(row.as_of), rows, json.loads(row.versions))

    def cache(self, domain: SyncDomain, read: CachedRead) -> None:
        """Keep the portal's answer for ``domain`` (one row per domain: read in one go)."""
        t = tables.portal_reads
        rows = [[key[0], key[1], list(values)] for key, values in read.rows.items()]
        self.conn.execute(delete(t).where(t.c.domain == domain.value))
        self.conn.execute(
            insert(t).values(
                domain=domain.value,
                revision=read.revision,
                as_of=read.as_of,
                rows=json.dumps(rows, ensure_ascii=False, separators=(",", ":")),
                versions=json.dumps(read.versions, separators=(",", ":")),
            )
        )

    def touch_cache(self, domain: SyncDomain, revision: int, as_of: str) -> None:
        """Nothing changed in the portal since the kept answer: only its revision moves."""
        t = tables.portal_reads
        self.conn.execute(
            update(t).where(t.c.domain == domain.value).values(revision=revision, as_of=as_of)
        )

    def forget_cache(self) -> None:
        """The next read asks the portal for everything again."""
        self.conn.execute(delete(tables.portal_reads))
