"""The scan of a run's logs (log_scan.py): it finds planted secrets and personal data,
names file and line without showing the secret, passes clean logs, and fails a real
pytest run whose code logs a token."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx
import pyotp
import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from koppel.services.accounts.passwords import generate_password, hash_password
from koppel.services.accounts.tokens import TOKEN_PREFIX
from koppel.services.accounts.two_factor import grouped, setup_uri
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile, ProjectInfo
from tests.cli.runner import koppel
from tests.security import run_logs
from tests.security.log_scan import Finding, Needles, scan, scan_run, stored_values
from tests.web.conftest import Portal, sign_in, start_portal

ROOT = Path(__file__).resolve().parents[2]

PERSON = {
    "student_number": "990001",
    "first_name": "Femke",
    "infix": "van der",
    "last_name": "Heijden",
    "street": "Lindengracht",
    "house_number": "17a",
    "postcode": "1015 KL",
    "city": "Amsterdam",
    "email": "femke.heijden@leerling.example.nl",
    "birth_date": date(2011, 4, 9),
}

CLEAN = """\
Portal op http://127.0.0.1:8000 (database sqlite:////tmp/koppel.db); stop met Ctrl+C.
INFO:     127.0.0.1:50412 - "GET /leerlingen/990001?page=2 HTTP/1.1" 200 OK
INFO:     127.0.0.1:50412 - "POST /login HTTP/1.1" 303 See Other
INFO:     127.0.0.1:50413 - "GET /api/v1/students?since=2026-11-23T10:00:00Z HTTP/1.1" 200 OK
denied PUT /api/v1/students/{number}/cluster-groups (token role student)
WARNING koppel.access: denied GET /afdelingen/{code} (NotAllowed)
Fout: rij 3, kolom Postcode: '1015' is geen postcode
Lindengracht 170 is another house; Femke alone is no full name; 2011 is a year
2026 UTC, 4000 ms, HTTP/1.1 200 OK, sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b
"""


@pytest.fixture
def people_database(tmp_path: Path) -> Path:
    """A real portal database (SQLite) with one student."""
    path = tmp_path / "people" / "koppel.db"
    path.parent.mkdir()
    engine = connect(f"sqlite:///{path}")
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(insert(t.students).values(**PERSON))
    engine.dispose()
    return path


@pytest.fixture
def project_token(tmp_path: Path) -> str:
    """A real project file (SQLite) that keeps a token, as the connector's does; one of
    another shape than koppel's, so that only its value can find it."""
    token = "handed-over-Zq81x0Pj"
    info = ProjectInfo("2026-2027", ("4V",), "http://127.0.0.1:8000", token)
    ProjectFile.create(tmp_path / "rooster.koppel", info).close()
    return token


def planted_run(tmp_path: Path, log: str, secrets: list[tuple[str, str]]) -> Path:
    run = tmp_path / "run"
    (run / "logs").mkdir(parents=True)
    (run / "secrets").mkdir()
    (run / "logs" / "portal-1.log").write_text(log, encoding="utf-8")
    rows = "".join(f"{kind}\t{value}\n" for kind, value in secrets)
    (run / "secrets" / "1.tsv").write_text(rows, encoding="utf-8")
    return run


