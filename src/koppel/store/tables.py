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
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

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


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)

school_years = Table(
    "school_years",
    metadata,
    _id(),
    Column("name", String(9), nullable=False, unique=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("is_current", Boolean, nullable=False, default=False),
)

branches = Table(
    "branches",
    metadata,
    _id(),
    Column("code", String(16), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
)

departments = Table(
    "departments",
    metadata,
    _id(),
    Column("code", String(8), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("year_of_study", Integer, nullable=False),
    Column("education_type", String(16), nullable=False),
    Column("branch_id", ForeignKey("branches.id", ondelete=RESTRICT), nullable=False),
    Column("home_class_lead", String(8), nullable=False, default="portal"),
    Column("choice_opens_on", Date),
    Column("choice_closes_on", Date),
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

students = Table(
    "students",
    metadata,
    _id(),
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
    _id(),
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
    _id(),
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
    _id(),
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
    _id(),
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
    _id(),
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
    Column("totp_secret", String(64)),
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
    _id(),
    Column("key", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failures_key", "key"),
)

# API tokens for the connector and scripts: stored as SHA-256, shown once, revocable.
api_tokens = Table(
    "api_tokens",
    metadata,
    _id(),
    Column("name", String(64), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("account_id", ForeignKey("accounts.id", ondelete=CASCADE), nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

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
    _id(),
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
