"""A SIS set's school year, branches and departments (pure).

Classes land in the school year of their sessions (a delta set without them: the year
koppel remembers for the classes it names): one set holds one school year, which
is created when the portal does not have it yet (the current one is never changed; only
a portal without any current school year gets this one as its current). Orgs of type
school (SDS: college) are branches; orgs of type department are koppel's departments
when they have a department code (``4V``), else they are skipped with a warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from koppel.domain.errors import InvalidValue
from koppel.domain.school import Branch, Department, EducationType, SchoolYear
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import (
    SisId,
    SisIds,
    SisKind,
    branch_code,
    department_code,
    derive_branch_code,
    education_type_of,
)
from koppel.domain.sis.sets import Origin, RecordStatus, SisClass, SisOrg, SisSet
from koppel.domain.text import clean_text

BRANCH_TYPES = frozenset({"school", "college"})
DEPARTMENT_TYPE = "department"
SESSIONS_COLUMN = "termSourcedIds"


@dataclass(frozen=True)
class YearChoice:
    name: str
    is_new: bool
    make_current: bool


@dataclass
class Structure:
    year: YearChoice
    branch_of_org: dict[str, str] = field(default_factory=dict)
    new_branches: list[Branch] = field(default_factory=list)
    department_of_org: dict[str, str] = field(default_factory=dict)
    new_departments: list[Department] = field(default_factory=list)
    departments: frozenset[str] = frozenset()
    """Every department code known after the plan: the portal's and the new ones."""
    ids: list[SisId] = field(default_factory=list)


def class_year(
    cls: SisClass, sessions: Mapping[str, str], sis_ids: Mapping[tuple[str, str], str]
) -> str:
    """The school year of the first of the class's sessions that has one, else empty."""
    for sourced_id in cls.session_ids:
        year = sessions.get(sourced_id) or sis_ids.get((SisKind.SCHOOL_YEAR, sourced_id))
        if year:
            return year
    return ""


def choose_school_year(
    sis_set: SisSet,
    sis_ids: SisIds,
    *,
    known_years: Collection[str],
    current: str | None,
    fallback: str,
    findings: Findings,
) -> YearChoice:
    """The set's school year: that of its classes' sessions (the most classes; a class in
    another year is an error), else the year koppel remembers for the classes it names
    (classes to be deleted, enrollments: a delta set without sessions reaches the classes
    of any year), else of its sessions, else the portal's current one, else ``fallback``
    (the year containing today)."""
    sessions = {s.sourced_id: s.school_year for s in sis_set.sessions if s.school_year}
    classes = [c for c in sis_set.classes if c.status is RecordStatus.ACTIVE]
    years = {c.sourced_id: class_year(c, sessions, sis_ids) for c in classes}
    counted = Counter(year for year in years.values() if year)
    named = remembered_years(sis_set, set(years), sis_ids)
    by_session = Counter(sessions.values())
    if counted:
        name = max(counted, key=lambda year: (counted[year], year))
    elif named:
        remembered = Counter(year for year, _, _, _ in named.values())
        name = max(remembered, key=lambda year: (remembered[year], year))
    elif by_session:
        name = max(by_session, key=lambda year: (by_session[year], year))
    else:
        name = current or fallback
    for cls in classes:
        if years[cls.sourced_id] not in ("", name):
            findings.error(
                cls.origin,
                SESSIONS_COLUMN,
                "roster.plan.class_other_year",
                group=cls.title or cls.sourced_id,
                year=years[cls.sourced_id],
                chosen=name,
            )
    for class_id, (year, origin, column, dropped) in named.items():
        if year != name:
            report = findings.warning if dropped else findings.error
            code = (
                "roster.plan.deleted_other_year"
                if dropped
                else "roster.plan.class_remembered_other_year"
            )
            report(origin, column, code, group=class_id, year=year, chosen=name)
    try:
        name = SchoolYear(name).name
    except InvalidValue:
        findings.error(None, None, "roster.plan.school_year_invalid", value=name)
        name = current or fallback
    return YearChoice(name, is_new=name not in known_years, make_current=current is None)


def remembered_years(
    sis_set: SisSet, in_set: Collection[str], sis_ids: SisIds
) -> dict[str, tuple[str, Origin, str, bool]]:
    """The classes the set names but does not bring as active classes (rows to be
    deleted, enrollments' classes) whose school year koppel remembers: class sourcedId ->
    (year, the first row naming it, its column, whether only deletions name it)."""
    found: dict[str, tuple[str, Origin, str, bool]] = {}
    rows = [
        (c.sourced_id, c.origin, "sourcedId", True)
        for c in sis_set.classes
        if c.status is RecordStatus.TO_BE_DELETED
    ]
    rows.extend(
        (e.class_id, e.origin, "classSourcedId", e.status is RecordStatus.TO_BE_DELETED)
        for e in sis_set.enrollments
        if e.class_id and e.class_id not in in_set
    )
    for class_id, origin, column, dropped in rows:
        year = sis_ids.get((SisKind.GROUP_YEAR, class_id), "")
        if not year:
            continue
        before = found.get(class_id)
        if before is None or (before[3] and not dropped):
            found[class_id] = (year, origin, column, dropped)
    return found


