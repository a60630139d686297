"""Microsoft School Data Sync v2.1 sets: no manifest; ``orgs.csv``, ``users.csv`` and
``roles.csv`` always, ``classes.csv``, ``enrollments.csv``, ``academicSessions.csv`` and
``demographics.csv`` when the school has them. Every file is a full snapshot (bulk);
``relationships.csv``, ``userFlags.csv`` and ``courses.csv`` are not read.

A user's kind comes from ``roles.csv`` (student; teacher, professor, staff, ... ; a user
without a role, such as a guardian who is only in ``relationships.csv``, is 'other').
"""

from __future__ import annotations

from koppel.domain.sis.sets import Entity, FileMode, SisFormat, SisSet
from koppel.files.limits import ImportLimits
from koppel.files.sis.assemble import Parts, SetFiles, assemble
from koppel.files.sis.enrollments import read_demographics, read_enrollments
from koppel.files.sis.entities import SDS, read_classes, read_orgs, read_sessions
from koppel.files.sis.findings import Findings
from koppel.files.sis.oneroster import FILES, ROLES
from koppel.files.sis.source import SisSource
from koppel.files.sis.users import (
    REQUIRED_ROLES_SDS,
    REQUIRED_SDS,
    check_role_users,
    read_roles,
    read_users,
)

REQUIRED_FILES = ("orgs.csv", "users.csv", "roles.csv")


def read_sds(source: SisSource, findings: Findings, limits: ImportLimits) -> SisSet | None:
    for name in REQUIRED_FILES:
        if source.get(name) is None:
            findings.error(
                source.label, None, None, "roster.sds.missing_file", file=name, format="SDS v2.1"
            )
    if findings.has_errors:
        return None
    modes = {e: FileMode.BULK if source.get(name) else FileMode.ABSENT for e, name in FILES.items()}
    files = SetFiles(source, findings, limits, FILES, modes)
    required = SDS.required
    parts = Parts()
    if t := files.table(Entity.ORGS, required[Entity.ORGS]):
        parts.orgs = read_orgs(t, findings, SDS, bulk=True)
    orgs = files.target(Entity.ORGS, {o.sourced_id for o in parts.orgs}, "roster.reference.org")
    if t := files.table(Entity.SESSIONS, required[Entity.SESSIONS]):
        parts.sessions = read_sessions(t, findings, SDS, bulk=True)
    session_ids = {s.sourced_id for s in parts.sessions}
    sessions = files.target(Entity.SESSIONS, session_ids, "roster.reference.session", warn=True)
    if t := files.table(Entity.CLASSES, required[Entity.CLASSES]):
        parts.classes = read_classes(t, findings, SDS, orgs, sessions)
    roles = {}
    if t := files.open(ROLES, FileMode.BULK, REQUIRED_ROLES_SDS):
        roles = read_roles(t, findings, sds=True, orgs=orgs, sessions=sessions)
    if t := files.table(Entity.USERS, REQUIRED_SDS):
        parts.users = read_users(t, findings, REQUIRED_SDS, roles, orgs=orgs, vendor=False)
    users = files.target(Entity.USERS, {u.sourced_id for u in parts.users}, "roster.reference.user")
    check_role_users(roles, users, findings, files.name(ROLES))
    class_ids = {c.sourced_id for c in parts.classes}
    classes = files.target(Entity.CLASSES, class_ids, "roster.reference.class")
    if t := files.table(Entity.ENROLLMENTS, required[Entity.ENROLLMENTS]):
        parts.enrollments = read_enrollments(
            t, findings, SDS, classes=classes, users=users, orgs=orgs
        )
    if t := files.table(Entity.DEMOGRAPHICS, required[Entity.DEMOGRAPHICS]):
        parts.demographics = read_demographics(t, findings, SDS, users)
    return assemble(SisFormat.SDS_2_1, source, modes, parts)
