"""Koppelprofielen (``--mapping FILE.toml``): header choices per source system, for files
whose headers koppel cannot guess::

    source = "Magister"
    [columns]
    "Stamnr" = "student_number"
    "Klas 2026" = "group"
    "Opmerking" = "ignore"

    [values.Afdeling]
    "Atheneum 4" = "4V"

A header is matched like any other (case, spaces, accents and punctuation do not count),
and the profile's choice wins over koppel's own aliases. A field is named by its code
(``student_number``) or its Dutch name (``Leerlingnummer``); ``ignore`` (or ``negeer``)
skips a column without a warning, which also settles two columns that mean the same.

``[values.FIELD]`` (department, group or gender, by code or Dutch name) maps values
that :mod:`koppel.files.matching` does not recognise; its texts are compared the same
way, and it wins over koppel's own matching.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from koppel.files.columns import Column
from koppel.files.headers import DUTCH_NAMES, MappingProfile, normalise_header
from koppel.files.problems import ImportFileError

IGNORE_WORDS = frozenset({"ignore", "negeer"})
VALUE_FIELDS = (Column.DEPARTMENT, Column.GROUP, Column.GENDER)
"""The fields whose values a profile may map."""
MAX_PROFILE_BYTES = 1_000_000


def _field_names() -> dict[str, Column]:
    names = {normalise_header(column.value): column for column in Column}
    names.update({normalise_header(name): column for column, name in DUTCH_NAMES.items()})
    return names


def load_profile(path: Path) -> MappingProfile:
    """Koppelprofiel lezen; :class:`ImportFileError` naming the file, and the key where
    one is wrong."""
    label = path.name
    try:
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise ImportFileError("profile.syntax", file=label, reason="> 1 MB")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise ImportFileError("file.missing", file=label) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ImportFileError("profile.syntax", file=label, reason=str(error)) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ImportFileError("profile.syntax", file=label, reason="nested too deeply") from None
    columns = data.get("columns", {})
    value_tables = data.get("values", {})
    if not isinstance(columns, dict) or not (columns or value_tables):
        raise ImportFileError("profile.no_columns", file=label)
    known = _field_names()
    mapped: dict[str, Column] = {}
    ignored: set[str] = set()
    seen: dict[str, str] = {}
    for header, name in columns.items():
        key = normalise_header(header)
        if not key:
            raise ImportFileError("profile.empty_header", file=label, column=str(header))
        if key in seen:
            raise ImportFileError(
                "profile.header_twice", file=label, column=str(header), first=seen[key]
            )
        seen[key] = str(header)
        choice = normalise_header(name) if isinstance(name, str) else ""
        if choice in IGNORE_WORDS:
            ignored.add(key)
        elif choice in known:
            mapped[key] = known[choice]
        else:
            raise ImportFileError(
                "profile.unknown_column",
                file=label,
                column=str(header),
                value=str(name),
                known=", ".join([*sorted(c.value for c in Column), "ignore"]),
            )
    source = data.get("source", label)
    return MappingProfile(
        source=source if isinstance(source, str) else label,
        columns=mapped,
        ignored=frozenset(ignored),
        values=_value_tables(value_tables, known, label),
    )


def _value_tables(
    tables: object, known: dict[str, Column], label: str
) -> dict[Column, dict[str, str]]:
    """``[values.FIELD]``: per field, normalised text -> the value meant."""
    if not isinstance(tables, dict):
        raise ImportFileError("profile.values_table", file=label, column="values")
    found: dict[Column, dict[str, str]] = {}
    for name, table in tables.items():
        column = known.get(normalise_header(name))
        if column not in VALUE_FIELDS:
            raise ImportFileError(
                "profile.values_field",
                file=label,
                column=f"values.{name}",
                known=", ".join(DUTCH_NAMES[c] for c in VALUE_FIELDS),
            )
        if not isinstance(table, dict) or column in found:
            raise ImportFileError("profile.values_table", file=label, column=f"values.{name}")
        mapped: dict[str, str] = {}
        seen: dict[str, str] = {}
        for text, target in table.items():
            key = normalise_header(text)
            if not key or not isinstance(target, str) or not target.strip():
                raise ImportFileError(
                    "profile.value_empty", file=label, column=f"values.{name}", value=str(text)
                )
            if key in seen:
                raise ImportFileError(
                    "profile.value_twice",
                    file=label,
                    column=f"values.{name}",
                    value=text,
                    first=seen[key],
                )
            seen[key] = text
            mapped[key] = target.strip()
        found[column] = mapped
    return found
