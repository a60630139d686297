"""The rule for when a student who left, left (koppel.services.privacy.left_in), and what
the history keeps of a forgotten student (koppel.services.privacy.scrub)."""

from __future__ import annotations

import pytest

from koppel.domain.school import SchoolYear
from koppel.services.privacy.left_in import LeaverEvidence, left_in, past_retention
from koppel.services.privacy.scrub import FORGOTTEN, Needles, mentions, scrub

NOW = SchoolYear("2026-2027")


def _year(name: str | None) -> SchoolYear | None:
    return None if name is None else SchoolYear(name)


@pytest.mark.parametrize(
    ("last_record", "marked_left", "noted", "expected"),
    [
        ("2023-2024", None, None, "2023-2024"),
        # the year transition for 2024-2025 marked the student left: no later than that
        ("2023-2024", "2024-2025", None, "2023-2024"),
        # active without records for years, marked left only this year: kept
        ("2021-2022", "2026-2027", None, "2025-2026"),
        # no yearly record at all: the marking's own school year
        (None, "2024-2025", None, "2024-2025"),
        # no trace but an earlier run's note
        (None, None, "2025-2026", "2025-2026"),
        # nothing: this school year (the period starts now)
        (None, None, None, "2026-2027"),
    ],
)
def test_left_in(
    last_record: str | None, marked_left: str | None, noted: str | None, expected: str
) -> None:
    evidence = LeaverEvidence(_year(last_record), _year(marked_left), _year(noted))
    assert left_in(evidence, NOW) == SchoolYear(expected)
    assert evidence.has_trace == any((last_record, marked_left, noted))


def test_whole_school_years_after_leaving_are_kept() -> None:
    left = SchoolYear("2024-2025")
    assert not past_retention(left, SchoolYear("2025-2026"), 2)
    assert not past_retention(left, SchoolYear("2026-2027"), 2)
    assert past_retention(left, SchoolYear("2027-2028"), 2)
    assert past_retention(left, SchoolYear("2026-2027"), 1)


def test_scrub_takes_out_every_mention_and_nothing_else() -> None:
    needles = Needles(["870003", "annefleur.oudvertrek", "Anne@School.example.org"])
    history = {
        "members": ["870003", "870010"],
        "ids": {"870003": "x", "sis-1": "870003", "sis-2": "870010"},
        "params": {"value": "ANNE@school.example.org", "row": 3},
        "message": "leerling 870003.",
        "others": ["8700031", "4H1", None, 12],
    }
    cleaned = scrub(history, needles)
    assert cleaned == {
        "members": ["870010"],
        "ids": {"sis-1": FORGOTTEN, "sis-2": "870010"},
        "params": {"value": FORGOTTEN, "row": 3},
        "message": FORGOTTEN,
        "others": ["8700031", "4H1", None, 12],
    }
    assert mentions(history, needles)
    assert not mentions(cleaned, needles)
    assert not Needles([" ", ""])
