"""OneRoster 1.1 CSV sets written for tests: a small school in bulk, and deltas on it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

PASSWORD = "P@ssword123"
"""In every users.csv this writes: koppel must never store or print it."""

HEADERS = {
    "orgs.csv": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                 "parentSourcedId"],
    "academicSessions.csv": ["sourcedId", "status", "dateLastModified", "title", "type",
                             "startDate", "endDate", "parentSourcedId", "schoolYear"],
    "classes.csv": ["sourcedId", "status", "dateLastModified", "title", "grade",
                    "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
                    "termSourcedIds", "subjects"],
    "users.csv": ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                  "role", "username", "userIds", "givenName", "familyName", "middleName",
                  "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                  "password"],
    "enrollments.csv": ["sourcedId", "status", "dateLastModified", "classSourcedId",
                        "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                        "endDate"],
    "demographics.csv": ["sourcedId", "status", "dateLastModified", "birthDate", "sex"],
}  # fmt: skip
ENTITIES = {
    "orgs.csv": "orgs",
    "academicSessions.csv": "academicSessions",
    "classes.csv": "classes",
    "users.csv": "users",
    "enrollments.csv": "enrollments",
    "demographics.csv": "demographics",
}


@dataclass
class SisFiles:
    """Rows per file (dicts by header); ``modes`` per file: bulk, delta or absent."""

    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    modes: dict[str, str] = field(default_factory=dict)

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["propertyName", "value"])
            writer.writerow(["manifest.version", "1.0"])
            writer.writerow(["oneroster.version", "1.1"])
            for name, entity in ENTITIES.items():
                writer.writerow([f"file.{entity}", self.modes.get(name, "absent")])
            writer.writerow(["source.systemName", "Testschool SIS"])
        for name, rows in self.rows.items():
            if self.modes.get(name, "absent") == "absent":
                continue
            with (folder / name).open("w", newline="", encoding="utf-8") as out:
                writer = csv.DictWriter(out, fieldnames=HEADERS[name])
                writer.writeheader()
                for row in rows:
                    writer.writerow({key: row.get(key, "") for key in HEADERS[name]})
        return folder


def student_number(index: int) -> str:
    return f"{100000 + index:06d}"


def school_set(students: int = 40, *, classes: int = 2, status: str = "") -> SisFiles:
    """A bulk set: one school, the school year 2026-2027, home classes 4V1.. (homeroom)
    and a cluster group per home class, each with a teacher; every student in one home
    class and one cluster group; two guardians."""
    files = SisFiles(modes=dict.fromkeys(ENTITIES, "bulk"))
    files.rows["orgs.csv"] = [
        {"sourcedId": "org-1", "status": status, "name": "Het Testlyceum", "type": "school",
         "identifier": "TL"},
    ]  # fmt: skip
    files.rows["academicSessions.csv"] = [
        {"sourcedId": "sy-2026", "status": status, "title": "2026-2027", "type": "schoolYear",
         "startDate": "2026-08-01", "endDate": "2027-07-31", "schoolYear": "2027"},
    ]  # fmt: skip
    class_rows, user_rows, enrol_rows, demo_rows = [], [], [], []
    for c in range(1, classes + 1):
        class_rows.append(
            {"sourcedId": f"home-{c}", "status": status, "title": f"4V{c}", "classCode": f"4V{c}",
             "classType": "homeroom", "schoolSourcedId": "org-1", "termSourcedIds": "sy-2026"}
        )  # fmt: skip
        class_rows.append(
            {"sourcedId": f"wi-{c}", "status": status, "title": f"4V.wi{c}",
             "classCode": f"4V.wi{c}", "classType": "scheduled", "schoolSourcedId": "org-1",
             "termSourcedIds": "sy-2026"}
        )  # fmt: skip
        user_rows.append(
            {"sourcedId": f"t-{c}", "status": status, "enabledUser": "true",
             "orgSourcedIds": "org-1", "role": "teacher", "username": f"docent{c}",
             "givenName": "Docent", "familyName": f"Nummer{c}", "identifier": f"DOC{c}",
             "email": f"docent{c}@testlyceum.nl", "password": PASSWORD}
        )  # fmt: skip
        for class_id in (f"home-{c}", f"wi-{c}"):
            enrol_rows.append(
                {"sourcedId": f"e-{class_id}-t", "status": status, "classSourcedId": class_id,
                 "schoolSourcedId": "org-1", "userSourcedId": f"t-{c}", "role": "teacher"}
            )  # fmt: skip
    for i in range(students):
        c = i % classes + 1
        sid = f"s-{i}"
        user_rows.append(
            {"sourcedId": sid, "status": status, "enabledUser": "true", "orgSourcedIds": "org-1",
             "role": "student", "username": f"ll{student_number(i)}", "givenName": f"Leerling{i}",
             "familyName": "Jansen", "middleName": "van" if i % 3 == 0 else "",
             "identifier": student_number(i), "email": f"{student_number(i)}@leerling.nl",
             "password": PASSWORD}
        )  # fmt: skip
        for class_id in (f"home-{c}", f"wi-{c}"):
            enrol_rows.append(
                {"sourcedId": f"e-{class_id}-{sid}", "status": status,
                 "classSourcedId": class_id, "schoolSourcedId": "org-1", "userSourcedId": sid,
                 "role": "student"}
            )  # fmt: skip
        demo_rows.append(
            {"sourcedId": sid, "status": status, "birthDate": "2010-05-17",
             "sex": "female" if i % 2 else "male"}
        )  # fmt: skip
    for g in range(2):
        user_rows.append(
            {"sourcedId": f"g-{g}", "status": status, "enabledUser": "true",
             "orgSourcedIds": "org-1", "role": "guardian", "username": f"ouder{g}",
             "givenName": "Ouder", "familyName": "Jansen", "password": PASSWORD}
        )  # fmt: skip
    files.rows["classes.csv"] = class_rows
    files.rows["users.csv"] = user_rows
    files.rows["enrollments.csv"] = enrol_rows
    files.rows["demographics.csv"] = demo_rows
    return files


def id_only_delta(modified: str = "2026-11-02T03:00:00Z", **ids: list[str]) -> SisFiles:
    """A delta set as SIS vendors write deletions: per file (``users``, ``classes``,
    ``enrollments``; without ``.csv``) rows that give only their ``sourcedId``, status
    ``tobedeleted`` and ``dateLastModified``, every other field blank; no other files
    (the manifest says absent)."""
    files = SisFiles()
    for entity, listed in ids.items():
        name = f"{entity}.csv"
        files.modes[name] = "delta"
        files.rows[name] = [
            {"sourcedId": sid, "status": "tobedeleted", "dateLastModified": modified}
            for sid in listed
        ]
    return files


def april_march_set(students: int = 8, *, school_year: str = "2027") -> SisFiles:
    """A bulk set of a school whose year runs April to March (2026-04-01 to 2027-03-31,
    ``schoolYear`` 2027 on every session, as OneRoster 1.1 says: the year it ends in), in
    two terms; one home class and its cluster group in each term. The first term's dates
    alone (April-July 2026) fall in an August-July year before the second's."""
    files = school_set(students)
    files.rows["academicSessions.csv"] = [
        {"sourcedId": "ay-2027", "status": "active", "title": "Schooljaar 2026/27",
         "type": "schoolYear", "startDate": "2026-04-01", "endDate": "2027-03-31",
         "schoolYear": school_year},
        {"sourcedId": "t1-2027", "status": "active", "title": "Term 1", "type": "term",
         "startDate": "2026-04-01", "endDate": "2026-07-15", "parentSourcedId": "ay-2027",
         "schoolYear": school_year},
        {"sourcedId": "t2-2027", "status": "active", "title": "Term 2", "type": "term",
         "startDate": "2026-08-16", "endDate": "2027-03-31", "parentSourcedId": "ay-2027",
         "schoolYear": school_year},
    ]  # fmt: skip
    for row in files.rows["classes.csv"]:
        row["termSourcedIds"] = "t1-2027" if row["sourcedId"].endswith("-1") else "t2-2027"
    return files


