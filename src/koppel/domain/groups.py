"""Groepen: home classes (stamklassen), cluster groups (clustergroepen) and other groups,
each of one school year, and who is in them (groepsindeling)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.school import normalise_department_code
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text, require


class GroupKind(StrEnum):
    HOME_CLASS = "home_class"
    CLUSTER_GROUP = "cluster_group"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Group:
    """Groep, e.g. home class ``4V2`` or cluster group ``4V.netl1``, in a school year.

    ``folder`` (map) lets the year transition delete one folder of groups at a time.
    """

    name: str
    kind: GroupKind
    school_year: str
    department_code: str = ""
    folder: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", require(self.name, "groep"))
        object.__setattr__(self, "kind", GroupKind(self.kind))
        if clean_text(self.department_code):
            object.__setattr__(
                self, "department_code", normalise_department_code(self.department_code)
            )
        else:
            object.__setattr__(self, "department_code", "")
        object.__setattr__(self, "folder", clean_text(self.folder))
        if self.kind is GroupKind.HOME_CLASS and not self.department_code:
            raise InvalidValue("home_class.department", group=self.name)

    @property
    def is_home_class(self) -> bool:
        return self.kind is GroupKind.HOME_CLASS


@dataclass(frozen=True, slots=True)
class GroupMembership:
    """A student in a group."""

    group_name: str
    student_number: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "group_name", require(self.group_name, "groep"))
        object.__setattr__(self, "student_number", validate_student_number(self.student_number))


def department_of_group(name: str, departments: Iterable[str]) -> str:
    """The longest department code that the group's name starts with (``4V2`` -> ``4V``);
    empty when none does."""
    upper = name.upper()
    matches = [code for code in departments if upper.startswith(code)]
    return max(matches, key=len) if matches else ""


def check_one_home_class_per_department(
    groups: Mapping[str, Group], memberships: Iterable[GroupMembership]
) -> None:
    """A student has at most one home class per department (and school year).

    ``groups`` maps the names of the groups of one school year to the groups."""
    seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for membership in memberships:
        group = groups[membership.group_name]
        if group.is_home_class:
            key = (membership.student_number, group.department_code, group.school_year)
            seen[key].add(group.name)
    for (student, department, _year), names in seen.items():
        if len(names) > 1:
            raise InvalidValue(
                "home_class.twice",
                student=student,
                department=department,
                groups=", ".join(sorted(names)),
            )


@dataclass(frozen=True)
class GroupSnapshot:
    """One group as it was, with everything that goes when it is deleted (year transition,
    step 2): what the audit log keeps, so that undo puts it back exactly."""

    id: int
    name: str
    kind: str
    department: str
    folder: str
    members: tuple[str, ...]
    """Student numbers, sorted."""
    links: tuple[tuple[str, str], ...]
    """(staff code, role), sorted."""

    @property
    def is_home_class(self) -> bool:
        return self.kind == GroupKind.HOME_CLASS.value

    def as_json(self) -> dict[str, JsonValue]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "department": self.department,
            "folder": self.folder,
            "members": list(self.members),
            "links": [[code, role] for code, role in self.links],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroupSnapshot:
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            kind=str(data["kind"]),
            department=str(data["department"]),
            folder=str(data["folder"]),
            members=tuple(str(m) for m in data["members"]),
            links=tuple((str(code), str(role)) for code, role in data["links"]),
        )
