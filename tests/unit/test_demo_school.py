"""The demo-school generator (koppel.services.demo): pure, realistic, deterministic."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from koppel.domain.accounts import AccountKind, Role
from koppel.domain.groups import GroupKind, check_one_home_class_per_department
from koppel.domain.personal import normalise_postcode
from koppel.domain.planning import check_participations
from koppel.domain.school import EducationType, LeadingSide, SchoolYear
from koppel.domain.staff import StaffRole
from koppel.services.demo.catalog import DEPARTMENTS, EXEMPTIONS, PROFILES, TEAMS
from koppel.services.demo.school import DemoSchool, generate_demo_school
from koppel.services.demo.students import allocate

TODAY = date(2026, 9, 1)


@pytest.fixture(scope="module")
def small() -> DemoSchool:
    return generate_demo_school(300, seed=1, today=TODAY)


@pytest.fixture(scope="module")
def school() -> DemoSchool:
    return generate_demo_school(1200, seed=7, today=TODAY)


@pytest.fixture(params=["small", "school"])
def any_school(request) -> DemoSchool:
    return request.getfixturevalue(request.param)


def _canonical(value: object) -> object:
    """A JSON-able form that does not depend on the order of sets (hash seed)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(str(_canonical(item)) for item in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _canonical(item) for key, item in sorted(value.items(), key=str)}
    if value is None or isinstance(value, (bool, int)):
        return value
    return str(value)


