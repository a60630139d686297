"""A SIS set's users as koppel's students and staff: their keys and the fields the set
gives them (pure).

Keys: a student's number is ``ext_koppel_key``, else the one remembered for its
sourcedId, else its ``identifier`` or ``sourcedId`` when that is a valid student number;
when the school chose the field (``--student-number``: ``sourcedId``, ``username``, a
vendor column), that field's value, else the one remembered. A student whose field
cannot be a student number is reported once (file, row, column) and left out: its
enrollments and demographics are not reported again;
a staff member's code likewise (upper-cased, 2 to 8 letters or digits), else the code of
the portal's staff member with the same e-mail, else one derived from the names
(``JANS``) and made unique. Users of kind other (guardians, parents) are counted and
skipped. Passwords never reach this module: the readers drop them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.personal import Gender, normalise_email
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import (
    SisIds,
    SisKind,
    department_shares,
    derive_staff_code,
    flag,
    infix_of,
    student_number_value,
    valid_staff_code,
    valid_student_number,
)
from koppel.domain.sis.sets import (
    Origin,
    RecordStatus,
    SisDemographic,
    SisSet,
    SisUser,
    UserKind,
)
from koppel.domain.students import StudentStatus
from koppel.domain.text import clean_text

KEY_COLUMN = "ext_koppel_key"
SEX: dict[str, str] = {"male": Gender.MALE.value, "female": Gender.FEMALE.value}


@dataclass
class People:
    """The set's users by koppel's key: sourcedId -> key, and key -> user."""

    student_of: dict[str, str] = field(default_factory=dict)
    staff_of: dict[str, str] = field(default_factory=dict)
    students: dict[str, SisUser] = field(default_factory=dict)
    staff: dict[str, SisUser] = field(default_factory=dict)
    others: set[str] = field(default_factory=set)
    """The sourcedIds of users of kind other (guardians, parents): skipped."""
    refused: set[str] = field(default_factory=set)
    """The sourcedIds of users without a usable key: reported once, then left out."""


def resolve_people(
    sis_set: SisSet,
    sis_ids: SisIds,
    *,
    staff_codes: Collection[str],
    staff_emails: Mapping[str, str],
    findings: Findings,
    student_number: str | None = None,
) -> People:
    """Every user's key; a user without one, or with a key another user has, is an error.
    ``student_number`` is the field that gives a student's number (None: identifier,
    else sourcedId)."""
    people = People()
    for user in sis_set.users:
        if user.kind is UserKind.STUDENT:
            number = _student_number(user, sis_ids, findings, student_number)
            if number and _unique(number, user, people.students, findings, student_number):
                people.student_of[user.sourced_id] = number
                people.students[number] = user
            else:
                people.refused.add(user.sourced_id)
        elif user.kind is UserKind.STAFF:
            code = _staff_code(user, sis_ids, staff_emails, findings)
            if code is None:
                people.refused.add(user.sourced_id)
                continue
            if code and _unique(code, user, people.staff, findings):
                people.staff_of[user.sourced_id] = code
                people.staff[code] = user
            elif code:
                people.refused.add(user.sourced_id)
        else:
            people.others.add(user.sourced_id)
    taken = set(staff_codes) | set(people.staff)
    for user in sis_set.users:  # derived codes last: never one that a later user has
        if (
            user.kind is UserKind.STAFF
            and user.sourced_id not in people.staff_of
            and _staff_code(user, sis_ids, staff_emails, Findings()) == ""
        ):
            code = derive_staff_code(user.given_name, user.family_name, taken)
            taken.add(code)
            people.staff_of[user.sourced_id] = code
            people.staff[code] = user
    return people


def _unique(
    key: str,
    user: SisUser,
    seen: Mapping[str, SisUser],
    findings: Findings,
    chosen: str | None = None,
) -> bool:
    other = seen.get(key)
    if other is None:
        return True
    findings.error(
        user.origin,
        KEY_COLUMN if user.ext.get("key") else (chosen or "identifier"),
        "roster.plan.duplicate_key",
        value=key,
        other_row=other.origin.row,
    )
    return False


def _student_number(user: SisUser, sis_ids: SisIds, findings: Findings, chosen: str | None) -> str:
    given = user.ext.get("key", "")
    if given:
        number = valid_student_number(given)
        if not number:
            findings.error(user.origin, KEY_COLUMN, "student_number.format", value=given)
        return number
    if chosen is not None:
        return _chosen_number(user, sis_ids, findings, chosen)
    number = (
        sis_ids.get((SisKind.STUDENT, user.sourced_id), "")
        or valid_student_number(user.identifier)
        or valid_student_number(user.sourced_id)
    )
    if not number and user.status is not RecordStatus.TO_BE_DELETED:
        findings.error(
            user.origin, "identifier", "roster.plan.no_student_number", sourced_id=user.sourced_id
        )
    return number


def _chosen_number(user: SisUser, sis_ids: SisIds, findings: Findings, chosen: str) -> str:
    """The value of the field the school chose, else the number remembered for the user
    (a delta's row that names only its sourcedId)."""
    raw = clean_text(student_number_value(user, chosen))
    if not raw:
        number = sis_ids.get((SisKind.STUDENT, user.sourced_id), "")
        if not number and user.status is not RecordStatus.TO_BE_DELETED:
            findings.error(
                user.origin,
                chosen,
                "roster.plan.student_number_empty",
                sourced_id=user.sourced_id,
                column=chosen,
            )
        return number
    number = valid_student_number(raw)
    if not number:
        findings.error(
            user.origin,
            chosen,
            "roster.plan.student_number_invalid",
            sourced_id=user.sourced_id,
            value=raw,
        )
    return number


def _staff_code(
    user: SisUser, sis_ids: SisIds, staff_emails: Mapping[str, str], findings: Findings
) -> str | None:
    """The user's staff code; empty when it is to be derived, None on an error."""
    given = user.ext.get("key", "")
    if given:
        code = valid_staff_code(given)
        if not code:
            findings.error(user.origin, KEY_COLUMN, "staff_code.format", value=given)
            return None
        return code
    return (
        sis_ids.get((SisKind.STAFF, user.sourced_id), "")
        or valid_staff_code(user.identifier)
        or valid_staff_code(user.sourced_id)
        or staff_emails.get(clean_text(user.email).lower(), "")
    )


def person_values(
    user: SisUser,
    findings: Findings,
    *,
    departments: Collection[str] = (),
    student: bool = True,
) -> dict[str, JsonValue]:
    """The fields the set gives this user: names, infix, e-mail and status; for a student
    also LWOO and department (from ``ext_koppel_*``). A field the set leaves empty is
    not given (an empty e-mail never wipes the portal's)."""
    values: dict[str, JsonValue] = {}
    for name, value in (("first_name", user.given_name), ("last_name", user.family_name)):
        if clean_text(value):
            values[name] = clean_text(value)
    if "infix" in user.ext:
        values["infix"] = clean_text(user.ext["infix"])
    elif infix_of(user.middle_name):
        values["infix"] = infix_of(user.middle_name)
    if clean_text(user.email):
        try:
            values["email"] = normalise_email(user.email)
        except InvalidValue:
            findings.warning(user.origin, "email", "roster.plan.email_skipped", value=user.email)
    values["status"] = _status(user)
    if student:
        _student_extras(user, values, departments, findings)
    return values


def _status(user: SisUser) -> str:
    given = clean_text(user.ext.get("status", "")).lower()
    left = (
        user.status is RecordStatus.TO_BE_DELETED
        or given == StudentStatus.LEFT.value
        or (not given and not user.enabled)
    )
    return StudentStatus.LEFT.value if left else StudentStatus.ACTIVE.value


def _student_extras(
    user: SisUser,
    values: dict[str, JsonValue],
    departments: Collection[str],
    findings: Findings,
) -> None:
    if "lwoo" in user.ext:
        try:
            values["lwoo"] = flag(user.ext["lwoo"])
        except InvalidValue as error:
            findings.invalid(user.origin, "ext_koppel_lwoo", error)
    text = clean_text(user.ext.get("department", ""))
    if text:
        try:
            values["department"] = department_shares(text, sorted(departments))
        except InvalidValue as error:
            findings.invalid(user.origin, "ext_koppel_department", error)


def demographic_values(demographic: SisDemographic) -> dict[str, JsonValue]:
    """Gender (male M, female V, else X) and birth date, where the row gives them."""
    values: dict[str, JsonValue] = {}
    if demographic.sex:
        values["gender"] = SEX.get(demographic.sex.lower(), Gender.OTHER.value)
    if demographic.birth_date is not None:
        values["birth_date"] = demographic.birth_date.isoformat()
    return values


def demographics_by_key(
    sis_set: SisSet, people: People, sis_ids: SisIds, findings: Findings
) -> dict[str, tuple[Origin, dict[str, JsonValue]]]:
    """student number -> (origin, gender and birth date) of the set's active demographics;
    staff and other users have none in koppel."""
    found: dict[str, tuple[Origin, dict[str, JsonValue]]] = {}
    for row in sis_set.demographics:
        if row.status is not RecordStatus.ACTIVE:
            continue
        number = people.student_of.get(row.user_id) or sis_ids.get(
            (SisKind.STUDENT, row.user_id), ""
        )
        if number:
            found[number] = (row.origin, demographic_values(row))
        elif not (
            row.user_id in people.staff_of
            or row.user_id in people.others
            or row.user_id in people.refused
        ):
            findings.warning(
                row.origin, "userSourcedId", "roster.plan.unknown_user", user=row.user_id
            )
    return found
