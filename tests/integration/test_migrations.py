"""Migrations: upgrading an empty database gives exactly the tables of the models."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from koppel.store.migrate import alembic_config, current_revision, head_revision, upgrade
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


def test_the_sis_tables_keep_their_rows_under_their_new_names(empty_engine: Engine):
    """0008 renames roster_ids and integration_runs (and their keys and indexes) to the
    SIS integration's one name; a portal that has run an SIS import keeps what it knew."""
    config = alembic_config(empty_engine)
    command.upgrade(config, "0007")
    with empty_engine.begin() as connection:
        connection.execute(
            text("INSERT INTO roster_ids (kind, sourced_id, key) VALUES ('student', 'u-1', '123')")
        )
        connection.execute(
            text(
                "INSERT INTO integration_runs (id, source, fingerprint, format, received_at,"
                " status, summary) VALUES ('r1', 'set', 'f', 'oneroster', :at, 'applied', '{}')"
            ),
            {"at": datetime(2026, 8, 1, tzinfo=UTC)},
        )
    command.upgrade(config, "0008")
    found = inspect(empty_engine)
    assert {"sis_ids", "sis_runs"} <= set(found.get_table_names())
    assert not {"roster_ids", "integration_runs"} & set(found.get_table_names())
    assert found.get_pk_constraint("sis_ids")["name"] == "pk_sis_ids"
    assert found.get_pk_constraint("sis_runs")["name"] == "pk_sis_runs"
    assert [i["name"] for i in found.get_indexes("sis_ids")] == ["ix_sis_ids_kind_key"]
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT key FROM sis_ids")).scalars().all() == ["123"]
        assert connection.execute(text("SELECT id FROM sis_runs")).scalars().all() == ["r1"]
    command.downgrade(config, "0007")
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT key FROM roster_ids")).scalars().all() == ["123"]
    assert inspect(empty_engine).get_pk_constraint("roster_ids")["name"] == "pk_roster_ids"
