"""``koppel demo``: build the demo school (:func:`koppel.cli.portal.demo`, run when no
subcommand is given) and ``koppel demo next-year DIR``: next year's SIS files derived
from the portal, to rehearse the year transition."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from koppel.cli import portal
from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.settings import DEFAULT_DATABASE_URL
from koppel.store.database import display_url

app = typer.Typer(invoke_without_command=True, no_args_is_help=False)
app.callback(invoke_without_command=True)(portal.demo)


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@app.command("next-year")
@reports_errors
def next_year(
    directory: Annotated[
        Path, typer.Argument(help="De map voor de drie bestanden (wordt aangemaakt).")
    ],
    seed: Annotated[int, typer.Option("--seed", help="Zelfde seed, zelfde bestanden.")] = 1,
    file_format: Annotated[
        FileFormat, typer.Option("--format", help="csv (standaard) of xlsx.")
    ] = FileFormat.CSV,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Overschrijf bestanden die er al staan.")
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Schrijf de bestanden van volgend schooljaar, om de jaarovergang te oefenen.

    Leerlingen, personeel en docent-groepen zoals de leerlingadministratie ze zou
    leveren, afgeleid van het portal. Schrijft niets in de database."""
    from koppel.services.demo.next_year import write_next_year_files

    uow = CONTEXT.unit_of_work(database)
    written = write_next_year_files(
        uow, directory, seed=seed, suffix=f".{file_format.value}", overwrite=overwrite
    )
    if as_json:
        print_json(written.as_json())
        return
    url = display_url(CONTEXT.engine(database))
    koppel = "koppel" if url == DEFAULT_DATABASE_URL else f"koppel --database {url}"
    lines = [
        translate("cli.next_year.written", year=written.school_year, url=url),
        translate(
            "cli.next_year.students",
            file=written.students_file.name,
            rows=written.students,
            staying=written.students - written.students_new,
            new=written.students_new,
            with_class=written.students_with_class,
            absent=len(written.students_absent),
            graduated=written.students_graduated,
            left=written.students_left,
        ),
        translate(
            "cli.next_year.staff",
            file=written.staff_file.name,
            rows=written.staff,
            joined=len(written.staff_joined),
            departed=len(written.staff_departed),
        ),
        translate(
            "cli.next_year.links",
            file=written.teacher_groups_file.name,
            links=written.links,
            groups=written.groups,
        ),
        "",
        translate("cli.next_year.steps"),
        f"  1. {koppel} import students {written.students_file} --dry-run",
        f"     {koppel} import staff {written.staff_file}",
        f"  2. {koppel} groups delete --all",
        f"  3. {koppel} import students {written.students_file} --mark-absent-left",
        f"  4. {koppel} import teacher-groups {written.teacher_groups_file}",
        f"  5. {koppel} staff remove-departed --staff-file {written.staff_file}",
        translate("cli.next_year.status", koppel=koppel),
    ]
    for line in lines:
        console.print(line, highlight=False, markup=False)
