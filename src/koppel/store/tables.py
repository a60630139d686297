"""The portal database's tables (SQLAlchemy Core).

Foreign keys say what may be deleted: deleting a group takes its memberships and
staff links with it (``ON DELETE CASCADE``) but never a student; a student with
memberships, planning data or an account cannot be deleted at all (``RESTRICT``):
students are marked as left instead.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

# The record of what was done (change sets, audit log, API bookkeeping, SIS runs) has its
# own module; every table is reached through this one.
from koppel.store.log_tables import (
    audit_entries as audit_entries,
)
from koppel.store.log_tables import (
    changesets as changesets,
)
from koppel.store.log_tables import (
    idempotency_keys as idempotency_keys,
)
from koppel.store.log_tables import (
    revision_counter as revision_counter,
)
from koppel.store.log_tables import (
    sis_ids as sis_ids,
)
from koppel.store.log_tables import (
    sis_runs as sis_runs,
)
from koppel.store.log_tables import (
    transition_previews as transition_previews,
)
from koppel.store.metadata import CASCADE, RESTRICT, surrogate_id
from koppel.store.metadata import metadata as metadata

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)

school_years = Table(
    "school_years",
    metadata,
    surrogate_id(),
    Column("name", String(9), nullable=False, unique=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("is_current", Boolean, nullable=False, default=False),
    # Next year, prepared beside the current one (koppel year prepare) until the switch.
    Column("is_prepared", Boolean, nullable=False, default=False, server_default=false()),
)

branches = Table(
    "branches",
    metadata,
    surrogate_id(),
    Column("code", String(16), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
)

departments = Table(
    "departments",
    metadata,
    surrogate_id(),
    Column("code", String(8), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("year_of_study", Integer, nullable=False),
    Column("education_type", String(16), nullable=False),
    Column("branch_id", ForeignKey("branches.id", ondelete=RESTRICT), nullable=False),
    Column("home_class_lead", String(8), nullable=False, default="portal"),
    Column("choice_opens_on", Date),
    Column("choice_closes_on", Date),
    # Open in the current school year; a department added for next year only is not yet.
    Column("is_open", Boolean, nullable=False, default=True, server_default=true()),
    CheckConstraint("year_of_study BETWEEN 1 AND 6", name="year_of_study"),
    CheckConstraint("home_class_lead IN ('portal', 'project')", name="home_class_lead"),
)

# The subjects a student may choose in a department's package (keuzevakken).
department_subjects = Table(
    "department_subjects",
    metadata,
    Column("department_id", ForeignKey("departments.id", ondelete=CASCADE), nullable=False),
    Column("subject", String(16), nullable=False),
    PrimaryKeyConstraint("department_id", "subject"),
)

# A department's settings in one school year other than the current one: the prepared
# year's (carried over by koppel year prepare, then changed for that year only) and, after
# the switch, the old year's as they were. The current year's are on ``departments``.
department_years = Table(
    "department_years",
    metadata,
    Column("department_id", ForeignKey("departments.id", ondelete=CASCADE), nullable=False),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    Column("name", String(100), nullable=False),
    Column("home_class_lead", String(8), nullable=False),
    Column("choice_opens_on", Date),
    Column("choice_closes_on", Date),
    Column("is_open", Boolean, nullable=False),
    Column("subjects", JSON, nullable=False),
    PrimaryKeyConstraint("department_id", "school_year_id"),
    CheckConstraint("home_class_lead IN ('portal', 'project')", name="home_class_lead"),
)

students = Table(
    "students",
    metadata,
    surrogate_id(),
    Column("student_number", String(20), nullable=False, unique=True),
    Column("first_name", String(100), nullable=False),
    Column("infix", String(30), nullable=False, default=""),
    Column("last_name", String(100), nullable=False),
    Column("gender", String(1), nullable=False, default="X"),
    Column("street", String(200), nullable=False, default=""),
    Column("house_number", String(20), nullable=False, default=""),
    Column("postcode", String(7), nullable=False, default=""),
    Column("city", String(100), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("previous_home_class", String(40), nullable=False, default=""),
    Column("birth_date", Date),
    Column("lwoo", Boolean, nullable=False, default=False),
    Column("status", String(8), nullable=False, default="active"),
    # The revision of the last change to anything of this student (the API's version).
    Column("version", BigInteger, nullable=False, default=0, server_default="0"),
    CheckConstraint("gender IN ('M', 'V', 'X')", name="gender"),
    CheckConstraint("status IN ('active', 'left')", name="status"),
)

department_participations = Table(
    "department_participations",
    metadata,
    Column("student_id", ForeignKey("students.id", ondelete=RESTRICT), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=RESTRICT), nullable=False),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    Column("percentage", Integer, nullable=False),
    PrimaryKeyConstraint("student_id", "department_id", "school_year_id"),
    CheckConstraint("percentage BETWEEN 1 AND 100", name="percentage"),
)

prognoses = Table(
    "prognoses",
    metadata,
    surrogate_id(),
    Column("student_id", ForeignKey("students.id", ondelete=RESTRICT), nullable=False),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    Column("round", Integer, nullable=False, default=1),
    Column("comment", Text, nullable=False, default=""),
    UniqueConstraint("student_id", "school_year_id"),
    CheckConstraint("round >= 1", name="round"),
)

prognosis_shares = Table(
    "prognosis_shares",
    metadata,
    Column("prognosis_id", ForeignKey("prognoses.id", ondelete=CASCADE), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=RESTRICT), nullable=False),
    Column("percentage", Integer, nullable=False),
    PrimaryKeyConstraint("prognosis_id", "department_id"),
    CheckConstraint("percentage BETWEEN 1 AND 100", name="percentage"),
)

package_choices = Table(
    "package_choices",
    metadata,
    surrogate_id(),
    Column("student_id", ForeignKey("students.id", ondelete=RESTRICT), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=RESTRICT), nullable=False),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    Column("profile", String(16), nullable=False, default=""),
    UniqueConstraint("student_id", "department_id", "school_year_id"),
)

package_subjects = Table(
    "package_subjects",
    metadata,
    Column("package_choice_id", ForeignKey("package_choices.id", ondelete=CASCADE), nullable=False),
    Column("subject", String(16), nullable=False),
    Column("is_exemption", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("package_choice_id", "subject"),
)

groups = Table(
    "groups",
    metadata,
    surrogate_id(),
    Column("name", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=RESTRICT)),
    Column("folder", String(100), nullable=False, default=""),
    UniqueConstraint("school_year_id", "name"),
    CheckConstraint("kind IN ('home_class', 'cluster_group', 'other')", name="kind"),
    CheckConstraint("kind <> 'home_class' OR department_id IS NOT NULL", name="home_class_dept"),
)

# ``home_class_department_id`` repeats the department of a home class so that the
# database itself refuses a second home class for a student in one department.
group_memberships = Table(
    "group_memberships",
    metadata,
    Column("group_id", ForeignKey("groups.id", ondelete=CASCADE), nullable=False),
    Column("student_id", ForeignKey("students.id", ondelete=RESTRICT), nullable=False),
    Column("home_class_department_id", ForeignKey("departments.id", ondelete=RESTRICT)),
    Column("school_year_id", ForeignKey("school_years.id", ondelete=RESTRICT), nullable=False),
    PrimaryKeyConstraint("group_id", "student_id"),
    UniqueConstraint("student_id", "home_class_department_id", "school_year_id"),
    Index("ix_group_memberships_student_id", "student_id"),
)

staff_members = Table(
    "staff_members",
    metadata,
    surrogate_id(),
    Column("staff_code", String(8), nullable=False, unique=True),
    Column("first_name", String(100), nullable=False),
    Column("infix", String(30), nullable=False, default=""),
    Column("last_name", String(100), nullable=False),
    Column("email", String(254), nullable=False, default=""),
    Column("status", String(8), nullable=False, default="active"),
    CheckConstraint("status IN ('active', 'left')", name="status"),
)

staff_links = Table(
    "staff_links",
    metadata,
    Column("group_id", ForeignKey("groups.id", ondelete=CASCADE), nullable=False),
    Column("staff_id", ForeignKey("staff_members.id", ondelete=CASCADE), nullable=False),
    Column("role", String(8), nullable=False),
    PrimaryKeyConstraint("group_id", "staff_id", "role"),
    CheckConstraint("role IN ('teacher', 'mentor')", name="role"),
    Index("ix_staff_links_staff_id", "staff_id"),
)

accounts = Table(
    "accounts",
    metadata,
    surrogate_id(),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("email", String(254), nullable=False, default=""),
    Column("kind", String(8), nullable=False),
    Column("student_id", ForeignKey("students.id", ondelete=RESTRICT), unique=True),
    Column("staff_id", ForeignKey("staff_members.id", ondelete=RESTRICT), unique=True),
    Column("password_hash", String(200)),
    Column("is_active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Two-factor sign-in (TOTP): the shared secret, enabled once a first code was right;
    # the last accepted time step, so that a code is never accepted twice.
    # Encrypted with the key kept outside the database (docs/security.md).
    Column("totp_secret", String(255)),
    Column("totp_enabled", Boolean, nullable=False, default=False, server_default=false()),
    Column("totp_last_step", BigInteger),
    CheckConstraint("kind IN ('student', 'staff', 'other')", name="kind"),
)

account_roles = Table(
    "account_roles",
    metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete=CASCADE), nullable=False),
    Column("role", String(16), nullable=False),
    PrimaryKeyConstraint("account_id", "role"),
)

account_departments = Table(
    "account_departments",
    metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete=CASCADE), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=CASCADE), nullable=False),
    PrimaryKeyConstraint("account_id", "department_id"),
)

# A session is stored by the SHA-256 of its token: the cookie alone opens it.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", ForeignKey("accounts.id", ondelete=CASCADE), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # Signed in with the password only, while the account's TOTP code is still due.
    Column("needs_second_factor", Boolean, nullable=False, default=False, server_default=false()),
    Index("ix_sessions_account_id", "account_id"),
)

# Failed sign-ins per key (a username as typed, whether or not it exists), for throttling.
login_failures = Table(
    "login_failures",
    metadata,
    surrogate_id(),
    Column("key", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failures_key", "key"),
)

# API tokens for the connector and scripts: stored as SHA-256, shown once, revocable.
api_tokens = Table(
    "api_tokens",
    metadata,
    surrogate_id(),
    Column("name", String(64), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("account_id", ForeignKey("accounts.id", ondelete=CASCADE), nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# A token's departments: a scheduler's token reads and writes only their students and
# groups. No rows: the token is not limited by department (an administrator's token).
api_token_departments = Table(
    "api_token_departments",
    metadata,
    Column("token_id", ForeignKey("api_tokens.id", ondelete=CASCADE), nullable=False),
    Column("department_id", ForeignKey("departments.id", ondelete=CASCADE), nullable=False),
    PrimaryKeyConstraint("token_id", "department_id"),
)
