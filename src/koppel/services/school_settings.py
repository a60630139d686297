"""The school's own choices that change what the portal allows (instellingen)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.services.audit.entries import audit_entry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

_ADMIN_TOTP = "security.administrators_need_totp"
_MENTOR_PROGNOSES = "planning.mentors_edit_prognoses"
_MAX_SHARE = "transition.max_share_percent"
_STAFF_RETENTION = "staff.retention"
_HOME_CLASS_RULE = "integration.home_class_rule"
_LEFT_STUDENT_YEARS = "privacy.left_student_years"
LEFT_STUDENT_YEARS_RANGE = (1, 10)
"""The fewest and most whole school years the data of a student who left may be kept."""


class StaffRetention(StrEnum):
    """What happens to the data of staff who left (year transition, step 5)."""

    KEEP = "keep"
    """Deactivate only: names and e-mail stay (the default)."""
    REMOVE = "remove"
    """Also blank their personal data where the database allows it (see
    :mod:`koppel.services.transition.staff_departure`)."""


@dataclass(frozen=True)
class SchoolSettings:
    administrators_need_totp: bool = False
    """Administrators must sign in with a TOTP code as well as their password."""
    mentors_edit_prognoses: bool = False
    """Mentors may change the prognoses of their own mentees (team leaders always may)."""
    transition_max_share_percent: int = 10
    """A year-transition step that would deactivate or delete more than this share of
    the staff or students refuses without ``--force``."""
    staff_retention: StaffRetention = StaffRetention.KEEP
    """Keep or remove the personal data of staff who left."""
    home_class_rule: str = ""
    """SIS integration: a regular expression on a class's classCode or title that makes
    it a home class; empty: OneRoster's classType ``homeroom`` decides."""
    left_student_years: int = 2
    """How many whole school years after the school year they left in the data of a student
    who left is kept; ``koppel privacy forget-left`` removes it after that."""

    def __post_init__(self) -> None:
        if not 0 <= self.transition_max_share_percent <= 100:
            raise InvalidValue("settings.max_share_range", value=self.transition_max_share_percent)
        fewest, most = LEFT_STUDENT_YEARS_RANGE
        if not fewest <= self.left_student_years <= most:
            raise InvalidValue(
                "settings.left_years_range", value=self.left_student_years, fewest=fewest, most=most
            )
        object.__setattr__(self, "staff_retention", StaffRetention(self.staff_retention))
        object.__setattr__(self, "home_class_rule", self.home_class_rule.strip())
        if self.home_class_rule:
            try:
                re.compile(self.home_class_rule)
            except re.error as error:
                raise InvalidValue(
                    "roster.plan.pattern_invalid", pattern=self.home_class_rule, reason=str(error)
                ) from None


def load_school_settings(uow: SqlAlchemyUnitOfWork) -> SchoolSettings:
    """Read inside an open unit of work."""
    return SchoolSettings(
        administrators_need_totp=bool(uow.school.setting(_ADMIN_TOTP, False)),
        mentors_edit_prognoses=bool(uow.school.setting(_MENTOR_PROGNOSES, False)),
        transition_max_share_percent=int(str(uow.school.setting(_MAX_SHARE, 10))),
        staff_retention=StaffRetention(
            str(uow.school.setting(_STAFF_RETENTION, StaffRetention.KEEP.value))
        ),
        home_class_rule=str(uow.school.setting(_HOME_CLASS_RULE, "") or ""),
        left_student_years=int(str(uow.school.setting(_LEFT_STUDENT_YEARS, 2))),
    )


def school_settings(uow: SqlAlchemyUnitOfWork) -> SchoolSettings:
    with uow.unlocked():
        return load_school_settings(uow)


def save_school_settings(
    uow: SqlAlchemyUnitOfWork, chosen: SchoolSettings, *, actor: str
) -> SchoolSettings:
    """Store ``chosen``, audited with before and after; returns what was there before."""
    with uow:
        before = load_school_settings(uow)
        if before == chosen:
            return before
        # audited without a change set: a setting is no import or sync to undo, and
        # a change set here would stand in the way of undoing the newest import
        entry = audit_entry(
            "settings.change",
            "settings",
            "school",
            actor=actor,
            before=_as_json(before),
            after=_as_json(chosen),
        )
        uow.school.set_setting(_ADMIN_TOTP, chosen.administrators_need_totp)
        uow.school.set_setting(_MENTOR_PROGNOSES, chosen.mentors_edit_prognoses)
        uow.school.set_setting(_MAX_SHARE, chosen.transition_max_share_percent)
        uow.school.set_setting(_STAFF_RETENTION, chosen.staff_retention.value)
        uow.school.set_setting(_HOME_CLASS_RULE, chosen.home_class_rule)
        uow.school.set_setting(_LEFT_STUDENT_YEARS, chosen.left_student_years)
        uow.audit.add_many([entry])
        uow.commit()
        return before


def _as_json(settings: SchoolSettings) -> dict[str, JsonValue]:
    return {
        "administrators_need_totp": settings.administrators_need_totp,
        "mentors_edit_prognoses": settings.mentors_edit_prognoses,
        "transition_max_share_percent": settings.transition_max_share_percent,
        "staff_retention": settings.staff_retention.value,
        "home_class_rule": settings.home_class_rule,
        "left_student_years": settings.left_student_years,
    }
