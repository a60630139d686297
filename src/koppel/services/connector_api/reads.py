"""The connector's read side: the portal's records per domain (DESIGN.md section 4) for
the students in a project's departments, page by page, with versions.

A student is in scope when it participates in one of the chosen departments in the
school year (the one the query names, else the current one; see :mod:`.years`: every
record is of that year, and so is who leads the home classes). A record's ``version``
is its student's version (the revision of the last change set that touched the
student); ``since=N`` keeps the students whose version is above N. The page's
``revision`` is read before the records, so asking ``since`` it next time misses nothing
(at worst a record comes twice).

A token reads only its departments (:mod:`.scope`): a query that names none reads the
token's departments, one that names a department outside them is refused (403).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from koppel.domain.accounts import TokenScope
from koppel.domain.audit import JsonValue
from koppel.domain.connector_api import StudentInScope
from koppel.domain.errors import InvalidValue
from koppel.domain.groups import GroupKind
from koppel.domain.school import normalise_department_code
from koppel.domain.sync.domains import PERSONAL_FIELDS as SYNC_PERSONAL_FIELDS
from koppel.domain.sync.domains import SyncDomain
from koppel.services.audit.entries import audit_entry
from koppel.services.connector_api.refusals import Unprocessable
from koppel.services.connector_api.scope import check_departments
from koppel.services.connector_api.years import YearScope, year_scope
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

Record = dict[str, JsonValue]
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000


Domain = SyncDomain
"""The connector's domains (defined with the comparison, in the domain layer)."""


LOGGED_DOMAINS = frozenset({Domain.PERSONAL_DATA, Domain.LWOO})
"""Reading these writes one audit entry per request (who, with which token, which domain,
departments and how many students; never a value)."""


@dataclass(frozen=True)
class RecordQuery:
    domain: Domain
    school_year: str | None = None
    departments: tuple[str, ...] | None = None
    since: int | None = None
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


@dataclass(frozen=True)
class RecordPage:
    domain: Domain
    school_year: str
    as_of: datetime
    revision: int
    records: list[Record]
    next_cursor: str | None
    leads: dict[str, str]
    """Per department who leads its home classes (portal or project)."""
    in_scope: int
    """How many students are in scope in all: a client that keeps what it read can
    check that it holds them all."""
    left_scope: list[str]
    """With ``since``: students changed since then that are no longer in scope."""


def parse_departments(text: str | None) -> tuple[str, ...] | None:
    """``"4h, 4V"`` -> ``("4H", "4V")``; nothing -> None (all departments)."""
    codes = [part for part in (text or "").split(",") if part.strip()]
    if not codes:
        return None
    try:
        return tuple(sorted({normalise_department_code(code) for code in codes}))
    except InvalidValue as error:
        raise Unprocessable("api.unknown_department", department=text) from error


def encode_cursor(domain: Domain, school_year: str, after: str) -> str:
    raw = json.dumps({"d": domain.value, "y": school_year, "a": after}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, domain: Domain, school_year: str) -> str:
    """The last student number of the previous page; the cursor belongs to one domain
    and school year."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found = json.loads(raw)
        after = found["a"]
        ok = found["d"] == domain.value and found["y"] == school_year and isinstance(after, str)
    except (ValueError, binascii.Error, KeyError, TypeError):
        ok = False
    if not ok:
        raise Unprocessable("api.bad_cursor")
    return str(after)


@dataclass(frozen=True)
class _Context:
    uow: SqlAlchemyUnitOfWork
    """Entered: the page is read inside the use case's transaction."""
    scope: YearScope
    departments: frozenset[str] | None
    page: list[StudentInScope]
    leads: dict[str, str]
    """Per department who leads its home classes in the year."""

    @property
    def year_id(self) -> int:
        return self.scope.year_id

    @property
    def ids(self) -> list[int]:
        return [s.id for s in self.page]

    def selected(self, code: str | None) -> bool:
        return self.departments is None or code in self.departments

    def main_departments(self) -> dict[int, str]:
        """Per student its largest share among the chosen departments."""
        main: dict[int, str] = {}
        for sid, code, _pct in self.uow.records.participations(self.year_id, self.ids):
            if sid not in main and self.selected(code):
                main[sid] = code
        return main


def _record(student: StudentInScope, department: str | None, **fields: JsonValue) -> Record:
    return {
        "student": student.number,
        "department": department,
        "version": student.version,
        **fields,
    }


