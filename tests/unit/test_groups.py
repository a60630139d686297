"""Groups and group assignment (koppel.domain.groups)."""

from __future__ import annotations

import pytest

from koppel.domain.errors import InvalidValue
from koppel.domain.groups import (
    Group,
    GroupKind,
    GroupMembership,
    check_one_home_class_per_department,
)

YEAR = "2026-2027"


def _groups(*groups):
    return {group.name: group for group in groups}


def _home(name, department, year=YEAR):
    return Group(name, GroupKind.HOME_CLASS, year, department)


def _cluster(name, department="4V"):
    return Group(name, GroupKind.CLUSTER_GROUP, YEAR, department)


def test_group_cleans_its_fields():
    group = Group(" 4V2 ", "home_class", YEAR, " 4v ", folder=" Stamklassen ")  # type: ignore[arg-type]
    assert group.name == "4V2"
    assert group.kind is GroupKind.HOME_CLASS
    assert group.department_code == "4V"
    assert group.folder == "Stamklassen"
    assert group.is_home_class


@pytest.mark.parametrize("kind", [GroupKind.CLUSTER_GROUP, GroupKind.OTHER])
def test_other_groups_need_no_department(kind):
    group = Group("4V.netl1", kind, YEAR)
    assert group.department_code == ""
    assert not group.is_home_class


@pytest.mark.parametrize("department", ["", " ", "\u00a0", "\u200b"])
def test_home_class_needs_a_department(department):
    with pytest.raises(InvalidValue) as caught:
        Group("4V2", GroupKind.HOME_CLASS, YEAR, department)
    assert caught.value.code == "home_class.department"
    assert caught.value.params == {"group": "4V2"}


def test_group_needs_a_name():
    with pytest.raises(InvalidValue) as caught:
        Group(" ", GroupKind.OTHER, YEAR)
    assert caught.value.code == "required"


def test_membership_cleans_and_validates():
    membership = GroupMembership(" 4V2 ", " 000123 ")
    assert membership == GroupMembership("4V2", "000123")
    with pytest.raises(InvalidValue):
        GroupMembership("4V2", "12 3")
    with pytest.raises(InvalidValue):
        GroupMembership("", "123")


def test_two_home_classes_in_one_department_refused():
    groups = _groups(_home("4V1", "4V"), _home("4V2", "4V"), _home("4V3", "4V"))
    memberships = [
        GroupMembership("4V1", "000123"),
        GroupMembership("4V1", "000124"),
        GroupMembership("4V2", "000123"),
        GroupMembership("4V3", "000125"),
    ]
    with pytest.raises(InvalidValue) as caught:
        check_one_home_class_per_department(groups, memberships)
    assert caught.value.code == "home_class.twice"
    assert caught.value.params == {"student": "000123", "department": "4V", "groups": "4V1, 4V2"}
    assert "000123" in caught.value.message("en")


def test_home_class_plus_cluster_groups_allowed():
    groups = _groups(_home("4V1", "4V"), _cluster("4V.netl1"), _cluster("4V.wisb1"))
    check_one_home_class_per_department(
        groups,
        [
            GroupMembership("4V1", "000123"),
            GroupMembership("4V.netl1", "000123"),
            GroupMembership("4V.wisb1", "000123"),
        ],
    )


def test_two_cluster_groups_in_one_department_allowed():
    groups = _groups(_cluster("4V.netl1"), _cluster("4V.netl2"))
    check_one_home_class_per_department(
        groups, [GroupMembership("4V.netl1", "1"), GroupMembership("4V.netl2", "1")]
    )


def test_home_classes_in_two_departments_allowed():
    groups = _groups(_home("4H1", "4H"), _home("4V1", "4V"))
    check_one_home_class_per_department(
        groups, [GroupMembership("4H1", "000123"), GroupMembership("4V1", "000123")]
    )


def test_home_classes_in_two_school_years_allowed():
    groups = _groups(_home("4V1", "4V", "2025-2026"), _home("4V1b", "4V", "2026-2027"))
    check_one_home_class_per_department(
        groups, [GroupMembership("4V1", "1"), GroupMembership("4V1b", "1")]
    )


def test_department_codes_compared_after_normalisation():
    groups = _groups(_home("4V1", "4v"), _home("4V2", "4V"))
    with pytest.raises(InvalidValue):
        check_one_home_class_per_department(
            groups, [GroupMembership("4V1", "1"), GroupMembership("4V2", "1")]
        )


def test_many_students_one_home_class_each_allowed():
    groups = _groups(_home("1M1", "1M"), _home("1M2", "1M"))
    check_one_home_class_per_department(
        groups,
        [GroupMembership(f"1M{1 + n % 2}", f"{n:06d}") for n in range(60)],
    )


def test_same_membership_twice_is_not_two_home_classes():
    groups = _groups(_home("4V1", "4V"))
    check_one_home_class_per_department(
        groups, [GroupMembership("4V1", "1"), GroupMembership("4V1", "1")]
    )


def test_group_department_code_normalised_like_department():
    assert Group("4V1", GroupKind.HOME_CLASS, YEAR, "4 v").department_code == "4V"
