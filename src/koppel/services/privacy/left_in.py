"""When a student who left, left: the school year their retention period counts from.

koppel keeps no leaving date, so it is derived from what the database holds, in this order:

1. The last school year with a yearly record of the student: a department participation,
   a group membership or a package choice of that year, or a prognosis made in it (a
   prognosis is kept under the next year, which it forecasts). The student was at school
   then.
   A standing change set that marked the student left in school year ``Y`` can only make
   this later, to ``Y - 1`` (the year transition for ``Y`` marks those who did not come
   back): an active student without records for years who is marked left today is not
   forgotten at once.
2. Without any yearly record: the school year of the newest standing (not undone) change
   set that marked the student left.
3. Without either: the school year in which ``koppel privacy forget-left`` first saw the
   student as left (it notes that in the audit log), else the current one.

A doubt always counts in favour of keeping: never earlier than the evidence allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.school import SchoolYear


@dataclass(frozen=True)
class LeaverEvidence:
    """What the database says about when one student who left was last at school."""

    last_record: SchoolYear | None = None
    """The newest school year of a participation, membership, prognosis or package choice."""
    marked_left: SchoolYear | None = None
    """The school year of the newest standing change set that marked the student left."""
    noted: SchoolYear | None = None
    """The school year an earlier run noted the student without any other trace."""

    @property
    def has_trace(self) -> bool:
        return any(year is not None for year in (self.last_record, self.marked_left, self.noted))


def left_in(evidence: LeaverEvidence, current: SchoolYear) -> SchoolYear:
    """The school year the student left in (see the module's rule)."""
    if evidence.last_record is not None:
        if evidence.marked_left is None:
            return evidence.last_record
        before_marking = SchoolYear.starting(evidence.marked_left.start_year - 1)
        return max(evidence.last_record, before_marking, key=lambda year: year.start_year)
    return evidence.marked_left or evidence.noted or current


def past_retention(left: SchoolYear, current: SchoolYear, years: int) -> bool:
    """More than ``years`` whole school years lie between ``left`` and ``current``: with 2,
    a student who left in 2024-2025 is kept in 2025-2026 and 2026-2027 and forgotten from
    2027-2028 on."""
    return current.start_year - left.start_year > years
