"""The planning data that team leaders and mentors keep up during the year:
afdelingsdeelname, prognose and keuzepakket with vrijstellingen."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from koppel.domain.errors import InvalidValue
from koppel.domain.school import normalise_department_code
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text


def _check_percentage(value: int) -> int:
    if not 1 <= value <= 100:
        raise InvalidValue("percentage.range", value=value)
    return value


@dataclass(frozen=True, slots=True)
class DepartmentShare:
    """One department with its percentage, as in ``4H 50``."""

    department_code: str
    percentage: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "department_code", normalise_department_code(self.department_code))
        _check_percentage(self.percentage)

    def __str__(self) -> str:
        return f"{self.department_code} {self.percentage}"


_SHARE = re.compile(r"^\s*([1-6]\s*[A-Za-z]{1,4})\s*[: ]?\s*(\d{1,3})?\s*%?\s*$")


def parse_shares(text: str) -> tuple[DepartmentShare, ...]:
    """``4V``, ``4H 50 / 4V 50``, ``4H 50%, 4V 50%`` or ``4H:50;4V:50`` as shares.

    A single department without a percentage is 100; with several, each needs one.
    The total is checked by :class:`Prognosis` (it must be 100).
    """
    parts = [part for part in re.split(r"[/;,+]", clean_text(text)) if part.strip()]
    if not parts:
        raise InvalidValue("prognosis.empty")
    shares: list[DepartmentShare] = []
    for part in parts:
        found = _SHARE.match(part)
        if found is None:
            raise InvalidValue("prognosis.format", value=part.strip())
        if found[2] is None and len(parts) > 1:
            raise InvalidValue("prognosis.percentage_missing", department=found[1])
        shares.append(DepartmentShare(found[1], int(found[2] or 100)))
    return tuple(shares)


def _check_shares(student_number: str, shares: Iterable[DepartmentShare]) -> None:
    seen: set[str] = set()
    total = 0
    for share in shares:
        if share.department_code in seen:
            raise InvalidValue(
                "department.repeated", department=share.department_code, student=student_number
            )
        seen.add(share.department_code)
        total += share.percentage
    if total != 100:
        raise InvalidValue("percentage.total", student=student_number, total=total)


@dataclass(frozen=True, slots=True)
class DepartmentParticipation:
    """Afdelingsdeelname: a student in a department for a school year, with a percentage."""

    student_number: str
    department_code: str
    percentage: int = 100

    def __post_init__(self) -> None:
        object.__setattr__(self, "student_number", validate_student_number(self.student_number))
        object.__setattr__(self, "department_code", normalise_department_code(self.department_code))
        _check_percentage(self.percentage)


def check_participations(participations: Iterable[DepartmentParticipation]) -> None:
    """Each student's participations add up to 100 and name a department once."""
    per_student: dict[str, list[DepartmentShare]] = defaultdict(list)
    for item in participations:
        per_student[item.student_number].append(
            DepartmentShare(item.department_code, item.percentage)
        )
    for student_number, shares in per_student.items():
        _check_shares(student_number, shares)


@dataclass(frozen=True, slots=True)
class Prognosis:
    """Prognose: where a student goes next year, e.g. ``4H 50 / 4V 50`` while undecided.

    Entered in rounds (``round``) by team leaders and mentors, with a comment.
    """

    student_number: str
    shares: tuple[DepartmentShare, ...]
    round: int = 1
    comment: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "student_number", validate_student_number(self.student_number))
        object.__setattr__(self, "shares", tuple(self.shares))
        object.__setattr__(self, "comment", clean_text(self.comment))
        if self.round < 1:
            raise InvalidValue("round.range", value=self.round)
        _check_shares(self.student_number, self.shares)

    @property
    def is_undecided(self) -> bool:
        return len(self.shares) > 1

    def __str__(self) -> str:
        return " / ".join(str(share) for share in self.shares)

    @property
    def text(self) -> str:
        """As users write it: ``4V`` when decided, ``4H 50 / 4V 50`` while undecided."""
        return self.shares[0].department_code if len(self.shares) == 1 else str(self)


@dataclass(frozen=True, slots=True)
class PackageChoice:
    """Pakketkeuze: the subjects a student takes in a department, with its exemptions
    (vrijstellingen), which must be subjects of the package. ``profile`` is the
    upper-year profile such as NT, NG, EM or CM, where the department has one."""

    student_number: str
    department_code: str
    subjects: frozenset[str]
    exemptions: frozenset[str] = field(default_factory=frozenset)
    profile: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "student_number", validate_student_number(self.student_number))
        object.__setattr__(self, "department_code", normalise_department_code(self.department_code))
        subjects = frozenset(clean_text(s).lower() for s in self.subjects if clean_text(s))
        exemptions = frozenset(clean_text(s).lower() for s in self.exemptions if clean_text(s))
        object.__setattr__(self, "subjects", subjects)
        object.__setattr__(self, "exemptions", exemptions)
        object.__setattr__(self, "profile", clean_text(self.profile).upper())
        outside = exemptions - subjects
        if outside:
            raise InvalidValue(
                "exemption.not_in_package",
                subjects=", ".join(sorted(outside)),
                student=self.student_number,
            )
