"""A session's and a token's last use is written at most once a minute (no commit per
request), and the idle limit still ends a session, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from koppel.domain.accounts import Account, Role
from koppel.services.accounts.manage import add_account
from koppel.services.accounts.sign_in import current_session, token_hash
from koppel.services.accounts.tokens import create_token, token_holder
from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.signing import sign_in

PASSWORD = "een-lang-wachtwoord-2026"
SETTINGS = Settings(database_url="sqlite://", session_idle_minutes=30)


def _scheduler(engine: Engine) -> None:
    account = Account("rooster", "Roostermaker", frozenset({Role.SCHEDULER}))
    add_account(SqlAlchemyUnitOfWork(engine), account, password=PASSWORD)


def _last_seen(engine: Engine, token: str) -> datetime:
    s = t.sessions
    with engine.connect() as connection:
        seen = connection.scalar(
            select(s.c.last_seen_at).where(s.c.token_hash == token_hash(token))
        )
    assert seen is not None
    return seen.replace(tzinfo=seen.tzinfo or UTC)


def _set_last_seen(engine: Engine, token: str, moment: datetime) -> None:
    s = t.sessions
    with engine.begin() as connection:
        connection.execute(
            update(s).where(s.c.token_hash == token_hash(token)).values(last_seen_at=moment)
        )


def test_a_session_used_again_within_a_minute_is_not_written(engine: Engine):
    _scheduler(engine)
    signed = sign_in(SqlAlchemyUnitOfWork(engine), "rooster", PASSWORD, settings=SETTINGS)
    first = _last_seen(engine, signed.token)
    for _ in range(3):
        assert current_session(SqlAlchemyUnitOfWork(engine), signed.token, settings=SETTINGS)
    assert _last_seen(engine, signed.token) == first


def test_a_session_last_seen_minutes_ago_is_moved_to_now(engine: Engine):
    _scheduler(engine)
    signed = sign_in(SqlAlchemyUnitOfWork(engine), "rooster", PASSWORD, settings=SETTINGS)
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    _set_last_seen(engine, signed.token, earlier)
    assert current_session(SqlAlchemyUnitOfWork(engine), signed.token, settings=SETTINGS)
    assert _last_seen(engine, signed.token) > earlier + timedelta(minutes=4)


def test_an_idle_session_still_ends(engine: Engine):
    _scheduler(engine)
    signed = sign_in(SqlAlchemyUnitOfWork(engine), "rooster", PASSWORD, settings=SETTINGS)
    _set_last_seen(engine, signed.token, datetime.now(UTC) - timedelta(minutes=31))
    assert current_session(SqlAlchemyUnitOfWork(engine), signed.token, settings=SETTINGS) is None
    assert current_session(SqlAlchemyUnitOfWork(engine), signed.token, settings=SETTINGS) is None


def test_a_token_records_its_first_use_and_then_once_a_minute(engine: Engine):
    # an administrator's token: a scheduler's needs departments, this school has none
    admin = Account("beheer", "Beheerder", frozenset({Role.ADMINISTRATOR}))
    add_account(SqlAlchemyUnitOfWork(engine), admin, password=PASSWORD)
    made = create_token(
        SqlAlchemyUnitOfWork(engine), "pc", username="beheer", role=Role.ADMINISTRATOR
    )
    a = t.api_tokens

    def last_used() -> datetime | None:
        with engine.connect() as connection:
            found = connection.scalar(select(a.c.last_used_at).where(a.c.name == "pc"))
        return None if found is None else found.replace(tzinfo=found.tzinfo or UTC)

    assert last_used() is None
    assert token_holder(SqlAlchemyUnitOfWork(engine), made.token) is not None
    first = last_used()
    assert first is not None
    assert token_holder(SqlAlchemyUnitOfWork(engine), made.token) is not None
    assert last_used() == first
    with engine.begin() as connection:
        earlier = datetime.now(UTC) - timedelta(minutes=5)
        connection.execute(update(a).where(a.c.name == "pc").values(last_used_at=earlier))
    assert token_holder(SqlAlchemyUnitOfWork(engine), made.token) is not None
    moved = last_used()
    assert moved is not None
    assert moved > earlier + timedelta(minutes=4)
