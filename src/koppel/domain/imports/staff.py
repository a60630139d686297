"""Inlezen personeel and docenten koppelen: what a staff file or a teacher-groups file
would change, worked out before anything is written (pure)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.field_changes import FieldChange, field_changes
from koppel.domain.staff import StaffRole, StaffStatus

StaffState = dict[str, JsonValue]
STAFF_FIELDS = ("first_name", "infix", "last_name", "email", "status")


@dataclass(frozen=True, slots=True)
class IncomingStaff:
    row: int
    staff_code: str
    values: Mapping[str, JsonValue]
    roles: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StaffUpdate:
    row: int
    staff_code: str
    changes: dict[str, FieldChange]


@dataclass(frozen=True, slots=True)
class Link:
    """A staff member linked to a group as teacher or mentor."""

    staff_code: str
    group: str
    role: StaffRole

    @property
    def key(self) -> str:
        return f"{self.staff_code}|{self.group}|{self.role.value}"

    @classmethod
    def from_key(cls, key: str) -> Link:
        code, group, role = key.split("|")
        return cls(code, group, StaffRole(role))


@dataclass
class StaffImportPlan:
    new: list[IncomingStaff] = field(default_factory=list)
    updated: list[StaffUpdate] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    new_links: list[Link] = field(default_factory=list)
    unchanged_links: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.updated or self.new_links)


def plan_links(wanted: Sequence[Link], existing: Collection[Link]) -> tuple[list[Link], int]:
    """The links to add (each once) and how many are already there."""
    present = set(existing)
    new: dict[Link, None] = {}  # in the file's order, each once
    unchanged = 0
    for link in wanted:
        if link in present:
            unchanged += 1
        else:
            new[link] = None
    return list(new), unchanged


def plan_staff_import(
    incoming: Sequence[IncomingStaff],
    existing: Mapping[str, StaffState],
    *,
    existing_links: Collection[Link],
) -> StaffImportPlan:
    plan = StaffImportPlan()
    seen: set[str] = set()
    for row in incoming:
        seen.add(row.staff_code)
        current = existing.get(row.staff_code)
        if current is None:
            plan.new.append(row)
            continue
        wanted = {**row.values, "status": StaffStatus.ACTIVE.value}
        changes = field_changes(current, wanted)
        if changes:
            plan.updated.append(StaffUpdate(row.row, row.staff_code, changes))
        else:
            plan.unchanged.append(row.staff_code)
    plan.absent.extend(
        sorted(
            code
            for code, state in existing.items()
            if code not in seen and state.get("status") == StaffStatus.ACTIVE.value
        )
    )
    links = [
        Link(row.staff_code, group, StaffRole.TEACHER) for row in incoming for group in row.groups
    ]
    new_links, unchanged = plan_links(links, existing_links)
    plan.new_links.extend(new_links)
    plan.unchanged_links = unchanged
    return plan
