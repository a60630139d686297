"""previews of the year transition's steps

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transition_previews",
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("previewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("school_year", "step", name=op.f("pk_transition_previews")),
    )


def downgrade() -> None:
    op.drop_table("transition_previews")
