"""Planning data in the portal database: department participations, prognoses and
package choices with exemptions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, exists, func, select

from koppel.domain.planning import (
    DepartmentParticipation,
    DepartmentShare,
    PackageChoice,
    Prognosis,
    check_participations,
)
from koppel.domain.school import SchoolYear
from koppel.store import tables as t
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository


class SqlAlchemyPlanningRepository:
    """Afdelingsdeelnames, prognoses and keuzepakketten per student and school year."""

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

    def add_participations(
        self, year: SchoolYear, participations: Sequence[DepartmentParticipation]
    ) -> None:
        check_participations(participations)
        year_id = self._school.school_year_ids.id_of(year.name)
        rows = [
            {
                "student_id": self._students.ids.id_of(p.student_number),
                "department_id": self._school.department_ids.id_of(p.department_code),
                "school_year_id": year_id,
                "percentage": p.percentage,
            }
            for p in participations
        ]
        if rows:
            self._connection.execute(t.department_participations.insert(), rows)

    def participations(self, year: SchoolYear) -> list[DepartmentParticipation]:
        p, s, d = t.department_participations, t.students, t.departments
        rows = self._connection.execute(
            select(s.c.student_number, d.c.code, p.c.percentage)
            .join(s, s.c.id == p.c.student_id)
            .join(d, d.c.id == p.c.department_id)
            .where(p.c.school_year_id == self._school.school_year_ids.id_of(year.name))
            .order_by(s.c.student_number, d.c.code)
        )
        return [DepartmentParticipation(number, code, pct) for number, code, pct in rows]

    def add_prognoses(self, year: SchoolYear, prognoses: Sequence[Prognosis]) -> None:
        """Prognoses for ``year`` (the school year they forecast)."""
        if not prognoses:
            return
        year_id = self._school.school_year_ids.id_of(year.name)
        student_ids = [self._students.ids.id_of(p.student_number) for p in prognoses]
        self._connection.execute(
            t.prognoses.insert(),
            [
                {
                    "student_id": sid,
                    "school_year_id": year_id,
                    "round": p.round,
                    "comment": p.comment,
                }
                for sid, p in zip(student_ids, prognoses, strict=True)
            ],
        )
        prognosis_ids = {
            student_id: prognosis_id
            for student_id, prognosis_id in self._connection.execute(
                select(t.prognoses.c.student_id, t.prognoses.c.id).where(
                    t.prognoses.c.school_year_id == year_id
                )
            )
        }
        self._connection.execute(
            t.prognosis_shares.insert(),
            [
                {
                    "prognosis_id": prognosis_ids[sid],
                    "department_id": self._school.department_ids.id_of(share.department_code),
                    "percentage": share.percentage,
                }
                for sid, p in zip(student_ids, prognoses, strict=True)
                for share in p.shares
            ],
        )

    def prognoses(self, year: SchoolYear) -> list[Prognosis]:
        pr, sh, s, d = t.prognoses, t.prognosis_shares, t.students, t.departments
        rows = self._connection.execute(
            select(s.c.student_number, pr.c.round, pr.c.comment, d.c.code, sh.c.percentage)
            .join(s, s.c.id == pr.c.student_id)
            .join(sh, sh.c.prognosis_id == pr.c.id)
            .join(d, d.c.id == sh.c.department_id)
            .where(pr.c.school_year_id == self._school.school_year_ids.id_of(year.name))
            .order_by(s.c.student_number, sh.c.percentage.desc(), d.c.code)
        )
        shares: dict[str, list[DepartmentShare]] = defaultdict(list)
        heads: dict[str, tuple[int, str]] = {}
        for number, round_, comment, code, percentage in rows:
            heads[number] = (round_, comment)
            shares[number].append(DepartmentShare(code, percentage))
        return [
            Prognosis(number, tuple(shares[number]), round=round_, comment=comment)
            for number, (round_, comment) in heads.items()
        ]

    def add_package_choices(self, year: SchoolYear, choices: Sequence[PackageChoice]) -> None:
        if not choices:
            return
        year_id = self._school.school_year_ids.id_of(year.name)
        keys = [
            (
                self._students.ids.id_of(c.student_number),
                self._school.department_ids.id_of(c.department_code),
            )
            for c in choices
        ]
        self._connection.execute(
            t.package_choices.insert(),
            [
                {
                    "student_id": student_id,
                    "department_id": department_id,
                    "school_year_id": year_id,
                    "profile": c.profile,
                }
                for (student_id, department_id), c in zip(keys, choices, strict=True)
            ],
        )
        pc = t.package_choices
        choice_ids = {
            (student_id, department_id): choice_id
            for student_id, department_id, choice_id in self._connection.execute(
                select(pc.c.student_id, pc.c.department_id, pc.c.id).where(
                    pc.c.school_year_id == year_id
                )
            )
        }
        self._connection.execute(
            t.package_subjects.insert(),
            [
                {
                    "package_choice_id": choice_ids[key],
                    "subject": subject,
                    "is_exemption": subject in c.exemptions,
                }
                for key, c in zip(keys, choices, strict=True)
                for subject in sorted(c.subjects)
            ],
        )

    def package_choices(self, year: SchoolYear) -> list[PackageChoice]:
        pc, ps, s, d = t.package_choices, t.package_subjects, t.students, t.departments
        rows = self._connection.execute(
            select(s.c.student_number, d.c.code, pc.c.profile, ps.c.subject, ps.c.is_exemption)
            .join(s, s.c.id == pc.c.student_id)
            .join(d, d.c.id == pc.c.department_id)
            .join(ps, ps.c.package_choice_id == pc.c.id)
            .where(pc.c.school_year_id == self._school.school_year_ids.id_of(year.name))
            .order_by(s.c.student_number, d.c.code, ps.c.subject)
        )
        subjects: dict[tuple[str, str], set[str]] = defaultdict(set)
        exemptions: dict[tuple[str, str], set[str]] = defaultdict(set)
        profiles: dict[tuple[str, str], str] = {}
        for number, code, profile, subject, is_exemption in rows:
            profiles[(number, code)] = profile
            subjects[(number, code)].add(subject)
            if is_exemption:
                exemptions[(number, code)].add(subject)
        return [
            PackageChoice(
                number,
                code,
                frozenset(subjects[(number, code)]),
                frozenset(exemptions[(number, code)]),
                profile=profile,
            )
            for (number, code), profile in profiles.items()
        ]

    def package_choice_keys(self, year: SchoolYear) -> set[tuple[str, str]]:
        """``(student number, department code)`` of every package choice in ``year``: the
        choices :meth:`package_choices` reads, without their subjects."""
        pc, ps, s, d = t.package_choices, t.package_subjects, t.students, t.departments
        rows = self._connection.execute(
            select(s.c.student_number, d.c.code)
            .join(s, s.c.id == pc.c.student_id)
            .join(d, d.c.id == pc.c.department_id)
            .where(
                pc.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                exists().where(ps.c.package_choice_id == pc.c.id),
            )
        )
        return {(number, code) for number, code in rows}

    def count_prognoses(self) -> int:
        return self._connection.scalar(select(func.count()).select_from(t.prognoses)) or 0

    def count_package_choices(self) -> int:
        return self._connection.scalar(select(func.count()).select_from(t.package_choices)) or 0
