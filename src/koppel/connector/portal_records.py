"""The portal's JSON records as the comparison's rows (DESIGN.md section 4 keys).

A record that holds nothing (no prognosis, no package, no home class, no cluster group)
is no row: the comparison reads a missing row as empty on that side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from koppel.domain.sync.domains import PERSONAL_FIELDS, PRESENT, Fields, Key, SyncDomain

Record = Mapping[str, Any]


def shares_text(shares: Iterable[Mapping[str, Any]]) -> str:
    """``[{"department": "4V", "percentage": 50}, ...]`` -> ``"4H 50 / 4V 50"``."""
    pairs = sorted((str(s["department"]), int(s["percentage"])) for s in shares)
    return " / ".join(f"{code} {pct}" for code, pct in pairs)


def _sorted(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted(str(v) for v in values))


def _student(record: Record) -> Fields | None:
    return PRESENT if record.get("status", "active") == "active" else None


def _personal(record: Record) -> Fields | None:
    return tuple(str(record.get(name) or "") for name in PERSONAL_FIELDS)


def _participation(record: Record) -> Fields | None:
    return (int(record["percentage"]),)


def _lwoo(record: Record) -> Fields | None:
    return (bool(record["lwoo"]),)


def _prognosis(record: Record) -> Fields | None:
    shares = shares_text(record.get("shares") or [])
    round_ = record.get("round")
    comment = str(record.get("comment") or "")
    if not shares and round_ is None and not comment:
        return None
    return (None if round_ is None else int(round_), comment, shares)


def _package(record: Record) -> Fields | None:
    profile = record.get("profile")
    subjects = _sorted(record.get("subjects") or [])
    if profile is None and not subjects:
        return None
    return (profile, subjects, _sorted(record.get("exemptions") or []))


def _home_class(record: Record) -> Fields | None:
    name = record.get("home_class")
    return None if name is None else (str(name),)


def _cluster_groups(record: Record) -> Fields | None:
    groups = _sorted(record.get("groups") or [])
    return (groups,) if groups else None


_CONVERT: dict[SyncDomain, Callable[[Record], Fields | None]] = {
    SyncDomain.STUDENTS: _student,
    SyncDomain.PERSONAL_DATA: _personal,
    SyncDomain.DEPARTMENT_PARTICIPATION: _participation,
    SyncDomain.LWOO: _lwoo,
    SyncDomain.PROGNOSES: _prognosis,
    SyncDomain.PACKAGE_CHOICES: _package,
    SyncDomain.HOME_CLASSES: _home_class,
    SyncDomain.CLUSTER_GROUPS: _cluster_groups,
}

_PER_DEPARTMENT = frozenset(
    {
        SyncDomain.DEPARTMENT_PARTICIPATION,
        SyncDomain.PACKAGE_CHOICES,
        SyncDomain.HOME_CLASSES,
    }
)


def to_rows(
    domain: SyncDomain, records: Iterable[Record]
) -> tuple[dict[Key, Fields], dict[str, int]]:
    """(rows, version per student) of a domain's records."""
    convert = _CONVERT[domain]
    keyed = domain in _PER_DEPARTMENT
    rows: dict[Key, Fields] = {}
    versions: dict[str, int] = {}
    for record in records:
        number = str(record["student"])
        versions[number] = int(record.get("version") or 0)
        values = convert(record)
        if values is not None:
            department = str(record["department"]) if keyed else None
            rows[(number, department)] = values
    return rows, versions
