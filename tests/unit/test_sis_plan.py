"""The plan of an SIS import (SIS integration): keys, bulk and delta files, home classes,
guardians; pure, from SisSet objects built here."""

from __future__ import annotations

import re
from datetime import date

from koppel.domain.groups import Group, GroupKind
from koppel.domain.imports.staff import Link
from koppel.domain.imports.students import DEFAULT_STATE
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import (
    SisKind,
    department_shares,
    derive_staff_code,
    infix_of,
    username_for,
)
from koppel.domain.sis.plan import PortalState, SisPlan, plan_sis_import
from koppel.domain.sis.sets import (
    Entity,
    FileMode,
    Origin,
    RecordStatus,
    SisClass,
    SisDemographic,
    SisEnrollment,
    SisFormat,
    SisOrg,
    SisSession,
    SisSet,
    SisUser,
    UserKind,
)
from koppel.domain.sis.structure import YearChoice, choose_school_year
from koppel.domain.staff import StaffRole

ACTIVE = RecordStatus.ACTIVE
DELETED = RecordStatus.TO_BE_DELETED
BULK = dict.fromkeys(Entity, FileMode.BULK)
DELTA = dict.fromkeys(Entity, FileMode.DELTA)
YEAR = YearChoice("2026-2027", is_new=False, make_current=False)


def _origin(file: str, row: int) -> Origin:
    return Origin(file, row)


def student(sid: str, row: int, *, identifier: str = "", status=ACTIVE, **extra) -> SisUser:
    return SisUser(
        sourced_id=sid,
        kind=UserKind.STUDENT,
        role="student",
        given_name=extra.pop("given", "Jan"),
        family_name=extra.pop("family", "Berg"),
        middle_name=extra.pop("middle", ""),
        identifier=identifier,
        username=extra.pop("username", ""),
        email=extra.pop("email", ""),
        org_ids=("school1",),
        enabled=extra.pop("enabled", True),
        status=status,
        origin=_origin("users.csv", row),
        ext=extra.pop("ext", {}),
    )


def teacher(sid: str, row: int, *, identifier: str = "", given="Piet", family="Jansen", **extra):
    return SisUser(
        sourced_id=sid,
        kind=UserKind.STAFF,
        role="teacher",
        given_name=given,
        family_name=family,
        middle_name=extra.pop("middle", ""),
        identifier=identifier,
        username=extra.pop("username", ""),
        email=extra.pop("email", ""),
        org_ids=("school1",),
        enabled=True,
        status=extra.pop("status", ACTIVE),
        origin=_origin("users.csv", row),
        ext=extra.pop("ext", {}),
    )


def guardian(sid: str, row: int) -> SisUser:
    return SisUser(
        sid, UserKind.OTHER, "guardian", "Moeder", "Berg", "", "", "", "", (), True, ACTIVE,
        _origin("users.csv", row),
    )  # fmt: skip


def klass(sid: str, row: int, title: str, *, class_type="scheduled", status=ACTIVE, **extra):
    return SisClass(
        sourced_id=sid,
        title=title,
        class_code=extra.pop("code", ""),
        class_type=class_type,
        school_id="school1",
        session_ids=extra.pop("sessions", ("y2026",)),
        status=status,
        origin=_origin("classes.csv", row),
        ext=extra.pop("ext", {}),
    )


def enrol(cls: str, user: str, row: int, role="student", status=ACTIVE, ext=None):
    return SisEnrollment(
        f"e{row}", cls, user, role, False, status, _origin("enrollments.csv", row), ext or {}
    )


SESSION = SisSession(
    "y2026",
    "2026-2027",
    "schoolYear",
    date(2026, 8, 1),
    date(2027, 7, 31),
    "",
    "2026-2027",
    ACTIVE,
    _origin("academicSessions.csv", 2),
)
SCHOOL = SisOrg("school1", "Het Lyceum", "school", "HL", "", ACTIVE, _origin("orgs.csv", 2))


