"""Setting up a new portal (``koppel init``) after its tables have been migrated."""

from __future__ import annotations

from datetime import date

from koppel.domain.school import SchoolYear
from koppel.services.audit.entries import audit_entry
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def ensure_current_school_year(uow: SqlAlchemyUnitOfWork, *, today: date) -> SchoolYear:
    """The school year marked as current; the one containing ``today`` if none is yet."""
    with uow:
        years = uow.school.school_years()
        if years:
            return uow.school.current_school_year()
        year = SchoolYear.containing(today)
        uow.school.add_school_year(year, is_current=True)
        uow.audit.add_many([audit_entry("school_year.add", "school_year", year.name)])
        uow.commit()
        return year
