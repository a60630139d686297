"""Automatic runs of the SIS integration (koppeling): one row per set a run took up, with
what became of it (see :mod:`koppel.services.sis.runs`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Connection, Row, select

from koppel.domain.audit import JsonValue
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.store import tables as t


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were written in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _record(row: Row[tuple[object, ...]]) -> SisRun:
    received = _utc(row.received_at)
    assert received is not None
    return SisRun(
        id=row.id,
        source=row.source,
        fingerprint=row.fingerprint,
        format=row.format,
        received_at=received,
        status=RunStatus(row.status),
        changeset=row.changeset,
        summary=dict(row.summary or {}),
        kept_at=row.kept_at,
        decided_by=row.decided_by,
        decided_at=_utc(row.decided_at),
    )


class SqlAlchemySisRunRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, run: SisRun) -> None:
        self._connection.execute(
            t.sis_runs.insert().values(
                id=run.id,
                source=run.source,
                fingerprint=run.fingerprint,
                format=run.format,
                received_at=run.received_at,
                status=run.status.value,
                changeset=run.changeset,
                summary=dict(run.summary),
                kept_at=run.kept_at,
                decided_by=run.decided_by,
                decided_at=run.decided_at,
            )
        )

    def get(self, run_id: str) -> SisRun | None:
        r = t.sis_runs
        row = self._connection.execute(select(r).where(r.c.id == run_id)).first()
        return None if row is None else _record(row)

    def list_runs(self, *, limit: int | None = None) -> list[SisRun]:
        """Newest first."""
        r = t.sis_runs
        query = select(r).order_by(r.c.received_at.desc(), r.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_record(row) for row in self._connection.execute(query)]

    def with_status(self, *statuses: RunStatus) -> list[SisRun]:
        """Newest first."""
        r = t.sis_runs
        rows = self._connection.execute(
            select(r)
            .where(r.c.status.in_([s.value for s in statuses]))
            .order_by(r.c.received_at.desc(), r.c.id.desc())
        )
        return [_record(row) for row in rows]

    def pending(self) -> list[SisRun]:
        """The runs waiting for an administrator's decision, newest first."""
        return self.with_status(RunStatus.PENDING)

    def by_fingerprint(self, fingerprint: str) -> list[SisRun]:
        """Every run of the set with this fingerprint, newest first."""
        r = t.sis_runs
        rows = self._connection.execute(
            select(r)
            .where(r.c.fingerprint == fingerprint)
            .order_by(r.c.received_at.desc(), r.c.id.desc())
        )
        return [_record(row) for row in rows]

    def finish(
        self,
        run_id: str,
        *,
        status: RunStatus,
        format: str,
        summary: Mapping[str, JsonValue],
        changeset: str | None = None,
        kept_at: str | None = None,
    ) -> None:
        """Record what became of a running set."""
        r = t.sis_runs
        self._connection.execute(
            r.update()
            .where(r.c.id == run_id)
            .values(
                status=status.value,
                format=format,
                summary=dict(summary),
                changeset=changeset,
                kept_at=kept_at,
            )
        )

    def set_status(
        self, run_id: str, status: RunStatus, *, by: str | None = None, at: datetime | None = None
    ) -> None:
        """A passing state (``by`` and ``at``: who is deciding, since when), or back to
        pending (without them)."""
        r = t.sis_runs
        self._connection.execute(
            r.update()
            .where(r.c.id == run_id)
            .values(status=status.value, decided_by=by, decided_at=at)
        )

    def decide(
        self,
        run_id: str,
        *,
        status: RunStatus,
        by: str,
        at: datetime,
        changeset: str | None = None,
        summary: Mapping[str, JsonValue] | None = None,
    ) -> None:
        """An administrator's (or a newer set's) decision on a pending run: its copy is
        no longer kept."""
        r = t.sis_runs
        values: dict[str, object] = {
            "status": status.value,
            "decided_by": by,
            "decided_at": at,
            "changeset": changeset,
            "kept_at": None,
        }
        if summary is not None:
            values["summary"] = dict(summary)
        self._connection.execute(r.update().where(r.c.id == run_id).values(**values))
