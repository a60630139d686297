"""``koppel init``, ``demo``, ``stats`` and ``user add`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from koppel.store import tables
from tests.cli.runner import koppel

VERSIONS = Path(tables.__file__).parent / "migrations" / "versions"
NEWEST_REVISION = max(p.name[:4] for p in VERSIONS.glob("[0-9]*.py"))


def test_init_creates_then_reports_up_to_date(database_url: str):
    first = koppel("init", "--json", database=database_url)
    assert first.code == 0, first.stderr
    assert first.json()["created"] is True
    assert first.json()["revision"] == NEWEST_REVISION
    again = koppel("init", database=database_url)
    assert again.code == 0
    assert "al actueel" in again.stdout


def test_demo_json_counts_are_confirmed_by_stats(database_url: str):
    demo = koppel("demo", "--students", "300", "--seed", "7", "--json", database=database_url)
    assert demo.code == 0, demo.stderr
    built = demo.json()
    assert built["students"] == 300
    assert built["project"] is None
    assert len(built["administrator"]["password"]) >= 16
    stats = koppel("stats", "--json", database=database_url)
    assert stats.code == 0, stats.stderr
    counted = stats.json()
    assert counted["students"]["active"] + counted["students"]["left"] == built["students"]
    for key in ("staff", "departments", "groups", "accounts"):
        assert counted[key] == built[key], key
    assert counted["memberships"] > built["students"] * 0.9
    assert counted["prognoses"] > 0
    assert counted["package_choices"] > 0
    assert counted["teacher_links"] >= built["groups"]


def test_demo_never_uses_a_fixed_password(sqlite_url: str, tmp_path: Path):
    other = f"sqlite:///{tmp_path / 'other.db'}"
    one = koppel("demo", "--students", "60", "--json", database=sqlite_url).json()
    two = koppel("demo", "--students", "60", "--json", database=other).json()
    assert one["administrator"]["password"] != two["administrator"]["password"]


def test_demo_refuses_a_filled_database_unless_replaced(sqlite_url: str):
    assert koppel("demo", "--students", "60", database=sqlite_url).code == 0
    refused = koppel("demo", "--students", "60", database=sqlite_url)
    assert refused.code == 2
    assert "--replace" in refused.stderr
    replaced = koppel("demo", "--students", "80", "--replace", "--json", database=sqlite_url)
    assert replaced.code == 0, replaced.stderr
    assert (
        koppel("stats", "--json", database=sqlite_url).json()["accounts"]
        == replaced.json()["accounts"]
    )


def test_demo_prints_logins_in_dutch_and_the_url(sqlite_url: str):
    run = koppel("demo", "--students", "60", database=sqlite_url)
    assert run.code == 0, run.stderr
    assert "beheerder" in run.stdout
    assert "http://127.0.0.1:8000" in run.stdout
    assert "teamleider" in run.stdout
    assert "nog geen inlogpagina" not in run.stdout
    assert "Start het portal met 'koppel serve' en open http://127.0.0.1:8000." in run.stdout


def test_demo_on_another_port_names_that_port_and_the_command_for_it(tmp_path: Path):
    """``make demo PORT=8100`` passes --portal-url http://127.0.0.1:8100: the demo says
    to open that address, with the serve command that listens there."""
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    project = tmp_path / "demo.koppel"
    run = koppel(
        "demo", "--students", "60", "--project", str(project),
        "--portal-url", "http://127.0.0.1:8100", database=database,
    )  # fmt: skip
    assert run.code == 0, run.stderr
    said = " ".join(run.stdout.split())
    assert "'koppel serve --port 8100' en open http://127.0.0.1:8100." in said
    assert "8000" not in said


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("demo", "--students", "10"), "--students"),
        (("demo", "--students", "veel"), "--students"),
        (("demo", "--bogus"), "--bogus"),
        (("stats", "--unknown"), "--unknown"),
        (("user", "add", "piet", "--role", "koning"), "--role"),
        (("nonsense",), "nonsense"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(
    sqlite_url: str, args: tuple[str, ...], expected: str
):
    run = koppel(*args, database=sqlite_url)
    assert run.code == 2
    assert expected in run.stderr
    assert run.stdout == ""


def test_stats_on_a_database_without_init_says_what_to_do(sqlite_url: str):
    run = koppel("stats", database=sqlite_url)
    assert run.code == 2
    assert "koppel init" in run.stderr


@pytest.mark.parametrize("url", ["mysql://x/y", "not a url", "postgresql://nobody@127.0.0.1:1/x"])
def test_bad_database_urls_exit_2(url: str):
    run = koppel("stats", database=url)
    assert run.code == 2
    assert "database" in run.stderr.lower()


def test_user_add_generates_a_password_and_stores_roles(sqlite_url: str):
    assert koppel("init", database=sqlite_url).code == 0
    run = koppel(
        "user",
        "add",
        "Planner",
        "--role",
        "scheduler",
        "--role",
        "administrator",
        "--name",
        "Petra Planner",
        "--json",
        database=sqlite_url,
    )
    assert run.code == 0, run.stderr
    made = run.json()
    assert made["username"] == "planner"
    assert made["roles"] == ["administrator", "scheduler"]
    assert len(made["password"]) >= 16
    assert koppel("stats", "--json", database=sqlite_url).json()["accounts"] == 1


def test_user_add_reads_a_password_from_stdin(sqlite_url: str):
    assert koppel("init", database=sqlite_url).code == 0
    run = koppel(
        "user",
        "add",
        "anna",
        "--role",
        "administrator",
        "--password-stdin",
        "--json",
        database=sqlite_url,
        stdin="een-lang-geheim-wachtwoord\n",
    )
    assert run.code == 0, run.stderr
    assert run.json()["password"] is None
    short = koppel(
        "user",
        "add",
        "bert",
        "--role",
        "administrator",
        "--password-stdin",
        database=sqlite_url,
        stdin="kort\n",
    )
    assert short.code == 2
    assert "12" in short.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("user", "add", "leerling1", "--role", "student"), "leerling"),
        (("user", "add", "x", "--role", "teacher"), "gebruikersnaam"),
        (("user", "add", "leider", "--role", "team_leader", "--department", "9Z"), "9Z"),
        (("user", "add", "scholier", "--role", "student", "--student", "424242"), "424242"),
    ],
)
def test_user_add_refuses_bad_accounts_and_writes_nothing(sqlite_url: str, args, message):
    assert koppel("init", database=sqlite_url).code == 0
    run = koppel(*args, database=sqlite_url)
    assert run.code == 2, run.stderr
    assert message in run.stderr
    assert koppel("stats", "--json", database=sqlite_url).json()["accounts"] == 0


def test_user_add_refuses_a_duplicate(sqlite_url: str):
    assert koppel("init", database=sqlite_url).code == 0
    assert koppel("user", "add", "anna", "--role", "teacher", database=sqlite_url).code == 0
    again = koppel("user", "add", "ANNA", "--role", "teacher", database=sqlite_url)
    assert again.code == 2
    assert "bestaat al" in again.stderr


def test_messages_are_available_in_english(sqlite_url: str):
    run = koppel("stats", database=sqlite_url, lang="en")
    assert run.code == 2
    assert "run 'koppel init' first" in run.stderr


def test_help_lists_every_command():
    run = koppel("--help")
    assert run.code == 0
    for command in ("init", "demo", "stats", "serve", "user"):
        assert command in run.stdout


def test_serve_refuses_a_database_without_init(sqlite_url: str):
    run = koppel("serve", "--port", "8765", database=sqlite_url)
    assert run.code == 2
    assert "koppel init" in run.stderr


def test_the_database_named_on_the_command_line_wins_over_the_environment(tmp_path: Path):
    """``koppel --database B COMMAND`` with KOPPEL_DATABASE_URL=A works on B: a command
    never writes to another database than the one the operator named."""
    named = f"sqlite:///{tmp_path / 'named.db'}"
    environment = f"sqlite:///{tmp_path / 'environment.db'}"
    for url, students in ((named, "60"), (environment, "120")):
        built = koppel("demo", "--students", students, "--json", database=url)
        assert built.code == 0, built.stderr
    before = koppel("stats", "--json", database=environment).json()

    chosen = koppel("--database", named, "stats", "--json", database=environment)
    assert chosen.code == 0, chosen.stderr
    assert chosen.json() == koppel("stats", "--json", database=named).json()
    assert chosen.json() != before
    after_own = koppel("stats", "--database", named, "--json", database=environment)
    assert after_own.json() == chosen.json()

    added = koppel(
        "--database", named, "user", "add", "nieuwe.collega", "--role", "teacher",
        database=environment,
    )  # fmt: skip
    assert added.code == 0, added.stderr
    assert koppel("stats", "--json", database=environment).json() == before