def plan_structure(
    sis_set: SisSet,
    year: YearChoice,
    *,
    branches: Mapping[str, str],
    departments: Collection[str],
    sis_ids: SisIds,
    findings: Findings,
) -> Structure:
    """Branches and departments the set names, matched with the portal's (``branches``:
    code -> name) or new; and the school year's sessions remembered."""
    found = Structure(year)
    found.ids.extend(
        SisId(SisKind.SCHOOL_YEAR, s.sourced_id, year.name)
        for s in sis_set.sessions
        if s.school_year == year.name
    )
    active = [o for o in sis_set.orgs if o.status is RecordStatus.ACTIVE]
    schools = [o for o in active if o.type.lower() in BRANCH_TYPES]
    sole = next(iter(branches)) if len(branches) == 1 and len(schools) == 1 else ""
    taken = set(branches)
    for org in schools:
        code = _branch_of(org, sis_ids, sole, taken, findings)
        if not code:
            continue
        found.branch_of_org[org.sourced_id] = code
        found.ids.append(SisId(SisKind.BRANCH, org.sourced_id, code))
        if code not in taken:
            taken.add(code)
            found.new_branches.append(Branch(code, (clean_text(org.name) or code)[:200]))
    known = set(departments)
    for org in active:
        if org.type.lower() == DEPARTMENT_TYPE:
            department = _department(org, sis_ids, known, found, taken, findings)
            if department is not None:
                known.add(department.code)
                found.new_departments.append(department)
    found.departments = frozenset(known)
    return found


def _branch_of(org: SisOrg, sis_ids: SisIds, sole: str, taken: set[str], findings: Findings) -> str:
    given = org.ext.get("code", "")
    code = branch_code(given) if given else ""
    if given and not code:
        findings.error(org.origin, "ext_koppel_code", "roster.plan.branch_code", value=given)
        return ""
    return (
        code
        or sis_ids.get((SisKind.BRANCH, org.sourced_id), "")
        or sole
        or branch_code(org.identifier)
        or branch_code(org.sourced_id)
        or derive_branch_code(org.name, taken)
    )


def _department(
    org: SisOrg,
    sis_ids: SisIds,
    known: set[str],
    found: Structure,
    branches: set[str],
    findings: Findings,
) -> Department | None:
    """The org's department code remembered; a new :class:`Department` when the portal
    does not have it yet (None when it has, or when it cannot be made)."""
    given = org.ext.get("code", "")
    code = department_code(given) if given else ""
    if given and not code:
        findings.error(org.origin, "ext_koppel_code", "roster.plan.department_code", value=given)
        return None
    code = (
        code
        or sis_ids.get((SisKind.DEPARTMENT, org.sourced_id), "")
        or department_code(org.identifier)
        or department_code(org.name)
    )
    if not code:
        findings.warning(org.origin, "name", "roster.plan.department_skipped", name=org.name)
        return None
    if code in known:
        _remember(found, org, code)
        return None
    education = _education_type(org, code, findings)
    if education is None:
        return None
    branch = (
        org.ext.get("branch", "").upper()
        or found.branch_of_org.get(org.parent_id, "")
        or (next(iter(branches)) if len(branches) == 1 else "")
    )
    if branch not in branches:
        findings.warning(
            org.origin, "parentSourcedId", "roster.plan.department_no_branch", code=code
        )
        return None
    given_year = org.ext.get("year_of_study", "")
    try:
        department = Department(
            code,
            (clean_text(org.name) or code)[:100],
            int(given_year) if given_year.isdigit() else int(code[0]),
            education,
            branch,
        )
    except InvalidValue as error:
        findings.invalid(org.origin, "ext_koppel_year_of_study", error)
        return None
    _remember(found, org, code)
    return department


def _remember(found: Structure, org: SisOrg, code: str) -> None:
    found.department_of_org[org.sourced_id] = code
    found.ids.append(SisId(SisKind.DEPARTMENT, org.sourced_id, code))


def _education_type(org: SisOrg, code: str, findings: Findings) -> EducationType | None:
    given = clean_text(org.ext.get("education_type", "")).upper()
    if not given:
        guessed = education_type_of(code)
        if guessed is None:
            findings.warning(org.origin, "name", "roster.plan.department_no_type", code=code)
        return guessed
    for kind in EducationType:
        if kind.value == given:
            return kind
    findings.error(
        org.origin,
        "ext_koppel_education_type",
        "roster.plan.education_type",
        value=given,
        known=", ".join(kind.value for kind in EducationType),
    )
    return None
