"""``koppel transition``: the year transition (jaarovergang), step by step."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.services.school_years.years import school_years
from koppel.services.transition.status import StepState, transition_status

app = typer.Typer(help="De jaarovergang, stap voor stap.", no_args_is_help=True)

STYLE = {
    StepState.APPLIED: "green",
    StepState.PREVIEWED: "cyan",
    StepState.UNDONE: "yellow",
    StepState.NOT_STARTED: "dim",
}
STATE_WORDS = {
    StepState.NOT_STARTED: "transition.state.not_started",
    StepState.PREVIEWED: "transition.state.previewed",
    StepState.APPLIED: "integration.status.applied",
    StepState.UNDONE: "transition.state.undone",
}
"""The text that names a step's state."""


@app.command("status")
@reports_errors
def status(
    school_year: Annotated[
        str | None,
        typer.Option(
            "--school-year",
            help="Bijv. 2027-2028 (standaard: het klaargezette, anders het huidige).",
        ),
    ] = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Waar de jaarovergang staat: per stap niet begonnen, voorbeeld bekeken, toegepast of
    teruggedraaid."""
    found = transition_status(CONTEXT.unit_of_work(database), school_year)
    if as_json:
        print_json(found.as_json())
        return
    table = Table(title=translate("transition.status_title", school_year=found.school_year))
    for code in ("transition.column.step", "what", "transition.column.state", "change_set"):
        table.add_column(translate(code))
    for step in found.steps:
        table.add_row(
            str(step.number),
            translate(f"transition.step.{step.code}"),
            f"[{STYLE[step.state]}]{translate(STATE_WORDS[step.state])}[/]",
            step.changeset or "",
        )
    console.print(table)
    if found.integration:
        runs = Table(title=translate("transition.integration_title", school_year=found.school_year))
        for code in (
            "integration.column.run",
            "integration.column.at",
            "word.status",
            "change_set",
        ):
            runs.add_column(translate(code))
        for run in found.integration:
            status = translate(f"integration.status.{run.status}")
            runs.add_row(run.run, run.at[:16].replace("T", " "), status, run.changeset or "")
        console.print(runs)
    years = school_years(CONTEXT.unit_of_work(database))
    if years.prepared is None:
        console.print(
            translate("year.status.none_prepared", next=years.current.next().name),
            highlight=False,
        )
    elif found.next_step is not None:
        console.print(translate("transition.next", step=found.next_step), highlight=False)
