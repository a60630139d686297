"""Planning data: department participations, prognoses and package choices."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.planning import (
    DepartmentParticipation,
    DepartmentShare,
    PackageChoice,
    Prognosis,
    check_participations,
)

# --- DepartmentShare --------------------------------------------------------------------


@pytest.mark.parametrize("percentage", [1, 50, 100])
def test_share_percentage_in_range(percentage):
    share = DepartmentShare(" 4H ", percentage)
    assert share.department_code == "4H"
    assert str(share) == f"4H {percentage}"


@pytest.mark.parametrize("percentage", [0, -1, 101, 1000])
def test_share_percentage_out_of_range(percentage):
    with pytest.raises(InvalidValue) as caught:
        DepartmentShare("4H", percentage)
    assert caught.value.code == "percentage.range"
    assert caught.value.params == {"value": percentage}


def test_share_needs_department():
    with pytest.raises(InvalidValue) as caught:
        DepartmentShare(" ", 100)
    assert caught.value.code == "required"


# --- Prognosis --------------------------------------------------------------------------


def _prognosis(*shares, student="000123", **kwargs):
    return Prognosis(student, tuple(DepartmentShare(d, p) for d, p in shares), **kwargs)


@pytest.mark.parametrize(
    ("shares", "text", "undecided"),
    [
        ([("4V", 100)], "4V 100", False),
        ([("4H", 50), ("4V", 50)], "4H 50 / 4V 50", True),
        ([("3M", 30), ("3H", 70)], "3M 30 / 3H 70", True),
        ([("3M", 20), ("3H", 30), ("3V", 50)], "3M 20 / 3H 30 / 3V 50", True),
    ],
)
def test_prognosis_valid(shares, text, undecided):
    prognosis = _prognosis(*shares)
    assert str(prognosis) == text
    assert prognosis.is_undecided is undecided
    assert prognosis.round == 1
    assert isinstance(prognosis.shares, tuple)


def test_prognosis_accepts_a_list_of_shares_and_keeps_number_text():
    prognosis = Prognosis(
        " 000123 ", [DepartmentShare("4H", 100)], round=2, comment=" Advies\u00a0mentor "
    )
    assert prognosis.student_number == "000123"
    assert prognosis.shares == (DepartmentShare("4H", 100),)
    assert prognosis.comment == "Advies mentor"
    assert prognosis.round == 2


@pytest.mark.parametrize(
    ("shares", "total"),
    [
        ([("4H", 50)], 50),
        ([("4H", 50), ("4V", 60)], 110),
        ([("4H", 99)], 99),
        ([], 0),
    ],
)
def test_prognosis_must_add_up_to_100(shares, total):
    with pytest.raises(InvalidValue) as caught:
        _prognosis(*shares)
    assert caught.value.code == "percentage.total"
    assert caught.value.params == {"student": "000123", "total": total}
    assert str(total) in caught.value.message("en")


def test_prognosis_refuses_repeated_department():
    with pytest.raises(InvalidValue) as caught:
        _prognosis(("4H", 50), ("4H", 50))
    assert caught.value.code == "department.repeated"
    assert caught.value.params == {"department": "4H", "student": "000123"}


@pytest.mark.parametrize("other", ["4h", " 4 H"])
def test_prognosis_refuses_repeated_department_in_other_spelling(other):
    with pytest.raises(InvalidValue):
        _prognosis(("4H", 50), (other, 50))


@pytest.mark.parametrize("round_", [0, -1])
def test_prognosis_round_at_least_1(round_):
    with pytest.raises(InvalidValue) as caught:
        _prognosis(("4H", 100), round=round_)
    assert caught.value.code == "round.range"


def test_prognosis_refuses_bad_student_number():
    with pytest.raises(InvalidValue) as caught:
        _prognosis(("4H", 100), student="12 3")
    assert caught.value.code == "student_number.format"


_CODES = ["3M", "3H", "3V", "4H", "4V"]


@given(
    st.lists(
        st.tuples(st.sampled_from(_CODES), st.integers(min_value=-20, max_value=120)),
        max_size=5,
    )
)
def test_prognosis_valid_iff_shares_add_up(pairs):
    codes = [code for code, _ in pairs]
    percentages = [p for _, p in pairs]
    expected_valid = (
        sum(percentages) == 100
        and len(set(codes)) == len(codes)
        and all(1 <= p <= 100 for p in percentages)
    )
    try:
        prognosis = Prognosis("1", tuple(DepartmentShare(c, p) for c, p in pairs))
    except InvalidValue:
        assert not expected_valid
    else:
        assert expected_valid
        assert sum(share.percentage for share in prognosis.shares) == 100
        assert prognosis.is_undecided is (len(pairs) > 1)


@given(
    st.lists(st.integers(min_value=1, max_value=99), unique=True, max_size=4).map(sorted),
)
def test_every_split_of_100_is_a_valid_prognosis(cuts):
    bounds = [0, *cuts, 100]
    percentages = [b - a for a, b in itertools.pairwise(bounds)]
    prognosis = _prognosis(*zip(_CODES, percentages, strict=False))
    assert [s.percentage for s in prognosis.shares] == percentages
    assert str(prognosis).count(" / ") == len(percentages) - 1


# --- DepartmentParticipation / check_participations -------------------------------------


def test_participation_defaults_to_100():
    participation = DepartmentParticipation(" 000123", " 4V ")
    assert participation.percentage == 100
    assert participation.student_number == "000123"
    assert participation.department_code == "4V"


@pytest.mark.parametrize("percentage", [0, 101])
def test_participation_percentage_range(percentage):
    with pytest.raises(InvalidValue) as caught:
        DepartmentParticipation("1", "4V", percentage)
    assert caught.value.code == "percentage.range"


def test_check_participations_accepts_whole_and_split_students():
    check_participations(
        [
            DepartmentParticipation("1", "4V"),
            DepartmentParticipation("2", "4H", 50),
            DepartmentParticipation("2", "4V", 50),
            DepartmentParticipation("3", "4H", 100),
        ]
    )
    check_participations([])


@pytest.mark.parametrize(
    ("rows", "code", "student"),
    [
        ([("1", "4V", 50)], "percentage.total", "1"),
        ([("1", "4V", 100), ("2", "4H", 60), ("2", "4V", 60)], "percentage.total", "2"),
        ([("1", "4V", 50), ("1", "4V", 50)], "department.repeated", "1"),
        ([("000123", "4V", 100), ("000123 ", "4H", 100)], "percentage.total", "000123"),
    ],
)
def test_check_participations_refuses(rows, code, student):
    with pytest.raises(InvalidValue) as caught:
        check_participations([DepartmentParticipation(*row) for row in rows])
    assert caught.value.code == code
    assert caught.value.params["student"] == student


def test_check_participations_keeps_leading_zeros_apart():
    check_participations(
        [DepartmentParticipation("123", "4V"), DepartmentParticipation("0123", "4H")]
    )


def test_check_participations_refuses_same_department_in_other_case():
    with pytest.raises(InvalidValue):
        check_participations(
            [DepartmentParticipation("1", "4V", 50), DepartmentParticipation("1", "4v", 50)]
        )


# --- PackageChoice ----------------------------------------------------------------------


def test_package_choice_lowercases_and_cleans_subjects():
    choice = PackageChoice(
        "000123",
        "4V",
        frozenset({"NE", " En ", "wisB\u00a0", "", " "}),
        exemptions=frozenset({"EN"}),
        profile=" nt ",
    )
    assert choice.subjects == frozenset({"ne", "en", "wisb"})
    assert choice.exemptions == frozenset({"en"})
    assert choice.profile == "NT"
    assert choice.student_number == "000123"


def test_package_choice_without_exemptions():
    choice = PackageChoice("1", "4M", frozenset({"ne", "en"}))
    assert choice.exemptions == frozenset()
    assert choice.profile == ""


@pytest.mark.parametrize(
    ("subjects", "exemptions", "outside"),
    [
        ({"ne", "en"}, {"lo"}, "lo"),
        ({"ne", "en"}, {"du", "fa", "en"}, "du, fa"),
        (set(), {"lo"}, "lo"),
    ],
)
def test_exemption_must_be_a_subject_of_the_package(subjects, exemptions, outside):
    with pytest.raises(InvalidValue) as caught:
        PackageChoice("000123", "4V", frozenset(subjects), frozenset(exemptions))
    assert caught.value.code == "exemption.not_in_package"
    assert caught.value.params == {"subjects": outside, "student": "000123"}


def test_exemption_matches_subject_regardless_of_case():
    choice = PackageChoice("1", "4V", frozenset({"LO", "ne"}), frozenset({"lo"}))
    assert choice.exemptions <= choice.subjects


def test_package_choice_needs_department_and_valid_number():
    with pytest.raises(InvalidValue):
        PackageChoice("1", "", frozenset({"ne"}))
    with pytest.raises(InvalidValue):
        PackageChoice("1 2", "4V", frozenset({"ne"}))
