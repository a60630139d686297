"""Next year's SIS files, planned from a school's state (koppel demo next-year): who goes
where, who graduates, new numbers, new staff, a mentor and teachers per class."""

from __future__ import annotations

from koppel.domain.audit import JsonValue
from koppel.domain.school import Department, EducationType, SchoolYear
from koppel.domain.staff import StaffMember, StaffRole, StaffStatus
from koppel.services.demo.next_year_plan import SchoolNow, main_department, plan_next_year

DEPARTMENTS = [
    Department("1HV", "1 HAVO/VWO", 1, EducationType.HAVO_VWO, "HV"),
    Department("2H", "2 HAVO", 2, EducationType.HAVO, "HV"),
    Department("3H", "3 HAVO", 3, EducationType.HAVO, "HV"),
]


def _student(department: str, *, status: str = "active") -> dict[str, JsonValue]:
    return {
        "first_name": "Jan",
        "infix": "",
        "last_name": "Berg",
        "gender": "M",
        "email": "",
        "birth_date": None,
        "lwoo": False,
        "status": status,
        "department": department,
        "home_class": "",
    }


def _school() -> SchoolNow:
    students = {
        "000101": _student("1HV"),  # no prognosis, no mixed year 2: goes on in 2H
        "000102": _student("1HV"),
        "000201": _student("2H"),  # prognosis 3H
        "000301": _student("3H"),  # exam year: graduates
        "000302": _student("3H"),  # repeats the exam year by prognosis
        "000400": _student(""),  # in no department: stays without one
        "000999": _student("2H", status="left"),
    }
    staff = [StaffMember(f"DOC{i}", "Piet", "Jansen") for i in range(1, 8)]
    staff.append(StaffMember("WEG", "Ans", "Weg", status=StaffStatus.LEFT))
    return SchoolNow(
        SchoolYear("2026-2027"),
        DEPARTMENTS,
        students,
        {"000201": "3H", "000302": "3H"},
        staff,
    )


def test_students_go_by_prognosis_or_to_the_next_year_and_exam_years_graduate() -> None:
    plan = plan_next_year(_school(), seed=1)
    placed = {row.student_number: (row.department, row.home_class) for row in plan.students}
    assert placed["000101"] == ("2H", "2H1")
    assert placed["000201"] == ("3H", "3H1")
    assert placed["000302"] == ("3H", "3H1")
    assert placed["000400"] == ("", "")
    assert plan.graduated == ["000301"]
    assert plan.left == []  # 2% of five students rounds to none
    assert plan.absent == ["000301"]
    assert "000999" not in placed
    new = plan.new_students
    assert new == ["001000", "001001"]  # as many as 1HV has, after the highest number
    assert {placed[n] for n in new} == {("1HV", "1HV1")}
    assert plan.groups == [("1HV1", "1HV"), ("2H1", "2H"), ("3H1", "3H")]
    assert plan.year == SchoolYear("2027-2028")


def test_staff_leave_and_join_and_every_class_gets_a_mentor_and_teachers() -> None:
    plan = plan_next_year(_school(), seed=1)
    assert plan.departed == []  # seven staff members: nobody leaves
    assert len(plan.joined) == 1
    codes = {row.member.staff_code for row in plan.staff}
    assert "WEG" not in codes
    assert codes == {f"DOC{i}" for i in range(1, 8)} | set(plan.joined)
    for name, _department in plan.groups:
        roles = [link.role for link in plan.links if link.group == name]
        assert roles.count(StaffRole.MENTOR) == 1
        assert roles.count(StaffRole.TEACHER) == 4
    mentors = {link.staff_code for link in plan.links if link.role is StaffRole.MENTOR}
    assert all(("mentor" in row.roles) == (row.member.staff_code in mentors) for row in plan.staff)


def test_the_same_seed_gives_the_same_plan() -> None:
    assert plan_next_year(_school(), seed=3) == plan_next_year(_school(), seed=3)


def test_the_main_department_is_the_highest_share() -> None:
    assert main_department("4H 60 / 4V 40") == "4H"
    assert main_department("4V") == "4V"
    assert main_department("") == ""
