"""Departments as JSON in the audit log, so undo can put a year's settings back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from koppel.domain.audit import JsonValue
from koppel.domain.school import Department, EducationType, LeadingSide


def department_json(department: Department) -> dict[str, JsonValue]:
    subjects: list[JsonValue] = [*sorted(department.subjects)]
    return {
        "code": department.code,
        "name": department.name,
        "year_of_study": department.year_of_study,
        "education_type": department.education_type.value,
        "branch": department.branch_code,
        "home_class_lead": department.home_class_lead.value,
        "choice_opens_on": _day(department.choice_opens_on),
        "choice_closes_on": _day(department.choice_closes_on),
        "subjects": subjects,
        "is_open": department.is_open,
    }


def department_from_json(found: Mapping[str, Any]) -> Department:
    return Department(
        str(found["code"]),
        str(found["name"]),
        int(found["year_of_study"]),
        EducationType(found["education_type"]),
        str(found["branch"]),
        LeadingSide(found["home_class_lead"]),
        choice_opens_on=_date(found.get("choice_opens_on")),
        choice_closes_on=_date(found.get("choice_closes_on")),
        subjects=frozenset(found.get("subjects") or ()),
        is_open=bool(found.get("is_open", True)),
    )


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: object) -> date | None:
    return None if not value else date.fromisoformat(str(value))
