"""The school's own choices that change what the portal allows (instellingen)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.audit import JsonValue
from koppel.services.audit import audit_entry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

_ADMIN_TOTP = "security.administrators_need_totp"
_MENTOR_PROGNOSES = "planning.mentors_edit_prognoses"


@dataclass(frozen=True)
class SchoolSettings:
    administrators_need_totp: bool = False
    """Administrators must sign in with a TOTP code as well as their password."""
    mentors_edit_prognoses: bool = False
    """Mentors may change the prognoses of their own mentees (team leaders always may)."""


def load_school_settings(uow: SqlAlchemyUnitOfWork) -> SchoolSettings:
    """Read inside an open unit of work."""
    return SchoolSettings(
        administrators_need_totp=bool(uow.school.setting(_ADMIN_TOTP, False)),
        mentors_edit_prognoses=bool(uow.school.setting(_MENTOR_PROGNOSES, False)),
    )


def school_settings(uow: SqlAlchemyUnitOfWork) -> SchoolSettings:
    with uow:
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
        uow.audit.add_many([entry])
        uow.commit()
        return before


def _as_json(settings: SchoolSettings) -> dict[str, JsonValue]:
    return {
        "administrators_need_totp": settings.administrators_need_totp,
        "mentors_edit_prognoses": settings.mentors_edit_prognoses,
    }
