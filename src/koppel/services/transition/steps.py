"""The five steps of the year transition (DESIGN.md 5) and the change-set kinds that
apply each: a step is done by its own command, or in the portal by the same service."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    number: int
    code: str
    kinds: tuple[str, ...]
    """The change-set kinds that apply this step."""


IMPORT_FILES = Step(1, "import_files", ("import.staff",))
"""Reads the staff file; the students file is checked here too and applied in step 3."""
DELETE_GROUPS = Step(2, "delete_groups", ("transition.groups_delete",))
IMPORT_PARTICIPANTS = Step(3, "import_participants", ("import.students",))
LINK_STAFF = Step(4, "link_staff", ("import.teacher_groups", "staff.link"))
"""From a teacher-groups file, or linked one by one on the planner page."""
REMOVE_DEPARTED = Step(5, "remove_departed", ("staff.remove_departed",))

STEPS: tuple[Step, ...] = (
    IMPORT_FILES,
    DELETE_GROUPS,
    IMPORT_PARTICIPANTS,
    LINK_STAFF,
    REMOVE_DEPARTED,
)
