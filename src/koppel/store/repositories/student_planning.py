"""One student's planning data, read for a page of students and written field by field:
prognosis, LWOO, home class and package choice (the portal's planning pages)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from sqlalchemy import Connection, select

from koppel.domain.errors import NotFound
from koppel.domain.groups import GroupKind
from koppel.domain.planning import DepartmentShare, PackageChoice, Prognosis
from koppel.domain.school import SchoolYear
from koppel.store import tables as t
from koppel.store.chunks import chunks
from koppel.store.repositories.memberships import replace_home_class
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository

_BATCH = 500
_WHOLE_YEAR = 5_000
"""From this many students on, read the year's prognoses whole and keep theirs: batches
of 500 in ``IN (...)`` cost a query each, and on PostgreSQL right after a bulk load
(tables not yet analysed) each took over a second (100 of them in step 3 at 50,000)."""


def _batches(numbers: Collection[str]) -> list[list[str]]:
    ordered = sorted(set(numbers))
    return [ordered[i : i + _BATCH] for i in range(0, len(ordered), _BATCH)]


class SqlAlchemyStudentPlanningRepository:
    def __init__(
        self,
        connection: Connection,
        *,
        school: SqlAlchemySchoolRepository,
        students: SqlAlchemyStudentRepository,
    ) -> None:
        self._connection = connection
        self._school = school
        self._students = students

    # reading, for a set of students
    def prognoses_of(self, year: SchoolYear, numbers: Collection[str]) -> dict[str, Prognosis]:
        """The prognoses forecasting ``year`` of these students."""
        pr, sh, s, d = t.prognoses, t.prognosis_shares, t.students, t.departments
        year_id = self._school.school_year_ids.find(year.name)
        if year_id is None:
            return {}
        shares: dict[str, list[DepartmentShare]] = defaultdict(list)
        heads: dict[str, tuple[int, str]] = {}
        wanted = set(numbers)
        query = (
            select(s.c.student_number, pr.c.round, pr.c.comment, d.c.code, sh.c.percentage)
            .join(pr, pr.c.student_id == s.c.id)
            .join(sh, sh.c.prognosis_id == pr.c.id)
            .join(d, d.c.id == sh.c.department_id)
            .where(pr.c.school_year_id == year_id)
            .order_by(s.c.student_number, sh.c.percentage.desc(), d.c.code)
        )
        queries = (
            [query]  # a whole school (step 3): one read of the year, not 100 batches
            if len(wanted) > _WHOLE_YEAR
            else [query.where(s.c.student_number.in_(batch)) for batch in _batches(wanted)]
        )
        for chosen in queries:
            for number, round_, comment, code, percentage in self._connection.execute(chosen):
                if number in wanted:
                    heads[number] = (round_, comment)
                    shares[number].append(DepartmentShare(code, percentage))
        return {
            number: Prognosis(number, tuple(shares[number]), round=round_, comment=comment)
            for number, (round_, comment) in heads.items()
        }

    def package_choices_of(
        self, year: SchoolYear, department_code: str, numbers: Collection[str]
    ) -> dict[str, PackageChoice]:
        pc, ps, s = t.package_choices, t.package_subjects, t.students
        year_id = self._school.school_year_ids.id_of(year.name)
        department_id = self._school.department_ids.id_of(department_code)
        subjects: dict[str, tuple[str, set[str], set[str]]] = {}
        for batch in _batches(numbers):
            rows = self._connection.execute(
                select(s.c.student_number, pc.c.profile, ps.c.subject, ps.c.is_exemption)
                .join(pc, pc.c.student_id == s.c.id)
                .outerjoin(ps, ps.c.package_choice_id == pc.c.id)
                .where(
                    pc.c.school_year_id == year_id,
                    pc.c.department_id == department_id,
                    s.c.student_number.in_(batch),
                )
            )
            for number, profile, subject, is_exemption in rows:
                _, chosen, exempted = subjects.setdefault(number, (profile, set(), set()))
                if subject is not None:
                    chosen.add(subject)
                    if is_exemption:
                        exempted.add(subject)
        return {
            number: PackageChoice(
                number, department_code, frozenset(chosen), frozenset(exempted), profile=profile
            )
            for number, (profile, chosen, exempted) in subjects.items()
        }

    def home_classes_of(
        self, year: SchoolYear, department_code: str, numbers: Collection[str]
    ) -> dict[str, str]:
        g, m, s = t.groups, t.group_memberships, t.students
        year_id = self._school.school_year_ids.id_of(year.name)
        department_id = self._school.department_ids.id_of(department_code)
        found: dict[str, str] = {}
        for batch in _batches(numbers):
            rows = self._connection.execute(
                select(s.c.student_number, g.c.name)
                .join(m, m.c.student_id == s.c.id)
                .join(g, g.c.id == m.c.group_id)
                .where(
                    m.c.school_year_id == year_id,
                    m.c.home_class_department_id == department_id,
                    s.c.student_number.in_(batch),
                )
            )
            found.update({number: name for number, name in rows})
        return found

    def home_class_names(self, year: SchoolYear, department_code: str) -> list[str]:
        """The home classes of a department in ``year``, by name."""
        g = t.groups
        return list(
            self._connection.scalars(
                select(g.c.name)
                .where(
                    g.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                    g.c.department_id == self._school.department_ids.id_of(department_code),
                    g.c.kind == GroupKind.HOME_CLASS.value,
                )
                .order_by(g.c.name)
            )
        )

    def groups_of(self, year: SchoolYear, number: str) -> list[tuple[str, GroupKind, str]]:
        """The student's groups in ``year``: name, kind and department code (or '')."""
        g, m, s, d = t.groups, t.group_memberships, t.students, t.departments
        rows = self._connection.execute(
            select(g.c.name, g.c.kind, d.c.code)
            .join(m, m.c.group_id == g.c.id)
            .join(s, s.c.id == m.c.student_id)
            .outerjoin(d, d.c.id == g.c.department_id)
            .where(
                g.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                s.c.student_number == number,
            )
            .order_by(g.c.kind, g.c.name)
        )
        return [(name, GroupKind(kind), code or "") for name, kind, code in rows]

    def departments_of(self, year: SchoolYear, number: str) -> list[tuple[str, int]]:
        """The student's department participations in ``year``: code and percentage."""
        p, s, d = t.department_participations, t.students, t.departments
        rows = self._connection.execute(
            select(d.c.code, p.c.percentage)
            .join(p, p.c.department_id == d.c.id)
            .join(s, s.c.id == p.c.student_id)
            .where(
                p.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                s.c.student_number == number,
            )
            .order_by(p.c.percentage.desc(), d.c.code)
        )
        return [(code, percentage) for code, percentage in rows]

    # writing, one student at a time
    def set_prognosis(self, year: SchoolYear, number: str, prognosis: Prognosis | None) -> None:
        year_id = self._school.school_year_ids.id_of(year.name)
        student_id = self._students.ids.id_of(number)
        pr = t.prognoses
        self._connection.execute(
            pr.delete().where(pr.c.student_id == student_id, pr.c.school_year_id == year_id)
        )
        if prognosis is None:
            return
        prognosis_id = self._connection.execute(
            pr.insert().values(
                student_id=student_id,
                school_year_id=year_id,
                round=prognosis.round,
                comment=prognosis.comment,
            )
        ).inserted_primary_key
        assert prognosis_id is not None
        self._connection.execute(
            t.prognosis_shares.insert(),
            [
                {
                    "prognosis_id": prognosis_id[0],
                    "department_id": self._school.department_ids.id_of(share.department_code),
                    "percentage": share.percentage,
                }
                for share in prognosis.shares
            ],
        )

    def lwoo_of(self, numbers: Collection[str]) -> dict[str, bool]:
        s = t.students
        found: dict[str, bool] = {}
        for batch in _batches(numbers):
            rows = self._connection.execute(
                select(s.c.student_number, s.c.lwoo).where(s.c.student_number.in_(batch))
            )
            found.update({number: bool(lwoo) for number, lwoo in rows})
        return found

    def set_lwoo(self, number: str, lwoo: bool) -> None:
        s = t.students
        self._connection.execute(s.update().where(s.c.student_number == number).values(lwoo=lwoo))

    def set_home_class(
        self, year: SchoolYear, number: str, department_code: str, name: str | None
    ) -> None:
        year_id = self._school.school_year_ids.id_of(year.name)
        department_id = self._school.department_ids.id_of(department_code)
        group_id = None
        if name is not None:
            g = t.groups
            group_id = self._connection.scalar(
                select(g.c.id).where(
                    g.c.school_year_id == year_id,
                    g.c.department_id == department_id,
                    g.c.kind == GroupKind.HOME_CLASS.value,
                    g.c.name == name,
                )
            )
            if group_id is None:
                raise NotFound("stamklas", name)
        replace_home_class(
            self._connection,
            year_id=year_id,
            student_id=self._students.ids.id_of(number),
            department_id=department_id,
            group_id=group_id,
        )

    def set_package_choice(
        self, year: SchoolYear, number: str, department_code: str, choice: PackageChoice | None
    ) -> None:
        self.set_package_choices(year, {(number, department_code): choice})

    def set_package_choices(
        self, year: SchoolYear, choices: Mapping[tuple[str, str], PackageChoice | None]
    ) -> None:
        """Replace the package choices of these ``(student number, department)`` pairs in
        ``year`` (None, or no subjects, removes one) in a few statements for all of them."""
        if not choices:
            return
        year_id = self._school.school_year_ids.id_of(year.name)
        keys = {
            pair: (
                self._students.ids.id_of(pair[0]),
                self._school.department_ids.id_of(pair[1]),
            )
            for pair in choices
        }
        pc = t.package_choices
        by_department: dict[int, list[int]] = defaultdict(list)
        for student_id, department_id in keys.values():
            by_department[department_id].append(student_id)
        for department_id, student_ids in by_department.items():
            for chunk in chunks(student_ids):
                self._connection.execute(
                    pc.delete().where(
                        pc.c.school_year_id == year_id,
                        pc.c.department_id == department_id,
                        pc.c.student_id.in_(chunk),
                    )
                )
        kept = {keys[pair]: c for pair, c in choices.items() if c is not None and c.subjects}
        if not kept:
            return
        self._connection.execute(
            pc.insert(),
            [
                {
                    "student_id": student_id,
                    "department_id": department_id,
                    "school_year_id": year_id,
                    "profile": choice.profile,
                }
                for (student_id, department_id), choice in kept.items()
            ],
        )
        choice_ids = {
            (student_id, department_id): choice_id
            for student_id, department_id, choice_id in self._connection.execute(
                select(pc.c.student_id, pc.c.department_id, pc.c.id).where(
                    pc.c.school_year_id == year_id,
                    pc.c.department_id.in_({key[1] for key in kept}),
                )
            )
        }
        self._connection.execute(
            t.package_subjects.insert(),
            [
                {
                    "package_choice_id": choice_ids[key],
                    "subject": subject,
                    "is_exemption": subject in choice.exemptions,
                }
                for key, choice in kept.items()
                for subject in sorted(choice.subjects)
            ],
        )
