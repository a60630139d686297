"""Cleaning of free text as people and spreadsheets type it."""

from __future__ import annotations

import re

from koppel.domain.errors import InvalidValue

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[\s\u00a0]+")


def clean_text(value: str | None) -> str:
    """Trim whitespace, non-breaking spaces and zero-width characters; collapse runs of spaces."""
    if not value:
        return ""
    stripped = value.strip()
    if stripped.isascii() and stripped.isprintable() and "  " not in stripped:
        return stripped  # the common case, without regular expressions
    return _SPACES.sub(" ", _INVISIBLE.sub("", value)).strip()


def require(value: str | None, field: str) -> str:
    """The cleaned value, or :class:`InvalidValue` when it is empty."""
    cleaned = clean_text(value)
    if not cleaned:
        raise InvalidValue("required", field=field)
    return cleaned
