"""Value matching: departments, classes and genders as SIS exports write them, matched to
the school's own values only."""

from __future__ import annotations

from pathlib import Path

import pytest

from koppel.domain.errors import InvalidValue
from koppel.domain.school import Department, EducationType
from koppel.files.columns import Column
from koppel.files.matching import (
    MappingTally,
    department_matcher,
    gender_matcher,
    group_matcher,
    new_group_name,
)
from koppel.files.problems import ImportFileError
from koppel.files.profiles import load_profile

DEPARTMENTS = [
    Department("3M", "3 MAVO", 3, EducationType.MAVO, "MAIN"),
    Department("4H", "4 HAVO", 4, EducationType.HAVO, "MAIN"),
    Department("4V", "4 VWO", 4, EducationType.VWO, "MAIN"),
    Department("2HV", "2 HAVO/VWO", 2, EducationType.HAVO_VWO, "MAIN"),
]


def departments(profile: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return department_matcher(DEPARTMENTS, profile or {}, field_name="Afdeling")


@pytest.mark.parametrize(
    ("text", "code", "how"),
    [
        ("4V", "4V", "exact"),
        ("4v", "4V", "code"),
        (" 4 v ", "4V", "code"),
        ("4 VWO", "4V", "name"),
        ("4 vwo", "4V", "name"),
        ("4-VWO", "4V", "name"),
        ("4VWO", "4V", "name"),
        ("vwo 4", "4V", "spelling"),
        ("V4", "4V", "spelling"),
        ("4 HAVO", "4H", "name"),
        ("havo-4", "4H", "spelling"),
        ("3 MAVO", "3M", "name"),
        ("2 havo/vwo", "2HV", "name"),
        ("HV2", "2HV", "spelling"),
    ],
)
def test_departments_are_reached_by_code_name_and_sis_spellings(text: str, code: str, how: str):
    found = departments().match(text)
    assert (found.target, found.how) == (code, how)


@pytest.mark.parametrize("text", ["5 VWO", "4 gymnasium", "Atheneum 4", "VWO", "4"])
def test_a_department_the_school_does_not_have_is_never_guessed(text: str):
    with pytest.raises(InvalidValue) as refused:
        departments().match(text)
    assert refused.value.code == "match.department_unknown"
    assert f'[values.Afdeling] "{text}" = ' in refused.value.message("en")


def test_an_unknown_department_names_the_nearest_and_the_profile_line():
    with pytest.raises(InvalidValue) as near:
        departments().match("4 VWI")
    assert near.value.params["nearest"] == "4V (4 VWO)"
    assert near.value.params["fix"] == '[values.Afdeling] "4 VWI" = "4V"'
    with pytest.raises(InvalidValue) as same_year:
        departments().match("Atheneum 4")
    assert same_year.value.params["nearest"] == "4H (4 HAVO), 4V (4 VWO)"
    assert same_year.value.params["fix"] == '[values.Afdeling] "Atheneum 4" = "CODE"'


def test_two_departments_that_a_value_could_mean_are_refused_naming_both():
    twins = [
        Department("4V", "4 VWO", 4, EducationType.VWO, "MAIN"),
        Department("4A", "4 VWO", 4, EducationType.VWO, "WEST"),
    ]
    matcher = department_matcher(twins, {}, field_name="Afdeling")
    with pytest.raises(InvalidValue) as refused:
        matcher.match("4 vwo")
    assert refused.value.code == "match.ambiguous"
    assert refused.value.params["matches"] == "4A (4 VWO), 4V (4 VWO)"
    assert matcher.match("4a").target == "4A"  # a code is never ambiguous


def test_the_profile_maps_anything_else_and_its_target_may_be_a_name():
    matcher = departments({"atheneum4": "4V", "gymnasium4": "4 vwo"})
    assert (matcher.match("Atheneum 4").target, matcher.match("Atheneum 4").how) == (
        "4V",
        "profile",
    )
    assert matcher.match("GYMNASIUM-4").target == "4V"
    with pytest.raises(InvalidValue) as refused:
        departments({"atheneum4": "5V"})
    assert refused.value.code == "match.profile_target"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("M", "M"),
        ("v", "V"),
        ("X", "X"),
        ("man", "M"),
        ("Vrouw", "V"),
        ("m.", "M"),
        ("f", "V"),
        ("Male", "M"),
        ("female", "V"),
        ("jongen", "M"),
        ("meisje", "V"),
        ("onbekend", "X"),
    ],
)
def test_genders_as_sis_exports_write_them(text: str, gender: str):
    assert gender_matcher({}, field_name="Geslacht").match(text).target == gender


def test_an_unknown_gender_is_refused_or_mapped_by_the_profile():
    with pytest.raises(InvalidValue) as refused:
        gender_matcher({}, field_name="Geslacht").match("W")
    assert refused.value.params["nearest"] == "M, V, X"
    assert gender_matcher({"w": "vrouw"}, field_name="Geslacht").match("w").target == "V"


def test_classes_in_any_spelling_reach_the_existing_class_and_new_ones_are_written_as_codes():
    matcher = group_matcher(["4V1", "4V-2", "4V2"], {}, field_name="Stamklas")
    for text in ("4v1", "4 V 1", "4-V1"):
        assert matcher.find(text) is not None
        assert matcher.find(text).target == "4V1"  # type: ignore[union-attr]
    assert matcher.find("4V-2").target == "4V-2"  # type: ignore[union-attr]
    with pytest.raises(InvalidValue):
        matcher.find("4v 2")  # 4V-2 or 4V2
    assert matcher.find("4V3") is None
    assert new_group_name("4 v-3", ["4V", "4H"]) == "4V3"
    assert new_group_name("Kangoeroes", ["4V"]) == "Kangoeroes"


def test_the_tally_counts_only_values_read_other_than_as_written():
    tally = MappingTally()
    matcher = departments()
    for text in ["4 VWO", "4 VWO", "4V", "V4"]:
        tally.note("Afdeling", text, matcher.match(text))
    assert tally.as_json() == [
        {"column": "Afdeling", "value": "4 VWO", "to": "4V", "how": "name", "rows": 2},
        {"column": "Afdeling", "value": "V4", "to": "4V", "how": "spelling", "rows": 1},
    ]


def test_a_profile_reads_value_tables_by_field_code_or_dutch_name(tmp_path: Path):
    path = tmp_path / "magister.toml"
    path.write_text(
        '[values.Afdeling]\n"Atheneum 4" = "4V"\n[values.gender]\n"W" = "V"\n', encoding="utf-8"
    )
    profile = load_profile(path)
    assert profile.values == {Column.DEPARTMENT: {"atheneum4": "4V"}, Column.GENDER: {"w": "V"}}
    assert profile.columns == {}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('[values.Roepnaam]\n"a" = "b"\n', "profile.values_field"),
        ('[values]\nAfdeling = "4V"\n', "profile.values_table"),
        ('[values.Afdeling]\n"Atheneum 4" = ""\n', "profile.value_empty"),
        ('[values.Afdeling]\n"Atheneum 4" = "4V"\n"atheneum-4" = "4H"\n', "profile.value_twice"),
    ],
)
def test_a_wrong_value_table_is_refused_naming_the_profile(tmp_path: Path, text: str, code: str):
    path = tmp_path / "fout.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        load_profile(path)
    assert refused.value.code == code
    assert refused.value.problem.file == "fout.toml"
