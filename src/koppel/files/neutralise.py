"""Formula injection: a text cell that a spreadsheet would run as a formula is written
with a leading apostrophe, in every file koppel writes (OWASP's CSV-injection advice)."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``'=1+1'`` -> ``"'=1+1"``; any other text unchanged."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
