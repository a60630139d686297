"""One upload as one batch request (``POST /api/v1/uploads``): new students, home
classes of project-led departments and cluster groups, each change naming the student's
version. Rows the portal refuses (changed since the comparison, already there) are left
out and reported; the rest is sent again, so a portal edit is never overwritten. What is
sent is kept in the project until the portal answers (:mod:`pending`)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from koppel.connector import pending
from koppel.connector.client import PortalRefused
from koppel.connector.comparing import Comparer, DomainView
from koppel.connector.results import Skipped
from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Key, SyncDomain
from koppel.store.project.rows import PERSONAL_COLUMNS

EMAIL_PROPERTY = "#EMAIL"
ATTEMPTS = 3
ITEM_LISTS = {
    SyncDomain.STUDENTS: "students",
    SyncDomain.HOME_CLASSES: "home_classes",
    SyncDomain.CLUSTER_GROUPS: "cluster_groups",
}
SKIP_REASONS = {412: "connector.skip.stale", 409: "connector.skip.conflict"}


@dataclass
class SentUpload:
    applied: dict[SyncDomain, list[DiffRow]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    portal_changeset: str | None = None
    emails: dict[str, str] = field(default_factory=dict)
    """The e-mail address each new account was sent with (``#EMAIL``, else the
    student's own): the project's e-mail field takes it over once the portal has it."""


@dataclass
class _Batch:
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rows: dict[str, list[tuple[SyncDomain, DiffRow]]] = field(default_factory=dict)

    def add(self, domain: SyncDomain, row: DiffRow, item: dict[str, Any]) -> None:
        name = ITEM_LISTS[domain]
        self.items.setdefault(name, []).append(item)
        self.rows.setdefault(name, []).append((domain, row))

    def without(self, refused: set[tuple[str, int]]) -> _Batch:
        kept = _Batch()
        for name, items in self.items.items():
            for index, item in enumerate(items):
                if (name, index) not in refused:
                    domain, row = self.rows[name][index]
                    kept.add(domain, row, item)
        return kept

    def __bool__(self) -> bool:
        return any(self.items.values())


def _department_of(participations: Mapping[Key, Any], number: str, allowed: set[str]) -> str | None:
    shares = [
        (int(values[0] or 0), key[1])
        for key, values in participations.items()
        if key[0] == number and key[1] in allowed
    ]
    return max(shares)[1] if shares else None


def _student_items(
    comparer: Comparer, rows: list[DiffRow], batch: _Batch, sent: SentUpload
) -> list[Skipped]:
    numbers = [row.student for row in rows]
    with comparer.project.begin() as session:
        students = session.student_rows(numbers)
        emails = session.extra_property(EMAIL_PROPERTY)
        participations = {
            key: values
            for key, values in session.state(SyncDomain.DEPARTMENT_PARTICIPATION).items()
            if key[0] in set(numbers)
        }
    allowed = set(comparer.info.departments)
    skipped: list[Skipped] = []
    for row in rows:
        found = students.get((row.student, None))
        department = _department_of(participations, row.student, allowed)
        if found is None or department is None:
            skipped.append(Skipped(row.student, None, "connector.skip.no_department"))
            continue
        personal = dict(zip(PERSONAL_COLUMNS, found, strict=False))
        item = {
            name: str(personal.get(name) or "")
            for name in (
                "first_name",
                "infix",
                "last_name",
                "street",
                "house_number",
                "postcode",
                "city",
            )
        }
        item["gender"] = str(personal.get("gender") or "X")
        item["email"] = emails.get(row.student) or str(personal.get("email") or "")
        sent.emails[row.student] = item["email"]
        item["student_number"] = row.student
        item["department"] = department
        batch.add(SyncDomain.STUDENTS, row, item)
    return skipped


def _group_item(domain: SyncDomain, row: DiffRow, version: int) -> dict[str, Any]:
    value = row.project[0] if row.project is not None else None
    if domain is SyncDomain.HOME_CLASSES:
        return {
            "student": row.student,
            "department": row.department,
            "home_class": value,
            "version": version,
        }
    return {
        "student": row.student,
        "groups": list(value) if isinstance(value, tuple) else [],
        "version": version,
    }


def send_upload(
    comparer: Comparer,
    views: Mapping[SyncDomain, DomainView],
    chosen: Mapping[SyncDomain, list[DiffRow]],
) -> SentUpload:
    sent = SentUpload()
    batch = _Batch()
    for domain, rows in chosen.items():
        if domain is SyncDomain.STUDENTS:
            sent.skipped += _student_items(comparer, rows, batch, sent)
            continue
        versions = views[domain].versions
        for row in rows:
            if row.student not in versions:
                sent.skipped.append(
                    Skipped(row.student, row.department, "connector.skip.not_in_portal")
                )
                continue
            batch.add(domain, row, _group_item(domain, row, versions[row.student]))
    for _attempt in range(ATTEMPTS):
        if not batch:
            return sent
        body = {"school_year": comparer.info.school_year, **batch.items}
        key = uuid.uuid4().hex
        pending.keep(comparer.project, key, body)
        try:
            answer = comparer.client.upload(body, key=key)
        except PortalRefused as refusal:
            if not refusal.unsure:
                with comparer.project.begin() as session:
                    pending.answered(session)
            if not refusal.items:
                raise
            refused = _refused(refusal, batch, sent)
            if not refused:
                raise
            batch = batch.without(refused)
            continue
        sent.portal_changeset = answer.get("changeset")
        for pairs in batch.rows.values():
            for domain, row in pairs:
                sent.applied.setdefault(domain, []).append(row)
        return sent
    return sent


def _refused(refusal: PortalRefused, batch: _Batch, sent: SentUpload) -> set[tuple[str, int]]:
    refused: set[tuple[str, int]] = set()
    for item in refusal.items:
        name, index = str(item.get("list", "")), item.get("index")
        if not isinstance(index, int) or index >= len(batch.rows.get(name, [])):
            continue
        refused.add((name, index))
        _domain, row = batch.rows[name][index]
        reason = SKIP_REASONS.get(refusal.status, "connector.skip.refused")
        if str(item.get("code", "")) == "api.version_stale":
            reason = SKIP_REASONS[412]
        sent.skipped.append(
            Skipped(row.student, row.department, reason, str(item.get("message", "")))
        )
    return refused
