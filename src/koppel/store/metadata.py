"""What every table of the portal database shares: one MetaData with the naming
convention of constraints, the delete rules and the surrogate id column."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

CASCADE = "CASCADE"
RESTRICT = "RESTRICT"


def surrogate_id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)