def test_every_planted_secret_and_person_is_found_by_file_and_line(
    tmp_path: Path, people_database: Path, project_token: str
):
    password = generate_password()
    chosen = "paard-batterij-nietje"
    token = TOKEN_PREFIX + "x7" * 21 + "Q"
    secret = pyotp.random_base32()
    planted = [
        ("password", f"signed in with {password}"),
        ("password", f"user add: {chosen}"),
        ("API token", f"Authorization: Bearer {token}"),
        ("argon2 hash", f"stored {hash_password('x' * 12)}"),
        ("TOTP secret", f"secret {secret}"),
        ("TOTP secret", f"type over: {grouped(secret)}"),
        ("TOTP address", setup_uri(secret, "beheer")),
        ("session token", "cookie: koppel_session=Zm9vYmFyYmF6cXV4cXV1eA; Path=/"),
        ("CSRF token", "GET /uitloggen?csrf_token=abcdefghijklmnop HTTP/1.1"),
        ("project key", '"GET /?sleutel=Qx81aB_-zz HTTP/1.1" 200 OK'),
        ("password", '"GET /login?wachtwoord=Geheim123 HTTP/1.1" 200'),
        ("password", 'payload {"password": "hunter22"}'),
        ("e-mail address", "sent to mentor.jansen@school.example.nl"),
        ("postcode", "row 4: 9712 CP Groningen"),
        ("street address", "row 5: Lindengracht 17a, 1015"),
        ("postcode", "moved from 1015KL"),
        ("birth date", "geboren 2011-04-09"),
        ("birth date", "geboortedatum 09-04-2011"),
        ("full name", "leerling Femke van der Heijden ontbreekt"),
        ("API token", f"GET /api/v1/status?t={project_token}"),
    ]
    log = CLEAN + "".join(f"{line}\n" for _, line in planted)
    run = planted_run(tmp_path, log, [("password", password), ("password", chosen)])

    findings, known = scan_run(run, tmp_path)

    first = len(CLEAN.splitlines()) + 1
    assert known >= 9  # two passwords, street, postcode, e-mail, two birth dates, name, token
    by_line: dict[int, set[str]] = {}
    for finding in findings:
        assert finding.file == run / "logs" / "portal-1.log"
        by_line.setdefault(finding.line, set()).add(finding.kind)
    for offset, (kind, line) in enumerate(planted):
        assert kind in by_line.get(first + offset, set()), (kind, line)
    assert min(by_line) >= first, "a clean line was reported"
    # the report shows a start, never the secret itself
    for finding in findings:
        assert len(finding.start) <= 4
        assert password not in finding.describe(run)
    assert findings[0].describe(run).startswith("logs/portal-1.log:")


def test_a_clean_log_passes(tmp_path: Path, people_database: Path, project_token: str):
    run = planted_run(tmp_path, CLEAN, [("password", generate_password())])
    findings, known = scan_run(run, tmp_path)
    assert known > 0
    assert findings == []


def test_needles_match_word_for_word():
    needles = Needles()
    needles.add("street address", "Kerkstraat 12")
    needles.add("short", "Bos")  # too short to look for
    assert list(needles.found_in("at kerkstraat 12, second floor")) == [
        ("street address", "kerkstraat 12")
    ]
    assert list(needles.found_in("Kerkstraat 123 and Kerkstraat12")) == []
    assert list(needles.found_in("Bos")) == []


