"""What applying a selection of differing rows writes: pure, so the services, the tests
and the benchmarks share one definition of an apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from koppel.domain.sync.compare import DiffRow, absent
from koppel.domain.sync.domains import Direction, Fields, Key, State, SyncDomain


@dataclass(frozen=True, slots=True)
class Write:
    key: Key
    before: Fields | None
    after: Fields | None
    """None: the row goes away."""


@dataclass(frozen=True)
class Plan:
    domain: SyncDomain
    direction: Direction
    target: tuple[Write, ...]
    """Writes on the side that follows (the project for a download, the portal for an
    upload)."""
    base: tuple[Write, ...]
    """The base of every applied row becomes the applied value."""


def plan_apply(
    domain: SyncDomain, direction: Direction, rows: Iterable[DiffRow], base: State
) -> Plan:
    target: list[Write] = []
    new_base: list[Write] = []
    empty = absent(domain)
    for row in rows:
        if row.direction is not direction:
            raise ValueError(f"row {row.key} moves {row.direction}, not {direction}")
        value = row.proposed
        before = row.project if direction is Direction.DOWNLOAD else row.portal
        target.append(Write(row.key, before, value))
        new_base.append(Write(row.key, base.get(row.key), empty if value is None else value))
    return Plan(domain, direction, tuple(target), tuple(new_base))


def settle_base(domain: SyncDomain, settled: Mapping[Key, Fields], base: State) -> list[Write]:
    """Base writes for rows both sides agree on (see ``compare.settled``)."""
    del domain
    return [Write(key, base.get(key), value) for key, value in settled.items()]


def applied(state: State, writes: Iterable[Write]) -> dict[Key, Fields]:
    """``state`` after ``writes`` (a new mapping)."""
    result = dict(state)
    for write in writes:
        if write.after is None:
            result.pop(write.key, None)
        else:
            result[write.key] = write.after
    return result


def reverted(state: State, writes: Iterable[Write]) -> dict[Key, Fields]:
    """``state`` with ``writes`` undone, newest first."""
    result = dict(state)
    for write in reversed(list(writes)):
        if write.before is None:
            result.pop(write.key, None)
        else:
            result[write.key] = write.before
    return result
