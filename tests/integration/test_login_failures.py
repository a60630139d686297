"""Failed sign-ins are kept only as long as they count for throttling: what someone typed
as a username (sometimes a password) does not stay in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update

from koppel.services.accounts.sign_in import SignInRefused
from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.signing import sign_in

SETTINGS = Settings(database_url="sqlite://", login_window_minutes=15, login_max_failures=5)


def _fail(engine: Engine, username: str) -> None:
    with pytest.raises(SignInRefused):
        sign_in(SqlAlchemyUnitOfWork(engine), username, "fout", settings=SETTINGS)


def _keys(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.scalars(select(t.login_failures.c.key)))


def test_failures_older_than_the_window_are_removed_at_the_next_failure(engine: Engine):
    _fail(engine, "Geheim-Wachtwoord-2026")
    _fail(engine, "iemand")
    with engine.begin() as connection:
        connection.execute(
            update(t.login_failures)
            .where(t.login_failures.c.key == "geheim-wachtwoord-2026")
            .values(at=datetime.now(UTC) - timedelta(minutes=16))
        )
    _fail(engine, "iemand")
    assert _keys(engine) == ["iemand", "iemand"]  # the recent ones still count
