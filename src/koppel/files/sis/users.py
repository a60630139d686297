"""Users (gebruikers): students, staff and others, with their role and orgs.

OneRoster 1.1 gives each user one ``role`` and ``orgSourcedIds`` in ``users.csv``;
OneRoster 1.2 and SDS v2.1 give them in ``roles.csv`` (a user may have several: the
primary one comes first, and a role that makes the user a student or staff member wins
over guardian, parent and the like).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from koppel.domain.sis.sets import Origin, RecordStatus, SisUser, UserKind
from koppel.files.sis.checks import Checks
from koppel.files.sis.csvfile import CsvTable
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target, check, check_all, new_id
from koppel.files.sis.values import (
    ROLE_TYPES,
    SDS_ROLES,
    USER_ROLES,
    split_ids,
    unique,
    user_kind,
)

ACTIVE = RecordStatus.ACTIVE

REQUIRED_11 = (
    "sourcedId",
    "enabledUser",
    "orgSourcedIds",
    "role",
    "username",
    "givenName",
    "familyName",
)
REQUIRED_12 = ("sourcedId", "enabledUser", "username", "givenName", "familyName")
REQUIRED_ROLES_12 = ("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId")
REQUIRED_SDS = ("sourcedId", "username")
OPTIONAL_VALUES = ("givenName", "familyName")
"""Columns a OneRoster file must have whose values may be empty: a user without a name
gets the portal's 'naam onbekend' (koppel.domain.personal) and a warning."""
REQUIRED_ROLES_SDS = ("userSourcedId", "orgSourcedId", "role")


@dataclass(frozen=True)
class Role:
    role: str
    org: str
    primary: bool
    row: int


def _get(values: list[str], position: int | None) -> str:
    return values[position] if position is not None else ""


def read_users(
    table: CsvTable,
    findings: Findings,
    required: tuple[str, ...],
    roles: Mapping[str, list[Role]] | None,
    *,
    orgs: Target | None,
    vendor: bool = True,
) -> list[SisUser]:
    """``users.csv``; ``roles`` (by user) for 1.2 and SDS, None for 1.1 (its own columns)."""
    c = Checks(table, findings)
    find = table.find
    p_id, p_status, p_modified = table.at("sourcedId"), find("status"), find("dateLastModified")
    p_enabled, p_orgs, p_role = find("enabledUser"), find("orgSourcedIds"), find("role")
    p_given, p_family, p_middle = find("givenName"), find("familyName"), find("middleName")
    p_username, p_identifier, p_email = find("username"), find("identifier"), find("email")
    p_primary_org = find("primaryOrgSourcedId")
    checked = [
        p
        for p in (find(name) for name in required[1:] if name not in OPTIONAL_VALUES)
        if p is not None and p != p_enabled
    ]
    seen: dict[str, int] = {}
    users: list[SisUser] = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not new_id(c, seen, number, p_id, sourced_id):
            continue
        status = c.status(number, p_status, v, vendor=vendor)
        c.modified(number, p_modified, v)
        if status is ACTIVE:
            for position in checked:
                c.required(number, position, v[position])
        enabled = c.boolean(number, p_enabled, v, default=True)
        if roles is None:  # OneRoster 1.1
            role = _get(v, p_role)
            if role and p_role is not None:
                role = c.enum(number, p_role, role, USER_ROLES) or role
            org_ids = split_ids(_get(v, p_orgs))
            if status is ACTIVE:
                check_all(c, number, p_orgs, org_ids, orgs)
        else:
            role, org_ids = _role_and_orgs(roles.get(sourced_id, ()))
            primary_org = _get(v, p_primary_org)
            if primary_org:
                check(c, number, p_primary_org, primary_org, orgs)
                org_ids = unique((primary_org, *org_ids))
        user = SisUser(
            sourced_id=sourced_id,
            kind=user_kind(role),
            role=role.lower(),
            given_name=_get(v, p_given),
            family_name=_get(v, p_family),
            middle_name=_get(v, p_middle),
            identifier=_get(v, p_identifier),
            username=_get(v, p_username),
            email=_get(v, p_email),
            org_ids=org_ids,
            enabled=enabled,
            status=status or ACTIVE,
            origin=Origin(table.file, number),
            ext=c.ext(v),
            vendor=c.vendor(v),
        )
        users.append(user)
    return users


