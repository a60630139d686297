"""Deletions that give only an id (pure): a OneRoster delta row with status
``tobedeleted`` may leave every field but its ``sourcedId`` blank. koppel finds what the
row names by that id, as it remembered it (``sis_ids``), and treats the row as the same
row with every field filled in would be treated: a student is marked left (never
deleted), a staff member likewise, an enrollment's membership or link is removed, a
class's group is deleted. A row naming an id koppel does not know is a warning.

Users are completed here (their role is what makes them a student or staff member);
enrollments and classes in :mod:`~koppel.domain.sis.enrollments` and
:mod:`~koppel.domain.sis.groups`, where they are looked up.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import SisIds, SisKind, valid_staff_code, valid_student_number
from koppel.domain.sis.sets import RecordStatus, SisEnrollment, SisSet, SisUser, UserKind

STUDENT_ROLE = "student"
STAFF_ROLE = "teacher"
STUDENT_LETTER, TEACHER_LETTER, MENTOR_LETTER = "s", "t", "m"
MAX_KEY = 64


def id_only_user(user: SisUser) -> bool:
    """A user to be deleted whose row (or roles) says nothing of what it is."""
    return user.status is RecordStatus.TO_BE_DELETED and not user.role


def id_only_enrollment(row: SisEnrollment) -> bool:
    return row.status is RecordStatus.TO_BE_DELETED and not (row.class_id and row.user_id)


def complete_deletions(
    sis_set: SisSet,
    sis_ids: SisIds,
    *,
    students: Collection[str],
    staff: Collection[str],
    findings: Findings,
) -> SisSet:
    """The set with each id-only user deletion given the kind koppel knows the user as:
    remembered as a student or staff member, else a student or staff member of the
    portal whose number or code is the sourcedId itself. Unknown ones stay (kind other:
    skipped) with a warning."""
    if not any(id_only_user(user) for user in sis_set.users):
        return sis_set
    users = []
    for user in sis_set.users:
        if id_only_user(user):
            kind = _kind_of(user.sourced_id, sis_ids, students, staff)
            if kind is UserKind.STUDENT:
                user = replace(user, kind=kind, role=STUDENT_ROLE)
            elif kind is UserKind.STAFF:
                user = replace(user, kind=kind, role=STAFF_ROLE)
            else:
                findings.warning(
                    user.origin,
                    "sourcedId",
                    "roster.plan.deleted_user_unknown",
                    value=user.sourced_id,
                )
        users.append(user)
    return replace(sis_set, users=tuple(users))


def _kind_of(
    sourced_id: str, sis_ids: SisIds, students: Collection[str], staff: Collection[str]
) -> UserKind:
    if (SisKind.STUDENT, sourced_id) in sis_ids:
        return UserKind.STUDENT
    if (SisKind.STAFF, sourced_id) in sis_ids:
        return UserKind.STAFF
    if valid_student_number(sourced_id) in students:
        return UserKind.STUDENT
    if valid_staff_code(sourced_id) in staff:
        return UserKind.STAFF
    return UserKind.OTHER


def enrollment_key(letter: str, group: str, key: str) -> str:
    """What an enrollment's sourcedId is remembered as: ``s|4V1|123456``, or empty when
    it does not fit."""
    text = f"{letter}|{group}|{key}"
    return text if len(text) <= MAX_KEY else ""


def parse_enrollment_key(text: str) -> tuple[str, str, str] | None:
    """(letter, group, student number or staff code) of a remembered enrollment."""
    letter, _, rest = text.partition("|")
    group, _, key = rest.rpartition("|")
    if letter not in (STUDENT_LETTER, TEACHER_LETTER, MENTOR_LETTER) or not group or not key:
        return None
    return letter, group, key