def next_year_set(students: int = 8) -> SisFiles:
    """:func:`school_set` for the school year after (2027-2028), as an SIS exports it
    when the next year is prepared: new class ids, the same users."""
    files = school_set(students)
    files.rows["academicSessions.csv"] = [
        {"sourcedId": "sy-2027", "title": "2027-2028", "type": "schoolYear",
         "startDate": "2027-08-01", "endDate": "2028-07-31", "schoolYear": "2028"},
    ]  # fmt: skip
    renamed = {}
    for row in files.rows["classes.csv"]:
        renamed[row["sourcedId"]] = f"n-{row['sourcedId']}"
        row["sourcedId"] = renamed[row["sourcedId"]]
        row["termSourcedIds"] = "sy-2027"
    for row in files.rows["enrollments.csv"]:
        row["classSourcedId"] = renamed[row["classSourcedId"]]
        row["sourcedId"] = f"n-{row['sourcedId']}"
    return files


def _write_text(folder: Path, files: dict[str, str], *, newline: str = "\r\n") -> Path:
    """Files as another system writes them: text as given, its own line ends."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        body = newline.join(line.strip() for line in text.strip().splitlines()) + newline
        (folder / name).write_bytes(body.encode("utf-8"))
    return folder


def vendor_oneroster_set(folder: Path, users: list[str]) -> Path:
    """A OneRoster 1.1 bulk set the way a US rostering vendor writes one: every value
    quoted, CRLF, ``metadata.*`` columns after the standard ones, user ids like
    ``usr-222-1234561232`` or ``USER_0`` and an empty ``identifier``. ``users`` are the
    users.csv data lines (without header); the classes are ``cls-1`` (homeroom 4A) and
    ``cls-2`` (scheduled), the teacher ``tch-1``; every student user (role ``student``)
    is enrolled in both classes."""
    users_header = (
        '"sourcedId","status","dateLastModified","enabledUser","orgSourcedIds","role",'
        '"username","userIds","givenName","familyName","middleName","identifier","email",'
        '"sms","phone","agentSourcedIds","grades","password","metadata.studentNumber"'
    )
    teacher = (
        '"tch-1","active","2026-08-20T08:00:00.000Z","true","org-9","teacher","mvdberg",'
        '"","Maria","Berg","","","mvdberg@school.example","","","","","","T-9"'
    )
    students = [line.split(",")[0].strip('"') for line in users if '"student"' in line]
    enrollments = [
        f'"enr-{c}-{s}","active","2026-08-20T08:00:00.000Z","{c}","org-9","{s}","student",'
        '"false","",""'
        for n, s in enumerate(students)
        for c in ("cls-1", "cls-2")
    ]
    files = {
        "manifest.csv": """
            "propertyName","value"
            "manifest.version","1.0"
            "oneroster.version","1.1"
            "file.academicSessions","bulk"
            "file.categories","absent"
            "file.classes","bulk"
            "file.classResources","absent"
            "file.courses","absent"
            "file.courseResources","absent"
            "file.demographics","absent"
            "file.enrollments","bulk"
            "file.lineItems","absent"
            "file.orgs","bulk"
            "file.resources","absent"
            "file.results","absent"
            "file.users","bulk"
            "source.systemName","Rostering Cloud"
            "source.systemCode","RC-42"
        """,
        "orgs.csv": """
            "sourcedId","status","dateLastModified","name","type","identifier","parentSourcedId"
            "org-9","active","2026-08-20T08:00:00.000Z","Lyceum Zuid","school","",""
        """,
        "academicSessions.csv": """
            "sourcedId","status","dateLastModified","title","type","startDate","endDate","parentSourcedId","schoolYear"
            "term-2026","active","2026-08-20T08:00:00.000Z","2026-2027","schoolYear","2026-08-24","2027-07-16","","2027"
        """,
        "classes.csv": """
            "sourcedId","status","dateLastModified","title","grade","courseSourcedId","classCode","classType","location","schoolSourcedId","termSourcedIds","subjects","subjectCodes","periods"
            "cls-1","active","2026-08-20T08:00:00.000Z","4A","10","crs-1","4A","homeroom","","org-9","term-2026","","",""
            "cls-2","active","2026-08-20T08:00:00.000Z","Biologie","10","crs-2","bio-4a","scheduled","","org-9","term-2026","","",""
        """,
        "users.csv": "\n".join([users_header, teacher, *users]),
        "enrollments.csv": "\n".join(
            [
                '"sourcedId","status","dateLastModified","classSourcedId","schoolSourcedId",'
                '"userSourcedId","role","primary","beginDate","endDate"',
                '"enr-t1","active","2026-08-20T08:00:00.000Z","cls-1","org-9","tch-1",'
                '"teacher","true","",""',
                *enrollments,
            ]
        ),
    }
    return _write_text(folder, files)


def vendor_user(sourced_id: str, username: str, identifier: str = "", *, metadata: str = "",
                given: str = "Sam", family: str = "Visser") -> str:  # fmt: skip
    """One student line of :func:`vendor_oneroster_set`'s users.csv."""
    return (
        f'"{sourced_id}","active","2026-08-20T08:00:00.000Z","true","org-9","student",'
        f'"{username}","","{given}","{family}","","{identifier}","{username}@leerling.example",'
        f'"","","","10","","{metadata}"'
    )


def sds_classic_minimal(folder: Path) -> Path:
    """School Data Sync (classic) with Microsoft's minimal required attributes only: no
    names, no student numbers; ``;`` is not used, CRLF as Excel saves it."""
    return _write_text(
        folder,
        {
            "School.csv": """
                SIS ID,Name
                1001,Lyceum Noord
            """,
            "Section.csv": """
                SIS ID,School SIS ID,Section Name
                S-1,1001,Wiskunde 4V
            """,
            "Student.csv": """
                SIS ID,School SIS ID,Username
                ST-1,1001,st1@lyceumnoord.example
                ST-2,1001,st2@lyceumnoord.example
            """,
            "Teacher.csv": """
                SIS ID,School SIS ID,Username
                T-1,1001,t1@lyceumnoord.example
            """,
            "StudentEnrollment.csv": """
                Section SIS ID,SIS ID
                S-1,ST-1
                S-1,ST-2
            """,
            "TeacherRoster.csv": """
                Section SIS ID,SIS ID
                S-1,T-1
            """,
        },
    )
