"""What the user chose for ``koppel oneroster import``, and its outcome in the JSON shape
of the file imports (DESIGN.md 8) with the set's own counts added."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.imports.report import Counts, ImportReport

KIND = "integration.roster"
"""The change-set kind of an applied SIS set."""


@dataclass(frozen=True)
class SisOptions:
    dry_run: bool = False
    force: bool = False
    actor: str = COMMAND_LINE_ACTOR
    home_class_pattern: str | None = None
    """A regular expression on classCode or title that makes a class a home class; None:
    the school's setting ``integration.home_class_rule``, else classType homeroom."""
    file_label: str | None = None
    """How the set is named in messages (default: the folder's or zip file's name)."""
    student_number: str | None = None
    """The user field that gives a student's number (``identifier``, ``sourcedId``,
    ``username``, ``ext_...``, ``metadata....``); None: identifier, else sourcedId."""


@dataclass
class Changed:
    new: int = 0
    removed: int = 0
    unchanged: int = 0

    def as_json(self) -> dict[str, JsonValue]:
        return {"new": self.new, "removed": self.removed, "unchanged": self.unchanged}


@dataclass
class SisReport(ImportReport):
    """:class:`ImportReport` (``written, changeset, rows, errors, warnings, students,
    staff, groups, marked_left, details``) plus ``memberships`` and ``links`` (new,
    removed, unchanged), ``format``, ``fingerprint``, ``school_year`` and ``others``
    (users koppel does not keep: guardians, parents)."""

    format: str = ""
    fingerprint: str = ""
    school_year: str = ""
    memberships: Changed = field(default_factory=Changed)
    teacher_links: Changed = field(default_factory=Changed)
    others: int = 0
    dry_run: bool = False

    def as_json(self, language: str | None = None) -> dict[str, object]:
        result = super().as_json(language)
        details = result.pop("details")
        result["memberships"] = self.memberships.as_json()
        result["links"] = self.teacher_links.as_json()
        result["marked_left"] = self.marked_left
        result["others"] = self.others
        result["format"] = self.format
        result["fingerprint"] = self.fingerprint
        result["school_year"] = self.school_year
        result["details"] = details
        return result

    def summary(self) -> dict[str, JsonValue]:
        """The change set's summary: the school year, the set and the counts."""
        return {
            "school_year": self.school_year,
            "set": self.file,
            "format": self.format,
            "fingerprint": self.fingerprint,
            "students": _counts(self.students),
            "staff": _counts(self.staff),
            "groups": {"new": self.groups_new, "deleted": self.groups_deleted},
            "memberships": self.memberships.as_json(),
            "links": self.teacher_links.as_json(),
            "marked_left": self.marked_left,
        }


def _counts(counts: Counts | None) -> JsonValue:
    return None if counts is None else dict[str, JsonValue](counts.as_json())
