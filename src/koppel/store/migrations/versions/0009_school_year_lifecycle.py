"""the school year's life: a prepared year beside the current one, with its own
department settings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school_years") as batch:
        batch.add_column(
            sa.Column("is_prepared", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("departments") as batch:
        batch.add_column(
            sa.Column("is_open", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_table(
        "department_years",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("school_year_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("home_class_lead", sa.String(length=8), nullable=False),
        sa.Column("choice_opens_on", sa.Date(), nullable=True),
        sa.Column("choice_closes_on", sa.Date(), nullable=True),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("subjects", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "home_class_lead IN ('portal', 'project')",
            name=op.f("ck_department_years_home_class_lead"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_department_years_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["school_year_id"],
            ["school_years.id"],
            name=op.f("fk_department_years_school_year_id_school_years"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "department_id", "school_year_id", name=op.f("pk_department_years")
        ),
    )


def downgrade() -> None:
    op.drop_table("department_years")
    with op.batch_alter_table("departments") as batch:
        batch.drop_column("is_open")
    with op.batch_alter_table("school_years") as batch:
        batch.drop_column("is_prepared")
