"""De docentplanner (year transition, step 4): link staff members to the groups of the
current school year as teacher (docent) or mentor, and unlink them, from the portal.

Every save is checked as a whole first (groups, docentcodes, roles; only active staff
can be linked) and nothing is written when one item is wrong. What changes is one change
set of kind ``staff.link`` (audit actions ``staff_link.add`` and ``staff_link.remove``,
both undone by ``koppel undo CHANGESET``); a save that changes nothing writes nothing.
The file way (``koppel import teacher-groups``) shares the audit actions.

:func:`link_overview` is what the page shows: each group with its mentors and teachers,
each staff member with its groups, and the groups that still miss a mentor or a teacher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.imports.staff import Link, plan_links
from koppel.domain.staff import StaffLink, StaffRole, StaffStatus, validate_staff_code
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.imports.staff import LINK_ROLES
from koppel.services.school_years.years import year_of_work
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

KIND = "staff.link"
ADD = "staff_link.add"
REMOVE = "staff_link.remove"
"""The removal's action is the one ``koppel staff remove-departed`` records, so its undoer
(:data:`koppel.services.transition.staff_departure.STAFF_DEPARTURE_UNDOERS`) puts links back."""
ENTITY = "staff_link"


class LinkRejected(InvalidValue):
    """One item of a save is wrong; ``field`` says which (group, staff_code or role)."""

    def __init__(self, code: str, /, *, field: str, **params: object) -> None:
        super().__init__(code, **params)
        self.field = field


@dataclass(frozen=True)
class LinkRequest:
    """What a form asks, as typed: a docentcode, a group name and a role word (docent,
    teacher or mentor)."""

    staff_code: str
    group: str
    role: str


@dataclass(frozen=True)
class LinkResult:
    school_year: str
    changeset: str | None
    added: tuple[Link, ...]
    removed: tuple[Link, ...]
    unchanged: int
    """Requested links that were already so (to add) or not there (to remove)."""

    @property
    def written(self) -> bool:
        return self.changeset is not None


def role_of(word: str) -> StaffRole:
    """``docent``/``teacher`` or ``mentor``, any case."""
    role = LINK_ROLES.get(word.strip().lower())
    if role is None:
        raise LinkRejected("staff_links.role_unknown", field="role", value=word.strip())
    return role


def _checked(
    request: LinkRequest,
    *,
    year: str,
    groups: set[str],
    staff: Mapping[str, Mapping[str, JsonValue]],
    adding: bool,
) -> Link:
    group = request.group.strip()
    if not group:
        raise LinkRejected("staff_links.group_missing", field="group")
    if group not in groups:
        raise LinkRejected("staff_links.group_unknown", field="group", group=group, year=year)
    if not request.staff_code.strip():
        raise LinkRejected("staff_links.staff_missing", field="staff_code")
    try:
        code = validate_staff_code(request.staff_code)
    except InvalidValue:
        raise LinkRejected(
            "staff_links.staff_code_format", field="staff_code", value=request.staff_code.strip()
        ) from None
    if code not in staff:
        raise LinkRejected("staff_links.staff_unknown", field="staff_code", code=code)
    if adding and staff[code].get("status") != StaffStatus.ACTIVE.value:
        raise LinkRejected("staff_links.staff_left", field="staff_code", code=code)
    return Link(code, group, role_of(request.role))


def change_staff_links(
    uow: SqlAlchemyUnitOfWork,
    *,
    add: Sequence[LinkRequest] = (),
    remove: Sequence[LinkRequest] = (),
    actor: str = COMMAND_LINE_ACTOR,
) -> LinkResult:
    """Link ``add`` and unlink ``remove`` in the current school year, all or nothing, as
    one change set (none when nothing changes)."""
    with uow:
        year = year_of_work(uow)
        groups = {group.name for group in uow.groups.list(year)}
        staff = uow.staff.states()

        def checked(requests: Iterable[LinkRequest], *, adding: bool) -> list[Link]:
            return [
                _checked(r, year=year.name, groups=groups, staff=staff, adding=adding)
                for r in requests
            ]

        to_add, to_remove = checked(add, adding=True), checked(remove, adding=False)
        for link in set(to_add) & set(to_remove):
            raise LinkRejected(
                "staff_links.add_and_remove",
                field="staff_code",
                code=link.staff_code,
                group=link.group,
            )
        existing = set(uow.groups.staff_links(year))
        removed = [link for link in dict.fromkeys(to_remove) if link in existing]
        added, _ = plan_links(to_add, existing)
        unchanged = len(set(to_add) | set(to_remove)) - len(added) - len(removed)
        if not added and not removed:
            return LinkResult(year.name, None, (), (), unchanged)
        recorder = ChangeRecorder(KIND, actor=actor)
        uow.groups.remove_staff_links(year, removed)
        for link in removed:
            recorder.record(REMOVE, ENTITY, link.key, before={"role": link.role.value})
        uow.groups.add_staff_links(
            year, [StaffLink(link.staff_code, link.group, link.role) for link in added]
        )
        for link in added:
            recorder.record(ADD, ENTITY, link.key, after={"role": link.role.value})
        summary: dict[str, JsonValue] = {
            "school_year": year.name,
            "added": len(added),
            "removed": len(removed),
        }
        changeset = recorder.save(uow, summary)
        uow.commit()
    return LinkResult(year.name, changeset, tuple(added), tuple(removed), unchanged)
