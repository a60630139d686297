"""The outcome of an import, previewed or applied, in the JSON shape of DESIGN.md 8."""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.files.problems import Problem
from koppel.i18n import translate


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    absent: int = 0

    def as_json(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "absent": self.absent,
        }


@dataclass
class ImportReport:
    file: str
    kind: str
    rows: int = 0
    written: bool = False
    changeset: str | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    students: Counts | None = None
    staff: Counts | None = None
    links: Counts | None = None
    groups_new: int = 0
    groups_deleted: int = 0
    marked_left: int = 0
    details: dict[str, JsonValue] = field(default_factory=dict)
    refusal: KoppelError | None = None
    school_year: str | None = None
    """The school year the file filled (or would fill)."""
    """Set when a safety rule refused to apply the plan (exit code 3)."""

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        if self.refusal is not None:
            return self.refusal.exit_code
        return 0

    def as_json(self, language: str | None = None) -> dict[str, object]:
        result: dict[str, object] = {
            "written": self.written,
            "changeset": self.changeset,
            "rows": self.rows,
            "errors": [p.as_json(language) for p in self.errors],
            "warnings": [p.as_json(language) for p in self.warnings],
        }
        if self.refusal is not None:
            result["refused"] = self.refusal.message(language)
        for name, counts in (
            ("students", self.students),
            ("staff", self.staff),
            ("links", self.links),
        ):
            if counts is not None:
                result[name] = counts.as_json()
        result["groups"] = {"new": self.groups_new, "deleted": self.groups_deleted}
        if self.marked_left:
            result["marked_left"] = self.marked_left
        result["details"] = self.details
        if self.school_year is not None:
            result["school_year"] = self.school_year
        return result


def mapped_lines(mapped: list[JsonValue], language: str | None = None) -> list[str]:
    """The report's ``values_mapped`` as lines to read: ``Afdeling '4 VWO' -> 4V (412
    rijen, naam van de afdeling)``."""
    return [
        translate(
            "import.value_mapped",
            language,
            column=item.get("column"),
            value=item.get("value"),
            to=item.get("to"),
            rows=item.get("rows"),
            how=translate(f"import.value_how.{item.get('how')}", language),
        )
        for item in mapped
        if isinstance(item, dict)
    ]
