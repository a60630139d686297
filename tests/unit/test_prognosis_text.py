"""Prognoses as users type and read them: ``4V``, ``4H 50 / 4V 50``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.planning import DepartmentShare, Prognosis, parse_shares


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4v", (("4V", 100),)),
        (" 4 V ", (("4V", 100),)),
        ("4H 50 / 4V 50", (("4H", 50), ("4V", 50))),
        ("4h50%, 4v 50%", (("4H", 50), ("4V", 50))),
        ("4H:30;4V:70", (("4H", 30), ("4V", 70))),
        ("3M 20 + 3H 80", (("3M", 20), ("3H", 80))),
    ],
)
def test_written_forms_are_understood(text, expected):
    shares = parse_shares(text)
    assert tuple((s.department_code, s.percentage) for s in shares) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "prognosis.empty"),
        (" / ", "prognosis.empty"),
        ("4H / 4V", "prognosis.percentage_missing"),
        ("vwo", "prognosis.format"),
        ("4H 50 / 4V fifty", "prognosis.format"),
        ("4H 0", "percentage.range"),
    ],
)
def test_wrong_forms_say_what_is_wrong(text, code):
    with pytest.raises(InvalidValue) as raised:
        parse_shares(text)
    assert raised.value.code == code


def test_text_is_short_when_decided_and_full_while_undecided():
    assert Prognosis("123", (DepartmentShare("4V", 100),)).text == "4V"
    split = Prognosis("123", (DepartmentShare("4H", 50), DepartmentShare("4V", 50)))
    assert split.text == "4H 50 / 4V 50"


@given(st.lists(st.integers(1, 98), min_size=1, max_size=3))
def test_the_text_of_a_prognosis_reads_back_as_the_same_prognosis(parts):
    rest = 100 - sum(parts)
    if rest < 1:
        return
    codes = ["3M", "3H", "3V", "4H"][: len(parts) + 1]
    shares = tuple(
        DepartmentShare(code, pct) for code, pct in zip(codes, [*parts, rest], strict=True)
    )
    prognosis = Prognosis("123", shares)
    assert Prognosis("123", parse_shares(prognosis.text)) == prognosis
