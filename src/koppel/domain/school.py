"""The school's structure: school years (schooljaren), branches (vestigingen) and
departments (afdelingen)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.text import clean_text, require

_SCHOOL_YEAR = re.compile(r"^([0-9]{4})-([0-9]{4})$")
_DEPARTMENT_CODE = re.compile(r"^([1-6])[A-Z]{1,4}$")


def normalise_department_code(value: str) -> str:
    """A department code as written everywhere: capitals, no spaces (``4 v`` -> ``4V``)."""
    return require(value, "afdeling").upper().replace(" ", "")


class EducationType(StrEnum):
    """Onderwijssoort."""

    VMBO_B = "VMBO-B"
    VMBO_K = "VMBO-K"
    MAVO = "MAVO"
    MAVO_HAVO = "MAVO/HAVO"
    HAVO = "HAVO"
    HAVO_VWO = "HAVO/VWO"
    VWO = "VWO"


class LeadingSide(StrEnum):
    """Portal leidend / desktop leidend: whose value wins."""

    PORTAL = "portal"
    PROJECT = "project"


@dataclass(frozen=True, slots=True)
class SchoolYear:
    """Schooljaar, named like ``2026-2027``; it runs from 1 August to 31 July."""

    name: str

    def __post_init__(self) -> None:
        match = _SCHOOL_YEAR.match(clean_text(self.name))
        if not match or int(match[2]) != int(match[1]) + 1:
            raise InvalidValue("school_year.format", value=self.name)
        object.__setattr__(self, "name", match[0])

    @classmethod
    def starting(cls, year: int) -> SchoolYear:
        return cls(f"{year}-{year + 1}")

    @classmethod
    def containing(cls, day: date) -> SchoolYear:
        """The school year that ``day`` falls in."""
        return cls.starting(day.year if day.month >= 8 else day.year - 1)

    @property
    def start_year(self) -> int:
        return int(self.name[:4])

    @property
    def starts_on(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def ends_on(self) -> date:
        return date(self.start_year + 1, 7, 31)

    def next(self) -> SchoolYear:
        return SchoolYear.starting(self.start_year + 1)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Branch:
    """Vestiging."""

    code: str
    name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", require(self.code, "vestiging").upper())
        object.__setattr__(self, "name", require(self.name, "naam vestiging"))


@dataclass(frozen=True, slots=True)
class Department:
    """Afdeling: one year of study in one education type at one branch, e.g. ``4V`` / ``4 VWO``.

    ``home_class_lead`` says which side leads its home-class assignment (stamklasindeling).
    Students choose their package from ``subjects`` while the choice window is open
    (``choice_opens_on`` to ``choice_closes_on``, both days included).
    """

    code: str
    name: str
    year_of_study: int
    education_type: EducationType
    branch_code: str
    home_class_lead: LeadingSide = LeadingSide.PORTAL
    choice_opens_on: date | None = None
    choice_closes_on: date | None = None
    subjects: frozenset[str] = frozenset()
    is_open: bool = True
    """Open in its school year; closed for a year it is not taught in (koppel year)."""

    def __post_init__(self) -> None:
        code = normalise_department_code(self.code)
        match = _DEPARTMENT_CODE.match(code)
        if not match:
            raise InvalidValue("department.code", value=self.code)
        if int(match[1]) != self.year_of_study:
            raise InvalidValue("department.year", code=code, year=self.year_of_study)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "name", require(self.name, "naam afdeling"))
        object.__setattr__(self, "education_type", EducationType(self.education_type))
        object.__setattr__(self, "home_class_lead", LeadingSide(self.home_class_lead))
        object.__setattr__(self, "branch_code", require(self.branch_code, "vestiging").upper())
        object.__setattr__(
            self,
            "subjects",
            frozenset(clean_text(s).lower() for s in self.subjects if clean_text(s)),
        )
        opens, closes = self.choice_opens_on, self.choice_closes_on
        if (opens is None) != (closes is None):
            raise InvalidValue("choice_window.half", code=code)
        if opens is not None and closes is not None and closes < opens:
            raise InvalidValue("choice_window.order", opens=opens, closes=closes)

    def choice_window_open(self, today: date) -> bool:
        """Whether students may choose their package on ``today``."""
        if self.choice_opens_on is None or self.choice_closes_on is None:
            return False
        return self.choice_opens_on <= today <= self.choice_closes_on


def final_year_departments(departments: Iterable[Department]) -> frozenset[str]:
    """The codes of the exam-year departments (e.g. 4M, 5H, 6V): no department at the same
    branch continues them a year later in the same education type or, for a mixed year
    such as 2MH (MAVO/HAVO), in one of its halves. Their students leave the school at the
    end of the year, so next year's file is expected to leave them out."""
    found = list(departments)
    continued = {
        (d.branch_code, d.year_of_study - 1, level)
        for d in found
        for level in d.education_type.value.split("/")
    }
    return frozenset(
        d.code
        for d in found
        if not any(
            (d.branch_code, d.year_of_study, level) in continued
            for level in d.education_type.value.split("/")
        )
    )