def test_a_real_portal_logs_no_secret_at_info_and_the_scan_sees_a_leaking_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The portal under test logs at info (access lines); signing in, pages and a denied
    form leave nothing to find; a URL with the password in it is found."""
    run = tmp_path / "run"
    monkeypatch.setenv(run_logs.LOGS_VARIABLE, str(run))
    run_logs.start_run(run)
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    password = generate_password()
    assert koppel("init", database=database).code == 0
    added = koppel(
        "user", "add", "beheer", "--role", "administrator", "--password-stdin",
        database=database, stdin=password + "\n",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    process, base = start_portal(database)
    try:
        portal = Portal(base, database, ("beheer", password), {}, password)
        client = sign_in(portal, "beheer", password)
        assert client.get("/").status_code in {200, 303}
        assert client.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
        client.close()
        clean = scan(run / "logs", Needles())
        httpx.get(f"{base}/login", params={"next": "/", "wachtwoord": password})
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert clean == []
    logged = "".join(path.read_text() for path in (run / "logs").glob("portal-*.log"))
    assert '"POST /login HTTP/1.1" 303' in logged  # the access lines are there
    assert "WARNING:  koppel.access: denied POST /logout (CsrfRejected)" in logged
    findings, _ = scan_run(run, tmp_path)
    leaks = [f for f in findings if f.kind == "password"]
    assert leaks, findings
    assert all('"GET /login?next=' in f.file.read_text().splitlines()[f.line - 1] for f in leaks)
    assert len({(f.file, f.line) for f in findings}) == 1, findings


def test_a_test_run_whose_code_logs_a_token_fails_and_names_the_line(tmp_path: Path):
    """A real pytest run on an xdist worker with this project's conftest: the controller's
    scan after the worker fails it (exit 1) and names the log file and line."""
    token = TOKEN_PREFIX + "L" * 43
    (tmp_path / "test_leak.py").write_text(
        "import logging\n\n\n"
        "def test_logs_a_token():\n"
        f"    logging.getLogger('koppel.access').warning('bearer {token}')\n\n\n"
        "def test_logs_nothing():\n"
        "    logging.getLogger('koppel.access').warning('denied GET /x (Forbidden)')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "KOPPEL_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-n", "1", "-q",
         "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "base"),
         "--rootdir", str(tmp_path), str(tmp_path / "test_leak.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2 passed" in done.stdout
    assert "1 secret(s) or personal data found in the logs" in done.stdout
    assert re.search(r"pytest-gw\d\.log:1: API token \(kpl_\.\.\.\)", done.stdout), done.stdout
    assert token not in done.stdout


def test_findings_are_listed_in_file_and_line_order(tmp_path: Path):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "b.log").write_text("x@y.nl\n")
    (logs / "a.log").write_text("ok\nkpl_" + "a" * 43 + "\n")
    found = scan(logs, Needles())
    assert found == [
        Finding(logs / "a.log", 2, "API token", "kpl_"),
        Finding(logs / "b.log", 1, "e-mail address", "x@"),
    ]


def test_a_database_error_in_a_command_does_not_log_the_row(tmp_path: Path):
    """A write that the database refuses (here a trigger, as a constraint would) ends in
    an error on stderr, which cron or systemd log: it names the refusal, not the row."""
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    assert koppel("demo", "--students", "50", database=database).code == 0
    engine = connect(database)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON students "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    engine.dispose()
    header = "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geslacht;Straat;Huisnummer;"
    header += "Postcode;Woonplaats;E-mail;Stamklas;Afdeling;LWOO;Geboortedatum"
    row = [PERSON[key] for key in list(PERSON)[:4]]
    row += ["V", PERSON["street"], PERSON["house_number"], PERSON["postcode"], PERSON["city"]]
    row += [PERSON["email"], "4V2", "4V", "nee", "2011-04-09"]
    file = tmp_path / "leerlingen.csv"
    file.write_text(header + "\n" + ";".join(str(value) for value in row) + "\n")

    refused = koppel("import", "students", str(file), database=database)

    assert refused.code != 0
    assert "refused by the test" in refused.stderr
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "stderr.log").write_text(refused.stderr)
    needles = Needles()
    needles.add("street address", f"{PERSON['street']} {PERSON['house_number']}")
    needles.add("full name", "Femke van der Heijden")
    needles.add("birth date", "2011-04-09")
    assert [(f.kind, f.line) for f in scan(logs, needles)] == []
    for value in ("Lindengracht", "Heijden", "Amsterdam", "990001"):
        assert value not in refused.stderr


@pytest.mark.parametrize(
    "url",
    [
        "mysql://koppel:{password}@db.example/koppel",
        "postgresql://koppel:{password}@db.example:no-port/koppel",
        "postgresql://koppel:{password}@127.0.0.1:1/koppel",
    ],
)
def test_a_database_url_that_does_not_work_is_shown_without_its_password(url: str):
    password = generate_password()
    run_logs.register_secret("password", password)
    refused = koppel("stats", database=url.format(password=password))
    assert refused.code == 2
    assert "koppel:***@" in refused.stderr.replace("\n", "")
    assert password not in refused.stderr.replace("\n", "")


def test_people_of_the_fuzz_tests_give_nothing_to_look_for(tmp_path: Path):
    """Names, streets and postcodes like ``0`` or ``%`` would match ordinary log words."""
    path = tmp_path / "fuzz.db"
    engine = connect(f"sqlite:///{path}")
    upgrade(engine)
    fuzzed = {**PERSON, "first_name": "000000", "infix": "", "last_name": "%%%%%%"}
    fuzzed |= {"street": "123456", "house_number": "x1", "postcode": "123456"}
    fuzzed |= {"email": "nobody-at-all", "birth_date": None}
    with engine.begin() as connection:
        connection.execute(insert(t.students).values(**fuzzed))
    engine.dispose()
    needles = Needles()
    stored_values([path], needles)
    assert len(needles) == 0


def test_a_refused_row_is_not_in_the_error_on_either_database(database_url: str):
    """PostgreSQL details a refused row (``Failing row contains (...)``) and SQLAlchemy
    adds the statement's values: neither reaches the message, so neither a traceback in
    the portal's log nor a command's stderr; the driver keeps the details for code."""
    engine = connect(database_url)
    upgrade(engine)
    refused = {**PERSON, "gender": "Q"}  # outside the CHECK constraint
    with pytest.raises(IntegrityError) as caught, engine.begin() as connection:
        connection.execute(insert(t.students).values(**refused))
    engine.dispose()
    message = str(caught.value)
    assert "gender" in message  # the reason is still there
    for value in ("Lindengracht", "Heijden", "1015 KL", PERSON["email"], "990001"):
        assert value not in message
    diag = getattr(caught.value.orig, "diag", None)
    if diag is not None:  # PostgreSQL
        assert "Lindengracht" in (diag.message_detail or "")
