"""A SIS set's enrollments as koppel's memberships and teacher/mentor links (pure).

A bulk enrollments file is the whole truth about the groups the set knows (its classes,
and the groups its enrollments name): memberships and links of those groups that it
leaves out are removed; groups the set does not know are left alone. A delta file adds
its active rows and removes its ``tobedeleted`` rows. Student enrollments are
memberships; teacher (also aide, administrator, proctor, professor) enrollments are
teacher links, mentor links when ``ext_koppel_role`` says ``mentor``. A student has one
home class per department: joining another one moves the student out of the old one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.groups import GroupKind
from koppel.domain.imports.staff import Link
from koppel.domain.sis.deletions import (
    MENTOR_LETTER,
    STUDENT_LETTER,
    TEACHER_LETTER,
    enrollment_key,
    id_only_enrollment,
    parse_enrollment_key,
)
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.groups import Groups
from koppel.domain.sis.keys import SisId, SisIds, SisKind
from koppel.domain.sis.people import People
from koppel.domain.sis.sets import (
    Entity,
    FileMode,
    RecordStatus,
    SisEnrollment,
    SisSet,
)
from koppel.domain.staff import StaffRole

STUDENT_ROLES = frozenset({"student", "learner"})
STAFF_ROLES = frozenset({"teacher", "aide", "administrator", "proctor", "professor", "staff"})
Membership = tuple[str, str]
"""(group name, student number)."""


@dataclass
class Enrollments:
    added: set[Membership] = field(default_factory=set)
    removed: set[Membership] = field(default_factory=set)
    unchanged: int = 0
    links_added: set[Link] = field(default_factory=set)
    links_removed: set[Link] = field(default_factory=set)
    links_unchanged: int = 0
    skipped: int = 0
    """Enrollments of users koppel does not keep (guardians, parents)."""
    ids: list[SisId] = field(default_factory=list)
    """Each enrollment's sourcedId and the membership or link it stands for."""

    @property
    def mentors(self) -> set[str]:
        return {link.staff_code for link in self.links_added if link.role is StaffRole.MENTOR}


@dataclass
class _Wanted:
    members: set[Membership] = field(default_factory=set)
    links: set[Link] = field(default_factory=set)
    dropped_members: set[Membership] = field(default_factory=set)
    dropped_links: set[Link] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)


def plan_enrollments(
    sis_set: SisSet,
    groups: Groups,
    people: People,
    *,
    memberships: Mapping[str, Collection[str]],
    links: Collection[Link],
    sis_ids: SisIds,
    year: str = "",
    findings: Findings,
) -> Enrollments:
    """What changes in the memberships (group -> student numbers) and ``links`` of the
    year (``year``: enrollments of classes koppel remembers in another school year are
    left alone; :func:`~koppel.domain.sis.structure.choose_school_year` reports them)."""
    mode = sis_set.mode(Entity.ENROLLMENTS)
    result = Enrollments()
    if mode is FileMode.ABSENT:
        return result
    wanted = _Wanted(groups=set(groups.of_class.values()))
    homes: dict[tuple[str, str], tuple[str, int]] = {}
    for row in sis_set.enrollments:
        if id_only_enrollment(row):
            _remembered(row, sis_ids, wanted, findings)
        elif row.class_id not in groups.deleted_classes and _this_year(row, groups, sis_ids, year):
            _enrollment(row, groups, people, sis_ids, wanted, homes, result, findings)
    existing = {(g, n) for g, numbers in memberships.items() for n in numbers}
    result.unchanged = len(wanted.members & existing)
    result.links_unchanged = len(wanted.links & set(links))
    result.added = wanted.members - existing
    result.links_added = wanted.links - set(links)
    if mode is FileMode.BULK:
        known = wanted.groups
        result.removed = {m for m in existing - wanted.members if m[0] in known}
        result.links_removed = {k for k in set(links) - wanted.links if k.group in known}
    else:
        result.removed = wanted.dropped_members & existing
        result.links_removed = wanted.dropped_links & set(links)
    result.removed |= _moved_out(result, groups, existing)
    result.removed -= {m for m in result.removed if m[0] in groups.deleted}
    result.links_removed = {k for k in result.links_removed if k.group not in groups.deleted}
    return result


