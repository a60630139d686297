"""``koppel groups``: groups of a school year (year transition, step 2: delete old groups)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.services.transition.groups_delete import (
    GroupsDeleteReport,
    GroupsDeleteRequest,
    delete_groups,
)

app = typer.Typer(help="Groepen van een schooljaar.", no_args_is_help=True)

COUNTS = ("groups", "memberships", "teacher_links", "previous_home_classes")


@app.command("delete")
@reports_errors
def delete(
    all_groups: Annotated[
        bool, typer.Option("--all", help="Verwijder alle groepen van het schooljaar.")
    ] = False,
    folder: Annotated[
        str | None,
        typer.Option(
            "--folder", help="Verwijder alleen de groepen in deze map.", show_default=False
        ),
    ] = None,
    school_year: Annotated[
        str | None,
        typer.Option(
            "--school-year",
            help="Het schooljaar, bijv. 2027-2028 (standaard: het klaargezette).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Laat zien wat er weg zou gaan; schrijf niets.")
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Jaarovergang stap 2: verwijder de oude groepen (alle, of één map). Leerlingen blijven."""
    request = GroupsDeleteRequest(
        all_groups=all_groups, folder=folder, school_year=school_year, dry_run=dry_run
    )
    report = delete_groups(CONTEXT.unit_of_work(database), request)
    if as_json:
        print_json(report.as_json())
    else:
        _print(report, dry_run=dry_run)


def _print(report: GroupsDeleteReport, *, dry_run: bool) -> None:
    scope = (
        translate("transition.scope.all")
        if report.folder is None
        else translate("transition.scope.folder", folder=report.folder)
    )
    table = Table(
        title=translate("transition.groups_delete.title", year=report.school_year, scope=scope)
    )
    table.add_column(translate("cli.column.what"))
    table.add_column(translate("cli.column.count"), justify="right")
    for name in COUNTS:
        table.add_row(translate(f"transition.count.{name}"), str(getattr(report, name)))
    console.print(table)
    if report.examples:
        console.print(
            translate("transition.examples", names=", ".join(report.examples)), highlight=False
        )
    console.print(translate("transition.students_kept"), highlight=False)
    if report.history:
        console.print(translate("transition.groups_kept", count=report.history), highlight=False)
    if report.written:
        console.print(translate("cli.applied", changeset=report.changeset), highlight=False)
    elif not report.groups and not dry_run:
        console.print(translate("transition.nothing_left"), highlight=False)
    elif dry_run:
        console.print(translate("transition.preview_only"), highlight=False)
