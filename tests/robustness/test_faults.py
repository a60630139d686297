"""Faults with real processes: the portal killed in the middle of an upload, the database
connection dropped in the middle of a transaction, the disk full while the project file
is saved. In every case: a clear message, nothing half written, and the next try works."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from koppel.connector import sync
from koppel.connector.applying import Selection, download, upload
from koppel.connector.client import PortalClient, PortalRefused
from koppel.connector.comparing import Comparer
from koppel.connector.pending import pending
from koppel.domain.sync.domains import SyncDomain
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile
from tests.cli.runner import koppel
from tests.connector.conftest import DEPARTMENTS, Linked
from tests.integration.fixtures import build_small_school
from tests.integration.snapshot import snapshot
from tests.robustness.fault_proxy import FaultProxy, Moment, Strike
from tests.robustness.fault_school import ServedSchool, regroup, students_in

STUDENTS = 1200
"""A school of this size has some 230 students in the project's departments."""


@dataclass(frozen=True)
class Upkeep:
    """The module's school, its proxy and a project linked through the proxy."""

    school: ServedSchool
    proxy: FaultProxy
    linked: Linked


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Upkeep]:
    folder = Path(tmp_path_factory.mktemp("faults"))
    school = ServedSchool(f"sqlite:///{folder / 'koppel.db'}", students=STUDENTS)
    school.start()
    try:
        with FaultProxy(school.port) as proxy:
            linked = school.link(folder / "rooster.koppel", proxy.url)
            linked.download_everything()
            yield Upkeep(school, proxy, linked)
    finally:
        school.stop()


MOMENTS = ("half-the-body-sent", "inside-its-transaction", "after-its-answer")
"""When the portal dies: before it could apply the upload, while it holds its database's
write lock (after its first write, before COMMIT), after COMMIT."""


def strike_at(moment: str, school: ServedSchool) -> Strike:
    return {
        "half-the-body-sent": Strike(Moment.MID_BODY),
        "inside-its-transaction": Strike(Moment.RECEIVED, until=school.writing),
        "after-its-answer": Strike(Moment.ANSWERED),
    }[moment]


@pytest.mark.parametrize("moment", MOMENTS)
def test_the_portal_killed_during_an_upload_leaves_all_or_nothing_and_the_retry_applies_once(
    served: Upkeep, moment: str
) -> None:
    school, linked = served.school, served.linked
    strike = strike_at(moment, school)
    numbers = students_in(linked, DEPARTMENTS)
    assert len(numbers) > 200
    group = f"4V.fout{MOMENTS.index(moment)}"
    regroup(linked, numbers, group)
    portal_before, project_before = school.data(), linked.project_data()
    changesets = school.changesets()

    served.proxy.arm(strike, school.kill)
    failed = koppel("connect", "upload", str(linked.path), "cluster_groups")
    assert served.proxy.struck.is_set(), (failed.code, failed.stdout, failed.stderr)
    assert served.proxy.caught or strike.until is None, "the portal never held its write lock"
    assert failed.code == 2, failed.stderr
    assert "Traceback" not in failed.stderr
    message = " ".join(failed.stderr.split())
    assert "antwoordde niet" in message, message
    assert "niet gewijzigd" in message, message
    assert "opnieuw" in message, message
    assert linked.project_data() == project_before
    after_fault = school.data()

    school.start()
    with linked.comparer() as comparer:
        again, _auto = sync.upload_selection(comparer, (SyncDomain.CLUSTER_GROUPS,), Selection())
    after = school.data()
    assert after != portal_before
    assert after_fault in (portal_before, after), "the killed upload was half applied"
    assert school.changesets() == changesets + 1
    if strike.moment is Moment.MID_BODY:
        assert after_fault == portal_before
    if strike.moment is Moment.ANSWERED:
        assert after_fault == after
    assert again.applied == len(numbers)
    assert again.portal_changeset == school.newest_changeset()
    with linked.comparer() as comparer:
        view = comparer.view(SyncDomain.CLUSTER_GROUPS)
        assert not view.diff.rows
        assert all(view.portal[(n, None)] == view.base[(n, None)] == ((group,),) for n in numbers)
        undone = sync.undo_latest(comparer)
    assert undone.portal_changeset == again.portal_changeset
    assert school.data() == portal_before
    assert linked.project_data() == project_before


