"""OneRoster 1.1 and 1.2 CSV sets (``manifest.csv`` with bulk, delta or absent per file).

Files are read in the order their references need: orgs, academic sessions, classes,
(1.2: roles,) users, enrollments, demographics. A reference is checked against a file
that the manifest calls bulk; in a delta set it may name what an earlier set brought.
"""

from __future__ import annotations

from koppel.domain.sis.sets import Entity, FileMode, SisFormat, SisSet
from koppel.files.limits import ImportLimits
from koppel.files.sis.assemble import Parts, SetFiles, assemble
from koppel.files.sis.enrollments import read_demographics, read_enrollments
from koppel.files.sis.entities import ONEROSTER, read_classes, read_orgs, read_sessions
from koppel.files.sis.findings import Findings
from koppel.files.sis.manifest import file_mode, read_manifest
from koppel.files.sis.source import SisSource
from koppel.files.sis.users import (
    REQUIRED_11,
    REQUIRED_12,
    REQUIRED_ROLES_12,
    check_role_users,
    check_users_have_roles,
    read_roles,
    read_users,
)

FILES = {
    Entity.ORGS: "orgs.csv",
    Entity.SESSIONS: "academicSessions.csv",
    Entity.CLASSES: "classes.csv",
    Entity.USERS: "users.csv",
    Entity.ENROLLMENTS: "enrollments.csv",
    Entity.DEMOGRAPHICS: "demographics.csv",
}
ROLES = "roles.csv"


def read_oneroster(source: SisSource, findings: Findings, limits: ImportLimits) -> SisSet | None:
    manifest = read_manifest(source, findings, limits)
    if manifest is None or manifest.version is None:
        return None
    modes = {entity: file_mode(manifest, source, name, findings) for entity, name in FILES.items()}
    v12 = manifest.version is SisFormat.ONEROSTER_1_2
    roles_mode = file_mode(manifest, source, ROLES, findings) if v12 else FileMode.ABSENT
    if findings.has_errors:
        return None
    files = SetFiles(source, findings, limits, FILES, modes)
    required = ONEROSTER.required
    parts = Parts()
    if t := files.table(Entity.ORGS, required[Entity.ORGS]):
        parts.orgs = read_orgs(t, findings, ONEROSTER, files.bulk(Entity.ORGS))
    orgs = files.target(Entity.ORGS, {o.sourced_id for o in parts.orgs}, "roster.reference.org")
    if t := files.table(Entity.SESSIONS, required[Entity.SESSIONS]):
        parts.sessions = read_sessions(t, findings, ONEROSTER, files.bulk(Entity.SESSIONS))
    session_ids = {s.sourced_id for s in parts.sessions}
    sessions = files.target(Entity.SESSIONS, session_ids, "roster.reference.session", warn=True)
    if t := files.table(Entity.CLASSES, required[Entity.CLASSES]):
        parts.classes = read_classes(t, findings, ONEROSTER, orgs, sessions)
    roles = None
    if v12:
        t = files.open(ROLES, roles_mode, REQUIRED_ROLES_12)
        roles = read_roles(t, findings, sds=False, orgs=orgs, sessions=None) if t else {}
    users_required = REQUIRED_12 if v12 else REQUIRED_11
    if t := files.table(Entity.USERS, users_required):
        parts.users = read_users(t, findings, users_required, roles, orgs=orgs)
        if v12:
            bulk_roles = roles_mode is FileMode.BULK
            check_users_have_roles(parts.users, findings, files.name(ROLES), bulk=bulk_roles)
    users = files.target(Entity.USERS, {u.sourced_id for u in parts.users}, "roster.reference.user")
    if roles:
        check_role_users(roles, users, findings, files.name(ROLES))
    class_ids = {c.sourced_id for c in parts.classes}
    classes = files.target(Entity.CLASSES, class_ids, "roster.reference.class")
    if t := files.table(Entity.ENROLLMENTS, required[Entity.ENROLLMENTS]):
        parts.enrollments = read_enrollments(
            t, findings, ONEROSTER, classes=classes, users=users, orgs=orgs
        )
    if t := files.table(Entity.DEMOGRAPHICS, required[Entity.DEMOGRAPHICS]):
        parts.demographics = read_demographics(t, findings, ONEROSTER, users)
    return assemble(manifest.version, source, modes, parts)
