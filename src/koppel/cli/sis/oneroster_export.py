"""``koppel oneroster export DIR``: the portal as a OneRoster 1.1 bulk CSV set (registered
on the ``oneroster`` group of :mod:`koppel.cli.sis.oneroster`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate


@reports_errors
def export_command(
    directory: Annotated[
        Path,
        typer.Argument(help="De map voor de set (wordt aangemaakt); met --zip: het zipbestand."),
    ],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Vervang een eerdere export in deze map.")
    ] = False,
    as_zip: Annotated[
        bool, typer.Option("--zip", help="Schrijf de set als één zipbestand.")
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Schrijf leerlingen, personeel, groepen, groepsindelingen en schooljaren als
    OneRoster 1.1-set (bulk, met manifest.csv).

    Alleen wat OneRoster nodig heeft: geen adressen, nooit wachtwoorden. Verandert niets
    in de database."""
    from koppel.services.sis.exporting import export_sis

    result = export_sis(
        CONTEXT.unit_of_work(database), directory, overwrite=overwrite, as_zip=as_zip
    )
    if as_json:
        print_json(result.as_json())
        return
    lines = [translate("roster_export.written", path=str(directory))]
    lines += [
        translate("roster_export.file", file=name, rows=rows) for name, rows in result.files.items()
    ]
    if result.absent:
        lines.append(translate("roster_export.absent", files=", ".join(result.absent)))
    lines += [
        translate("roster_export.minimised"),
        "",
        translate("roster_export.next", path=str(directory)),
    ]
    for line in lines:
        console.print(line, highlight=False, markup=False)
