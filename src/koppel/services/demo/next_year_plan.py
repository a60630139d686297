"""Next year's SIS export, worked out from the portal's state now (pure, no I/O).

A rehearsal of the year transition needs the three files a school gets from its SIS
in the summer. :func:`plan_next_year` derives them from any school's current state:

- every active student who stays, in the department of their prognosis (the share
  with the highest percentage); without a prognosis in the next year of study of the
  same education type (a mixed ``MAVO/HAVO`` or ``HAVO/VWO`` year goes on in one of its
  halves when there is no mixed next year); students with nowhere to go are in their
  exam year and graduate;
- a small share of the other students leaves the school during the summer;
- new first-years, about as many per first-year department as it has now, with
  student numbers never used before and synthetic Dutch names and addresses;
- new home classes of about :data:`CLASS_SIZE` per department, named after it
  (``2M1``, ``2M2``, ...);
- the active staff minus a few who leave, plus a few who join (new staff codes);
- a mentor and a few teachers for every new home class, from the staff file.

The same state and seed give the same files. :mod:`koppel.services.demo.next_year`
reads the state and writes the files.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from koppel.domain.audit import JsonValue
from koppel.domain.school import Department, EducationType, SchoolYear
from koppel.domain.staff import StaffMember, StaffRole, StaffStatus
from koppel.domain.students import StudentStatus
from koppel.services.demo.catalog import (
    CLASS_SIZE,
    STAFF_MAIL_DOMAIN,
    STUDENT_MAIL_DOMAIN,
)
from koppel.services.demo.people import PeopleFactory
from koppel.services.demo.staffing import staff_code_for

STUDENTS_LEAVING_SHARE = 0.02
"""Share of the students outside an exam year who leave the school over the summer."""
STAFF_LEAVING_SHARE = 0.03
STAFF_JOINING_SHARE = 0.03
TEACHERS_PER_CLASS = 4
"""Teachers linked to each new home class, besides its mentor."""
FIRST_YEAR_AGE = 12
"""Age of a first-year on the first day of the school year (born ``start - 12``)."""
SMALL_STAFF = 20
"""Below this many staff members, leaving is rounded down (one of ten is a 10% share)."""

MIXED_HALVES: dict[EducationType, tuple[EducationType, ...]] = {
    EducationType.MAVO_HAVO: (EducationType.MAVO, EducationType.HAVO),
    EducationType.HAVO_VWO: (EducationType.HAVO, EducationType.VWO),
}
"""Where a mixed year goes on when the school has no mixed year after it."""

StudentState = Mapping[str, JsonValue]


@dataclass(frozen=True)
class SchoolNow:
    """What the plan needs to know about the school (read by the caller)."""

    year: SchoolYear
    departments: Sequence[Department]
    students: Mapping[str, StudentState]
    """Every student (left ones included) as imports see them: personal fields,
    ``birth_date`` (ISO), ``lwoo``, ``status`` and this year's ``department`` text
    (``4V``, or ``4H 50 / 4V 50``)."""
    prognoses: Mapping[str, str]
    """Student number -> the department of the highest share of next year's prognosis."""
    staff: Sequence[StaffMember]


@dataclass(frozen=True, slots=True)
class StudentRow:
    """One row of the students file."""

    student_number: str
    state: StudentState
    department: str
    home_class: str
    is_new: bool


@dataclass(frozen=True, slots=True)
class StaffRow:
    member: StaffMember
    roles: tuple[str, ...]
    is_new: bool


@dataclass(frozen=True, slots=True)
class LinkRow:
    staff_code: str
    group: str
    role: StaffRole


