"""The ``koppel`` command."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from koppel import __version__
from koppel.cli.context import CONTEXT

app = typer.Typer(
    name="koppel",
    help=(
        "koppel: portal, roosterbestand, portalconnector en jaarovergang "
        "voor het voortgezet onderwijs."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"koppel {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="Database-adres (anders KOPPEL_DATABASE_URL, standaard sqlite:///koppel.db).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie.")
    ] = False,
) -> None:
    """Global options, before the command."""
    from koppel.places import keep_new_files_private

    keep_new_files_private()  # databases, project files, exports: this user's only
    CONTEXT.database_url = database


def _register_all() -> None:
    from koppel.cli import (
        connect,
        demo,
        exports,
        groups,
        imports,
        portal,
        privacy,
        project,
        secret_keys,
        tokens,
        transition,
        undo,
        users,
        year,
    )
    from koppel.cli import staff as staff_commands
    from koppel.cli.sis import oneroster, runs

    app.command("init")(portal.init)
    app.add_typer(demo.app, name="demo")
    app.command("stats")(portal.stats)
    app.command("serve")(portal.serve)
    app.add_typer(users.app, name="user")
    app.add_typer(tokens.app, name="token")
    app.add_typer(imports.app, name="import")
    app.add_typer(exports.app, name="export")
    app.command("undo")(undo.undo)
    app.add_typer(groups.app, name="groups")
    app.add_typer(project.app, name="project")
    app.add_typer(connect.app, name="connect")
    app.add_typer(staff_commands.app, name="staff")
    app.add_typer(transition.app, name="transition")
    app.add_typer(year.app, name="year")
    app.add_typer(runs.app, name="integration")
    app.add_typer(oneroster.app, name="oneroster")
    app.add_typer(privacy.app, name="privacy")
    app.add_typer(secret_keys.app, name="secrets")


def _register_scheduler_commands() -> None:
    """The scheduler's commands alone: they start faster without the portal's modules."""
    from koppel.cli import connect, project

    app.add_typer(project.app, name="project")
    app.add_typer(connect.app, name="connect")


SCHEDULER_COMMANDS = frozenset({"connect", "project"})


def run() -> None:
    if len(sys.argv) > 2 and sys.argv[1] in SCHEDULER_COMMANDS:
        _register_scheduler_commands()
    else:
        _register_all()
    app()
