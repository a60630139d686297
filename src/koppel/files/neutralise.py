"""Formula injection: a text cell that a spreadsheet would run as a formula is written
with a leading apostrophe, in every file koppel writes (OWASP's CSV-injection advice),
and read back without it."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``'=1+1'`` -> ``"'=1+1"``; any other text unchanged."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore(value: str) -> str:
    """The reverse, for reading a file koppel wrote: ``"'=1+1"`` -> ``"=1+1"``, so that
    an export imported again changes nothing. Other apostrophes stay: ``'s-Hertogenbosch``."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
