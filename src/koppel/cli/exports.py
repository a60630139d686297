"""``koppel export``: the portal's data as files, formula-safe."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.services.exports import export_students

app = typer.Typer(help="Gegevens uitvoeren naar .xlsx of .csv.", no_args_is_help=True)


@app.command("students")
@reports_errors
def students(
    file: Annotated[Path, typer.Argument(help="Doelbestand: .xlsx of .csv.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Voer de actieve leerlingen uit in de indeling van het importsjabloon."""
    count = export_students(CONTEXT.unit_of_work(database), file)
    if as_json:
        print_json({"file": str(file), "students": count})
    else:
        console.print(translate("export.done", count=count, file=str(file)), highlight=False)
