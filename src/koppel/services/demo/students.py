"""The demo school's students: who they are, where they are and where they go next year."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from koppel.domain.groups import Group, GroupKind, GroupMembership
from koppel.domain.personal import PersonalData
from koppel.domain.planning import (
    DepartmentParticipation,
    DepartmentShare,
    PackageChoice,
    Prognosis,
)
from koppel.domain.school import EducationType, SchoolYear
from koppel.domain.students import Student, StudentStatus
from koppel.services.demo.catalog import (
    CLASS_SIZE,
    CLUSTER_SIZE,
    COMMON_SUBJECTS,
    DEPARTMENTS,
    EXEMPTIONS,
    MAVO_ELECTIVES,
    PROFILE_WEIGHTS,
    PROFILES,
    PROGNOSIS_COMMENTS,
    STUDENT_MAIL_DOMAIN,
    DemoDepartment,
)
from koppel.services.demo.people import PeopleFactory

HOME_CLASS_FOLDER = "Stamklassen"
CLUSTER_FOLDER = "Clustergroepen"
LEFT_SHARE = 0.005
REPEAT_SHARE = 0.03
UNDECIDED_SHARE = 0.06
EXEMPTION_SHARE = 0.04
NEXT_YEAR_CHOICE_SHARE = 0.9
_BY_CODE = {d.code: d for d in DEPARTMENTS}


@dataclass
class StudentBody:
    """Everything about the demo school's students, as domain objects."""

    students: list[Student] = field(default_factory=list)
    participations: list[DepartmentParticipation] = field(default_factory=list)
    prognoses: list[Prognosis] = field(default_factory=list)
    choices_now: list[PackageChoice] = field(default_factory=list)
    choices_next: list[PackageChoice] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    memberships: list[GroupMembership] = field(default_factory=list)


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` over ``weights`` (largest remainder), every share an integer."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _previous_codes(code: str) -> list[str]:
    return [d.code for d in DEPARTMENTS if code in d.next_codes]


def _package(rng: random.Random, number: str, dept: DemoDepartment) -> PackageChoice:
    kind = dept.education_type
    if kind is EducationType.MAVO:
        subjects = set(COMMON_SUBJECTS[kind]) | set(rng.sample(MAVO_ELECTIVES, 4))
        profile = ""
    else:
        profile = rng.choices(list(PROFILE_WEIGHTS), weights=list(PROFILE_WEIGHTS.values()))[0]
        core, electives = PROFILES[profile]
        subjects = set(COMMON_SUBJECTS[kind]) | set(core) | {rng.choice(electives)}
    exemptions: set[str] = set()
    if rng.random() < EXEMPTION_SHARE:
        possible = sorted(subjects & set(EXEMPTIONS))
        exemptions = {rng.choice(possible)} if possible else set()
    return PackageChoice(number, dept.code, frozenset(subjects), frozenset(exemptions), profile)


def _prognosis(rng: random.Random, number: str, dept: DemoDepartment) -> Prognosis | None:
    if not dept.next_codes:
        return None  # exam year: the student graduates
    options = list(dept.next_codes)
    round_ = rng.choice((1, 1, 2))
    if rng.random() < UNDECIDED_SHARE:
        pair = options if len(options) == 2 else [options[0], dept.code]
        shares = (DepartmentShare(pair[0], 50), DepartmentShare(pair[1], 50))
        return Prognosis(number, shares, round=round_, comment=PROGNOSIS_COMMENTS[0])
    target = dept.code if rng.random() < REPEAT_SHARE else rng.choice(options)
    comment = rng.choice(PROGNOSIS_COMMENTS[1:]) if rng.random() < 0.1 else ""
    if target == dept.code:
        comment = PROGNOSIS_COMMENTS[-1]
    return Prognosis(number, (DepartmentShare(target, 100),), round=round_, comment=comment)


def _split(members: list[str], size: int) -> list[list[str]]:
    count = max(1, round(len(members) / size))
    return [members[i::count] for i in range(count)]


def make_students(
    rng: random.Random, people: PeopleFactory, total: int, year: SchoolYear
) -> StudentBody:
    """``total`` students over the demo departments, with their groups and planning data."""
    body = StudentBody()
    counts = allocate(total, [d.weight for d in DEPARTMENTS])
    numbers = [f"{n:06d}" for n in rng.sample(range(10_000, 10_000 + 3 * total + 100), total)]
    class_counts = {
        d.code: max(1, round(c / CLASS_SIZE)) for d, c in zip(DEPARTMENTS, counts, strict=True)
    }
    cursor = 0
    for dept, count in zip(DEPARTMENTS, counts, strict=True):
        present: list[str] = []
        for number in numbers[cursor : cursor + count]:
            student, is_left = _student(rng, people, number, dept, year, class_counts)
            body.students.append(student)
            if is_left:
                continue
            present.append(number)
            body.participations.append(DepartmentParticipation(number, dept.code))
            prognosis = _prognosis(rng, number, dept)
            if prognosis is not None:
                body.prognoses.append(prognosis)
                _choose_for_next_year(rng, body, number, dept, prognosis)
            if dept.has_packages:
                body.choices_now.append(_package(rng, number, dept))
        cursor += count
        _form_groups(rng, body, dept, present, year)
    return body


def _student(
    rng: random.Random,
    people: PeopleFactory,
    number: str,
    dept: DemoDepartment,
    year: SchoolYear,
    class_counts: dict[str, int],
) -> tuple[Student, bool]:
    person = people.person()
    address = people.address()
    previous = ""
    before = _previous_codes(dept.code)
    if before:
        code = rng.choice(before)
        previous = f"{code}{rng.randint(1, class_counts[code])}"
    born = date(year.start_year - 11 - dept.year, rng.randint(1, 12), rng.randint(1, 28))
    is_left = rng.random() < LEFT_SHARE
    personal = PersonalData(
        first_name=person.first_name,
        infix=person.infix,
        last_name=person.last_name,
        gender=person.gender,
        street=address.street,
        house_number=address.house_number,
        postcode=address.postcode,
        city=address.city,
        email=f"{number}@{STUDENT_MAIL_DOMAIN}",
        previous_home_class=previous,
    )
    status = StudentStatus.LEFT if is_left else StudentStatus.ACTIVE
    lwoo = rng.random() < dept.lwoo_share
    return Student(number, personal, birth_date=born, lwoo=lwoo, status=status), is_left


def _choose_for_next_year(
    rng: random.Random, body: StudentBody, number: str, dept: DemoDepartment, prognosis: Prognosis
) -> None:
    """Third-years choose the package of their upper-year department in spring."""
    target = _BY_CODE[prognosis.shares[0].department_code]
    if target.has_packages and not dept.has_packages and rng.random() < NEXT_YEAR_CHOICE_SHARE:
        body.choices_next.append(_package(rng, number, target))


def _form_groups(
    rng: random.Random,
    body: StudentBody,
    dept: DemoDepartment,
    present: list[str],
    year: SchoolYear,
) -> None:
    shuffled = present[:]
    rng.shuffle(shuffled)
    for index, members in enumerate(_split(shuffled, CLASS_SIZE), start=1):
        name = f"{dept.code}{index}"
        body.groups.append(
            Group(name, GroupKind.HOME_CLASS, year.name, dept.code, folder=HOME_CLASS_FOLDER)
        )
        body.memberships.extend(GroupMembership(name, number) for number in members)
    if not dept.has_clusters:
        return
    takers: dict[str, list[str]] = {}
    for choice in body.choices_now:
        if choice.department_code == dept.code:
            for subject in sorted(choice.subjects - choice.exemptions):
                takers.setdefault(subject, []).append(choice.student_number)
    for subject, members in sorted(takers.items()):
        for index, group_members in enumerate(_split(members, CLUSTER_SIZE), start=1):
            name = f"{dept.code}.{subject}{index}"
            body.groups.append(
                Group(name, GroupKind.CLUSTER_GROUP, year.name, dept.code, folder=CLUSTER_FOLDER)
            )
            body.memberships.extend(GroupMembership(name, number) for number in group_members)
