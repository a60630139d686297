"""The portal database's record of what was done: change sets and the audit log, the
API's revision counter and idempotency keys, the transition's preview notes and the SIS
integration's ids and runs. Imported through :mod:`koppel.store.tables`."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
)

from koppel.store.metadata import CASCADE, metadata, surrogate_id

# One counter for the whole database: each change set that touches students takes the
# next value, and those students get it as their version (so "changes since N" works).
revision_counter = Table(
    "revision_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

# Answers to API writes by Idempotency-Key: a retry gets the same answer, applied once.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("token_id", ForeignKey("api_tokens.id", ondelete=CASCADE), nullable=False),
    Column("key", String(200), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("body", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("token_id", "key"),
)

changesets = Table(
    "changesets",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("summary", JSON, nullable=False),
    Column("undone_at", DateTime(timezone=True)),
    Column("undone_by", String(36)),
)

# Previews of the year transition's steps: when a step was last looked at before it was
# applied (the wizard's "previewed" state). School data is not touched by a preview.
transition_previews = Table(
    "transition_previews",
    metadata,
    Column("school_year", String(9), nullable=False),
    Column("step", Integer, nullable=False),
    Column("previewed_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("summary", JSON, nullable=False),
    PrimaryKeyConstraint("school_year", "step"),
)

# SIS integration: which student, staff member, group, branch, department or school year
# an SIS set's sourcedId stands for, so a later (delta) set finds the same one again.
sis_ids = Table(
    "sis_ids",
    metadata,
    Column("kind", String(16), nullable=False),
    Column("sourced_id", String(255), nullable=False),
    Column("key", String(64), nullable=False),
    PrimaryKeyConstraint("kind", "sourced_id"),
    Index("ix_sis_ids_kind_key", "kind", "key"),
)

# SIS integration: each set an automatic run found, what became of it, and (when it waits
# for an administrator's approval) where its copy is kept.
sis_runs = Table(
    "sis_runs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("source", String(500), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("format", String(32), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),
    Column("changeset", String(36)),
    Column("summary", JSON, nullable=False),
    Column("kept_at", String(500)),
    Column("decided_by", String(64)),
    Column("decided_at", DateTime(timezone=True)),
    Index("ix_sis_runs_fingerprint", "fingerprint"),
)

audit_entries = Table(
    "audit_entries",
    metadata,
    surrogate_id(),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("entity", String(64), nullable=False),
    Column("key", String(200), nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("changeset", String(36)),
    Index("ix_audit_entries_changeset", "changeset"),
)