def sis_set(modes=BULK, **records) -> SisSet:
    return SisSet(
        SisFormat.ONEROSTER_1_1,
        "set",
        modes,
        orgs=records.pop("orgs", (SCHOOL,)),
        sessions=records.pop("sessions", (SESSION,)),
        **records,
    )


def state(**given) -> PortalState:
    fields = {
        "year": YEAR,
        "students": {},
        "staff": {},
        "groups": {},
        "memberships": {},
        "links": set(),
        "branches": {"HL": "Het Lyceum"},
        "departments": {"4V", "4H", "5V"},
        "usernames": set(),
        "sis_ids": {},
    }
    fields.update(given)
    return PortalState(**fields)


def _student_state(**fields):
    return {**DEFAULT_STATE, "first_name": "Jan", "last_name": "Berg", **fields}


def _plan(set_: SisSet, portal: PortalState, **options) -> SisPlan:
    return plan_sis_import(set_, portal, **options)


# --- keys -----------------------------------------------------------------------------------


def test_student_number_from_ext_then_identifier_then_sourced_id_else_an_error():
    users = (
        student("u1", 2, identifier="012345", ext={"key": "000777"}),
        student("u2", 3, identifier="012346"),
        student("u3", 4, identifier="not valid"),
        student("f2b7c1d0-2c1e-4b7e-9e0f-5b7c1d02c1e4", 5, identifier="x y"),
    )
    plan = _plan(sis_set(users=users), state())
    assert [n.key for n in plan.students.new] == ["000777", "012346", "u3"]
    (error,) = plan.findings.errors
    assert (error.file, error.row, error.column) == ("users.csv", 5, "identifier")
    assert error.code == "roster.plan.no_student_number"


def test_a_remembered_sourced_id_keeps_its_key_and_new_ones_are_remembered():
    users = (student("u1", 2, identifier="999999"), student("u2", 3, identifier="123456"))
    known = {(SisKind.STUDENT, "u1"): "000123"}
    existing = {"000123": _student_state()}
    plan = _plan(sis_set(users=users), state(students=existing, sis_ids=known))
    assert plan.students.unchanged == ["000123"]
    assert [n.key for n in plan.students.new] == ["123456"]
    assert ("student", "u2", "123456") in {(i.kind, i.sourced_id, i.key) for i in plan.new_ids}
    assert all(i.sourced_id != "u1" for i in plan.new_ids)


def test_two_users_with_one_student_number_is_an_error_naming_both_rows():
    users = (student("u1", 2, identifier="123"), student("u2", 3, identifier="123"))
    plan = _plan(sis_set(users=users), state())
    (error,) = plan.findings.errors
    assert (error.row, error.code, error.params["other_row"]) == (3, "roster.plan.duplicate_key", 2)


def test_staff_codes_from_identifier_upper_cased_else_derived_from_the_name_and_unique():
    users = (
        teacher("t1", 2, identifier="jans"),
        teacher("teacher-2", 3, identifier="not a code!", given="Piet", family="Jansen"),
        teacher("teacher-3", 4, identifier="", given="Ömer", family="Åberg-Ünal"),
        teacher("t4-with-a-long-id", 5, ext={"key": "KEES"}),
    )
    plan = _plan(sis_set(users=users), state(staff={"JANS2": {"status": "active"}}))
    assert [n.key for n in plan.staff.new] == ["JANS", "KEES", "JANS3", "ABER"]
    assert derive_staff_code("Jan", "de Vries", {"DEVR"}) == "DEVR2"
    assert derive_staff_code("A", "B", ()) == "BA"


def test_staff_matched_by_e_mail_when_nothing_else_names_a_code():
    users = (teacher("t-long-sourced-id", 2, email="P.Jansen@School.nl"),)
    existing = {
        "PJA": {
            "first_name": "Piet",
            "infix": "",
            "last_name": "Jansen",
            "email": "P.Jansen@school.nl",
            "status": "active",
        }
    }
    portal = state(staff=existing, staff_emails={"p.jansen@school.nl": "PJA"})
    plan = _plan(sis_set(users=users), portal)
    assert plan.staff.unchanged == ["PJA"]


