"""``koppel privacy``: the retention of personal data; ``forget-left`` removes students who
left longer ago than the school keeps them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import RichProgress, console, errors, finish, reports_errors
from koppel.i18n import translate
from koppel.services.privacy.forget_left import ForgetReport, forget_left_students

app = typer.Typer(help="Privacy: bewaartermijnen van persoonsgegevens.", no_args_is_help=True)


@app.command("forget-left")
@reports_errors
def forget_left(
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Laat zien wie vergeten zou worden; schrijf niets."),
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Verwijder voorgoed de leerlingen die langer geleden vertrokken zijn dan de school ze
    bewaart (Beheer > Instellingen), met alles wat erbij hoort, ook uit het logboek.
    Dit kan niet ongedaan worden gemaakt."""
    with RichProgress() as progress:
        report = forget_left_students(
            CONTEXT.unit_of_work(database), dry_run=dry_run, progress=progress
        )
    finish(report, as_json=as_json, show=_print)


def _print(report: ForgetReport) -> None:
    console.print(
        translate(
            "privacy.summary",
            school_year=report.school_year,
            years=report.keep_years,
            left=report.left,
            forget=len(report.leavers),
            keep=report.left - len(report.leavers),
        ),
        highlight=False,
    )
    if report.untraced:
        console.print(translate("privacy.noted", count=report.untraced), highlight=False)
    if report.dry_run and report.leavers:
        table = Table(title=translate("privacy.heading"))
        table.add_column(translate("student_number"))
        table.add_column(translate("privacy.column.left_in"))
        for leaver in report.leavers:
            table.add_row(leaver.student_number, leaver.left_in)
        console.print(table)
    if report.refusal is not None:
        errors.print(f"[red]{escape(report.refusal.message())}[/]", highlight=False)
    elif not report.leavers:
        console.print(translate("privacy.none"), highlight=False)
    elif report.dry_run:
        console.print(translate("privacy.preview", count=len(report.leavers)), highlight=False)
    else:
        console.print(
            translate(
                "privacy.done",
                count=len(report.leavers),
                entries=report.entries_removed,
                cleaned=report.entries_cleaned,
            ),
            highlight=False,
        )