@dataclass(frozen=True)
class NextYearPlan:
    """The three files' rows and what they mean for the portal."""

    year: SchoolYear
    students: list[StudentRow] = field(default_factory=list)
    staff: list[StaffRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    """(home class, department), in the order of the file."""
    graduated: list[str] = field(default_factory=list)
    """Active students in their exam year: not in the file."""
    left: list[str] = field(default_factory=list)
    """Active students outside an exam year who left the school: not in the file."""
    departed: list[str] = field(default_factory=list)
    """Active staff members who left: not in the staff file."""

    @property
    def new_students(self) -> list[str]:
        return [row.student_number for row in self.students if row.is_new]

    @property
    def joined(self) -> list[str]:
        return [row.member.staff_code for row in self.staff if row.is_new]

    @property
    def absent(self) -> list[str]:
        """The active students the students file leaves out, sorted."""
        return sorted([*self.graduated, *self.left])


def main_department(text: str) -> str:
    """The department with the highest share of ``4H 50 / 4V 50`` (the first on a tie)."""
    first = text.split(" / ")[0].split()
    return first[0] if first else ""


class _Structure:
    """The school's departments by code and by (branch, education type, year)."""

    def __init__(self, departments: Sequence[Department]) -> None:
        self.by_code = {d.code: d for d in departments}
        self._by_place = {
            (d.branch_code, d.education_type, d.year_of_study): d for d in departments
        }

    def next_of(self, code: str) -> str:
        """Where a student of ``code`` goes without a prognosis; ``""`` in an exam year."""
        current = self.by_code[code]
        kinds = (current.education_type, *MIXED_HALVES.get(current.education_type, ()))
        for kind in kinds:
            found = self._by_place.get((current.branch_code, kind, current.year_of_study + 1))
            if found is not None:
                return found.code
        return ""

    def first_years(self) -> list[str]:
        return [d.code for d in self.by_code.values() if d.year_of_study == 1]


def _count(share: float, total: int) -> int:
    return round(share * total)


def _common_domain(emails: Sequence[str], default: str) -> str:
    domains = Counter(e.rpartition("@")[2].lower() for e in emails if "@" in e)
    return domains.most_common(1)[0][0] if domains else default


def _next_numbers(existing: Sequence[str], count: int) -> list[str]:
    """``count`` student numbers after the highest numeric one, never used before, as
    wide as the school's numbers (``012345`` keeps its leading zero)."""
    numeric = [n for n in existing if n.isdigit()]
    width = max((len(n) for n in numeric), default=6)
    start = max((int(n) for n in numeric), default=10 ** (width - 1)) + 1
    taken = set(existing)
    numbers: list[str] = []
    candidate = start
    while len(numbers) < count:
        text = f"{candidate:0{width}d}"
        if text not in taken:
            numbers.append(text)
        candidate += 1
    return numbers


def plan_next_year(now: SchoolNow, *, seed: int) -> NextYearPlan:
    """The rows of next year's students, staff and teacher-groups files."""
    rng = random.Random(seed)  # noqa: S311 - synthetic rehearsal data, reproducible  # nosec B311
    structure = _Structure(now.departments)
    plan = NextYearPlan(now.year.next())
    placed: dict[str, list[StudentRow]] = {}
    staying = _promote(now, structure, plan, rng)
    for row in staying:
        placed.setdefault(row.department, []).append(row)
    people = PeopleFactory(rng)
    for row in _first_years(now, structure, people, rng):
        placed.setdefault(row.department, []).append(row)
    unplaced = placed.pop("", [])
    for code in sorted(placed):
        plan.students.extend(_form_classes(code, placed[code], plan, rng))
    plan.students.extend(sorted(unplaced, key=lambda r: r.student_number))
    _plan_staff(now, plan, people, rng)
    return plan


def _promote(
    now: SchoolNow, structure: _Structure, plan: NextYearPlan, rng: random.Random
) -> list[StudentRow]:
    """The active students who stay, each in next year's department."""
    moving: list[StudentRow] = []
    for number in sorted(now.students):
        state = now.students[number]
        if state.get("status") != StudentStatus.ACTIVE.value:
            continue
        current = main_department(str(state.get("department") or ""))
        target = now.prognoses.get(number, "")
        if target not in structure.by_code:
            if current not in structure.by_code:
                target = ""  # in no department now: stays without one
            else:
                target = structure.next_of(current)
                if not target:
                    plan.graduated.append(number)
                    continue
        moving.append(StudentRow(number, state, target, "", is_new=False))
    leaving = set(rng.sample(range(len(moving)), _count(STUDENTS_LEAVING_SHARE, len(moving))))
    plan.left.extend(row.student_number for i, row in enumerate(moving) if i in leaving)
    return [row for i, row in enumerate(moving) if i not in leaving]


def _first_years(
    now: SchoolNow, structure: _Structure, people: PeopleFactory, rng: random.Random
) -> list[StudentRow]:
    """As many new students per first-year department as it has active ones now."""
    per_department = Counter(
        main_department(str(state.get("department") or ""))
        for state in now.students.values()
        if state.get("status") == StudentStatus.ACTIVE.value
    )
    wanted = [(code, per_department[code]) for code in sorted(structure.first_years())]
    numbers = iter(_next_numbers(list(now.students), sum(count for _, count in wanted)))
    domain = _common_domain([str(s.get("email") or "") for s in now.students.values()], "")
    domain = domain or STUDENT_MAIL_DOMAIN
    born_in = now.year.next().start_year - FIRST_YEAR_AGE
    lwoo_share = _lwoo_shares(now, set(structure.first_years()))
    rows: list[StudentRow] = []
    for code, count in wanted:
        for _ in range(count):
            number = next(numbers)
            person = people.person()
            address = people.address()
            state: dict[str, JsonValue] = {
                "first_name": person.first_name,
                "infix": person.infix,
                "last_name": person.last_name,
                "gender": person.gender.value,
                "street": address.street,
                "house_number": address.house_number,
                "postcode": address.postcode,
                "city": address.city,
                "email": f"{number}@{domain}",
                "birth_date": date(born_in, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                "lwoo": rng.random() < lwoo_share.get(code, 0.0),
                "status": StudentStatus.ACTIVE.value,
            }
            rows.append(StudentRow(number, state, code, "", is_new=True))
    return rows


def _lwoo_shares(now: SchoolNow, codes: set[str]) -> dict[str, float]:
    """Per department in ``codes``: the share of its active students with LWOO now."""
    totals: Counter[str] = Counter()
    with_lwoo: Counter[str] = Counter()
    for state in now.students.values():
        code = main_department(str(state.get("department") or ""))
        if code in codes and state.get("status") == StudentStatus.ACTIVE.value:
            totals[code] += 1
            with_lwoo[code] += bool(state.get("lwoo"))
    return {code: with_lwoo[code] / totals[code] for code in totals}


def _form_classes(
    code: str, rows: list[StudentRow], plan: NextYearPlan, rng: random.Random
) -> list[StudentRow]:
    """The department's students in home classes of about CLASS_SIZE: ``2M1``, ``2M2``."""
    shuffled = sorted(rows, key=lambda r: r.student_number)
    rng.shuffle(shuffled)
    count = max(1, round(len(shuffled) / CLASS_SIZE))
    result: list[StudentRow] = []
    for index in range(count):
        name = f"{code}{index + 1}"
        plan.groups.append((name, code))
        members = sorted(shuffled[index::count], key=lambda r: r.student_number)
        result.extend(StudentRow(r.student_number, r.state, code, name, r.is_new) for r in members)
    return result


def _plan_staff(
    now: SchoolNow, plan: NextYearPlan, people: PeopleFactory, rng: random.Random
) -> None:
    """Who leaves, who joins, and a mentor and teachers for every new home class."""
    active = sorted(
        (m for m in now.staff if m.status is StaffStatus.ACTIVE), key=lambda m: m.staff_code
    )
    leaving_count = _count(STAFF_LEAVING_SHARE, len(active))
    if leaving_count == 0 and len(active) >= SMALL_STAFF:
        leaving_count = 1
    leaving = {m.staff_code for m in rng.sample(active, leaving_count)}
    plan.departed.extend(sorted(leaving))
    staying = [m for m in active if m.staff_code not in leaving]
    taken = {m.staff_code for m in now.staff}
    domain = _common_domain([m.email for m in now.staff], STAFF_MAIL_DOMAIN)
    joining: list[StaffMember] = []
    for _ in range(max(1, _count(STAFF_JOINING_SHARE, len(active)))):
        person = people.person()
        code = staff_code_for(person.last_name, person.first_name, taken)
        joining.append(
            StaffMember(
                code,
                person.first_name,
                person.last_name,
                infix=person.infix,
                email=f"{code.lower()}@{domain}",
            )
        )
    pool = sorted([*staying, *joining], key=lambda m: m.staff_code)
    _link_classes(plan, [m.staff_code for m in pool], rng)
    mentors = {link.staff_code for link in plan.links if link.role is StaffRole.MENTOR}
    new_codes = {m.staff_code for m in joining}
    for member in pool:
        roles = ("docent", "mentor") if member.staff_code in mentors else ("docent",)
        plan.staff.append(StaffRow(member, roles, member.staff_code in new_codes))


def _link_classes(plan: NextYearPlan, codes: list[str], rng: random.Random) -> None:
    """A mentor per home class (taking turns over the staff) and TEACHERS_PER_CLASS
    teachers drawn from the others."""
    if not codes:
        return
    turns = codes[:]
    rng.shuffle(turns)
    for index, (name, _department) in enumerate(plan.groups):
        mentor = turns[index % len(turns)]
        plan.links.append(LinkRow(mentor, name, StaffRole.MENTOR))
        drawn = rng.sample(codes, min(TEACHERS_PER_CLASS + 1, len(codes)))
        teachers = [code for code in drawn if code != mentor][:TEACHERS_PER_CLASS]
        plan.links.extend(LinkRow(code, name, StaffRole.TEACHER) for code in sorted(teachers))
