"""``koppel undo``: reverse an applied import, step or sync."""

from __future__ import annotations

from typing import Annotated

import typer

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.services.audit.undo import undo_changeset


@reports_errors
def undo(
    changeset: Annotated[str, typer.Argument(help="Het nummer van de wijzigingenset.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Maak een toegepaste wijzigingenset ongedaan (import, stap of synchronisatie)."""
    result = undo_changeset(CONTEXT.unit_of_work(database), changeset)
    if as_json:
        print_json(result.as_json())
    elif result.written:
        console.print(
            translate(
                "undo.done", changeset=changeset, count=result.reversed, undo=result.undo_changeset
            ),
            highlight=False,
        )
    else:
        console.print(translate("undo.already", changeset=changeset), highlight=False)
