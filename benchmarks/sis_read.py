"""Reading a OneRoster 1.1 set at school-board size: ``read_sis_set`` (every check:
headers, ids, enumerations, dates, references) beside plain ``csv.reader`` over the same
files (parsing only, no checks), from a folder and from a zip.

Generates a bulk set with ``--users`` users (one teacher in 15), a class per 25
students, and ``--enrollments`` enrollments, in a temporary folder, and times the best
of ``--runs``.

    .venv/bin/python benchmarks/sis_read.py [--users 50000] [--enrollments 500000] [--runs 3]

Target (issue 8): 50,000 users and 500,000 enrollments read in a few seconds; the script
exits non-zero above 10 seconds.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from koppel.files.sis import read_sis_set

TARGET_SECONDS = 10.0


def write_set(folder: Path, users: int, enrollments: int) -> None:
    teachers = max(users // 15, 1)
    students = users - teachers
    classes = max(students // 25, 1)
    when = "2025-08-01T00:00:00Z"

    def write(name: str, header: str, rows: list[list[str]]) -> None:
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header.split(","))
            writer.writerows(rows)

    files = ("orgs", "academicSessions", "classes", "users", "enrollments")
    write(
        "manifest.csv",
        "propertyName,value",
        [["manifest.version", "1.0"], ["oneroster.version", "1.1"]]
        + [[f"file.{name}", "bulk"] for name in files]
        + [["file.demographics", "absent"]],
    )
    write(
        "orgs.csv",
        "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
        [["org1", "active", when, "Het College", "school", "01AB", ""]],
    )
    write(
        "academicSessions.csv",
        "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId",
        [["y2025", "active", when, "2025-2026", "schoolYear", "2025-08-01", "2026-07-31", ""]],
    )
    write(
        "classes.csv",
        "sourcedId,status,dateLastModified,title,classCode,classType,schoolSourcedId,"
        "termSourcedIds",
        [
            [f"c{i}", "active", when, f"Klas {i}", f"K{i}", "scheduled", "org1", "y2025"]
            for i in range(classes)
        ],
    )
    write(
        "users.csv",
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,"
        "familyName,identifier,email",
        [
            [
                f"u{i}",
                "active",
                when,
                "true",
                "org1",
                "teacher" if i < teachers else "student",
                f"user{i}",
                f"Voornaam{i}",
                f"Achternaam{i}",
                f"{100000 + i}",
                f"u{i}@school.test",
            ]
            for i in range(users)
        ],
    )
    write(
        "enrollments.csv",
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
        "primary",
        [
            [
                f"e{i}",
                "active",
                when,
                f"c{i % classes}",
                "org1",
                f"u{teachers + i % students}",
                "student",
                "false",
            ]
            for i in range(enrollments)
        ],
    )


def plain(folder: Path) -> int:
    rows = 0
    for path in folder.glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            rows += sum(1 for _ in csv.reader(handle))
    return rows


def best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--enrollments", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "set"
        folder.mkdir()
        write_set(folder, args.users, args.enrollments)
        archive = Path(temp) / "set.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(folder.iterdir()):
                zipped.write(path, path.name)
        reading = read_sis_set(folder)
        if not reading.ok or reading.sis_set is None:
            print("the generated set has errors:", [p.message("en") for p in reading.errors[:5]])
            return 1
        assert len(reading.sis_set.enrollments) == args.enrollments
        csv_time = best(args.runs, lambda: plain(folder))
        folder_time = best(args.runs, lambda: read_sis_set(folder))
        zip_time = best(args.runs, lambda: read_sis_set(archive))
    print(f"{args.users:,} users, {args.enrollments:,} enrollments")
    print(f"  plain csv.reader (parse only) {csv_time:6.2f} s")
    print(f"  read_sis_set, folder       {folder_time:6.2f} s")
    print(f"  read_sis_set, zip          {zip_time:6.2f} s")
    return 0 if max(folder_time, zip_time) <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
