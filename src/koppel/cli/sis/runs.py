"""``koppel integration``: automatic runs of the SIS integration (koppeling), for a
scheduler such as cron or a systemd timer, and their approval (docs/integration.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, errors, print_json, print_problems, reports_errors
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.i18n import translate
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.sis.decisions import approve_run, list_runs, reject_run
from koppel.services.sis.drop_folder import SETTLE_SECONDS
from koppel.services.sis.kept_sets import kept_directory
from koppel.services.sis.run_summary import count_of, error_in, problems_in
from koppel.services.sis.runs import RunOutcome, RunResult, run_integration, run_json

app = typer.Typer(
    help="De koppeling met de leerlingadministratie: automatische runs en hun goedkeuring.",
    no_args_is_help=True,
)

STYLE = {
    RunStatus.APPLIED: "green",
    RunStatus.APPROVED: "green",
    RunStatus.PENDING: "bold yellow",
    RunStatus.FAILED: "red",
    RunStatus.REJECTED: "dim",
    RunStatus.SUPERSEDED: "dim",
    RunStatus.RUNNING: "cyan",
    RunStatus.APPROVING: "cyan",
}
RunArgument = Annotated[
    str, typer.Argument(help="Het nummer van de run (koppel integration runs).")
]


def _status(run: SisRun) -> str:
    return translate(f"integration.status.{run.status.value}")


def _names(run: SisRun) -> dict[str, object]:
    return {
        "run": run.id,
        "set": run.summary.get("set") or Path(run.source).name,
        "format": run.format or "?",
        "changeset": run.changeset,
        "status": _status(run),
    }


def _print_details(run: SisRun) -> None:
    """Counts, the refusal and the problems a run's summary keeps."""
    counts = [
        f"{translate(f'import.count.{name}')} {value}"
        for name in ("new", "updated", "unchanged", "absent")
        if (value := count_of(run.summary, "students", name)) is not None
    ]
    if counts:
        console.print(f"{translate('import.kind.students')}: {', '.join(counts)}", highlight=False)
    refusal = error_in(run.summary, "refusal")
    if refusal is not None:
        errors.print(f"[yellow]{escape(refusal.message())}[/]", highlight=False)
    problem = error_in(run.summary, "problem")
    if problem is not None:
        errors.print(f"[red]{escape(problem.message())}[/]", highlight=False)
    print_problems(problems_in(run.summary, "errors"), problems_in(run.summary, "warnings"))


def _print_outcome(outcome: RunOutcome, source: Path) -> None:
    run = outcome.run
    if outcome.result is RunResult.NO_SET or run is None:
        console.print(translate("integration.result.no_set", folder=str(source)), highlight=False)
    elif outcome.result is RunResult.BUSY:
        console.print(translate("integration.result.busy", run=run.id), highlight=False)
    elif outcome.result is RunResult.UNCHANGED:
        key = "waiting" if run.status is RunStatus.PENDING else "unchanged"
        console.print(translate(f"integration.result.{key}", **_names(run)), highlight=False)
    elif outcome.result is RunResult.APPLIED:
        _print_details(run)
        key = "applied" if run.changeset else "applied_nothing"
        console.print(
            f"[green]{translate(f'integration.result.{key}', **_names(run))}[/]", highlight=False
        )
    else:
        _print_details(run)
        style = "bold yellow" if outcome.result is RunResult.PENDING else "bold red"
        message = translate(f"integration.result.{outcome.result.value}", **_names(run))
        errors.print(f"[{style}]{message}[/]", highlight=False)
    if outcome.settling:
        console.print(
            translate("integration.result.settling", count=outcome.settling), highlight=False
        )


QUIET = frozenset({RunResult.NO_SET, RunResult.UNCHANGED, RunResult.BUSY})


