"""What a run keeps of its import's report (``sis_runs.summary``): the counts, the
students the set leaves out, and the problems and the refusal by message code, so the
portal and the command line show them in the reader's language later.

Shape (keys that the page, ``koppel integration runs --json`` and ``koppel transition
status`` rely on; more may be added)::

    {"school_year": "2026-2027", "set": "export-2026-08-01.zip", "format": "oneroster-1.1",
     "written": false, "rows": n, "students": {"new": n, "updated": n, "unchanged": n,
     "absent": n}, "staff": {...}, "groups": {"new": n, "deleted": n}, "marked_left": n,
     "absent": ["012345", ...], "error_count": n, "errors": [{"file": f, "row": r,
     "column": c, "code": m, "params": {...}}], "warning_count": n, "warnings": [...],
     "refusal": {"code": m, "params": {...}} | null, "problem": {"code": m, "params":
     {...}} | null}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.files.problems import Problem

MAX_ERRORS = 200
MAX_WARNINGS = 100
MAX_LISTED = 2000
"""At most this many student numbers of a list are kept (the count is always whole)."""
COUNTED = ("rows", "students", "staff", "groups", "memberships", "links", "marked_left", "others")
LISTED = ("absent",)
"""Lists of the report's ``details`` kept as they are (student numbers: no names)."""


class SisOutcome(Protocol):
    """What a run needs of the SIS import's report."""

    @property
    def written(self) -> bool: ...
    @property
    def changeset(self) -> str | None: ...
    @property
    def errors(self) -> Sequence[Problem]: ...
    @property
    def warnings(self) -> Sequence[Problem]: ...
    @property
    def refusal(self) -> KoppelError | None: ...
    def as_json(self, language: str | None = None) -> dict[str, object]: ...


def _json(value: object) -> JsonValue:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Mapping):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return str(value)


def _problem(problem: Problem) -> JsonValue:
    return {
        "file": problem.file,
        "row": problem.row,
        "column": problem.column,
        "code": problem.message_code,
        "params": _json(problem.params),
    }


def error_json(error: KoppelError) -> dict[str, JsonValue]:
    return {"code": error.code, "params": _json(dict(error.params))}


def summary_of(
    report: SisOutcome, *, school_year: str, set_label: str, format: str
) -> dict[str, JsonValue]:
    data = report.as_json()
    details = data.get("details")
    summary: dict[str, JsonValue] = {
        "school_year": school_year,
        "set": set_label,
        "format": format,
        "written": report.written,
    }
    for key in COUNTED:
        if key in data:
            summary[key] = _json(data[key])
    for key in LISTED:
        found = details.get(key) if isinstance(details, Mapping) else None
        if isinstance(found, list):
            summary[key] = [str(item) for item in found[:MAX_LISTED]]
    summary["error_count"] = len(report.errors)
    summary["errors"] = [_problem(p) for p in report.errors[:MAX_ERRORS]]
    summary["warning_count"] = len(report.warnings)
    summary["warnings"] = [_problem(p) for p in report.warnings[:MAX_WARNINGS]]
    summary["refusal"] = None if report.refusal is None else error_json(report.refusal)
    summary["problem"] = None
    return summary


def failure_summary(
    error: KoppelError, *, school_year: str, set_label: str, format: str
) -> dict[str, JsonValue]:
    """A set that could not be imported at all (unreadable, not an SIS set, ...): the
    error is counted and kept like the errors of a set that was read."""
    found = getattr(error, "problem", None)
    if not isinstance(found, Problem):
        found = Problem(set_label, None, None, error.code, dict(error.params))
    errors = [_problem(found)]
    return {
        "school_year": school_year,
        "set": set_label,
        "format": format,
        "written": False,
        "error_count": len(errors),
        "errors": errors,
        "warning_count": 0,
        "warnings": [],
        "refusal": None,
        "problem": None,
    }


def _params(value: JsonValue) -> dict[str, object]:
    return dict(value) if isinstance(value, dict) else {}


def problems_in(summary: Mapping[str, JsonValue], key: str = "errors") -> list[Problem]:
    """The errors (or warnings) a summary keeps, to be shown in any language."""
    found = summary.get(key)
    problems: list[Problem] = []
    for item in found if isinstance(found, list) else []:
        if isinstance(item, dict):
            row = item.get("row")
            column = item.get("column")
            problems.append(
                Problem(
                    str(item.get("file") or ""),
                    row if isinstance(row, int) else None,
                    None if column is None else str(column),
                    str(item.get("code") or ""),
                    _params(item.get("params")),
                )
            )
    return problems


def error_in(summary: Mapping[str, JsonValue], key: str) -> KoppelError | None:
    """The refusal (``refusal``) or the problem (``problem``) a summary keeps."""
    found = summary.get(key)
    if not isinstance(found, dict):
        return None
    return KoppelError(str(found.get("code") or ""), **_params(found.get("params")))


def count_of(summary: Mapping[str, JsonValue], kind: str, name: str) -> int | None:
    """``count_of(summary, "students", "absent")``: one count, if the report had it."""
    counts = summary.get(kind)
    value = counts.get(name) if isinstance(counts, dict) else None
    return value if isinstance(value, int) else None
