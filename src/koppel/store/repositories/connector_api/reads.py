"""What the connector's JSON API reads, set-based: one query per part of a page of
students, never one per student; and for its writes the write lock and the stored answers
by Idempotency-Key (what the writes change: writes.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Exists, Row, exists, func, select

from koppel.domain.connector_api import IdempotentAnswer, StudentInScope
from koppel.domain.groups import GroupKind
from koppel.store import tables as t

_s, _p, _d, _g, _m = (
    t.students,
    t.department_participations,
    t.departments,
    t.groups,
    t.group_memberships,
)


class SqlAlchemyRecordRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    # --- reading ------------------------------------------------------------------------

    def scoped_students(
        self,
        year_id: int,
        department_ids: Collection[int] | None,
        *,
        since: int | None,
        after: str | None,
        limit: int,
    ) -> list[StudentInScope]:
        """Students with a participation in ``year_id`` (in one of ``department_ids``, or
        any), changed after revision ``since``, numbered after ``after``, in number order."""
        query = select(_s.c.id, _s.c.student_number, _s.c.version).where(
            self._in_scope(year_id, department_ids)
        )
        if since is not None:
            query = query.where(_s.c.version > since)
        if after is not None:
            query = query.where(_s.c.student_number > after)
        rows = self._connection.execute(query.order_by(_s.c.student_number).limit(limit))
        return [StudentInScope(sid, number, version) for sid, number, version in rows]

    def _in_scope(self, year_id: int, department_ids: Collection[int] | None) -> Exists:
        query = (
            select(_p.c.student_id)
            .where(_p.c.student_id == _s.c.id, _p.c.school_year_id == year_id)
            .correlate(_s)
        )
        if department_ids is not None:
            query = query.where(_p.c.department_id.in_(department_ids))
        return exists(query)

    def scope_count(self, year_id: int, department_ids: Collection[int] | None) -> int:
        """How many students are in scope (see ``scoped_students``)."""
        query = select(func.count()).select_from(_s).where(self._in_scope(year_id, department_ids))
        return int(self._connection.execute(query).scalar_one())

    def left_scope(
        self,
        year_id: int,
        department_ids: Collection[int] | None,
        *,
        since: int,
        within: Collection[int] | None = None,
    ) -> list[str]:
        """Students changed after revision ``since`` that are not in scope (any more);
        with ``within`` (a token's departments) only those still in one of those: a
        token learns no student numbers outside its departments (a client that misses
        a student who left them notices by the count in scope, and reads again)."""
        query = select(_s.c.student_number).where(
            _s.c.version > since, ~self._in_scope(year_id, department_ids)
        )
        if within is not None:
            query = query.where(self._in_scope(year_id, within))
        return sorted(number for (number,) in self._connection.execute(query))

    def student_columns(self, ids: Sequence[int], columns: Sequence[str]) -> dict[int, Row[Any]]:
        rows = self._connection.execute(
            select(_s.c.id, *(_s.c[name] for name in columns)).where(_s.c.id.in_(ids))
        )
        return {row[0]: row for row in rows}

    def participations(self, year_id: int, ids: Sequence[int]) -> list[tuple[int, str, int]]:
        """(student id, department code, percentage), largest share first."""
        rows = self._connection.execute(
            select(_p.c.student_id, _d.c.code, _p.c.percentage)
            .join(_d, _d.c.id == _p.c.department_id)
            .where(_p.c.school_year_id == year_id, _p.c.student_id.in_(ids))
            .order_by(_p.c.student_id, _p.c.percentage.desc(), _d.c.code)
        )
        return [(sid, code, pct) for sid, code, pct in rows]

    def prognoses(self, year_id: int, ids: Sequence[int]) -> list[tuple[int, int, str, str, int]]:
        """(student id, round, comment, department code, percentage) per share."""
        pr, sh = t.prognoses, t.prognosis_shares
        rows = self._connection.execute(
            select(pr.c.student_id, pr.c.round, pr.c.comment, _d.c.code, sh.c.percentage)
            .join(sh, sh.c.prognosis_id == pr.c.id)
            .join(_d, _d.c.id == sh.c.department_id)
            .where(pr.c.school_year_id == year_id, pr.c.student_id.in_(ids))
            .order_by(pr.c.student_id, sh.c.percentage.desc(), _d.c.code)
        )
        return [(sid, rnd, comment, code, pct) for sid, rnd, comment, code, pct in rows]

    def package_subjects(
        self, year_id: int, ids: Sequence[int]
    ) -> list[tuple[int, str, str, str | None, bool]]:
        """(student id, department code, profile, subject or None, is exemption)."""
        pc, ps = t.package_choices, t.package_subjects
        rows = self._connection.execute(
            select(pc.c.student_id, _d.c.code, pc.c.profile, ps.c.subject, ps.c.is_exemption)
            .join(_d, _d.c.id == pc.c.department_id)
            .outerjoin(ps, ps.c.package_choice_id == pc.c.id)
            .where(pc.c.school_year_id == year_id, pc.c.student_id.in_(ids))
            .order_by(pc.c.student_id, _d.c.code, ps.c.subject)
        )
        return [(sid, code, profile, subject, bool(ex)) for sid, code, profile, subject, ex in rows]

    def group_memberships(
        self, year_id: int, ids: Sequence[int], kind: GroupKind
    ) -> list[tuple[int, str, str | None]]:
        """(student id, group name, department code or None) for groups of ``kind``.

        Two simple queries instead of one join: the memberships of these students (by the
        student index), then the year's groups of ``kind`` (a small table). SQLite would
        otherwise walk every group and probe the whole id list for each."""
        groups = {
            gid: (name, code)
            for gid, name, code in self._connection.execute(
                select(_g.c.id, _g.c.name, _d.c.code)
                .outerjoin(_d, _d.c.id == _g.c.department_id)
                .where(_g.c.school_year_id == year_id, _g.c.kind == kind.value)
            )
        }
        found: list[tuple[int, str, str | None]] = []
        for start in range(0, len(ids), 1000):
            rows = self._connection.execute(
                select(_m.c.student_id, _m.c.group_id).where(
                    _m.c.student_id.in_(ids[start : start + 1000]),
                    _m.c.school_year_id == year_id,
                )
            )
            found += [(sid, *groups[gid]) for sid, gid in rows if gid in groups]
        return sorted(found, key=lambda row: (row[0], row[1]))

    def department_leads(self, year_id: int | None = None) -> dict[str, tuple[int, str]]:
        """department code -> (id, who leads its home classes): the current year's
        settings, or with ``year_id`` those of that other year (the prepared one, or an
        old one after the switch) where it has its own, the current ones elsewhere."""
        if year_id is None:
            rows = self._connection.execute(select(_d.c.code, _d.c.id, _d.c.home_class_lead))
            return {code: (did, lead) for code, did, lead in rows}
        dy = t.department_years
        rows = self._connection.execute(
            select(_d.c.code, _d.c.id, func.coalesce(dy.c.home_class_lead, _d.c.home_class_lead))
            .select_from(_d)
            .outerjoin(dy, (dy.c.department_id == _d.c.id) & (dy.c.school_year_id == year_id))
        )
        return {code: (did, lead) for code, did, lead in rows}

    # --- writing ------------------------------------------------------------------------

    # --- idempotency keys ---------------------------------------------------------------

    def token_id(self, token_name: str) -> int:
        found = self._connection.scalar(
            select(t.api_tokens.c.id).where(t.api_tokens.c.name == token_name)
        )
        if found is None:
            raise LookupError(token_name)
        return int(found)

    def stored_answer(self, token_id: int, key: str) -> IdempotentAnswer | None:
        k = t.idempotency_keys
        row = self._connection.execute(
            select(k.c.request_hash, k.c.status_code, k.c.body).where(
                k.c.token_id == token_id, k.c.key == key
            )
        ).first()
        return None if row is None else IdempotentAnswer(row[0], row[1], dict(row[2]))

    def forget_answers(self, *, before: datetime) -> None:
        """Remove the stored answers (of every token) made before ``before``."""
        k = t.idempotency_keys
        self._connection.execute(k.delete().where(k.c.created_at < before))

    def store_answer(
        self, token_id: int, key: str, answer: IdempotentAnswer, *, at: datetime
    ) -> None:
        self._connection.execute(
            t.idempotency_keys.insert().values(
                token_id=token_id,
                key=key,
                request_hash=answer.request_hash,
                status_code=answer.status_code,
                body=answer.body,
                created_at=at,
            )
        )
