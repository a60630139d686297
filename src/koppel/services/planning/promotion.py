"""Doorzetten from the portal's pages: the whole school (Beheer > Jaarovergang) or one
department (its team leader's page), previewed first, with the students that promotion
leaves to people named: those without a prognosis and those whose prognosis points to a
department closed next year. The promotion itself is
:func:`koppel.services.school_years.promote.promote`; undone from the same page while it
is the newest change set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.access import may_edit_planning
from koppel.domain.accounts import Account, Role
from koppel.domain.errors import NotAllowed
from koppel.domain.personal import sort_key
from koppel.domain.personal import sort_name as sort_name_of
from koppel.domain.school_years import PROMOTE_KIND
from koppel.services.audit.undo import UndoResult
from koppel.services.school_years.promote import PromoteReport, PromoteRequest, promote
from koppel.services.transition.life import undo_on_screen
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class StudentLine:
    number: str
    name: str
    """Sorted the Dutch way: ``Berg, Jan van den``."""
    department: str
    """This year's participation (``3V``)."""
    home_class: str
    other: str = ""
    """The department of the prognosis that is closed next year."""


@dataclass(frozen=True)
class PromotionView:
    report: PromoteReport
    without_prognosis: list[StudentLine] = field(default_factory=list)
    closed: list[StudentLine] = field(default_factory=list)


@dataclass(frozen=True)
class PromotionPlace:
    """Whether a department can be promoted now, and the change set that undo takes."""

    prepared_year: str | None
    standing: str | None
    """The newest change set when it is this department's promotion."""


def _check(account: Account, department: str | None) -> None:
    """The whole school: administrators; a department: who may edit its planning."""
    allowed = (
        account.has_role(Role.ADMINISTRATOR)
        if department is None
        else may_edit_planning(account, department.upper())
    )
    if not allowed:
        raise NotAllowed


def _lines(
    uow: SqlAlchemyUnitOfWork, report: PromoteReport
) -> tuple[list[StudentLine], list[StudentLine]]:
    wanted = {*report.without_prognosis, *report.closed}
    if not wanted:
        return [], []
    with uow.unlocked():
        states = uow.student_states.states(uow.school.current_school_year())

    def line(number: str, other: str = "") -> StudentLine:
        state = states.get(number, {})
        first, infix, last = (str(state.get(f) or "") for f in ("first_name", "infix", "last_name"))
        return StudentLine(
            number,
            sort_name_of(first, infix, last),
            str(state.get("department") or ""),
            str(state.get("home_class") or ""),
            other,
        )

    def ordered(lines: list[StudentLine]) -> list[StudentLine]:
        def key(found: StudentLine) -> tuple[str, str, str, str]:
            state = states.get(found.number, {})
            names = (str(state.get(f) or "") for f in ("first_name", "infix", "last_name"))
            return (*sort_key(*names), found.number)

        return sorted(lines, key=key)

    return (
        ordered([line(number) for number in report.without_prognosis]),
        ordered([line(number, code) for number, code in report.closed.items()]),
    )


def promotion_view(
    uow: SqlAlchemyUnitOfWork, account: Account, department: str | None, *, dry_run: bool
) -> PromotionView:
    """Preview (``dry_run``) or apply the promotion of ``department`` (None: all); refused
    (NotAllowed) outside the account's scope, before anything is looked up."""
    _check(account, department)
    with uow.unlocked():
        if department is not None:
            uow.school.department(department)  # NotFound for an unknown one
    request = PromoteRequest(department=department, dry_run=dry_run, actor=account.username)
    report = promote(uow, request)
    without, closed = _lines(uow, report)
    return PromotionView(report, without, closed)


def promotion_place(
    uow: SqlAlchemyUnitOfWork, account: Account, department: str | None
) -> PromotionPlace:
    """The prepared year (None: nothing to promote to yet) and the standing promotion of
    ``department`` (None: the whole school) that undo may take."""
    _check(account, department)
    wanted = None if department is None else department.upper()
    with uow.unlocked():
        if wanted is not None:
            uow.school.department(wanted)
        prepared = uow.school_years.years().prepared
        latest = uow.changesets.latest_applied()
    standing = (
        latest.id
        if latest is not None
        and latest.kind == PROMOTE_KIND
        and latest.summary.get("department") == wanted
        and prepared is not None
        and latest.summary.get("school_year") == prepared.name
        else None
    )
    return PromotionPlace(None if prepared is None else prepared.name, standing)


def undo_promotion(
    uow: SqlAlchemyUnitOfWork, account: Account, department: str | None, changeset: str
) -> UndoResult:
    """Undo the promotion of ``department`` (None: the whole school) that ``changeset``
    applied; refused for another department's or another kind of change set."""
    _check(account, department)
    wanted = None if department is None else department.upper()
    return undo_on_screen(
        uow,
        changeset,
        (PROMOTE_KIND,),
        actor=account.username,
        department=wanted,
        any_department=False,
    )
