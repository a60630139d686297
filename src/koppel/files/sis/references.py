"""Verwijzingen: duplicate ids within a file, and references between files.

A reference is checked only against a file that holds its records completely (bulk): a
delta set may name records that an earlier set brought, and a file that is absent says
nothing. Records to be deleted are not checked (their references no longer matter).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from koppel.domain.sis.sets import SisSession
from koppel.files.sis.checks import Checks
from koppel.files.sis.findings import Findings


@dataclass(frozen=True)
class Target:
    """The ids a reference may name, and how a miss is reported."""

    file: str
    ids: Collection[str]
    code: str
    """``roster.reference.org``, ``.session``, ``.class``, ``.user``, ``.student``, ``.teacher``."""
    warn: bool = False
    """A miss is a warning, not an error (a class's terms: koppel only takes the school
    year from them)."""


def check(
    checks: Checks, number: int, position: int | None, value: str, target: Target | None
) -> None:
    if target is not None and value and value not in target.ids:
        report = checks.warning if target.warn else checks.error
        report(number, position, target.code, value=value, target=target.file)


def check_all(
    checks: Checks, number: int, position: int | None, values: Iterable[str], target: Target | None
) -> None:
    if target is not None:
        for value in values:
            check(checks, number, position, value, target)


def new_id(checks: Checks, seen: dict[str, int], number: int, position: int, key: str) -> bool:
    """Whether ``key`` is given and new in this file: an empty one is an error, and so is a
    second one (naming the first row)."""
    if not checks.required(number, position, key):
        return False
    first = seen.setdefault(key, number)
    if first == number:
        return True
    checks.error(number, position, "roster.duplicate_id", value=key, first=first)
    return False


def check_parents(
    findings: Findings,
    records: Iterable[tuple[str, int, str]],
    file: str,
    column: str,
    ids: Collection[str],
    code: str,
    *,
    warn: bool = False,
) -> None:
    """Parents in the same file (an org's parent org, a term's school year):
    ``records`` are (parent id, row, own id)."""
    report = findings.warning if warn else findings.error
    for parent, row, own in records:
        if parent and parent != own and parent not in ids:
            report(file, row, column, code, value=parent, target=file)


def inherit_school_years(sessions: Iterable[SisSession]) -> tuple[SisSession, ...]:
    """Sessions without dates take the school year of the nearest parent that has one."""
    listed = tuple(sessions)
    by_id: Mapping[str, SisSession] = {s.sourced_id: s for s in listed}

    def year_of(session: SisSession) -> str:
        seen = {session.sourced_id}
        current: SisSession | None = session
        while current is not None and not current.school_year:
            parent_id = current.parent_id
            if not parent_id or parent_id in seen:
                return ""
            seen.add(parent_id)
            current = by_id.get(parent_id)
        return current.school_year if current is not None else ""

    return tuple(s if s.school_year else replace(s, school_year=year_of(s)) for s in listed)
