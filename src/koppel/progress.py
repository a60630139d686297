"""Progress of long work, reported to whoever shows it (a Rich bar, a page, or nobody)."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """``step(label, total)`` starts a step of ``total`` units; ``advance(n)`` reports work."""

    def step(self, label: str, total: int) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


class NoProgress:
    """Shows nothing: the default in tests and for ``--json`` without a terminal."""

    def step(self, label: str, total: int) -> None:
        return None

    def advance(self, amount: int = 1) -> None:
        return None