def _students(ctx: _Context) -> list[Record]:
    rows = ctx.uow.records.student_columns(ctx.ids, ("first_name", "infix", "last_name", "status"))
    main = ctx.main_departments()
    return [
        _record(
            s,
            main.get(s.id),
            first_name=rows[s.id].first_name,
            infix=rows[s.id].infix,
            last_name=rows[s.id].last_name,
            status=rows[s.id].status,
        )
        for s in ctx.page
    ]


def _personal_data(ctx: _Context) -> list[Record]:
    fields = SYNC_PERSONAL_FIELDS
    rows = ctx.uow.records.student_columns(ctx.ids, fields)
    return [
        _record(s, None, **{name: getattr(rows[s.id], name) for name in fields}) for s in ctx.page
    ]


def _lwoo(ctx: _Context) -> list[Record]:
    rows = ctx.uow.records.student_columns(ctx.ids, ("lwoo",))
    return [_record(s, None, lwoo=bool(rows[s.id].lwoo)) for s in ctx.page]


def _participations(ctx: _Context) -> list[Record]:
    """Every participation of a student in scope, also in departments not chosen: the
    shares add up to 100 only together."""
    shares: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for sid, code, pct in ctx.uow.records.participations(ctx.year_id, ctx.ids):
        shares[sid].append((code, pct))
    return [
        _record(s, code, percentage=pct) for s in ctx.page for code, pct in shares.get(s.id, [])
    ]


def _prognoses(ctx: _Context) -> list[Record]:
    """A prognosis is stored under the year it forecasts. A running (or past) year shows
    the prognoses made during it, which forecast the next one; the prepared year, not
    begun yet, shows those that forecast it (see :class:`.years.YearScope`)."""
    stored = ctx.scope.prognosis_year_id
    rows = [] if stored is None else ctx.uow.records.prognoses(stored, ctx.ids)
    heads: dict[int, tuple[int, str]] = {}
    shares: dict[int, list[JsonValue]] = defaultdict(list)
    for sid, round_, comment, code, pct in rows:
        heads[sid] = (round_, comment)
        shares[sid].append({"department": code, "percentage": pct})
    forecast = ctx.scope.forecast.name
    return [
        _record(
            s,
            None,
            forecast_year=forecast,
            round=heads[s.id][0] if s.id in heads else None,
            comment=heads[s.id][1] if s.id in heads else "",
            shares=shares.get(s.id, []),
        )
        for s in ctx.page
    ]


def _per_department(ctx: _Context, extra: dict[int, set[str]]) -> dict[int, list[str]]:
    """Per student the chosen departments it participates in, plus those in ``extra``."""
    found: dict[int, set[str]] = defaultdict(set)
    for sid, code, _pct in ctx.uow.records.participations(ctx.year_id, ctx.ids):
        if ctx.selected(code):
            found[sid].add(code)
    for sid, codes in extra.items():
        found[sid] |= {code for code in codes if ctx.selected(code)}
    return {sid: sorted(codes) for sid, codes in found.items()}


def _package_choices(ctx: _Context) -> list[Record]:
    profiles: dict[tuple[int, str], str] = {}
    subjects: dict[tuple[int, str], list[JsonValue]] = defaultdict(list)
    exemptions: dict[tuple[int, str], list[JsonValue]] = defaultdict(list)
    for sid, code, profile, subject, is_exemption in ctx.uow.records.package_subjects(
        ctx.year_id, ctx.ids
    ):
        profiles[(sid, code)] = profile
        if subject is not None:
            subjects[(sid, code)].append(subject)
            if is_exemption:
                exemptions[(sid, code)].append(subject)
    extra: dict[int, set[str]] = defaultdict(set)
    for sid, code in profiles:
        extra[sid].add(code)
    departments = _per_department(ctx, extra)
    return [
        _record(
            s,
            code,
            profile=profiles.get((s.id, code)),
            subjects=subjects.get((s.id, code), []),
            exemptions=exemptions.get((s.id, code), []),
        )
        for s in ctx.page
        for code in departments.get(s.id, [])
    ]


def _home_classes(ctx: _Context) -> list[Record]:
    classes: dict[tuple[int, str], str] = {}
    extra: dict[int, set[str]] = defaultdict(set)
    for sid, name, code in ctx.uow.records.group_memberships(
        ctx.year_id, ctx.ids, GroupKind.HOME_CLASS
    ):
        if code is not None:
            classes[(sid, code)] = name
            extra[sid].add(code)
    departments = _per_department(ctx, extra)
    return [
        _record(s, code, home_class=classes.get((s.id, code)), lead=ctx.leads[code])
        for s in ctx.page
        for code in departments.get(s.id, [])
    ]


