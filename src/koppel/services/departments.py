"""Afdelingsinstellingen: per department, which side leads its home-class assignment,
the window in which students choose their package, and the subjects they can choose.
Changes are audited with before and after."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue, KoppelError
from koppel.domain.school import Department, LeadingSide
from koppel.services.audit.entries import audit_entry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

_SUBJECT = re.compile(r"^[a-z0-9][a-z0-9&._-]{0,15}$")
_SEPARATORS = re.compile(r"[\s,;]+")


class InvalidFields(InvalidValue):
    """Several fields of one form are wrong; ``fields`` says which and why."""

    def __init__(self, fields: dict[str, KoppelError]) -> None:
        super().__init__("form.invalid", count=len(fields))
        self.fields = fields


@dataclass(frozen=True)
class DepartmentForm:
    """What the administrator typed, as text."""

    lead: str
    opens: str
    closes: str
    subjects: str


def department_settings(uow: SqlAlchemyUnitOfWork, *, open_only: bool = False) -> list[Department]:
    """The departments; ``open_only``: those open in the current year (one added for next
    year only waits for the switch: its settings for next year are in the year
    transition)."""
    with uow.unlocked():
        return [d for d in uow.school.departments() if d.is_open or not open_only]


def parse_subjects(text: str) -> frozenset[str]:
    """Subjects separated by commas, semicolons or spaces; lower case, each at most 16
    characters (``netl, entl wisb`` -> ``{entl, netl, wisb}``)."""
    chosen = frozenset(s for s in _SEPARATORS.split(text.strip().lower()) if s)
    bad = sorted(s for s in chosen if not _SUBJECT.match(s))
    if bad:
        raise InvalidValue("subject.format", value=", ".join(bad))
    return chosen


def _date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue("date.format", value=text.strip()) from None


def parse_choice_window(
    code: str, opens_text: str, closes_text: str, errors: dict[str, KoppelError]
) -> tuple[date | None, date | None]:
    """The choice window a form gives (both days or neither, the first not after the
    last); a wrong field's error goes into ``errors`` under ``opens`` or ``closes``."""
    dates: dict[str, date | None] = {}
    for field, text in (("opens", opens_text), ("closes", closes_text)):
        try:
            dates[field] = _date(text)
        except InvalidValue as error:
            errors[field] = error
    opens, closes = dates.get("opens"), dates.get("closes")
    if "opens" not in errors and "closes" not in errors:
        if opens is None and closes is not None:
            errors["opens"] = InvalidValue("choice_window.half", code=code.upper())
        elif closes is None and opens is not None:
            errors["closes"] = InvalidValue("choice_window.half", code=code.upper())
        elif opens is not None and closes is not None and closes < opens:
            errors["closes"] = InvalidValue("choice_window.order", opens=opens, closes=closes)
    return opens, closes


def update_department_settings(
    uow: SqlAlchemyUnitOfWork, code: str, form: DepartmentForm, *, actor: str
) -> Department:
    """Check every field (errors per field, nothing written when one is wrong), store
    the department and audit what changed."""
    errors: dict[str, KoppelError] = {}
    lead = LeadingSide.PORTAL
    try:
        lead = LeadingSide(form.lead)
    except ValueError:
        errors["lead"] = InvalidValue("department.lead", value=form.lead)
    opens, closes = parse_choice_window(code, form.opens, form.closes, errors)
    subjects: frozenset[str] = frozenset()
    try:
        subjects = parse_subjects(form.subjects)
    except InvalidValue as error:
        errors["subjects"] = error
    with uow:
        before = uow.school.department(code)
        if errors:
            raise InvalidFields(errors)
        after = replace(
            before,
            home_class_lead=lead,
            choice_opens_on=opens,
            choice_closes_on=closes,
            subjects=subjects,
        )
        if after == before:
            return before
        uow.school.update_department(after)
        old, new = _as_json(before), _as_json(after)
        changed = [key for key in new if old[key] != new[key]]
        uow.audit.add_many(
            [
                audit_entry(
                    "department.settings",
                    "department",
                    after.code,
                    actor=actor,
                    before={key: old[key] for key in changed},
                    after={key: new[key] for key in changed},
                )
            ]
        )
        uow.commit()
    return after


def _as_json(department: Department) -> dict[str, JsonValue]:
    opens, closes = department.choice_opens_on, department.choice_closes_on
    return {
        "home_class_lead": department.home_class_lead.value,
        "choice_opens_on": opens.isoformat() if opens else None,
        "choice_closes_on": closes.isoformat() if closes else None,
        "subjects": list[JsonValue](sorted(department.subjects)),
    }
