"""The whole portal database as plain data, to prove that nothing (or exactly the right
thing) was written."""

from __future__ import annotations

from sqlalchemy import Engine, select

from koppel.store.tables import metadata

BOOKKEEPING = {"audit_entries", "changesets", "revision_counter", "sis_runs"}
NOTES = {"transition_previews"}
"""A dry run of a transition step notes that it was previewed; that is no school data."""
VERSIONS = {"students": "version"}
"""Columns that say *when* a row last changed (the API's versions): bookkeeping too."""


def snapshot(engine: Engine, *, bookkeeping: bool = False) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted; without the audit log and change sets unless asked.
    Surrogate ids are left out where they are only row numbers."""
    result: dict[str, list[tuple[object, ...]]] = {}
    with engine.connect() as connection:
        for name, table in metadata.tables.items():
            if name in NOTES or (name in BOOKKEEPING and not bookkeeping):
                continue
            columns = [c for c in table.columns if bookkeeping or VERSIONS.get(name) != c.name]
            rows = connection.execute(select(*columns)).all()
            result[name] = sorted((tuple(row) for row in rows), key=repr)
    return result