# --- the database connection dropped in the middle of a transaction ---------------------

ROOT = Path(__file__).resolve().parents[2]
NEW_STUDENTS = 600


def students_file(folder: Path) -> Path:
    path = folder / "leerlingen.csv"
    lines = ["leerlingnummer;roepnaam;achternaam;geslacht;straat;huisnummer;postcode;plaats"]
    lines += [
        f"{700000 + i};Sam{i};Jansen;X;Kerkstraat;{i % 90 + 1};1234 AB;Utrecht"
        for i in range(NEW_STUDENTS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child_env(database: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env.update(KOPPEL_DATABASE_URL=database, KOPPEL_LANG="nl", COLUMNS="200")
    return env


@pytest.mark.parametrize("moment", ["write:3", "commit"])
def test_an_import_killed_inside_its_transaction_leaves_sqlite_unchanged_and_usable(
    sqlite_url: str, tmp_path: Path, moment: str
) -> None:
    engine = connect(sqlite_url)
    upgrade(engine)
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    file = students_file(tmp_path)
    killed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.robustness.fault_child",
            moment,
            "import",
            "students",
            str(file),
        ],
        cwd=ROOT,
        env=child_env(sqlite_url),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(engine, bookkeeping=True) == before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()
    again = koppel("import", "students", str(file), "--json", database=sqlite_url)
    assert again.code == 0, again.stderr
    assert again.json()["students"]["new"] == NEW_STUDENTS


def waiting_writer(admin: Connection, database: str) -> int:
    """The backend of ``database`` that holds the school's write lock (an advisory lock:
    it is a writer in the middle of its transaction) and now waits for a table lock."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = admin.execute(
            text(
                "SELECT a.pid FROM pg_stat_activity a WHERE a.datname = :db AND "
                "a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid() AND EXISTS (SELECT 1 "
                "FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)"
            ),
            {"db": database},
        ).scalar()
        if found is not None:
            return int(found)
        time.sleep(0.02)
    raise AssertionError("no writer of the database waited for the lock")


@contextmanager
def held_lock(url: str, table: str) -> Iterator[Connection]:
    """``table`` locked in SHARE mode: reads pass, the first write to it waits. Yields a
    second connection to watch and terminate backends with."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as holder, engine.connect() as admin:
        holder.exec_driver_sql("BEGIN")
        holder.exec_driver_sql(f"LOCK TABLE {table} IN SHARE MODE")
        try:
            yield admin
        finally:
            holder.exec_driver_sql("ROLLBACK")
    engine.dispose()


@pytest.mark.postgres
def test_an_import_whose_connection_is_terminated_writes_nothing_and_says_so(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = connect(postgres_url)
    upgrade(engine)
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    file = students_file(tmp_path)
    name = make_url(postgres_url).database
    with held_lock(postgres_url, "changesets") as admin:
        child = subprocess.Popen(
            [sys.executable, "-m", "koppel", "import", "students", str(file)],
            env=child_env(postgres_url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        pid = waiting_writer(admin, str(name))
        assert admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 2, err
    assert "Traceback" not in err
    message = " ".join(err.split())
    assert "verbinding met de database viel weg" in message, message
    assert "niet opgeslagen" in message, message
    assert snapshot(engine, bookkeeping=True) == before
    engine.dispose()
    again = koppel("import", "students", str(file), "--json", database=postgres_url)
    assert again.code == 0, again.stderr
    assert again.json()["students"]["new"] == NEW_STUDENTS


# --- the disk full while the project file is saved ----------------------------------------

ROOMS = (0, 128 * 1024)
"""Bytes the project file (and its journal) may grow by: the download needs some 400 KB."""


CACHE = "portal_reads"
"""The project's copy of the portal's last answers: saved on its own before the download,
it may hold a new answer (or not, when that save too found the disk full)."""


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a project file but the cache of the portal's answers."""
    with closing(sqlite3.connect(path)) as db:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            n: sorted(db.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names if n != CACHE
        }


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def limited_to(size: int) -> Callable[[], None]:
    """For a child process: files may not grow beyond ``size`` bytes, and a write that
    would fails (EFBIG) instead of killing the process (SIGXFSZ ignored)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return limit


def test_a_download_into_a_full_disk_fails_clearly_and_leaves_the_project_file_intact(
    served: Upkeep, tmp_path: Path
) -> None:
    path = tmp_path / "rooster.koppel"
    served.school.link(path)
    before, size = every_row(path), path.stat().st_size
    command = [sys.executable, "-m", "koppel", "connect", "download", str(path), "students"]
    for room in ROOMS:
        full = subprocess.run(
            command,
            env=child_env(served.school.database),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            preexec_fn=limited_to(size + room),
        )
        assert full.returncode == 2, (room, full.stderr)
        assert "Traceback" not in full.stderr
        message = " ".join(full.stderr.split())
        assert "kon niet worden opgeslagen" in message, message
        assert "de schijf is vol" in message, message
        assert "Het roosterbestand is ongewijzigd" in message, message
        assert integrity(path) == "ok"
        assert every_row(path) == before, f"the project changed with {room} bytes of room"
    done = koppel("connect", "download", str(path), "students", "--json")
    assert done.code == 0, done.stderr
    assert done.json()["applied"] > 200
    assert integrity(path) == "ok"


class Recording(httpx.HTTPTransport):
    """The real transport; it keeps every answer to an upload."""

    def __init__(self) -> None:
        super().__init__()
        self.uploads: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/api/v1/uploads":
            response.read()
            self.uploads.append(response)
        return response


@pytest.mark.postgres
def test_an_upload_whose_connection_is_terminated_gets_a_json_503_and_the_next_one_works(
    postgres_url: str, tmp_path: Path
) -> None:
    school = ServedSchool(postgres_url, students=200)
    school.start()
    try:
        linked = school.link(tmp_path / "rooster.koppel")
        with linked.comparer() as comparer:
            download(comparer, SyncDomain.STUDENTS, Selection())
            download(comparer, SyncDomain.DEPARTMENT_PARTICIPATION, Selection())
        numbers = students_in(linked, DEPARTMENTS)
        regroup(linked, numbers, "4V.pg")
        portal_before, project_before = school.data(), linked.project_data()
        changesets = school.changesets()
        recording = Recording()
        project = ProjectFile.open(linked.path)
        with (
            PortalClient(school.url, school.token, transport=recording) as client,
            ThreadPoolExecutor(1) as pool,
        ):
            with held_lock(postgres_url, "idempotency_keys") as admin:
                sending = pool.submit(
                    upload, Comparer(project, client), (SyncDomain.CLUSTER_GROUPS,), Selection()
                )
                pid = waiting_writer(admin, str(make_url(postgres_url).database))
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            with pytest.raises(PortalRefused) as refused:
                sending.result(timeout=60)
        project.close()
        (answer,) = recording.uploads
        assert answer.status_code == 503
        assert answer.json()["error"]["code"] == "database.lost"
        assert refused.value.status == 503
        project = ProjectFile.open(linked.path)
        assert pending(project) is not None, "a 5xx is no answer: kept for the next try"
        project.close()
        assert school.data() == portal_before
        assert school.changesets() == changesets
        assert linked.project_data() == project_before

        with linked.comparer() as comparer:
            done = upload(comparer, (SyncDomain.CLUSTER_GROUPS,), Selection())
            assert done.applied == len(numbers)
            assert not comparer.view(SyncDomain.CLUSTER_GROUPS).diff.rows
        assert school.changesets() == changesets + 1
    finally:
        school.stop()