def test_usernames_infixes_and_department_shares():
    assert username_for(("Jan Berg", "jan@school.nl", "012345"), set()) == "jan@school.nl"
    assert username_for(("JBerg", "", "012345"), {"jberg"}) == "012345"
    assert infix_of("van der") == "van der"
    assert infix_of("Christopher") == ""
    assert infix_of("Van") == ""
    assert department_shares("4H 50, 4V 50", {"4H", "4V"}) == "4H 50 / 4V 50"
    assert department_shares("4v", {"4V"}) == "4V"
    assert department_shares("4V 70 / 4H 30", {"4H", "4V"}) == "4V 70 / 4H 30"


# --- users ---------------------------------------------------------------------------------


def test_bulk_users_absent_students_and_staff_are_marked_left_never_deleted():
    existing = {
        "000001": _student_state(),
        "000002": _student_state(),
        "000003": _student_state(status="left"),
    }
    staff = {"JANS": {"first_name": "Piet", "infix": "", "last_name": "Jansen", "email": "",
                      "status": "active"}}  # fmt: skip
    users = (student("u1", 2, identifier="000001"),)
    plan = _plan(sis_set(users=users), state(students=existing, staff=staff))
    assert plan.students.absent == ["000002"]
    assert plan.staff.absent == ["JANS"]
    assert plan.students.leaving == 1
    delta = _plan(sis_set(DELTA, users=users), state(students=existing, staff=staff))
    assert delta.students.absent == []
    assert delta.staff.absent == []


def test_delta_tobedeleted_and_disabled_users_become_left():
    existing = {"000001": _student_state(), "000002": _student_state()}
    users = (
        student("u1", 2, identifier="000001", status=DELETED),
        student("u2", 3, identifier="000002", enabled=False),
    )
    plan = _plan(sis_set(DELTA, users=users), state(students=existing))
    assert {u.key: u.changes["status"].after for u in plan.students.updated} == {
        "000001": "left",
        "000002": "left",
    }
    assert plan.students.leaving == 2
    assert plan.students.absent == []


def test_fields_from_users_ext_columns_and_demographics():
    users = (
        student(
            "u1",
            2,
            identifier="000001",
            given="Sanne",
            family="Vries",
            middle="de",
            email="sanne@Example.org",
            ext={"lwoo": "true", "department": "4H 50, 4V 50"},
        ),
    )
    demographics = (
        SisDemographic("u1", date(2010, 5, 17), "female", ACTIVE, _origin("demo.csv", 2)),
    )
    plan = _plan(sis_set(users=users, demographics=demographics), state())
    (new,) = plan.students.new
    assert new.state["infix"] == "de"
    assert new.state["email"] == "sanne@example.org"
    assert new.state["gender"] == "V"
    assert new.state["birth_date"] == "2010-05-17"
    assert new.state["lwoo"] is True
    assert new.state["department"] == "4H 50 / 4V 50"
    (account,) = plan.accounts
    assert (account.username, account.student_number) == ("sanne@example.org", "000001")


def test_guardians_are_counted_and_skipped_with_their_enrollments():
    users = (student("u1", 2, identifier="000001"), guardian("g1", 3))
    classes = (klass("c1", 2, "4V.netl1"),)
    enrollments = (enrol("c1", "u1", 2), enrol("c1", "g1", 3, role="guardian"))
    plan = _plan(sis_set(users=users, classes=classes, enrollments=enrollments), state())
    assert plan.others == 1
    assert plan.enrollments.skipped == 1
    assert [n.key for n in plan.students.new] == ["000001"]
    assert len(plan.accounts) == 1
    assert not plan.findings.errors


# --- groups ----------------------------------------------------------------------------------


