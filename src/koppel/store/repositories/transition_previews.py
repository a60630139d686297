"""Previews of the year transition's steps, one per school year and step (the newest)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from koppel.domain.transition import StepPreview
from koppel.store import tables as t


class SqlAlchemyTransitionPreviewRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def record(self, preview: StepPreview) -> None:
        """Keep ``preview`` as the step's newest, replacing an older one."""
        p = t.transition_previews
        self._connection.execute(
            p.delete().where(p.c.school_year == preview.school_year, p.c.step == preview.step)
        )
        self._connection.execute(
            p.insert().values(
                school_year=preview.school_year,
                step=preview.step,
                previewed_at=preview.previewed_at,
                actor=preview.actor,
                summary=dict(preview.summary),
            )
        )

    def of_year(self, school_year: str) -> dict[int, StepPreview]:
        """step -> its newest preview in ``school_year``."""
        p = t.transition_previews
        rows = self._connection.execute(select(p).where(p.c.school_year == school_year))
        return {row.step: StepPreview(*row) for row in rows}
