"""Previews of the year transition's steps, one per school year and step (the newest)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from koppel.domain.audit import JsonValue
from koppel.store import tables as t


@dataclass(frozen=True)
class PreviewRecord:
    school_year: str
    step: int
    previewed_at: datetime
    actor: str
    summary: Mapping[str, JsonValue]


class SqlAlchemyTransitionPreviewRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def record(self, preview: PreviewRecord) -> None:
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

    def of_year(self, school_year: str) -> dict[int, PreviewRecord]:
        """step -> its newest preview in ``school_year``."""
        p = t.transition_previews
        rows = self._connection.execute(select(p).where(p.c.school_year == school_year))
        return {row.step: PreviewRecord(*row) for row in rows}
