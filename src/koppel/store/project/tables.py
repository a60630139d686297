"""The project file's tables (SQLAlchemy Core, SQLite).

The scheduler's data (students with personal data and LWOO, participations, prognoses,
package choices, home classes, cluster groups, extra properties) sits in plain tables
that ``sqlite3`` shows readably. ``sync_base`` is what both sides held after the last
sync (the base of the three-way comparison), ``portal_reads`` what the portal answered
last (so a status asks only for what changed since), and ``changesets`` with
``changeset_entries`` hold every row before and after each apply, for undo.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

project_metadata = MetaData()

FORMAT_VERSION = 1
"""Raised when the tables change; an older file is upgraded when opened."""

settings = Table(
    "project_settings",
    project_metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

departments = Table(
    "departments",
    project_metadata,
    Column("code", String(8), primary_key=True),
    Column("lead", String(8), nullable=False, server_default="portal"),
)

students = Table(
    "students",
    project_metadata,
    Column("number", String(20), primary_key=True),
    Column("first_name", Text, nullable=False, server_default=""),
    Column("infix", Text, nullable=False, server_default=""),
    Column("last_name", Text, nullable=False, server_default=""),
    Column("gender", String(1), nullable=False, server_default="X"),
    Column("street", Text, nullable=False, server_default=""),
    Column("house_number", Text, nullable=False, server_default=""),
    Column("postcode", Text, nullable=False, server_default=""),
    Column("city", Text, nullable=False, server_default=""),
    Column("email", Text, nullable=False, server_default=""),
    Column("previous_home_class", Text, nullable=False, server_default=""),
    Column("lwoo", Boolean, nullable=False, server_default="0"),
)

participations = Table(
    "participations",
    project_metadata,
    Column("number", String(20), nullable=False),
    Column("department", String(8), nullable=False),
    Column("percentage", Integer, nullable=False),
    PrimaryKeyConstraint("number", "department"),
)

prognoses = Table(
    "prognoses",
    project_metadata,
    Column("number", String(20), primary_key=True),
    Column("round", Integer),
    Column("comment", Text),
    Column("shares", Text),
)

package_choices = Table(
    "package_choices",
    project_metadata,
    Column("number", String(20), nullable=False),
    Column("department", String(8), nullable=False),
    Column("profile", Text),
    Column("subjects", Text, nullable=False, server_default="[]"),
    Column("exemptions", Text, nullable=False, server_default="[]"),
    PrimaryKeyConstraint("number", "department"),
)

home_classes = Table(
    "home_classes",
    project_metadata,
    Column("number", String(20), nullable=False),
    Column("department", String(8), nullable=False),
    Column("home_class", Text, nullable=False),
    PrimaryKeyConstraint("number", "department"),
)

cluster_groups = Table(
    "cluster_groups",
    project_metadata,
    Column("number", String(20), nullable=False),
    Column("group_name", Text, nullable=False),
    PrimaryKeyConstraint("number", "group_name"),
)

extra_properties = Table(
    "extra_properties",
    project_metadata,
    Column("number", String(20), nullable=False),
    Column("name", String(40), nullable=False),
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("number", "name"),
)

sync_base = Table(
    "sync_base",
    project_metadata,
    Column("domain", String(30), primary_key=True),
    Column("rows", Text, nullable=False),
)
"""Per domain the base of every row, as one JSON list sorted by key: read in one go."""

portal_reads = Table(
    "portal_reads",
    project_metadata,
    Column("domain", String(30), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("as_of", String(40), nullable=False),
    Column("rows", Text, nullable=False),
    Column("versions", Text, nullable=False),
)
"""Per domain the portal's last answer as JSON: its rows, and every student in scope
with its version."""

changesets = Table(
    "changesets",
    project_metadata,
    Column("id", String(40), primary_key=True),
    Column("created_at", String(40), nullable=False),
    Column("action", String(20), nullable=False),
    Column("domain", String(30), nullable=False),
    Column("summary", Text, nullable=False),
    Column("portal_changeset", String(40)),
    Column("undone_at", String(40)),
)

changeset_entries = Table(
    "changeset_entries",
    project_metadata,
    Column("changeset_id", String(40), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("store", String(30), nullable=False),
    Column("number", String(20), nullable=False),
    Column("second", Text, nullable=False, server_default=""),
    Column("before", Text),
    Column("after", Text),
    PrimaryKeyConstraint("changeset_id", "seq"),
)

DATA_TABLES = (
    students,
    participations,
    prognoses,
    package_choices,
    home_classes,
    cluster_groups,
    extra_properties,
)
"""The scheduler's own data: what undo restores exactly (with ``sync_base``)."""
