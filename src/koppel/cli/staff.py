"""``koppel staff``: personeel; ``remove-departed`` is step 5 of the year transition."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import (
    RichProgress,
    console,
    errors,
    finish,
    print_problems,
    reports_errors,
)
from koppel.i18n import translate
from koppel.services.school_settings import StaffRetention
from koppel.services.transition.staff_departure import DepartureReport, remove_departed_staff

app = typer.Typer(help="Personeel.", no_args_is_help=True)
RETENTION_WORDS = {
    StaffRetention.KEEP: "staff_departure.retention.keep",
    StaffRetention.REMOVE: "word.removed",
}
"""What happened to departed staff members' data, in the applied message."""


@app.command("remove-departed")
@reports_errors
def remove_departed(
    staff_file: Annotated[
        Path,
        typer.Option(
            "--staff-file",
            help="Het personeelsbestand (.xlsx of .csv), zoals koppel import staff het leest.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Laat zien wie vertrokken is; schrijf niets.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Ook als meer dan het ingestelde aandeel (standaard 10%) vertrekt."
        ),
    ] = False,
    school_year: Annotated[
        str | None,
        typer.Option(
            "--school-year",
            help="Het schooljaar van de jaarovergang (standaard: het klaargezette).",
        ),
    ] = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Deactiveer medewerkers die niet meer in het personeelsbestand staan (jaarovergang,
    stap 5): hun accounts direct (sessies en tokens vervallen), hun gegevens bewaard of
    verwijderd zoals de school heeft ingesteld."""
    with RichProgress() as progress:
        report = remove_departed_staff(
            CONTEXT.unit_of_work(database),
            staff_file,
            dry_run=dry_run,
            force=force,
            progress=progress,
            school_year=school_year,
        )
    finish(report, as_json=as_json, show=_print)


def _print(report: DepartureReport) -> None:
    if print_problems(report.errors, report.warnings):
        return
    kept = report.staff.unchanged if report.staff else 0
    console.print(
        translate(
            "staff_departure.summary",
            file=report.file,
            rows=report.rows,
            kept=kept,
            count=len(report.departed),
        ),
        highlight=False,
    )
    if not report.departed:
        console.print(translate("staff_departure.none"), highlight=False)
        return
    table = Table(title=translate("staff_departure.heading"))
    table.add_column(translate("word.staff_code"))
    table.add_column(translate("word.account"))
    for code in report.departed:
        table.add_row(code, report.accounts.get(code, "-"))
    console.print(table)
    if report.refusal is not None:
        errors.print(f"[red]{escape(report.refusal.message())}[/]", highlight=False)
    elif report.written:
        console.print(
            translate(
                "staff_departure.applied",
                count=len(report.departed),
                retention=translate(RETENTION_WORDS[StaffRetention(report.retention)]),
                changeset=report.changeset,
            ),
            highlight=False,
        )
    else:
        console.print(translate("staff_departure.preview"), highlight=False)
