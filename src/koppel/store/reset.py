"""Removing everything from a portal database (``koppel demo --replace``)."""

from __future__ import annotations

from sqlalchemy import Engine, MetaData


def drop_everything(engine: Engine) -> None:
    """Drop every table in the database, including Alembic's version table."""
    existing = MetaData()
    existing.reflect(bind=engine)
    existing.drop_all(bind=engine)