def _enrollment(
    row: SisEnrollment,
    groups: Groups,
    people: People,
    sis_ids: SisIds,
    wanted: _Wanted,
    homes: dict[tuple[str, str], tuple[str, int]],
    result: Enrollments,
    findings: Findings,
) -> None:
    if row.user_id in people.others:
        result.skipped += 1
        return
    if row.user_id in people.refused:  # reported once, with the user's own row
        return
    dropped = row.status is RecordStatus.TO_BE_DELETED
    group = groups.of_class.get(row.class_id) or sis_ids.get((SisKind.GROUP, row.class_id), "")
    if group not in groups.info:
        if not dropped:  # taking out of a group koppel does not have: nothing to do
            findings.error(
                row.origin, "classSourcedId", "roster.plan.unknown_class", value=row.class_id
            )
        return
    wanted.groups.add(group)
    number = people.student_of.get(row.user_id) or sis_ids.get((SisKind.STUDENT, row.user_id), "")
    code = people.staff_of.get(row.user_id) or sis_ids.get((SisKind.STAFF, row.user_id), "")
    role = row.role.lower()
    if dropped and not (number or code):
        return
    if role in STUDENT_ROLES and number:
        membership = (group, number)
        (wanted.dropped_members if dropped else wanted.members).add(membership)
        _remember(row, result, STUDENT_LETTER, group, number)
        info = groups.info[group]
        if not dropped and info.kind is GroupKind.HOME_CLASS:
            other = homes.setdefault((number, info.department), (group, row.origin.row))
            if other[0] != group:
                findings.error(
                    row.origin,
                    "classSourcedId",
                    "roster.plan.two_home_classes",
                    student=number,
                    department=info.department,
                    group=group,
                    other=other[0],
                    other_row=other[1],
                )
    elif role in STAFF_ROLES and code:
        link_role = _link_role(row, findings)
        if link_role is not None:
            link = Link(code, group, link_role)
            (wanted.dropped_links if dropped else wanted.links).add(link)
            letter = MENTOR_LETTER if link_role is StaffRole.MENTOR else TEACHER_LETTER
            _remember(row, result, letter, group, code)
    elif role not in STUDENT_ROLES | STAFF_ROLES:
        result.skipped += 1
    elif number or code:
        findings.warning(
            row.origin, "role", "roster.plan.enrollment_role", user=row.user_id, role=row.role
        )
    else:
        findings.error(row.origin, "userSourcedId", "roster.plan.unknown_user", user=row.user_id)


def _this_year(row: SisEnrollment, groups: Groups, sis_ids: SisIds, year: str) -> bool:
    """Whether the row's class is of ``year``: a class of the set is; another one when
    koppel remembers it in that year (or remembers no year for it)."""
    if row.class_id in groups.of_class:
        return True
    remembered = sis_ids.get((SisKind.GROUP_YEAR, row.class_id), "")
    return not (year and remembered and remembered != year)


def _remember(row: SisEnrollment, result: Enrollments, letter: str, group: str, key: str) -> None:
    """An enrollment's sourcedId, so that a later row giving only that id finds it."""
    if row.sourced_id and row.status is RecordStatus.ACTIVE:
        text = enrollment_key(letter, group, key)
        if text:
            result.ids.append(SisId(SisKind.ENROLLMENT, row.sourced_id, text))


def _remembered(row: SisEnrollment, sis_ids: SisIds, wanted: _Wanted, findings: Findings) -> None:
    """An enrollment to be deleted that gives only its sourcedId: the membership or link
    koppel remembered for it is removed (when it is still there)."""
    found = parse_enrollment_key(sis_ids.get((SisKind.ENROLLMENT, row.sourced_id), ""))
    if found is None:
        findings.warning(
            row.origin, "sourcedId", "roster.plan.deleted_enrollment_unknown", value=row.sourced_id
        )
        return
    letter, group, key = found
    if letter == STUDENT_LETTER:
        wanted.dropped_members.add((group, key))
    else:
        role = StaffRole.MENTOR if letter == MENTOR_LETTER else StaffRole.TEACHER
        wanted.dropped_links.add(Link(key, group, role))


def _link_role(row: SisEnrollment, findings: Findings) -> StaffRole | None:
    given = row.ext.get("role", "").strip().lower()
    if given in ("", StaffRole.TEACHER.value):
        return StaffRole.TEACHER
    if given == StaffRole.MENTOR.value:
        return StaffRole.MENTOR
    findings.error(row.origin, "ext_koppel_role", "roster.plan.link_role", value=given)
    return None


def _moved_out(result: Enrollments, groups: Groups, existing: set[Membership]) -> set[Membership]:
    """A student joining a home class leaves its other home class of that department."""
    joining: dict[tuple[str, str], str] = {}
    for group, number in result.added:
        info = groups.info[group]
        if info.kind is GroupKind.HOME_CLASS:
            joining[(number, info.department)] = group
    if not joining:
        return set()
    moved: set[Membership] = set()
    by_student: dict[str, list[str]] = defaultdict(list)
    for group, number in existing:
        by_student[number].append(group)
    for (number, department), group in joining.items():
        for other in by_student.get(number, ()):
            found = groups.info.get(other)
            if (
                other != group
                and found is not None
                and found.kind is GroupKind.HOME_CLASS
                and found.department == department
            ):
                moved.add((other, number))
    return moved
