"""SIS integration: one name in the schema too (roster_ids -> sis_ids, integration_runs ->
sis_runs), with their indexes and primary keys

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

RENAMES = (
    # (old table, new table, (index name suffix, its columns), primary key columns)
    ("roster_ids", "sis_ids", ("kind_key", ["kind", "key"]), ["kind", "sourced_id"]),
    ("integration_runs", "sis_runs", ("fingerprint", ["fingerprint"]), ["id"]),
)


def _rename(old: str, new: str, index: tuple[str, list[str]], primary_key: list[str]) -> None:
    suffix, columns = index
    op.drop_index(f"ix_{old}_{suffix}", table_name=old)
    op.rename_table(old, new)
    op.create_index(f"ix_{new}_{suffix}", new, columns)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(sa.text(f"ALTER TABLE {new} RENAME CONSTRAINT pk_{old} TO pk_{new}"))
    else:
        # SQLite keeps a constraint's name only in the table's CREATE statement: rebuild
        # the table under its new primary key's name (the rows are copied)
        with op.batch_alter_table(new, recreate="always") as batch:
            batch.drop_constraint(f"pk_{old}", type_="primary")
            batch.create_primary_key(f"pk_{new}", primary_key)


def upgrade() -> None:
    for old, new, index, primary_key in RENAMES:
        _rename(old, new, index, primary_key)


def downgrade() -> None:
    for old, new, index, primary_key in RENAMES:
        _rename(new, old, index, primary_key)
