"""Composition root of the command line: settings and the database engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the scheduler's commands start without them
    from sqlalchemy import Engine

    from koppel.settings import Settings
    from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass
class CommandContext:
    """What the global options chose; filled in by the main callback."""

    database_url: str | None = None

    def settings(self, database: str | None = None) -> Settings:
        from koppel.settings import Settings

        settings = Settings()
        chosen = database or self.database_url
        if chosen:
            settings = settings.model_copy(update={"database_url": chosen})
        return settings

    def engine(self, database: str | None = None) -> Engine:
        from koppel.store.database import connect

        return connect(self.settings(database).database_url)

    def unit_of_work(self, database: str | None = None) -> SqlAlchemyUnitOfWork:
        """A unit of work on an initialised database (``koppel init`` has run)."""
        from koppel.store.database import require_initialised
        from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

        engine = self.engine(database)
        require_initialised(engine)
        return SqlAlchemyUnitOfWork(engine)


CONTEXT = CommandContext()