def _role_and_orgs(roles: tuple[Role, ...] | list[Role]) -> tuple[str, tuple[str, ...]]:
    ordered = sorted(roles, key=lambda r: not r.primary)  # stable: file order otherwise
    if not ordered:
        return "", ()
    chosen = next((r for r in ordered if user_kind(r.role) is not UserKind.OTHER), ordered[0])
    return chosen.role, unique(r.org for r in ordered)


def read_roles(
    table: CsvTable, findings: Findings, *, sds: bool, orgs: Target | None, sessions: Target | None
) -> dict[str, list[Role]]:
    """``roles.csv`` by user; roles to be deleted are left out. Whether the users exist is
    checked afterwards (:func:`check_role_users`): roles are read before users."""
    c = Checks(table, findings)
    find = table.find
    p_id, p_status, p_modified = find("sourcedId"), find("status"), find("dateLastModified")
    p_user, p_org, p_role = table.at("userSourcedId"), table.at("orgSourcedId"), table.at("role")
    p_type, p_primary, p_session = find("roleType"), find("isPrimary"), find("sessionSourcedId")
    dates = [
        p
        for p in (find("beginDate"), find("endDate"), find("roleStartDate"), find("roleEndDate"))
        if p is not None
    ]
    allowed = SDS_ROLES if sds else USER_ROLES
    seen: dict[str, int] = {}
    found: dict[str, list[Role]] = defaultdict(list)
    for number, v in table.rows:
        if p_id is not None and not sds:
            sourced_id = v[p_id]
            if not new_id(c, seen, number, p_id, sourced_id):
                continue
        status = c.status(number, p_status, v, vendor=not sds)
        c.modified(number, p_modified, v)
        for position in dates:
            c.date(number, position, v)
        if status is not ACTIVE:
            continue
        user, org, role = v[p_user], v[p_org], v[p_role]
        c.required(number, p_user, user)
        if c.required(number, p_org, org):
            check(c, number, p_org, org, orgs)
        if p_session is not None:
            check(c, number, p_session, v[p_session], sessions)
        if c.required(number, p_role, role):
            role = c.enum(number, p_role, role, allowed, vendor=not sds) or role
        if p_type is not None:
            kind = v[p_type]
            primary = c.required(number, p_type, kind) and (
                c.enum(number, p_type, kind, ROLE_TYPES, vendor=False) == "primary"
            )
        else:
            primary = c.boolean(number, p_primary, v, default=False)
        found[user].append(Role(role, org, primary, number))
    return dict(found)


def check_users_have_roles(
    users: list[SisUser], findings: Findings, roles_file: str, *, bulk: bool
) -> None:
    """OneRoster 1.2: every active user needs a role in roles.csv (an error when that file
    is complete, a warning in a delta set: the user is then passed as 'other')."""
    for user in users:
        if user.status is ACTIVE and not user.role:
            report = findings.error if bulk else findings.warning
            report(
                user.origin.file,
                user.origin.row,
                None,
                "roster.user.no_role",
                value=user.sourced_id,
                target=roles_file,
            )


def check_role_users(
    roles: Mapping[str, list[Role]], users: Target | None, findings: Findings, roles_file: str
) -> None:
    """Every role names a user of users.csv (when that file is complete)."""
    if users is None:
        return
    for user, listed in roles.items():
        if user and user not in users.ids:
            for role in listed:
                findings.error(
                    roles_file, role.row, "userSourcedId", users.code, value=user, target=users.file
                )
