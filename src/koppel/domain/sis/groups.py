"""A SIS set's classes as koppel's groups (pure).

A class becomes the group of its classCode (else its title) in the set's school year;
two classes with one name get ``(2)``, ``(3)`` after it. It is a home class when
``ext_koppel_kind`` says so, else when the school's rule matches (a regular expression
on classCode or title, the whole text), else when its classType is ``homeroom``. A home
class needs a department (``ext_koppel_department``, else the longest department code
its name starts with); without one it becomes a cluster group, with a warning.

Classes marked ``tobedeleted`` delete their group (its memberships and teacher links go
with it; students never), found by the name remembered for their sourcedId, so a row
giving only that id does too. Classes missing from a bulk file are left alone. Each
class's school year is remembered with its name (a group's name is per school year).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.groups import Group, GroupKind, department_of_group
from koppel.domain.school import normalise_department_code
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import SisId, SisIds, SisKind, group_name
from koppel.domain.sis.sets import RecordStatus, SisClass, SisSet
from koppel.domain.text import clean_text

FOLDER = "Koppeling"
"""The folder (map) of groups that an integration creates, unless the set names one."""


@dataclass(frozen=True, slots=True)
class GroupInfo:
    kind: GroupKind
    department: str


@dataclass
class Groups:
    of_class: dict[str, str] = field(default_factory=dict)
    """sourcedId of every active class -> its group's name."""
    info: dict[str, GroupInfo] = field(default_factory=dict)
    """Every group of the year after the plan (the portal's and the new): kind, department."""
    new: list[Group] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    deleted_classes: set[str] = field(default_factory=set)
    ids: list[SisId] = field(default_factory=list)


def plan_groups(
    sis_set: SisSet,
    year: str,
    *,
    existing: Mapping[str, Group],
    departments: Collection[str],
    sis_ids: SisIds,
    pattern: re.Pattern[str] | None,
    findings: Findings,
) -> Groups:
    found = Groups(
        info={name: GroupInfo(g.kind, g.department_code) for name, g in existing.items()}
    )
    active = [c for c in sis_set.classes if c.status is RecordStatus.ACTIVE]
    names = _names(active, sis_ids, findings)
    for cls in sis_set.classes:
        if cls.status is RecordStatus.TO_BE_DELETED:
            _deleted(cls, year, existing, sis_ids, found, findings)
    for cls in active:
        name = names[cls.sourced_id]
        found.of_class[cls.sourced_id] = name
        found.ids.append(SisId(SisKind.GROUP, cls.sourced_id, name))
        found.ids.append(SisId(SisKind.GROUP_YEAR, cls.sourced_id, year))
        if name in found.info:
            continue
        group = _new_group(cls, name, year, departments, pattern, findings)
        if group is not None:
            found.new.append(group)
            found.info[name] = GroupInfo(group.kind, group.department_code)
    return found


def _deleted(
    cls: SisClass,
    year: str,
    existing: Mapping[str, Group],
    sis_ids: SisIds,
    found: Groups,
    findings: Findings,
) -> None:
    """A class to be deleted: its group of ``year`` goes, found by the name remembered for
    its sourcedId (else the name its row gives). A class remembered in another school year
    is left alone (reported when the year is chosen); a row that gives only its sourcedId
    and names no group of the year is a warning."""
    found.deleted_classes.add(cls.sourced_id)
    if sis_ids.get((SisKind.GROUP_YEAR, cls.sourced_id), year) != year:
        return
    remembered = sis_ids.get((SisKind.GROUP, cls.sourced_id))
    name = remembered or group_name(cls.class_code, cls.title, cls.sourced_id, ())
    if name in existing and name not in found.deleted:
        found.deleted.append(name)
        del found.info[name]
    elif not (remembered or cls.title or cls.class_code):
        findings.warning(
            cls.origin, "sourcedId", "roster.plan.deleted_class_unknown", value=cls.sourced_id
        )


def _names(classes: list[SisClass], sis_ids: SisIds, findings: Findings) -> dict[str, str]:
    """Each class's group name: the remembered one, else a new one unique in the set."""
    names = {
        c.sourced_id: sis_ids[(SisKind.GROUP, c.sourced_id)]
        for c in classes
        if (SisKind.GROUP, c.sourced_id) in sis_ids
    }
    taken = set(names.values())
    for cls in classes:
        if cls.sourced_id not in names:
            name = group_name(cls.class_code, cls.title, cls.sourced_id, taken)
            base = group_name(cls.class_code, cls.title, cls.sourced_id, ())
            if name != base:
                findings.warning(
                    cls.origin, "title", "roster.plan.group_renamed", group=base, name=name
                )
            names[cls.sourced_id] = name
            taken.add(name)
    return names


def is_home_class(cls: SisClass, pattern: re.Pattern[str] | None) -> bool:
    """The school's rule (``pattern`` on classCode or title), else classType homeroom."""
    if pattern is not None:
        return any(pattern.fullmatch(text) for text in (cls.class_code, cls.title) if text)
    return cls.class_type.lower() == "homeroom"


def _new_group(
    cls: SisClass,
    name: str,
    year: str,
    departments: Collection[str],
    pattern: re.Pattern[str] | None,
    findings: Findings,
) -> Group | None:
    given_kind = clean_text(cls.ext.get("kind", "")).lower()
    if given_kind and given_kind not in {k.value for k in GroupKind}:
        findings.error(
            cls.origin,
            "ext_koppel_kind",
            "roster.plan.group_kind",
            value=given_kind,
            known=", ".join(k.value for k in GroupKind),
        )
        return None
    if given_kind:
        kind = GroupKind(given_kind)
    else:
        kind = GroupKind.HOME_CLASS if is_home_class(cls, pattern) else GroupKind.CLUSTER_GROUP
    given = clean_text(cls.ext.get("department", ""))
    department = (
        normalise_department_code(given) if given else department_of_group(name, departments)
    )
    if department and department not in departments:
        findings.error(
            cls.origin,
            "ext_koppel_department",
            "roster.plan.department_unknown",
            value=department,
            known=", ".join(sorted(departments)),
        )
        return None
    if kind is GroupKind.HOME_CLASS and not department:
        findings.warning(
            cls.origin, "title", "roster.plan.home_class_without_department", group=name
        )
        kind = GroupKind.CLUSTER_GROUP
    folder = clean_text(cls.ext.get("folder", "")) or FOLDER
    return Group(name, kind, year, department, folder=folder[:100])
