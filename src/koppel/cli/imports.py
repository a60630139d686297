"""``koppel import``: files from the school administration, previewed or applied."""

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
from koppel.files.columns import ImportKind
from koppel.files.templates import write_template
from koppel.i18n import translate
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport, mapped_lines
from koppel.services.imports.run import run_import

app = typer.Typer(help="Bestanden uit de leerlingadministratie inlezen.", no_args_is_help=True)

FileArgument = Annotated[
    Path, typer.Argument(help="Het bestand: .xlsx, .csv of .txt.", show_default=False)
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Laat zien wat er zou veranderen; schrijf niets.")
]
SheetOption = Annotated[
    str | None, typer.Option("--sheet", help="Het tabblad (standaard: het eerste met kolomkoppen).")
]
MappingOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        help="Een koppelprofiel (TOML): kolomkoppen en waarden die koppel niet zelf herkent.",
    ),
]


SchoolYearOption = Annotated[
    str | None,
    typer.Option(
        "--school-year",
        help="Het schooljaar dat het bestand vult (standaard: het klaargezette; bij "
        "personeel zonder klaargezet jaar het huidige).",
    ),
]


def _run(
    kind: ImportKind,
    file: Path,
    options: ImportOptions,
    database: str | None,
    as_json: bool,
) -> None:
    with RichProgress() as progress:
        report = run_import(
            CONTEXT.unit_of_work(database), kind, file, options=options, progress=progress
        )
    finish(report, as_json=as_json, show=_print)


def _print(report: ImportReport) -> None:
    if print_problems(report.errors, report.warnings):
        return
    table = Table(title=translate("import.summary", file=report.file, rows=report.rows))
    table.add_column("")
    for column in ("new", "updated", "unchanged", "absent"):
        table.add_column(translate(f"import.count.{column}"), justify="right")
    for name, counts in (
        ("students", report.students),
        ("staff", report.staff),
        ("links", report.links),
    ):
        if counts is not None:
            data = counts.as_json()
            table.add_row(translate(f"import.kind.{name}"), *(str(data[c]) for c in data))
    console.print(table)
    if report.school_year is not None:
        console.print(translate("import.school_year", year=report.school_year), highlight=False)
    if report.groups_new:
        console.print(translate("import.groups_new", count=report.groups_new), highlight=False)
    _print_mapped(report)
    differs = report.details.get("prognosis_differs")
    if isinstance(differs, dict) and differs:
        per_department = ", ".join(
            f"{code} {len(rows) if isinstance(rows, list) else 0}" for code, rows in differs.items()
        )
        console.print(
            translate("import.prognosis_differs", departments=per_department), highlight=False
        )
    if report.refusal is not None:
        errors.print(f"[red]{escape(report.refusal.message())}[/]", highlight=False)
    elif report.written:
        console.print(translate("cli.applied", changeset=report.changeset), highlight=False)
    else:
        console.print(translate("import.preview_only"), highlight=False)


def _print_mapped(report: ImportReport) -> None:
    """Which values were read other than as written (``Afdeling '4 VWO' -> 4V``)."""
    mapped = report.details.get("values_mapped")
    if not isinstance(mapped, list) or not mapped:
        return
    console.print(translate("import.values_mapped"), highlight=False, markup=False)
    for line in mapped_lines(mapped):
        console.print(f"  {line}", highlight=False, markup=False)


@app.command("students")
@reports_errors
def students(
    file: FileArgument,
    dry_run: DryRunOption = False,
    sheet: SheetOption = None,
    mapping: MappingOption = None,
    mark_absent_left: Annotated[
        bool,
        typer.Option(
            "--mark-absent-left",
            help="Markeer actieve leerlingen die niet in het bestand staan als vertrokken.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Ook als meer dan 10% als vertrokken wordt gemarkeerd.")
    ] = False,
    school_year: SchoolYearOption = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Lees leerlingen (deelnemers) in, met hun afdeling en stamklas: in het klaargezette
    schooljaar als er een is (jaarovergang, stap 3), anders in het huidige."""
    options = ImportOptions(
        dry_run=dry_run,
        sheet=sheet,
        mapping=mapping,
        mark_absent_left=mark_absent_left,
        force=force,
        school_year=school_year,
    )
    _run(ImportKind.STUDENTS, file, options, database, as_json)


def _register_plain_import(kind: ImportKind, summary: str) -> None:
    """``koppel import staff`` and ``teacher-groups``: the same options, another kind."""

    def command(
        file: FileArgument,
        dry_run: DryRunOption = False,
        sheet: SheetOption = None,
        mapping: MappingOption = None,
        school_year: SchoolYearOption = None,
        database: DatabaseOption = None,
        as_json: JsonOption = False,
    ) -> None:
        options = ImportOptions(
            dry_run=dry_run, sheet=sheet, mapping=mapping, school_year=school_year
        )
        _run(kind, file, options, database, as_json)

    command.__doc__ = summary
    app.command(kind.value)(reports_errors(command))


_register_plain_import(
    ImportKind.STAFF, "Lees personeel in: docentcode, naam, e-mail, rollen en groepen."
)
_register_plain_import(
    ImportKind.TEACHER_GROUPS,
    "Koppel docenten en mentoren aan groepen (docentcode of e-mail, groep, rol).",
)


@app.command("template")
@reports_errors
def template(
    kind: Annotated[ImportKind, typer.Argument(help="students, staff of teacher-groups.")],
    file: Annotated[Path, typer.Argument(help="Doelbestand: .xlsx of .csv.")],
) -> None:
    """Schrijf een leeg importbestand met alle kolomkoppen en een voorbeeldregel."""
    write_template(kind, file)
    console.print(translate("import.template_written", file=str(file)), highlight=False)