def test_homeroom_classes_are_home_classes_with_the_department_of_their_name():
    classes = (
        klass("c1", 2, "4V1", class_type="homeroom"),
        klass("c2", 3, "4V.netl1"),
        klass("c3", 4, "Mentoruur", class_type="homeroom"),
    )
    plan = _plan(sis_set(classes=classes), state())
    kinds = {g.name: (g.kind, g.department_code) for g in plan.groups.new}
    assert kinds == {
        "4V1": (GroupKind.HOME_CLASS, "4V"),
        "4V.netl1": (GroupKind.CLUSTER_GROUP, "4V"),
        "Mentoruur": (GroupKind.CLUSTER_GROUP, ""),
    }
    (warning,) = plan.findings.warnings
    assert warning.code == "roster.plan.home_class_without_department"
    assert (warning.file, warning.row) == ("classes.csv", 4)


def test_a_home_class_pattern_and_ext_kind_decide_over_class_type():
    classes = (
        klass("c1", 2, "Klas 4H2", code="4H2"),
        klass("c2", 3, "4V1", class_type="homeroom"),
        klass("c3", 4, "4V2", ext={"kind": "home_class", "department": "4V", "folder": "Stam"}),
    )
    pattern = re.compile(r"[1-6][A-Z]+[0-9]+")
    plan = _plan(sis_set(classes=classes), state(), home_class_pattern=pattern)
    found = {g.name: (g.kind, g.department_code, g.folder) for g in plan.groups.new}
    assert found == {
        "4H2": (GroupKind.HOME_CLASS, "4H", "Koppeling"),
        "4V1": (GroupKind.HOME_CLASS, "4V", "Koppeling"),
        "4V2": (GroupKind.HOME_CLASS, "4V", "Stam"),
    }
    only_pattern = re.compile(r"Klas .*")
    plan = _plan(sis_set(classes=classes[1:2]), state(), home_class_pattern=only_pattern)
    assert plan.groups.new[0].kind is GroupKind.CLUSTER_GROUP


def test_two_classes_with_one_name_get_a_number():
    classes = (klass("c1", 2, "Wiskunde 1"), klass("c2", 3, "Wiskunde 1"))
    plan = _plan(sis_set(classes=classes), state())
    assert [g.name for g in plan.groups.new] == ["Wiskunde 1", "Wiskunde 1 (2)"]
    assert plan.findings.warnings[0].code == "roster.plan.group_renamed"


# --- enrollments -----------------------------------------------------------------------------


def _school_with_groups() -> PortalState:
    groups = {
        "4V1": Group("4V1", GroupKind.HOME_CLASS, YEAR.name, "4V"),
        "4V2": Group("4V2", GroupKind.HOME_CLASS, YEAR.name, "4V"),
        "4V.netl1": Group("4V.netl1", GroupKind.CLUSTER_GROUP, YEAR.name, "4V"),
        "Handmatig": Group("Handmatig", GroupKind.OTHER, YEAR.name),
    }
    return state(
        students={n: _student_state(department="4V") for n in ("000001", "000002", "000003")},
        staff={
            "JANS": {
                "first_name": "Piet",
                "infix": "",
                "last_name": "Jansen",
                "email": "",
                "status": "active",
            }
        },
        groups=groups,
        memberships={
            "4V1": {"000001", "000002"},
            "4V.netl1": {"000001", "000003"},
            "Handmatig": {"000001"},
        },
        links={Link("JANS", "4V1", StaffRole.MENTOR), Link("JANS", "4V.netl1", StaffRole.TEACHER)},
        sis_ids={
            (SisKind.GROUP, "c1"): "4V1",
            (SisKind.GROUP, "c2"): "4V2",
            (SisKind.GROUP, "c3"): "4V.netl1",
            (SisKind.STUDENT, "u1"): "000001",
            (SisKind.STUDENT, "u2"): "000002",
            (SisKind.STUDENT, "u3"): "000003",
            (SisKind.STAFF, "t1"): "JANS",
        },
    )


