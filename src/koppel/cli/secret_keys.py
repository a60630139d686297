"""``koppel secrets``: the key that seals the accounts' TOTP secrets in the database."""

from __future__ import annotations

from typing import Annotated

import typer

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.i18n import translate
from koppel.services.accounts.secret_keys import check_secrets, rotate_secrets
from koppel.services.audit.entries import COMMAND_LINE_ACTOR

app = typer.Typer(
    help="De sleutel waarmee de geheimen van de tweestapsverificatie versleuteld zijn.",
    no_args_is_help=True,
)


@app.command("check")
@reports_errors
def check(database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Controleer dat de sleutel elk opgeslagen geheim opent, en tel hoe ze bewaard zijn."""
    kept = check_secrets(CONTEXT.unit_of_work(database))
    if as_json:
        print_json(
            {
                "secrets": kept.total,
                "newest_key": kept.current,
                "older_key": kept.older,
                "not_encrypted": kept.plain,
                "key_from": kept.where,
            }
        )
        return
    console.print(
        translate(
            "cli.secrets.checked",
            total=kept.total,
            current=kept.current,
            older=kept.older,
            plain=kept.plain,
            where=kept.where,
        ),
        highlight=False,
    )


@app.command("rotate")
@reports_errors
def rotate(
    new_key: Annotated[
        bool,
        typer.Option(
            "--new-key",
            help="Zet eerst een nieuwe sleutel vooraan in het sleutelbestand (de oude blijven).",
        ),
    ] = False,
    drop_old_keys: Annotated[
        bool,
        typer.Option(
            "--drop-old-keys",
            help="Haal daarna de oudere sleutels uit het sleutelbestand (oudere back-ups "
            "hebben ze nog nodig: bewaar het oude bestand daarbij).",
        ),
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Versleutel elk opgeslagen geheim opnieuw met de nieuwste (eerste) sleutel, in één
    transactie; ook geheimen van vóór de versleuteling."""
    done = rotate_secrets(
        CONTEXT.unit_of_work(database),
        new_key=new_key,
        drop_old_keys=drop_old_keys,
        actor=COMMAND_LINE_ACTOR,
    )
    if as_json:
        print_json(
            {
                "resealed": done.resealed,
                "were_not_encrypted": done.were_plain,
                "new_key": done.new_key,
                "dropped_keys": done.dropped_keys,
                "key_from": done.where,
            }
        )
        return
    if done.new_key:
        console.print(translate("cli.secrets.key_added", where=done.where), highlight=False)
    console.print(
        translate("cli.secrets.resealed", count=done.resealed, plain=done.were_plain),
        highlight=False,
    )
    if drop_old_keys:
        console.print(translate("cli.secrets.dropped", count=done.dropped_keys), highlight=False)