def _cluster_groups(ctx: _Context) -> list[Record]:
    groups: dict[int, list[JsonValue]] = defaultdict(list)
    for sid, name, _code in ctx.uow.records.group_memberships(
        ctx.year_id, ctx.ids, GroupKind.CLUSTER_GROUP
    ):
        groups[sid].append(name)
    return [_record(s, None, groups=groups.get(s.id, [])) for s in ctx.page]


_BUILDERS: dict[Domain, Callable[[_Context], list[Record]]] = {
    Domain.STUDENTS: _students,
    Domain.PERSONAL_DATA: _personal_data,
    Domain.DEPARTMENT_PARTICIPATION: _participations,
    Domain.LWOO: _lwoo,
    Domain.PROGNOSES: _prognoses,
    Domain.PACKAGE_CHOICES: _package_choices,
    Domain.HOME_CLASSES: _home_classes,
    Domain.CLUSTER_GROUPS: _cluster_groups,
}


def _department_ids(
    leads: dict[str, tuple[int, str]], codes: Sequence[str] | None
) -> list[int] | None:
    if codes is None:
        return None
    unknown = [code for code in codes if code not in leads]
    if unknown:
        raise Unprocessable("api.unknown_department", department=", ".join(unknown))
    return [leads[code][0] for code in codes]


def _chosen(
    query: RecordQuery, leads: dict[str, tuple[int, str]], token: TokenScope
) -> tuple[str, ...] | None:
    """The departments a query reads: those it names (every one known and in the token's
    scope), else the token's (None: every department)."""
    if query.departments is None:
        return _known(leads, token)
    _department_ids(leads, query.departments)  # unknown ones first: 422
    check_departments(token, query.departments)
    return query.departments


def _known(leads: dict[str, tuple[int, str]], token: TokenScope) -> tuple[str, ...] | None:
    """The token's departments that exist (None: the whole school)."""
    if token.departments is None:
        return None
    return tuple(sorted(code for code in token.departments if code in leads))


def read_records(
    uow: SqlAlchemyUnitOfWork,
    query: RecordQuery,
    *,
    actor: str,
    token: TokenScope,
    token_name: str | None = None,
) -> RecordPage:
    """One page of ``query.domain`` of the students in ``token``'s departments; reading
    personal data or LWOO is audited (how many students, never the values)."""
    if not 1 <= query.limit <= MAX_LIMIT:
        raise Unprocessable("api.bad_limit", low=1, high=MAX_LIMIT)
    as_of = datetime.now(UTC)
    with uow.unlocked():
        scope = year_scope(uow, query.school_year)
        year, year_id = scope.year, scope.year_id
        departments = uow.records.department_leads(scope.settings_year_id)
        chosen = _chosen(query, departments, token)
        department_ids = _department_ids(departments, chosen)
        token_ids = _department_ids(departments, _known(departments, token))
        after = (
            None if query.cursor is None else decode_cursor(query.cursor, query.domain, year.name)
        )
        revision = uow.versions.current()
        leads = {code: lead for code, (_id, lead) in departments.items()}
        in_scope = uow.records.scope_count(year_id, department_ids)
        left = (
            []
            if query.since is None or after is not None
            else uow.records.left_scope(
                year_id, department_ids, since=query.since, within=token_ids
            )
        )
        found = uow.records.scoped_students(
            year_id, department_ids, since=query.since, after=after, limit=query.limit + 1
        )
        page = found[: query.limit]
        context = _Context(uow, scope, None if chosen is None else frozenset(chosen), page, leads)
        records = _BUILDERS[query.domain](context) if page else []
        if query.domain in LOGGED_DOMAINS:
            after_read: dict[str, JsonValue] = {"students": len(page)}
            if chosen is not None:
                after_read["departments"] = list[JsonValue](chosen)
            if token_name is not None:
                after_read["token"] = token_name
            entry = audit_entry(
                "read", "records", query.domain.value, actor=actor, after=after_read
            )
            uow.audit.add_many([entry])
            uow.commit()
    more = len(found) > query.limit
    return RecordPage(
        query.domain,
        year.name,
        as_of,
        revision,
        records,
        encode_cursor(query.domain, year.name, page[-1].number) if more else None,
        leads,
        in_scope,
        left,
    )