def test_a_bulk_enrollments_file_is_the_whole_truth_of_the_groups_it_knows():
    users = (
        student("u1", 2, identifier="000001"),
        student("u2", 3, identifier="000002"),
        student("u3", 4, identifier="000003"),
        teacher("t1", 5, identifier="JANS"),
    )
    classes = (klass("c1", 2, "4V1"), klass("c3", 3, "4V.netl1"))
    enrollments = (
        enrol("c1", "u1", 2),
        enrol("c3", "u3", 3),
        enrol("c3", "t1", 4, role="teacher"),
        enrol("c3", "u2", 5),
    )
    plan = _plan(
        sis_set(users=users, classes=classes, enrollments=enrollments), _school_with_groups()
    )
    found = plan.enrollments
    assert found.added == {("4V.netl1", "000002")}
    assert found.removed == {("4V1", "000002"), ("4V.netl1", "000001")}  # not Handmatig
    assert found.unchanged == 2
    assert found.links_removed == {Link("JANS", "4V1", StaffRole.MENTOR)}
    assert found.links_unchanged == 1
    assert not plan.findings.errors


def test_a_delta_applies_active_and_tobedeleted_rows_and_deletes_classes():
    classes = (klass("c3", 2, "4V.netl1", status=DELETED),)
    enrollments = (
        enrol("c2", "u2", 2),  # into 4V2: out of 4V1 (one home class per department)
        enrol("c1", "u1", 3, status=DELETED),
        enrol("c2", "t1", 4, role="teacher", ext={"role": "mentor"}),
        enrol("c3", "u3", 5),  # a deleted class: skipped
    )
    plan = _plan(sis_set(DELTA, classes=classes, enrollments=enrollments), _school_with_groups())
    found = plan.enrollments
    assert plan.groups.deleted == ["4V.netl1"]
    assert found.added == {("4V2", "000002")}
    assert found.removed == {("4V1", "000001"), ("4V1", "000002")}
    assert found.links_added == {Link("JANS", "4V2", StaffRole.MENTOR)}
    assert found.links_removed == set()
    assert plan.students.absent == []
    assert not plan.findings.errors


def test_an_enrollment_naming_an_unknown_class_or_user_is_an_error_with_row_and_column():
    enrollments = (enrol("nope", "u1", 2), enrol("c1", "nobody", 3))
    plan = _plan(sis_set(DELTA, enrollments=enrollments), _school_with_groups())
    found = [(e.file, e.row, e.column, e.code) for e in plan.findings.errors]
    assert found == [
        ("enrollments.csv", 2, "classSourcedId", "roster.plan.unknown_class"),
        ("enrollments.csv", 3, "userSourcedId", "roster.plan.unknown_user"),
    ]


def test_two_home_classes_in_one_department_is_an_error():
    enrollments = (enrol("c1", "u1", 2), enrol("c2", "u1", 3))
    plan = _plan(sis_set(DELTA, enrollments=enrollments), _school_with_groups())
    (error,) = plan.findings.errors
    assert (error.row, error.code) == (3, "roster.plan.two_home_classes")


def test_a_new_student_takes_the_department_of_its_home_class():
    users = (student("u9", 2, identifier="000009"),)
    classes = (klass("c1", 2, "4V1"),)
    enrollments = (enrol("c1", "u9", 2),)
    plan = _plan(
        sis_set(DELTA, users=users, classes=classes, enrollments=enrollments),
        _school_with_groups(),
    )
    (new,) = plan.students.new
    assert new.state["department"] == "4V"


# --- structure and the whole plan -------------------------------------------------------------


def test_the_school_year_comes_from_the_classes_sessions_and_is_created_when_missing():
    findings = Findings()
    later = SisSession(
        "y2027", "27", "schoolYear", None, None, "", "2027-2028", ACTIVE, _origin("s.csv", 3)
    )
    set_ = sis_set(
        sessions=(SESSION, later),
        classes=(
            klass("c1", 2, "A"),
            klass("c2", 3, "B"),
            klass("c3", 4, "C", sessions=("y2027",)),
        ),
    )
    choice = choose_school_year(
        set_, {}, known_years={"2025-2026"}, current="2025-2026", fallback="x", findings=findings
    )
    assert choice == YearChoice("2026-2027", is_new=True, make_current=False)
    (error,) = findings.errors
    assert (error.row, error.code) == (4, "roster.plan.class_other_year")
    empty = choose_school_year(
        sis_set(sessions=()),
        {},
        known_years=(),
        current=None,
        fallback="2026-2027",
        findings=findings,
    )
    assert empty == YearChoice("2026-2027", is_new=True, make_current=True)


