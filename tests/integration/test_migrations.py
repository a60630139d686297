"""Migrations: upgrading an empty database gives exactly the tables of the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from koppel.store.migrate import current_revision, head_revision, upgrade
from koppel.store.tables import metadata


def test_upgrade_from_empty_equals_the_models(empty_engine: Engine):
    assert current_revision(empty_engine) is None
    upgrade(empty_engine)
    assert current_revision(empty_engine) == head_revision(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_every_model_table_exists_after_upgrade(empty_engine: Engine):
    upgrade(empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables


def test_upgrade_twice_changes_nothing(engine: Engine):
    before = current_revision(engine)
    assert upgrade(engine) == (before, before)
