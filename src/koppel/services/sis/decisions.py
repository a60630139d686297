"""An administrator's decision on a run that waits (``pending``, the safety rule refused
its set): approve it (its kept copy applied with ``force``) or reject it; and the runs as
the portal and ``koppel integration`` list them. The runs themselves: :mod:`.runs`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from koppel.domain.audit import AuditEntry
from koppel.domain.errors import InvalidValue, NotFound
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.services.sis.drop_folder import fingerprint_of
from koppel.services.sis.kept_sets import remove_kept
from koppel.services.sis.run_summary import summary_of
from koppel.services.sis.runs import (
    STUDENT_NUMBER,
    SisImporter,
    clear_stale,
    school_year_of,
    sis_importer,
    student_number_of,
    utc_now,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def _pending(uow: SqlAlchemyUnitOfWork, run_id: str) -> SisRun:
    run = uow.sis_runs.get(run_id)
    if run is None:
        raise NotFound("koppelingsrun", run_id)
    if run.status is not RunStatus.PENDING:
        raise InvalidValue("integration.not_pending", run=run_id, status=run.status.value)
    return run


def _audit(uow: SqlAlchemyUnitOfWork, run: SisRun, action: str, actor: str, at: datetime) -> None:
    uow.audit.add_many(
        [
            AuditEntry(
                at=at,
                actor=actor,
                action=action,
                entity="integration_run",
                key=run.id,
                before={"status": RunStatus.PENDING.value},
                after={"status": action, "set": run.summary.get("set")},
            )
        ]
    )


def approve_run(
    uow: SqlAlchemyUnitOfWork,
    run_id: str,
    *,
    actor: str,
    importer: SisImporter = sis_importer,
) -> SisRun:
    """Apply a pending run's kept copy with ``force`` (over the safety limit) as
    ``actor``'s change set; the copy goes. A copy that is gone or changed is refused."""
    with uow:
        busy = clear_stale(uow, utc_now())
        run = _pending(uow, run_id)
        if busy:
            uow.commit()
            raise InvalidValue("integration.busy", run=busy[0].id)
        kept = Path(run.kept_at) if run.kept_at else None
        if kept is None or not kept.exists() or fingerprint_of(kept) != run.fingerprint:
            raise InvalidValue("integration.copy_missing", run=run_id)
        uow.sis_runs.set_status(run.id, RunStatus.APPROVING, by=actor, at=utc_now())
        uow.commit()
    label = str(run.summary.get("set") or kept.name)
    chosen = student_number_of(run)
    try:
        report = importer(uow, kept, force=True, actor=actor, label=label, student_number=chosen)
    except BaseException:
        with uow:
            uow.sis_runs.set_status(run.id, RunStatus.PENDING)
            uow.commit()
        raise
    school_year = str(run.summary.get("school_year") or school_year_of(uow, report))
    summary = summary_of(report, school_year=school_year, set_label=label, format=run.format)
    summary[STUDENT_NUMBER] = chosen
    status = RunStatus.FAILED if report.errors else RunStatus.APPROVED
    now = utc_now()
    with uow:
        uow.sis_runs.decide(
            run.id, status=status, by=actor, at=now, changeset=report.changeset, summary=summary
        )
        _audit(uow, run, status.value, actor, now)
        decided = uow.sis_runs.get(run.id)
        uow.commit()
    remove_kept(run.kept_at, run.id)
    assert decided is not None
    return decided


def reject_run(uow: SqlAlchemyUnitOfWork, run_id: str, *, actor: str) -> SisRun:
    """Decide that a pending run is never applied; its copy goes. The same set in the drop
    folder is not taken up again."""
    now = utc_now()
    with uow:
        run = _pending(uow, run_id)
        uow.sis_runs.decide(run.id, status=RunStatus.REJECTED, by=actor, at=now)
        _audit(uow, run, RunStatus.REJECTED.value, actor, now)
        decided = uow.sis_runs.get(run.id)
        uow.commit()
    remove_kept(run.kept_at, run.id)
    assert decided is not None
    return decided


def list_runs(uow: SqlAlchemyUnitOfWork, *, limit: int | None = 200) -> list[SisRun]:
    """The runs, newest first."""
    with uow.unlocked():
        return uow.sis_runs.list_runs(limit=limit)


def pending_runs(uow: SqlAlchemyUnitOfWork) -> list[SisRun]:
    """The runs waiting for an administrator's decision, newest first."""
    with uow.unlocked():
        return uow.sis_runs.pending()


def find_run(uow: SqlAlchemyUnitOfWork, run_id: str) -> SisRun | None:
    with uow.unlocked():
        return uow.sis_runs.get(run_id)
