"""Commands for the portal database: init, demo, stats, serve.

Alembic, Faker and the web stack are imported inside the commands that need them, so
that every other command starts quickly.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import RichProgress, console, print_json, reports_errors
from koppel.domain.accounts import Role
from koppel.i18n import translate
from koppel.logs import log_to_stderr
from koppel.services.accounts.secret_keys import check_secrets, ensure_secret_key
from koppel.services.demo.limits import DEMO_MAX_STUDENTS, DEMO_MIN_STUDENTS
from koppel.services.setup import ensure_current_school_year
from koppel.services.stats import collect_stats
from koppel.store.database import (
    display_url,
    ensure_reachable,
    is_initialised,
    make_private,
)


@reports_errors
def init(database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Maak de portaldatabase aan of werk hem bij naar het nieuwste schema."""
    from koppel.store.migrate import upgrade

    engine = CONTEXT.engine(database)
    ensure_reachable(engine)
    before, after = upgrade(engine)
    made_private = make_private(engine)
    year = ensure_current_school_year(CONTEXT.unit_of_work_on(engine), today=date.today())
    key_from = ensure_secret_key(CONTEXT.unit_of_work_on(engine))
    if as_json:
        print_json(
            {
                "database": display_url(engine),
                "revision_before": before,
                "revision": after,
                "created": before is None,
                "school_year": year.name,
                "made_private": [str(path) for path in made_private],
                "secret_key": key_from,
            }
        )
        return
    url = display_url(engine)
    state = "cli.init.created" if before is None else "cli.init.upgraded"
    if before == after:
        state = "cli.init.current"
    console.print(translate(state, url=url, revision=after), highlight=False)
    if made_private:
        files = ", ".join(str(path) for path in made_private)
        console.print(translate("cli.init.made_private", files=files), highlight=False)
    console.print(translate("cli.init.secret_key", where=key_from), highlight=False)
    console.print(translate("cli.init.next", year=year.name), highlight=False)


@reports_errors
def demo(
    ctx: typer.Context,
    students: Annotated[
        int,
        typer.Option(
            "--students",
            min=DEMO_MIN_STUDENTS,
            max=DEMO_MAX_STUDENTS,
            help="Aantal leerlingen van de demoschool.",
        ),
    ] = 1200,
    seed: Annotated[int, typer.Option("--seed", help="Zelfde seed, zelfde school.")] = 1,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Gooi alles in de database weg en begin opnieuw."),
    ] = False,
    project: Annotated[
        Path | None,
        typer.Option(
            "--project",
            help="Schrijf ook een roosterbestand met verschillen, gekoppeld aan het demoportal.",
        ),
    ] = None,
    portal_url: Annotated[
        str | None,
        typer.Option(
            "--portal-url",
            help="Adres van het portal voor het roosterbestand (standaard http://127.0.0.1:8000).",
        ),
    ] = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bouw een realistische demoschool (verzonnen gegevens) in de portaldatabase.

    Met 'koppel demo next-year MAP': de bestanden van volgend schooljaar, om de
    jaarovergang te oefenen."""
    if ctx.invoked_subcommand is not None:
        return  # koppel demo next-year: only the subcommand runs
    from koppel.services.demo.build import build_demo_school
    from koppel.services.demo.project import (
        DEFAULT_PORTAL_URL,
        check_project_path,
        write_demo_project,
    )
    from koppel.store.migrate import upgrade
    from koppel.store.reset import drop_everything

    if project is not None:
        check_project_path(project)  # refused before the database is touched
    engine = CONTEXT.engine(database)
    ensure_reachable(engine)
    if replace:
        drop_everything(engine)
    upgrade(engine)
    with RichProgress() as progress:
        result = build_demo_school(
            CONTEXT.unit_of_work_on(engine),
            students=students,
            seed=seed,
            today=date.today(),
            progress=progress,
        )
    written = None
    if project is not None:
        written = write_demo_project(
            CONTEXT.unit_of_work_on(engine),
            project,
            school_year=result.school_year,
            scheduler=result.personas[Role.SCHEDULER.value],
            seed=seed,
            portal_url=portal_url or DEFAULT_PORTAL_URL,
        )
    if as_json:
        found = result.as_json(None if written is None else str(written.path))
        if written is not None:
            found["project_differences"] = written.planted
        print_json(found)
        return
    console.print(
        translate(
            "cli.demo.done",
            url=display_url(engine),
            students=result.students,
            staff=result.staff,
            departments=result.departments,
            groups=result.groups,
            accounts=result.accounts,
            year=result.school_year,
        ),
        highlight=False,
    )
    table = Table(title=translate("cli.demo.logins"))
    for column in ("cli.column.role", "cli.column.username", "cli.column.password"):
        table.add_column(translate(column))
    table.add_row(
        translate("role.administrator"), result.administrator, result.administrator_password
    )
    for role, username in result.personas.items():
        table.add_row(translate(f"role.{role}"), username, result.persona_password)
    console.print(table)
    console.print(translate("cli.demo.keep"))
    url = portal_url or DEFAULT_PORTAL_URL
    console.print(translate("cli.demo.next", command=serve_command(url), url=url), highlight=False)
    console.print(
        translate(
            "cli.demo.next_year",
            year=result.next_year,
            prognoses=result.next_year_prognoses,
            choices=result.next_year_package_choices,
        ),
        highlight=False,
    )
    if written is not None:
        console.print(
            f"Roosterbestand {written.path} ({', '.join(written.departments)}, "
            f"portal {written.portal_url}, token {written.token_name}); "
            f"probeer: koppel connect status {written.path}",
            highlight=False,
        )


@reports_errors
def stats(database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Tel wat het portal bevat."""
    result = collect_stats(CONTEXT.unit_of_work(database))
    if as_json:
        print_json(result.as_json())
        return
    table = Table(title=translate("word.portal"))
    table.add_column(translate("cli.column.what"))
    table.add_column(translate("cli.column.count"), justify="right")
    counts = {
        "stats.students_active": result.students_active,
        "stats.students_left": result.students_left,
        "import.kind.staff": result.staff,
        "stats.accounts": result.accounts,
        "stats.departments": result.departments,
        "transition.count.groups": result.groups,
        "stats.memberships": result.memberships,
        "stats.teacher_links": result.teacher_links,
        "stats.prognoses": result.prognoses,
        "stats.package_choices": result.package_choices,
    }
    for code, count in counts.items():
        table.add_row(translate(code), f"{count:,}".replace(",", "."))
    console.print(table)


DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve_command(url: str) -> str:
    """``koppel serve`` with the host and port of ``url`` where they are not the defaults
    (``make demo PORT=8100`` names the portal http://127.0.0.1:8100)."""
    parts = urlsplit(url)
    command = "koppel serve"
    if parts.hostname and parts.hostname != DEFAULT_HOST:
        command += f" --host {parts.hostname}"
    if parts.port and parts.port != DEFAULT_PORT:
        command += f" --port {parts.port}"
    return command


KEEP_ALIVE_SECONDS = 75
"""An idle connection stays open this long: longer than a reverse proxy keeps its own
(nginx: 60 s), so the proxy never sends a request on a connection the portal is closing
(with Uvicorn's 5 s, clients that paused 5 s now and then lost an answer)."""


@reports_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Adres om op te luisteren.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = DEFAULT_PORT,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Aantal serverprocessen (meer processen: meer gelijktijdige gebruikers; "
            "ongeveer één per processorkern).",
        ),
    ] = 1,
    forwarded_allow_ips: Annotated[
        str,
        typer.Option(
            "--forwarded-allow-ips",
            help="Adressen van de reverse proxy waarvan X-Forwarded-Proto/-For vertrouwd "
            "wordt (komma's; standaard alleen deze machine).",
        ),
    ] = "127.0.0.1",
    database: DatabaseOption = None,
) -> None:
    """Start het portal (webserver)."""
    import uvicorn

    from koppel.web.app import create_app

    settings = CONTEXT.settings(database)
    engine = CONTEXT.engine(database)
    if not is_initialised(engine):
        CONTEXT.unit_of_work(database)  # raises the 'run koppel init first' error
    check_secrets(CONTEXT.unit_of_work_on(engine))  # a missing or wrong key: said now
    console.print(
        f"Portal op http://{host}:{port} (database {display_url(engine)}); stop met Ctrl+C."
    )
    log_to_stderr(settings.log_level)
    if workers > 1:
        engine.dispose()  # each worker process opens its own connections
        os.environ["KOPPEL_DATABASE_URL"] = settings.database_url
    uvicorn.run(
        create_app(settings, engine=engine)
        if workers == 1
        else "koppel.web.app:app_from_environment",
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        log_level=settings.log_level,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
