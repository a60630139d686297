"""OneRoster 1.1 and 1.2 CSV sets (``manifest.csv`` with bulk, delta or absent per file).

Files are read in the order their references need: orgs, academic sessions, classes,
(1.2: roles,) users, enrollments, demographics. A reference is checked against a file
that the manifest calls bulk; in a delta set it may name what an earlier set brought.
"""

from __future__ import annotations

from collections.abc import Sequence

from koppel.domain.roster import Entity, FileMode, RosterFormat, RosterSet
from koppel.files.limits import ImportLimits
from koppel.files.roster.assemble import Parts, assemble
from koppel.files.roster.csvfile import CsvTable, open_table
from koppel.files.roster.enrollments import read_demographics, read_enrollments
from koppel.files.roster.entities import ONEROSTER, read_classes, read_orgs, read_sessions
from koppel.files.roster.findings import Findings
from koppel.files.roster.manifest import file_mode, read_manifest
from koppel.files.roster.references import Target
from koppel.files.roster.source import RosterSource
from koppel.files.roster.users import (
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


def read_oneroster(
    source: RosterSource, findings: Findings, limits: ImportLimits
) -> RosterSet | None:
    manifest = read_manifest(source, findings, limits)
    if manifest is None or manifest.version is None:
        return None
    modes = {entity: file_mode(manifest, source, name, findings) for entity, name in FILES.items()}
    v12 = manifest.version is RosterFormat.ONEROSTER_1_2
    roles_mode = file_mode(manifest, source, ROLES, findings) if v12 else FileMode.ABSENT
    if findings.has_errors:
        return None

    def table(
        name: str, mode: FileMode, required: Sequence[str | tuple[str, ...]]
    ) -> CsvTable | None:
        file = source.get(name)
        if mode is FileMode.ABSENT or file is None:
            return None
        return open_table(file, mode, findings, limits, required)

    def named(entity: Entity) -> str:
        file = source.get(FILES[entity])
        return file.name if file is not None else FILES[entity]

    def target(entity: Entity, ids: set[str], code: str, *, warn: bool = False) -> Target | None:
        return Target(named(entity), ids, code, warn) if modes[entity] is FileMode.BULK else None

    parts = Parts()
    if t := table(FILES[Entity.ORGS], modes[Entity.ORGS], ONEROSTER.required[Entity.ORGS]):
        parts.orgs = read_orgs(t, findings, ONEROSTER, modes[Entity.ORGS] is FileMode.BULK)
    orgs = target(Entity.ORGS, {o.sourced_id for o in parts.orgs}, "roster.reference.org")
    if t := table(
        FILES[Entity.SESSIONS], modes[Entity.SESSIONS], ONEROSTER.required[Entity.SESSIONS]
    ):
        parts.sessions = read_sessions(
            t, findings, ONEROSTER, modes[Entity.SESSIONS] is FileMode.BULK
        )
    sessions = target(
        Entity.SESSIONS,
        {s.sourced_id for s in parts.sessions},
        "roster.reference.session",
        warn=True,
    )
    if t := table(FILES[Entity.CLASSES], modes[Entity.CLASSES], ONEROSTER.required[Entity.CLASSES]):
        parts.classes = read_classes(t, findings, ONEROSTER, orgs, sessions)
    roles = None
    if v12:
        roles = {}
        if t := table(ROLES, roles_mode, REQUIRED_ROLES_12):
            roles = read_roles(t, findings, sds=False, orgs=orgs, sessions=None)
    if t := table(FILES[Entity.USERS], modes[Entity.USERS], REQUIRED_12 if v12 else REQUIRED_11):
        parts.users = read_users(t, findings, REQUIRED_12 if v12 else REQUIRED_11, roles, orgs=orgs)
        if v12:
            check_users_have_roles(parts.users, findings, ROLES, bulk=roles_mode is FileMode.BULK)
    users = target(Entity.USERS, {u.sourced_id for u in parts.users}, "roster.reference.user")
    if roles:
        roles_file = source.get(ROLES)
        check_role_users(roles, users, findings, roles_file.name if roles_file else ROLES)
    classes = target(
        Entity.CLASSES, {c.sourced_id for c in parts.classes}, "roster.reference.class"
    )
    if t := table(
        FILES[Entity.ENROLLMENTS], modes[Entity.ENROLLMENTS], ONEROSTER.required[Entity.ENROLLMENTS]
    ):
        parts.enrollments = read_enrollments(
            t, findings, ONEROSTER, classes=classes, users=users, orgs=orgs
        )
    if t := table(
        FILES[Entity.DEMOGRAPHICS],
        modes[Entity.DEMOGRAPHICS],
        ONEROSTER.required[Entity.DEMOGRAPHICS],
    ):
        parts.demographics = read_demographics(t, findings, ONEROSTER, users)
    return assemble(manifest.version, source, modes, parts)
