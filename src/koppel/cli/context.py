"""Composition root of the command line: settings, the database engine and the units of
work (the one place the commands build them)."""

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

        engine = self.engine(database)
        require_initialised(engine)
        return self.unit_of_work_on(engine)

    def unit_of_work_on(self, engine: Engine) -> SqlAlchemyUnitOfWork:
        """A unit of work on ``engine``, for the commands that bring its schema up to date
        first (``koppel init``, ``koppel demo``)."""
        from koppel.store.secrets import SecretBox, key_source_of
        from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

        settings = self.settings()
        wait = settings.write_wait_seconds
        return SqlAlchemyUnitOfWork(
            engine,
            write_wait_seconds=wait,
            on_wait=lambda: _say_it_waits(wait),
            secrets=SecretBox(key_source_of(settings, engine.url)),
        )


def _say_it_waits(seconds: float) -> None:
    from koppel.cli.output import errors
    from koppel.i18n import translate

    errors.print(translate("database.waiting", seconds=round(seconds)))


CONTEXT = CommandContext()
