"""Long key lists cut into ``IN (...)`` sized pieces."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

CHUNK = 5000
"""Keys per ``IN (...)``: well below the bind-parameter limits of SQLite and PostgreSQL."""

T = TypeVar("T")


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    ordered = list(items)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]