def _digest(school: DemoSchool) -> str:
    text = json.dumps(_canonical(school), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _home_class_of(school: DemoSchool) -> dict[str, str]:
    groups = {group.name: group for group in school.groups}
    return {
        m.student_number: groups[m.group_name].department_code
        for m in school.memberships
        if groups[m.group_name].is_home_class
    }


# --- determinism ------------------------------------------------------------------------


def test_same_seed_same_school(small):
    again = generate_demo_school(300, seed=1, today=TODAY)
    assert again == small
    assert _digest(again) == _digest(small)


def test_other_seed_other_students(small):
    other = generate_demo_school(300, seed=2, today=TODAY)
    assert [s.student_number for s in other.students] != [s.student_number for s in small.students]
    assert [s.personal for s in other.students] != [s.personal for s in small.students]
    assert len(other.students) == len(small.students)


def test_same_seed_same_school_in_other_processes(small):
    """No dependence on the hash seed (set order) or anything else of the process."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from datetime import date;"
        "from test_demo_school import _digest;"
        "from koppel.services.demo.school import generate_demo_school;"
        "print(_digest(generate_demo_school(300, seed=1, today=date(2026, 9, 1))))"
    )
    here = str(Path(__file__).parent)
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", script, here],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=60,
        )
        digests.add(result.stdout.strip())
    assert digests == {_digest(small)}


# --- students ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [50, 300, 1200, 1234])
def test_exactly_n_students(size):
    demo = generate_demo_school(size, seed=size, today=TODAY)
    assert len(demo.students) == size


def test_student_numbers_unique_six_digit_text(any_school):
    numbers = [student.student_number for student in any_school.students]
    assert len(set(numbers)) == len(numbers)
    assert all(isinstance(n, str) and re.fullmatch(r"[0-9]{6}", n) for n in numbers)
    assert any(n.startswith("0") for n in numbers)


def test_school_year_from_today():
    demo = generate_demo_school(50, seed=3, today=date(2026, 7, 31))
    assert demo.year == SchoolYear("2025-2026")
    assert demo.next_year == SchoolYear("2026-2027")


def test_school_year_and_next(any_school):
    assert any_school.year == SchoolYear("2026-2027")
    assert any_school.next_year == any_school.year.next()
    assert {g.school_year for g in any_school.groups} == {"2026-2027"}


def test_names_carry_infixes_and_sort_the_dutch_way(school):
    infixes = Counter(s.personal.infix for s in school.students)
    assert infixes[""] > len(school.students) / 2
    assert {"van", "de"} <= set(infixes)
    assert any(" " in infix for infix in infixes)  # 'van der', 'van den', ...
    with_infix = next(s.personal for s in school.students if s.personal.infix == "van")
    assert with_infix.sort_name == f"{with_infix.last_name}, {with_infix.first_name} van"
    assert with_infix.full_name == f"{with_infix.first_name} van {with_infix.last_name}"


def test_postcodes_are_dutch(any_school):
    postcodes = [s.personal.postcode for s in any_school.students]
    assert all(re.fullmatch(r"[1-9][0-9]{3} [A-Z]{2}", p) for p in postcodes)
    assert all(normalise_postcode(p) == p for p in postcodes)
    assert not any(p.endswith((" SA", " SD", " SS")) for p in postcodes)
    assert len(set(postcodes)) > len(postcodes) / 4


def test_student_personal_data_complete(school):
    for student in school.students:
        p = student.personal
        assert all((p.first_name, p.last_name, p.street, p.house_number, p.city))
        assert p.email == f"{student.student_number}@leerling.example.org"
        assert student.birth_date is not None


def test_previous_home_class_only_after_first_year(school):
    department = _home_class_of(school)
    for student in school.students:
        code = department.get(student.student_number)
        if code is None:
            continue
        previous = student.personal.previous_home_class
        if code.startswith("1"):
            assert previous == ""
        else:
            assert re.fullmatch(rf"{int(code[0]) - 1}[A-Z]+[0-9]+", previous), previous


def test_lwoo_share_highest_in_lower_mavo_years(school):
    lwoo = {s.student_number: s.lwoo for s in school.students}
    per_department: dict[str, list[bool]] = defaultdict(list)
    for participation in school.participations:
        per_department[participation.department_code].append(lwoo[participation.student_number])
    kinds = {d.code: d.education_type for d in DEPARTMENTS}

    def share(codes):
        flags = [flag for code in codes for flag in per_department[code]]
        return sum(flags) / len(flags)

    lower_mavo = share(["1M", "2M"])
    assert lower_mavo > 0.05
    for kind in (EducationType.MAVO_HAVO, EducationType.HAVO, EducationType.HAVO_VWO):
        assert lower_mavo > share([c for c, k in kinds.items() if k is kind])
    assert (
        share([c for c, k in kinds.items() if k in (EducationType.VWO, EducationType.HAVO_VWO)])
        == 0
    )


def test_some_students_left_and_have_no_groups(school):
    left = {s.student_number for s in school.students if not s.is_active}
    active = {s.student_number for s in school.students if s.is_active}
    assert left  # 0.5 % of 1,200
    assert len(left) < len(school.students) * 0.02
    assert not left & {m.student_number for m in school.memberships}
    assert not left & {p.student_number for p in school.participations}
    assert {p.student_number for p in school.participations} == active


# --- departments ------------------------------------------------------------------------


def test_all_fifteen_departments(any_school):
    codes = [d.code for d in any_school.departments]
    assert len(codes) == 15
    assert len(set(codes)) == 15
    assert set(codes) == {f"{y}M" for y in (1, 2, 3, 4)} | {"1MH", "2MH", "1HV", "2HV"} | {
        "3H",
        "4H",
        "5H",
        "3V",
        "4V",
        "5V",
        "6V",
    }
    by_code = {d.code: d for d in any_school.departments}
    assert by_code["1HV"].name == "1 HAVO/VWO"
    assert by_code["1HV"].education_type is EducationType.HAVO_VWO
    assert by_code["2MH"].education_type is EducationType.MAVO_HAVO
    assert all(d.year_of_study == int(d.code[0]) for d in any_school.departments)
    assert {d.branch_code for d in any_school.departments} == {any_school.branch.code}


def test_upper_years_led_by_project_except_4m(school):
    for department in school.departments:
        expected = (
            LeadingSide.PROJECT
            if department.year_of_study >= 4 and department.code != "4M"
            else LeadingSide.PORTAL
        )
        assert department.home_class_lead is expected, department.code


def test_every_department_has_students(school):
    counts = Counter(p.department_code for p in school.participations)
    assert set(counts) == {d.code for d in school.departments}


def test_participations_whole_and_valid(any_school):
    check_participations(any_school.participations)
    assert all(p.percentage == 100 for p in any_school.participations)


@pytest.mark.parametrize("total", [50, 299, 1000, 12345])
def test_allocate_splits_exactly(total):
    weights = [d.weight for d in DEPARTMENTS]
    counts = allocate(total, weights)
    assert sum(counts) == total
    assert all(count >= 0 for count in counts)
    scale = total / sum(weights)
    assert all(abs(count - w * scale) < 1 for count, w in zip(counts, weights, strict=True))


# --- groups -----------------------------------------------------------------------------


def test_group_names_unique_and_memberships_point_at_groups(any_school):
    names = [g.name for g in any_school.groups]
    assert len(names) == len(set(names))
    numbers = {s.student_number for s in any_school.students}
    assert {m.group_name for m in any_school.memberships} <= set(names)
    assert {m.student_number for m in any_school.memberships} <= numbers
    assert len(set(any_school.memberships)) == len(any_school.memberships)


def test_home_classes_average_about_28(school):
    home = {g.name for g in school.groups if g.kind is GroupKind.HOME_CLASS}
    sizes = Counter(m.group_name for m in school.memberships if m.group_name in home)
    assert set(sizes) == home
    average = sum(sizes.values()) / len(sizes)
    assert 20 <= average <= 34
    assert abs(average - 28) <= 3
    assert min(sizes.values()) >= 15
    assert max(sizes.values()) <= 40


def test_every_active_student_has_exactly_one_home_class(any_school):
    groups = {g.name: g for g in any_school.groups}
    per_student = Counter(
        m.student_number for m in any_school.memberships if groups[m.group_name].is_home_class
    )
    active = {s.student_number for s in any_school.students if s.is_active}
    assert set(per_student) == active
    assert set(per_student.values()) == {1}


def test_home_class_matches_participation(school):
    participation = {p.student_number: p.department_code for p in school.participations}
    assert _home_class_of(school) == participation


def test_no_student_has_two_home_classes_in_one_department(any_school):
    check_one_home_class_per_department(
        {g.name: g for g in any_school.groups}, any_school.memberships
    )


def test_cluster_groups_only_in_years_4_to_6(any_school):
    clusters = [g for g in any_school.groups if g.kind is GroupKind.CLUSTER_GROUP]
    assert clusters
    assert {g.department_code[0] for g in clusters} <= {"4", "5", "6"}
    assert {g.department_code for g in clusters} == {
        d.code for d in any_school.departments if d.year_of_study >= 4
    }
    assert all(re.fullmatch(rf"{g.department_code}\.[a-z0-9]+[0-9]+", g.name) for g in clusters)


def test_cluster_members_take_the_subject(school):
    choices = {(c.student_number, c.department_code): c for c in school.choices_now}
    groups = {g.name: g for g in school.groups}
    for membership in school.memberships:
        group = groups[membership.group_name]
        if group.kind is not GroupKind.CLUSTER_GROUP:
            continue
        rest = group.name.split(".", 1)[1]
        choice = choices[(membership.student_number, group.department_code)]
        taken = choice.subjects - choice.exemptions
        assert any(re.fullmatch(re.escape(s) + "[0-9]+", rest) for s in taken), group.name


def test_home_class_folders(any_school):
    folders = {g.kind: set() for g in any_school.groups}
    for group in any_school.groups:
        folders[group.kind].add(group.folder)
    assert folders[GroupKind.HOME_CLASS] == {"Stamklassen"}
    assert folders[GroupKind.CLUSTER_GROUP] == {"Clustergroepen"}


# --- staff ------------------------------------------------------------------------------


def test_staff_count_about_students_per_12(any_school):
    assert abs(len(any_school.staff) - len(any_school.students) / 12) <= 1
    codes = [m.staff_code for m in any_school.staff]
    assert len(set(codes)) == len(codes)


def test_every_home_class_has_exactly_one_mentor(any_school):
    mentors = Counter(
        link.group_name for link in any_school.staff_links if link.role is StaffRole.MENTOR
    )
    home = {g.name for g in any_school.groups if g.is_home_class}
    assert set(mentors) == home
    assert set(mentors.values()) == {1}


def test_every_cluster_group_has_a_teacher(any_school):
    taught = {link.group_name for link in any_school.staff_links if link.role is StaffRole.TEACHER}
    clusters = {g.name for g in any_school.groups if g.kind is GroupKind.CLUSTER_GROUP}
    assert clusters <= taught


def test_staff_links_point_at_staff_and_groups(any_school):
    codes = {m.staff_code for m in any_school.staff}
    names = {g.name for g in any_school.groups}
    assert {link.staff_code for link in any_school.staff_links} <= codes
    assert {link.group_name for link in any_school.staff_links} <= names


def test_team_leaders_lead_all_departments(any_school):
    leaders = [a for a in any_school.accounts if a.has_role(Role.TEAM_LEADER)]
    assert len(leaders) == len(TEAMS)
    assert all(a.departments for a in leaders)
    assert {frozenset(a.departments) for a in leaders} == {frozenset(t) for t in TEAMS.values()}
    led = [code for a in leaders for code in a.departments]
    assert sorted(led) == sorted(d.code for d in any_school.departments)
    for department in any_school.departments:
        assert sum(a.leads_department(department.code) for a in leaders) == 1


# --- accounts ---------------------------------------------------------------------------


def test_every_student_has_a_student_account(any_school):
    accounts = {a.student_number: a for a in any_school.accounts if a.kind is AccountKind.STUDENT}
    assert set(accounts) == {s.student_number for s in any_school.students}
    for student in any_school.students:
        account = accounts[student.student_number]
        assert account.roles == frozenset({Role.STUDENT})
        assert account.username == student.student_number
        assert account.is_active is student.is_active


def test_exactly_one_administrator(any_school):
    administrators = [a for a in any_school.accounts if Role.ADMINISTRATOR in a.roles]
    assert len(administrators) == 1
    assert any_school.personas[Role.ADMINISTRATOR] == administrators[0].username


def test_accounts_unique_and_staff_accounts_linked(any_school):
    usernames = [a.username for a in any_school.accounts]
    assert len(usernames) == len(set(usernames))
    assert len(any_school.accounts) == 1 + len(any_school.staff) + len(any_school.students)
    staff_codes = {m.staff_code for m in any_school.staff}
    staff_accounts = [a for a in any_school.accounts if a.kind is AccountKind.STAFF]
    assert {a.staff_code for a in staff_accounts} == staff_codes
    assert all(a.has_role(Role.TEACHER) for a in staff_accounts)
    assert sum(a.has_role(Role.SCHEDULER) for a in any_school.accounts) == 1


def test_personas_hold_their_roles(any_school):
    accounts = {a.username: a for a in any_school.accounts}
    assert set(any_school.personas) == set(Role)
    for role, username in any_school.personas.items():
        assert accounts[username].has_role(role), role


# --- planning ---------------------------------------------------------------------------


def test_prognoses_add_up_and_some_undecided(school):
    assert school.prognoses
    for prognosis in school.prognoses:
        assert sum(s.percentage for s in prognosis.shares) == 100
    undecided = [p for p in school.prognoses if p.is_undecided]
    assert undecided
    assert len(undecided) < len(school.prognoses) * 0.2
    for prognosis in undecided:
        assert [s.percentage for s in prognosis.shares] == [50, 50]
        assert str(prognosis).count(" / ") == 1


def test_prognoses_for_non_exam_students_only(school):
    department = {p.student_number: p.department_code for p in school.participations}
    exam_years = {d.code for d in DEPARTMENTS if not d.next_codes}
    codes = {d.code for d in DEPARTMENTS}
    with_prognosis = {p.student_number for p in school.prognoses}
    assert len(with_prognosis) == len(school.prognoses)
    for number, code in department.items():
        assert (number in with_prognosis) is (code not in exam_years)
    for prognosis in school.prognoses:
        assert {s.department_code for s in prognosis.shares} <= codes
        assert prognosis.round >= 1


def test_package_choices_have_profiles_in_havo_vwo_upper_years(school):
    kinds = {d.code: d.education_type for d in DEPARTMENTS}
    choices = school.choices_now + school.choices_next
    profiles = Counter()
    for choice in choices:
        if kinds[choice.department_code] in (EducationType.HAVO, EducationType.VWO):
            assert choice.profile in PROFILES
            core, electives = PROFILES[choice.profile]
            assert set(core) <= choice.subjects
            assert choice.subjects & set(electives)
            profiles[choice.profile] += 1
        else:
            assert choice.profile == ""
    assert set(profiles) == {"NT", "NG", "EM", "CM"}


def test_package_choices_this_year_only_upper_years(school):
    department = {p.student_number: p.department_code for p in school.participations}
    upper = {d.code for d in DEPARTMENTS if d.year >= 4}
    assert {c.department_code for c in school.choices_now} == upper
    for choice in school.choices_now:
        assert department[choice.student_number] == choice.department_code
    assert {c.department_code for c in school.choices_next} <= upper
    assert {department[c.student_number][0] for c in school.choices_next} == {"3"}


def test_a_few_exemptions(school):
    choices = school.choices_now + school.choices_next
    exempted = [c for c in choices if c.exemptions]
    assert exempted
    assert len(exempted) < len(choices) * 0.1
    for choice in exempted:
        assert len(choice.exemptions) == 1
        assert choice.exemptions <= choice.subjects
        assert choice.exemptions <= set(EXEMPTIONS)
