"""Koppelprofielen (``--mapping FILE.toml``): header choices per source system, for files
whose headers koppel cannot guess::

    source = "Magister"
    [columns]
    "Stamnr" = "student_number"
    "Klas 2026" = "group"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from koppel.files.columns import Column
from koppel.files.headers import MappingProfile, normalise_header
from koppel.files.problems import ImportFileError


def load_profile(path: Path) -> MappingProfile:
    label = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise ImportFileError("file.missing", file=label) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ImportFileError("profile.syntax", file=label, reason=str(error)) from None
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise ImportFileError("profile.no_columns", file=label)
    known = {column.value: column for column in Column}
    mapped: dict[str, Column] = {}
    for header, name in columns.items():
        if not isinstance(name, str) or name not in known:
            raise ImportFileError(
                "profile.unknown_column",
                file=label,
                column=str(header),
                value=str(name),
                known=", ".join(sorted(known)),
            )
        mapped[normalise_header(header)] = known[name]
    return MappingProfile(source=str(data.get("source", label)), columns=mapped)
