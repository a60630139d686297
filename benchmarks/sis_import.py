"""``koppel oneroster import`` at school-board size: a OneRoster 1.1 bulk set of N students
(home classes of 28 with a mentor, six cluster groups per student with a teacher each,
demographics, a guardian per ten students) imported into an empty database, then again
(nothing changes), then with 5% of the students left out (marked left; under the 10%
limit), then undone twice. Times are of the service (reading the set included), not of
starting the command.

    .venv/bin/python benchmarks/sis_import.py [--students 50000] [--no-postgres]

Target (SIS integration issue): 50,000 students apply in well under a minute.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.services.audit.undo import undo_changeset
from koppel.services.sis.importing import import_sis
from koppel.services.sis.report import SisOptions, SisReport
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import database

TARGET_SECONDS = 60.0
CLASS_SIZE = 28
CLUSTERS_PER_STUDENT = 6
FILES = {
    "orgs.csv": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                 "parentSourcedId"],
    "academicSessions.csv": ["sourcedId", "status", "dateLastModified", "title", "type",
                             "startDate", "endDate", "parentSourcedId", "schoolYear"],
    "classes.csv": ["sourcedId", "status", "dateLastModified", "title", "grade",
                    "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
                    "termSourcedIds", "subjects"],
    "users.csv": ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                  "role", "username", "userIds", "givenName", "familyName", "middleName",
                  "identifier", "email", "sms", "phone", "agentSourcedIds", "grades"],
    "enrollments.csv": ["sourcedId", "status", "dateLastModified", "classSourcedId",
                        "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                        "endDate"],
    "demographics.csv": ["sourcedId", "status", "dateLastModified", "birthDate", "sex"],
}  # fmt: skip
DEPARTMENTS = ("1", "2", "3", "4", "5", "6")


def write_set(folder: Path, students: int, *, leave_out: int = 0) -> None:
    """The set; the last ``leave_out`` students are not in it."""
    folder.mkdir(parents=True)
    homes = max(1, students // CLASS_SIZE)
    clusters = max(1, students * CLUSTERS_PER_STUDENT // CLASS_SIZE)
    with (folder / "manifest.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([["propertyName", "value"], ["oneroster.version", "1.1"]])
        writer.writerows([[f"file.{name[:-4]}", "bulk"] for name in FILES])
    writers = {}
    handles = []
    for name, header in FILES.items():
        handle = (folder / name).open("w", newline="")
        handles.append(handle)
        writers[name] = csv.writer(handle)
        writers[name].writerow(header)
    writers["orgs.csv"].writerow(["org", "", "", "Scholengroep", "school", "SG", ""])
    writers["academicSessions.csv"].writerow(
        ["sy", "", "", "2026-2027", "schoolYear", "2026-08-01", "2027-07-31", "", "2027"]
    )
    c, u, e = writers["classes.csv"], writers["users.csv"], writers["enrollments.csv"]
    for h in range(homes):
        name = f"{DEPARTMENTS[h % 6]}K{h:04d}"
        c.writerow([f"h{h}", "", "", name, "", "", name, "homeroom", "", "org", "sy", ""])
    for k in range(clusters):
        name = f"CL.{k:05d}"
        c.writerow([f"c{k}", "", "", name, "", "", name, "scheduled", "", "org", "sy", ""])
    teachers = homes + (clusters + 3) // 4
    for t in range(teachers):
        u.writerow([f"t{t}", "", "", "true", "org", "teacher", f"docent{t}", "", "Docent",
                    f"Nummer{t}", "", f"D{t:05d}", f"d{t}@school.nl", "", "", "", ""])  # fmt: skip
    for h in range(homes):
        e.writerow([f"eh{h}", "", "", f"h{h}", "org", f"t{h}", "teacher", "true", "", ""])
    for k in range(clusters):
        e.writerow([f"ec{k}", "", "", f"c{k}", "org", f"t{k // 4 + homes}", "teacher", "", "", ""])
    kept = students - leave_out
    for s in range(kept):
        u.writerow([f"s{s}", "", "", "true", "org", "student", f"ll{s}", "", f"Leerling{s}",
                    "Jansen", "van" if s % 5 == 0 else "", f"{s + 100000:06d}",
                    f"{s + 100000}@leerling.nl", "", "", "", ""])  # fmt: skip
        writers["demographics.csv"].writerow(
            [f"s{s}", "", "", "2010-05-17", "female" if s % 2 else "male"]
        )
        e.writerow([f"es{s}h", "", "", f"h{s // CLASS_SIZE % homes}", "org", f"s{s}", "student",
                    "", "", ""])  # fmt: skip
        for n in range(CLUSTERS_PER_STUDENT):
            k = (n * (clusters // CLUSTERS_PER_STUDENT) + s // CLASS_SIZE) % clusters
            e.writerow([f"es{s}c{n}", "", "", f"c{k}", "org", f"s{s}", "student", "", "", ""])
    for g in range(students // 10):
        u.writerow([f"g{g}", "", "", "true", "org", "guardian", f"ouder{g}", "", "Ouder",
                    f"Nummer{g}", "", "", "", "", "", "", ""])  # fmt: skip
    for handle in handles:
        handle.close()


def timed(label: str, results: list[tuple[str, float, str]], run: object) -> object:
    started = time.perf_counter()
    outcome = run()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    note = ""
    if isinstance(outcome, SisReport):
        assert not outcome.errors, outcome.errors[:3]
        counts = outcome.as_json()
        note = (
            f"written={outcome.written} students={counts['students']} "
            f"memberships={counts['memberships']}"
        )
    results.append((label, elapsed, note))
    return outcome


def run(kind: str, students: int, sets: dict[str, Path]) -> list[tuple[str, float, str]]:
    results: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as url:
        engine = connect(url)
        upgrade(engine)

        def load(name: str, **chosen: bool) -> SisReport:
            options = SisOptions(**chosen)
            with cyclic_gc_paused():
                return import_sis(SqlAlchemyUnitOfWork(engine), sets[name], options=options)

        first = timed("import (all new)", results, lambda: load("full"))
        timed("import again (unchanged)", results, lambda: load("full"))
        timed("dry run, 5% left out", results, lambda: load("cut", dry_run=True))
        cut = timed("import, 5% left out", results, lambda: load("cut"))
        for report in (cut, first):
            assert isinstance(report, SisReport)
            changeset = str(report.changeset)
            timed(
                f"undo {changeset}",
                results,
                lambda c=changeset: undo_changeset(SqlAlchemyUnitOfWork(engine), c),
            )
        engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"full": Path(tmp) / "full", "cut": Path(tmp) / "cut"}
        write_set(sets["full"], args.students)
        write_set(sets["cut"], args.students, leave_out=args.students // 20)
        kinds = ["sqlite"] + ([] if args.no_postgres else ["postgresql"])
        for kind in kinds:
            table = Table(title=f"koppel oneroster import, {args.students:,} students, {kind}")
            for column in ("step", "seconds", ""):
                table.add_column(column)
            for label, elapsed, note in run(kind, args.students, sets):
                flag = " (over target)" if elapsed > TARGET_SECONDS else ""
                table.add_row(label, f"{elapsed:.1f}{flag}", note)
            console.print(table)


if __name__ == "__main__":
    main()