def test_branches_and_departments_from_orgs():
    orgs = (
        SisOrg("o1", "Lyceum Noord", "school", "", "", ACTIVE, _origin("orgs.csv", 2),
                  {"code": "LN"}),
        SisOrg("o2", "6 VWO", "department", "6V", "o1", ACTIVE, _origin("orgs.csv", 3)),
        SisOrg("o3", "Computer Science", "department", "", "o1", ACTIVE, _origin("orgs.csv", 4)),
        SisOrg("o4", "Brugklas", "department", "", "o1", ACTIVE, _origin("orgs.csv", 5),
                  {"code": "1MH", "education_type": "MAVO/HAVO", "branch": "LN"}),
    )  # fmt: skip
    plan = _plan(sis_set(orgs=orgs), state(branches={}))
    assert [(b.code, b.name) for b in plan.structure.new_branches] == [("LN", "Lyceum Noord")]
    departments = plan.structure.new_departments
    assert [(d.code, d.education_type.value, d.branch_code) for d in departments] == [
        ("6V", "VWO", "LN"),
        ("1MH", "MAVO/HAVO", "LN"),
    ]  # fmt: skip
    assert [w.code for w in plan.findings.warnings] == ["roster.plan.department_skipped"]


def test_the_same_set_against_the_state_it_made_changes_nothing():
    users = (student("u1", 2, identifier="000001"), teacher("t1", 3, identifier="JANS"))
    classes = (klass("c1", 2, "4V1", class_type="homeroom"),)
    enrollments = (enrol("c1", "u1", 2), enrol("c1", "t1", 3, role="teacher"))
    set_ = sis_set(users=users, classes=classes, enrollments=enrollments)
    first = _plan(set_, state())
    assert not first.is_empty
    ids = {(i.kind, i.sourced_id): i.key for i in first.new_ids}
    portal = state(
        students={"000001": {**first.students.new[0].state}},
        staff={
            "JANS": {
                "first_name": "Piet",
                "infix": "",
                "last_name": "Jansen",
                "email": "",
                "status": "active",
            }
        },
        groups={g.name: g for g in first.groups.new},
        memberships={"4V1": {"000001"}},
        links=set(first.enrollments.links_added),
        usernames={a.username for a in first.accounts},
        sis_ids=ids,
    )
    again = _plan(set_, portal)
    assert again.is_empty, again


def test_tobedeleted_rows_about_what_koppel_never_had_change_nothing():
    users = (
        student("gone-before", 2, status=DELETED, identifier="", given="", family=""),
        student("u8", 3, identifier="000008", status=DELETED),
        teacher("t-gone", 4, identifier="WEG", status=DELETED),
    )
    enrollments = (
        enrol("no-such-class", "u1", 2, status=DELETED),
        enrol("c1", "nobody", 3, status=DELETED),
    )
    plan = _plan(sis_set(DELTA, users=users, enrollments=enrollments), _school_with_groups())
    assert plan.findings.errors == []
    assert plan.students.new == []
    assert plan.staff.new == []
    assert plan.enrollments.removed == set()


def test_an_unknown_student_the_sis_lists_as_gone_is_not_made():
    """A student forgotten by `koppel privacy forget-left` does not come back from an SIS
    that keeps its leavers (disabled); koppel's own export, which says so explicitly, is
    still read in whole (a move of the portal)."""
    users = (
        student("gone", 2, identifier="000009", enabled=False),
        student("moved", 3, identifier="000010", enabled=False, ext={"status": "left"}),
        student("new", 4, identifier="000011"),
    )
    existing = {"000012": _student_state(status="left")}
    plan = _plan(sis_set(BULK, users=users), state(students=existing))
    assert sorted(u.key for u in plan.students.new) == ["000010", "000011"]
    assert plan.findings.errors == []
