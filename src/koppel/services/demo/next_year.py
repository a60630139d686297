"""Next year's SIS files for a rehearsal of the year transition (``koppel demo next-year``).

Reads the portal's current state in a handful of queries (any school, demo or not),
plans next year with :func:`~koppel.services.demo.next_year_plan.plan_next_year` and
writes the three files in the import template's layout: ``leerlingen``
(``koppel import students``), ``personeel`` (``koppel import staff`` and ``koppel staff
remove-departed``) and ``docent-groepen`` (``koppel import teacher-groups``), as .csv
(UTF-8 with BOM and ``;``, as Dutch Excel opens them) or .xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from koppel.domain.errors import InvalidValue
from koppel.files.columns import ImportKind
from koppel.files.templates import headers_of
from koppel.files.writers import SUFFIXES, Cell, write_table
from koppel.services.demo.next_year_plan import (
    NextYearPlan,
    SchoolNow,
    plan_next_year,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

FILE_STEMS: dict[ImportKind, str] = {
    ImportKind.STUDENTS: "leerlingen",
    ImportKind.STAFF: "personeel",
    ImportKind.TEACHER_GROUPS: "docent-groepen",
}
STUDENT_FIELDS = (
    "first_name",
    "infix",
    "last_name",
    "gender",
    "street",
    "house_number",
    "postcode",
    "city",
    "email",
)
"""In the order of the template's columns, between the student number and the class."""
STAFF_HEADERS = ("Docentcode", "Roepnaam", "Tussenvoegsel", "Achternaam", "E-mail", "Rollen")
"""The staff template without its groups column: links come from the teacher-groups file."""
LINK_HEADERS = ("Docentcode", "Groep", "Rol")
ROLE_WORDS = {"teacher": "docent", "mentor": "mentor"}


@dataclass(frozen=True)
class NextYearFiles:
    """What was written, counted as the steps of the year transition will see it."""

    students_file: Path
    staff_file: Path
    teacher_groups_file: Path
    school_year: str
    """The school year the files describe (the one after the portal's current year)."""
    students: int
    """Rows in the students file: students who stay plus new first-years."""
    students_new: int
    students_absent: tuple[str, ...]
    """Active students the file leaves out: step 3 lists them (``--mark-absent-left``)."""
    students_graduated: int
    students_left: int
    students_with_class: int
    staff: int
    """Rows in the staff file."""
    staff_joined: tuple[str, ...]
    staff_departed: tuple[str, ...]
    groups: int
    links: int
    """Rows in the teacher-groups file."""

    def as_json(self) -> dict[str, object]:
        return {
            "school_year": self.school_year,
            "files": {
                "students": str(self.students_file),
                "staff": str(self.staff_file),
                "teacher_groups": str(self.teacher_groups_file),
            },
            "students": {
                "rows": self.students,
                "staying": self.students - self.students_new,
                "new": self.students_new,
                "absent": len(self.students_absent),
                "graduated": self.students_graduated,
                "left": self.students_left,
                "with_class": self.students_with_class,
            },
            "staff": {
                "rows": self.staff,
                "joined": len(self.staff_joined),
                "departed": len(self.staff_departed),
            },
            "groups": self.groups,
            "links": self.links,
        }


def file_paths(directory: Path, suffix: str = ".csv") -> dict[ImportKind, Path]:
    """Where the three files go."""
    if suffix not in SUFFIXES:
        raise InvalidValue("export.suffix", file=f"*{suffix}", suffixes=", ".join(SUFFIXES))
    return {kind: directory / f"{stem}{suffix}" for kind, stem in FILE_STEMS.items()}


def read_school_now(uow: SqlAlchemyUnitOfWork) -> SchoolNow:
    """The portal's current school year, departments, students, prognoses and staff."""
    with uow:
        year = uow.school.current_school_year()
        departments = uow.school.departments()
        students = uow.student_states.states(year)
        prognoses: dict[str, str] = {}
        if year.next() in uow.school.school_years():
            prognoses = {
                p.student_number: max(p.shares, key=lambda s: s.percentage).department_code
                for p in uow.planning.prognoses(year.next())
                if p.shares
            }
        staff = uow.staff.list()
    return SchoolNow(year, departments, students, prognoses, staff)


def write_next_year_files(
    uow: SqlAlchemyUnitOfWork,
    directory: Path,
    *,
    seed: int = 1,
    suffix: str = ".csv",
    overwrite: bool = False,
) -> NextYearFiles:
    """Plan next year from the portal's state and write the three files into
    ``directory`` (created if needed). Existing files are refused unless ``overwrite``."""
    paths = file_paths(directory, suffix)
    if not overwrite:
        for path in paths.values():
            if path.exists():
                raise InvalidValue("demo.next_year.exists", file=str(path))
    plan = plan_next_year(read_school_now(uow), seed=seed)
    directory.mkdir(parents=True, exist_ok=True)
    write_plan(plan, paths)
    return NextYearFiles(
        students_file=paths[ImportKind.STUDENTS],
        staff_file=paths[ImportKind.STAFF],
        teacher_groups_file=paths[ImportKind.TEACHER_GROUPS],
        school_year=plan.year.name,
        students=len(plan.students),
        students_new=len(plan.new_students),
        students_absent=tuple(plan.absent),
        students_graduated=len(plan.graduated),
        students_left=len(plan.left),
        students_with_class=sum(1 for row in plan.students if row.home_class),
        staff=len(plan.staff),
        staff_joined=tuple(plan.joined),
        staff_departed=tuple(plan.departed),
        groups=len(plan.groups),
        links=len(plan.links),
    )


def write_plan(plan: NextYearPlan, paths: dict[ImportKind, Path]) -> None:
    """The plan's rows as the three files (each written whole or not at all)."""
    student_rows: list[list[Cell]] = []
    for row in plan.students:
        state = row.state
        born = state.get("birth_date")
        student_rows.append(
            [
                row.student_number,
                *(str(state.get(name) or "") for name in STUDENT_FIELDS),
                row.home_class,
                row.department,
                "ja" if state.get("lwoo") else "nee",
                date.fromisoformat(str(born)) if born else None,
            ]
        )
    write_table(
        paths[ImportKind.STUDENTS],
        headers_of(ImportKind.STUDENTS),
        student_rows,
        sheet_title="Leerlingen",
    )
    staff_rows: list[list[Cell]] = [
        [
            row.member.staff_code,
            row.member.first_name,
            row.member.infix,
            row.member.last_name,
            row.member.email,
            ", ".join(row.roles),
        ]
        for row in plan.staff
    ]
    write_table(paths[ImportKind.STAFF], STAFF_HEADERS, staff_rows, sheet_title="Personeel")
    link_rows: list[list[Cell]] = [
        [link.staff_code, link.group, ROLE_WORDS[link.role.value]] for link in plan.links
    ]
    write_table(paths[ImportKind.TEACHER_GROUPS], LINK_HEADERS, link_rows, sheet_title="Docenten")
