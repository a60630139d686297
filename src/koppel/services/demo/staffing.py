"""The demo school's staff: staff codes, mentors per home class, teachers per group,
team leaders per group of departments, a scheduler, and everyone's account."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.groups import Group, GroupKind
from koppel.domain.personal import full_name
from koppel.domain.staff import StaffLink, StaffMember, StaffRole
from koppel.domain.students import Student
from koppel.services.demo.catalog import LOWER_YEAR_SUBJECTS, STAFF_MAIL_DOMAIN, TEAMS
from koppel.services.demo.people import PeopleFactory

STUDENTS_PER_STAFF_MEMBER = 12
ADMINISTRATOR = "beheerder"


@dataclass
class Staffing:
    staff: list[StaffMember] = field(default_factory=list)
    links: list[StaffLink] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    personas: dict[Role, str] = field(default_factory=dict)
    """One username per role, for trying the portal as that role."""


def staff_code_for(last_name: str, first_name: str, taken: set[str]) -> str:
    """A docentcode like ``JANS`` from the last name; varied until it is free."""
    letters = re.sub(r"[^A-Z]", "", last_name.upper()) or "XX"
    initial = re.sub(r"[^A-Z]", "", first_name.upper())[:1] or "X"
    numbered = (f"{letters[:4]}{n}" for n in range(1, 10_000))
    for candidate in itertools.chain((letters[:4], letters[:3] + initial), numbered):
        if len(candidate) >= 2 and candidate not in taken:
            taken.add(candidate)
            return candidate
    raise RuntimeError("no free staff code")  # pragma: no cover - 10,000 variants per name


def make_staffing(
    rng: random.Random, people: PeopleFactory, students: list[Student], groups: list[Group]
) -> Staffing:
    result = Staffing()
    total = max(len(TEAMS) + 4, round(len(students) / STUDENTS_PER_STAFF_MEMBER))
    taken: set[str] = set()
    for _ in range(total):
        person = people.person()
        code = staff_code_for(person.last_name, person.first_name, taken)
        result.staff.append(
            StaffMember(
                code,
                person.first_name,
                person.last_name,
                infix=person.infix,
                email=f"{code.lower()}@{STAFF_MAIL_DOMAIN}",
            )
        )
    codes = [member.staff_code for member in result.staff]
    team_leaders = dict(zip(codes, TEAMS.values(), strict=False))
    scheduler = codes[len(TEAMS)]
    _link_groups(rng, result, codes[len(TEAMS) + 1 :], groups)
    mentors = {link.staff_code for link in result.links if link.role is StaffRole.MENTOR}
    teachers = {link.staff_code for link in result.links if link.role is StaffRole.TEACHER}

    result.accounts.append(
        Account(ADMINISTRATOR, "Applicatiebeheerder", frozenset({Role.ADMINISTRATOR}))
    )
    for member in result.staff:
        roles = {Role.TEACHER}
        if member.staff_code in mentors:
            roles.add(Role.MENTOR)
        if member.staff_code in team_leaders:
            roles.add(Role.TEAM_LEADER)
        if member.staff_code == scheduler:
            roles.add(Role.SCHEDULER)
        result.accounts.append(
            Account(
                member.staff_code.lower(),
                member.full_name,
                frozenset(roles),
                AccountKind.STAFF,
                staff_code=member.staff_code,
                departments=frozenset(team_leaders.get(member.staff_code, ())),
                email=member.email,
            )
        )
    active = [s for s in students if s.is_active]
    for student in students:
        p = student.personal
        result.accounts.append(
            Account(
                student.student_number,
                full_name(p.first_name, p.infix, p.last_name),
                frozenset({Role.STUDENT}),
                AccountKind.STUDENT,
                student_number=student.student_number,
                email=p.email,
                is_active=student.is_active,
            )
        )
    plain_teachers = sorted(teachers - mentors - set(team_leaders) - {scheduler})
    result.personas = {
        Role.ADMINISTRATOR: ADMINISTRATOR,
        Role.SCHEDULER: scheduler.lower(),
        Role.TEAM_LEADER: codes[0].lower(),
        Role.MENTOR: sorted(mentors - set(team_leaders))[0].lower(),
        Role.TEACHER: (plain_teachers or sorted(teachers))[0].lower(),
        Role.STUDENT: active[0].student_number,
    }
    return result


def _link_groups(
    rng: random.Random, result: Staffing, codes: list[str], groups: list[Group]
) -> None:
    """A mentor per home class (spread over the staff), a teacher per cluster group and
    per lower-year subject."""
    shuffled = codes[:]
    rng.shuffle(shuffled)
    mentor_turn = 0
    for group in groups:
        if group.kind is GroupKind.HOME_CLASS:
            mentor = shuffled[mentor_turn % len(shuffled)]
            mentor_turn += 1
            result.links.append(StaffLink(mentor, group.name, StaffRole.MENTOR))
            if group.department_code[:1] in "123":
                teachers = rng.sample(codes, min(len(LOWER_YEAR_SUBJECTS), len(codes)))
                result.links.extend(
                    StaffLink(code, group.name, StaffRole.TEACHER) for code in teachers
                )
        else:
            result.links.append(StaffLink(rng.choice(codes), group.name, StaffRole.TEACHER))
