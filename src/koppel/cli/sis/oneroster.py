"""``koppel oneroster``: SIS sets (OneRoster 1.1/1.2 CSV, School Data Sync) from the
school administration, the SIS integration (koppeling) by hand."""

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
from koppel.cli.sis.oneroster_export import export_command
from koppel.domain.errors import KoppelError
from koppel.i18n import translate
from koppel.services.sis.importing import REPORT_KIND, failure_problem, import_sis
from koppel.services.sis.report import SisOptions, SisReport

StudentNumberOption = Annotated[
    str | None,
    typer.Option(
        "--student-number",
        help="Het veld van de gebruiker dat het leerlingnummer geeft: identifier, sourcedId, "
        "username, of een eigen kolom van het systeem (ext_..., metadata....). Standaard: "
        "identifier, anders sourcedId.",
        show_default=False,
    ),
]

app = typer.Typer(
    help="OneRoster- en School Data Sync-sets: de koppeling met de leerlingadministratie.",
    no_args_is_help=True,
)


@app.command("import")
@reports_errors
def import_set(
    source: Annotated[
        Path,
        typer.Argument(
            help="De set: een map of zip-bestand met manifest.csv, users.csv, ... "
            "(OneRoster 1.1/1.2, School Data Sync).",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Laat zien wat er zou veranderen; schrijf niets.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Ook als meer leerlingen of medewerkers als vertrokken worden gemarkeerd "
            "dan de school toestaat (standaard 10%).",
        ),
    ] = False,
    home_class_pattern: Annotated[
        str | None,
        typer.Option(
            "--home-class-pattern",
            help="Reguliere expressie op classCode of titel die een klas tot stamklas maakt "
            "(standaard: de instelling van de school, anders classType homeroom).",
            show_default=False,
        ),
    ] = None,
    student_number: StudentNumberOption = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Lees een roosterset in: leerlingen, personeel, accounts, groepen, groepsindelingen en
    docentkoppelingen. Eén wijzigingenset, terug te draaien met koppel undo."""
    options = SisOptions(
        dry_run=dry_run,
        force=force,
        home_class_pattern=home_class_pattern,
        student_number=student_number,
    )
    try:
        with RichProgress() as progress:
            report = import_sis(
                CONTEXT.unit_of_work(database), source, options=options, progress=progress
            )
    except KoppelError as error:
        if not as_json:
            raise
        report = SisReport(file=source.name, kind=REPORT_KIND)  # the import's JSON shape
        report.errors.append(failure_problem(error, source.name))
    finish(report, as_json=as_json, show=_print)


def _print(report: SisReport) -> None:
    if print_problems(report.errors, report.warnings):
        return
    title = translate(
        "roster.plan.title",
        file=report.file,
        format=report.format,
        rows=report.rows,
        school_year=report.school_year,
    )
    table = Table(title=title)
    table.add_column("")
    for column in ("new", "updated", "unchanged", "absent"):
        table.add_column(translate(f"import.count.{column}"), justify="right")
    for name, counts in (("students", report.students), ("staff", report.staff)):
        if counts is not None:
            data = counts.as_json()
            table.add_row(translate(f"import.kind.{name}"), *(str(data[c]) for c in data))
    console.print(table)
    changed = Table()
    changed.add_column("")
    for column in ("import.count.new", "word.removed", "import.count.unchanged"):
        changed.add_column(translate(column), justify="right")
    for code, found in (
        ("transition.count.memberships", report.memberships),
        ("roster.plan.kind.links", report.teacher_links),
    ):
        changed.add_row(
            translate(code),
            str(found.new),
            str(found.removed),
            str(found.unchanged),
        )
    console.print(changed)
    for code, count in (
        ("roster.plan.groups", None),
        ("roster.plan.marked_left", report.marked_left),
        ("roster.plan.others", report.others),
    ):
        if count is None:
            text = translate(code, new=report.groups_new, deleted=report.groups_deleted)
        elif count:
            text = translate(code, count=count)
        else:
            continue
        console.print(text, highlight=False)
    if report.refusal is not None:
        errors.print(f"[red]{escape(report.refusal.message())}[/]", highlight=False)
    elif report.written:
        console.print(translate("cli.applied", changeset=report.changeset), highlight=False)
    elif report.dry_run:
        console.print(translate("import.preview_only"), highlight=False)
    else:
        console.print(translate("roster.plan.nothing"), highlight=False)


app.command("export")(export_command)