@app.command("run")
@reports_errors
def run(
    source: Annotated[
        Path,
        typer.Option(
            "--source",
            help="De map waarin het administratiesysteem zijn sets zet (submappen of .zip).",
            show_default=False,
        ),
    ],
    settle: Annotated[
        float,
        typer.Option(
            "--settle",
            min=0,
            help="Seconden die een set onaangeroerd moet zijn voordat hij wordt ingelezen.",
        ),
    ] = SETTLE_SECONDS,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", help="Zeg niets als er niets nieuws is (voor cron-mail)."),
    ] = False,
    student_number: Annotated[
        str | None,
        typer.Option(
            "--student-number",
            envvar="KOPPEL_INTEGRATION_STUDENT_NUMBER",
            help="Het veld van de gebruiker dat het leerlingnummer geeft (zoals bij koppel "
            "oneroster import); de run onthoudt het voor de goedkeuring.",
            show_default=False,
        ),
    ] = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Lees de nieuwste set uit de map in: toegepast binnen de veiligheidsgrens, anders
    wachtend op goedkeuring in het portaal. Voor cron of een systemd-timer."""
    settings = CONTEXT.settings(database)
    outcome = run_integration(
        CONTEXT.unit_of_work(database),
        source,
        kept_directory=kept_directory(settings.database_url, settings.integration_directory),
        settle=settle,
        student_number=student_number,
    )
    if as_json:
        print_json(outcome.as_json())
    elif not (quiet and outcome.result in QUIET):
        _print_outcome(outcome, source)
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)


@app.command("runs")
@reports_errors
def runs(
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Hoeveel runs (nieuwste eerst).")
    ] = 20,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """De runs van de koppeling, nieuwste eerst, met hun status en wijzigingenset."""
    found = list_runs(CONTEXT.unit_of_work(database), limit=limit)
    if as_json:
        print_json({"runs": [run_json(r) for r in found]})
        return
    if not found:
        console.print(translate("integration.no_runs"), highlight=False)
        return
    table = Table(title=translate("integration.runs_title"))
    for code in (
        "integration.column.run",
        "integration.column.at",
        "integration.column.set",
        "integration.column.format",
        "word.status",
        "integration.column.counts",
        "change_set",
    ):
        table.add_column(translate(code))
    for r in found:
        counts = "/".join(
            str(count_of(r.summary, "students", name) or 0) for name in ("new", "updated", "absent")
        )
        table.add_row(
            r.id,
            r.received_at.strftime("%Y-%m-%d %H:%M"),
            str(r.summary.get("set") or Path(r.source).name),
            r.format,
            f"[{STYLE[r.status]}]{_status(r)}[/]",
            counts,
            r.changeset or "",
        )
    console.print(table)
    waiting = sum(1 for r in found if r.status is RunStatus.PENDING)
    if waiting:
        console.print(translate("integration.pending_hint", count=waiting), highlight=False)


@app.command("approve")
@reports_errors
def approve(run: RunArgument, database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Keur een wachtende run goed: de bewaarde set wordt toegepast, ook boven de
    veiligheidsgrens (zoals --force)."""
    decided = approve_run(CONTEXT.unit_of_work(database), run, actor=COMMAND_LINE_ACTOR)
    if as_json:
        print_json(run_json(decided))
    elif decided.status is RunStatus.FAILED:
        _print_details(decided)
        errors.print(translate("integration.approve_failed", run=run), highlight=False)
    else:
        key = "approved" if decided.changeset else "approved_nothing"
        console.print(
            translate(f"integration.{key}", run=run, changeset=decided.changeset), highlight=False
        )
    if decided.status is RunStatus.FAILED:
        raise typer.Exit(2)


@app.command("reject")
@reports_errors
def reject(run: RunArgument, database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Wijs een wachtende run af: er wordt niets geschreven en de kopie verdwijnt."""
    decided = reject_run(CONTEXT.unit_of_work(database), run, actor=COMMAND_LINE_ACTOR)
    if as_json:
        print_json(run_json(decided))
    else:
        console.print(translate("integration.rejected", run=run), highlight=False)
