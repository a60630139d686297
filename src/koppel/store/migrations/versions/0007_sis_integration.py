"""SIS integration: roster ids and automatic runs

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_ids",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sourced_id", sa.String(length=255), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("kind", "sourced_id", name=op.f("pk_roster_ids")),
    )
    op.create_index("ix_roster_ids_kind_key", "roster_ids", ["kind", "key"])
    op.create_table(
        "integration_runs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("changeset", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("kept_at", sa.String(length=500), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_runs")),
    )
    op.create_index("ix_integration_runs_fingerprint", "integration_runs", ["fingerprint"])


def downgrade() -> None:
    op.drop_index("ix_integration_runs_fingerprint", table_name="integration_runs")
    op.drop_table("integration_runs")
    op.drop_index("ix_roster_ids_kind_key", table_name="roster_ids")
    op.drop_table("roster_ids")
