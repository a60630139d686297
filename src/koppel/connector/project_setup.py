"""Making a project file, and the scheduler's own edits of group assignments in it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from koppel.connector.client import PortalClient
from koppel.connector.years import check_year, default_year
from koppel.domain.errors import InvalidValue
from koppel.domain.groups import department_of_group
from koppel.domain.school import SchoolYear, normalise_department_code
from koppel.domain.sync.domains import Fields, Key, Lead, SyncDomain
from koppel.store.project.file import ProjectFile, ProjectFileError, ProjectInfo
from koppel.store.project.session import Entry, ProjectChangeSet, ProjectSession


def parse_department_list(text: str) -> tuple[str, ...]:
    codes = [part for part in text.split(",") if part.strip()]
    if not codes:
        raise ProjectFileError("project.bad_departments")
    return tuple(sorted({normalise_department_code(code) for code in codes}))


def init_project(
    path: Path,
    info: ProjectInfo,
    client: PortalClient,
) -> ProjectFile:
    """A new project file linked to the portal, for ``info.school_year`` or, when that
    is empty, the portal's prepared year (else its current one). The portal is asked
    first whether the token works, is for every department of the project, and whether
    the portal has the school year and departments, so nothing is made in vain."""
    if info.school_year:
        info = replace(info, school_year=SchoolYear(info.school_year).name)
    if path.exists():
        raise ProjectFileError("project.exists", path=str(path))
    years = client.school_years()
    info = replace(info, school_year=info.school_year or default_year(years))
    check_year(years, info.school_year)
    leads = client.leads(info.school_year)
    unknown = [code for code in info.departments if code not in leads]
    if unknown:
        raise ProjectFileError(
            "project.unknown_departments",
            departments=", ".join(unknown),
            known=", ".join(sorted(leads)),
        )
    check_token_scope(client.me(), info.departments)
    project = ProjectFile.create(path, info)
    with project.begin() as session:
        session.set_leads(leads)
    return project


def check_token_scope(me: Mapping[str, Any], departments: Sequence[str]) -> None:
    """The token (``GET /api/v1/me``) must be for every department of the project; a
    scheduler's token reads and writes only its own departments."""
    allowed = me.get("departments")
    if allowed is None:  # an administrator's token: the whole school
        return
    missing = sorted(set(departments) - set(allowed))
    if missing:
        raise ProjectFileError(
            "project.token_scope",
            missing=", ".join(missing),
            allowed=", ".join(allowed) or "-",
            username=str(me.get("username", "")),
            wanted=",".join(departments),
        )


def replace_token(project: ProjectFile, client: PortalClient, token: str) -> ProjectInfo:
    """Put a new token in the project (after the portal's upgrade: one for the project's
    departments). ``client`` speaks with the new token; the portal is asked first whether
    it works and is for every department of the project, so a wrong one changes nothing."""
    info = project.info()
    client.school_years()  # a refused token: 401 or 403, nothing changes
    check_token_scope(client.me(), info.departments)
    with project.begin() as session:
        session.set_setting("token", token)
    return replace(info, token=token)


def assign_groups(
    project: ProjectFile,
    student: str,
    *,
    home_class: tuple[str, str | None] | None = None,
    groups: Sequence[str] | None = None,
) -> str | None:
    """The scheduler's edit: a home class in a project-led department and/or exactly
    these cluster groups. One change set that ``koppel connect undo`` reverses; None
    when nothing changed."""
    rows: dict[SyncDomain, dict[Key, Fields | None]] = {}
    with project.begin() as session:
        if student not in session.students():
            raise ProjectFileError("project.unknown_student", student=student)
        if home_class is not None:
            department = normalise_department_code(home_class[0])
            if session.leads().get(department, Lead.PORTAL.value) != Lead.PROJECT.value:
                raise ProjectFileError("project.not_project_led", department=department)
            taking_part = session.state(SyncDomain.DEPARTMENT_PARTICIPATION)
            if (student, department) not in taking_part:
                raise ProjectFileError(
                    "project.not_in_department", student=student, department=department
                )
            name = (home_class[1] or "").strip()
            owner = _home_class_department(session, department, name)
            if owner is not None:
                raise ProjectFileError(
                    "project.home_class_elsewhere",
                    student=student,
                    home_class=name,
                    owner=owner,
                    department=department,
                )
            rows[SyncDomain.HOME_CLASSES] = {(student, department): (name,) if name else None}
        if groups is not None:
            names = tuple(sorted({g.strip() for g in groups if g.strip()}))
            if any(len(name) > 40 for name in names):
                raise InvalidValue("project.group_name_too_long")
            rows[SyncDomain.CLUSTER_GROUPS] = {(student, None): (names,) if names else None}
        entries = []
        for domain, changes in rows.items():
            entries += session.write(domain, changes)
        return _record_edit(session, entries, ",".join(d.value for d in rows), student)


def _home_class_department(session: ProjectSession, department: str, name: str) -> str | None:
    """The other department ``name`` is a home class of, if any: the one its name starts
    with (``5V1``: 5V, as the portal's imports place a home class) or the one that
    already has it in the project; the portal refuses such a home class at upload."""
    if not name:
        return None
    codes = {*session.leads(), department}
    by_name = department_of_group(name, codes)
    if by_name and by_name != department:
        return by_name
    homes = session.state(SyncDomain.HOME_CLASSES)
    used = sorted(
        code
        for (_student, code), values in homes.items()
        if code and code != department and values and str(values[0]).upper() == name.upper()
    )
    return used[0] if used else None


def _record_edit(
    session: ProjectSession, entries: list[Entry], what: str, student: str
) -> str | None:
    if not entries:
        return None
    changeset = uuid.uuid4().hex
    session.record_changeset(
        ProjectChangeSet(
            changeset,
            datetime.now(UTC).isoformat(timespec="microseconds"),
            "edit",
            what,
            {"student": student},
            None,
            None,
        ),
        entries,
    )
    return changeset


PROPERTY_NAME = re.compile(r"^#?[A-Z0-9_]{1,39}$")


def set_property(project: ProjectFile, student: str, name: str, value: str | None) -> str | None:
    """An extra property of a student in the project, such as ``#EMAIL`` (the email a
    new portal account gets on upload); None or empty removes it. One change set."""
    wanted = name.strip().upper()
    if not PROPERTY_NAME.match(wanted):
        raise InvalidValue("project.property_name", name=name)
    text = (value or "").strip()
    if len(text) > 254 or any(ord(c) < 32 for c in text):
        raise InvalidValue("project.property_value", name=wanted)
    with project.begin() as session:
        if student not in session.students():
            raise ProjectFileError("project.unknown_student", student=student)
        entries = session.write_store("extra", {(student, wanted): (text,) if text else None})
        return _record_edit(session, entries, "extra_properties", student)
