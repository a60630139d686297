"""Options that many commands share."""

from __future__ import annotations

from typing import Annotated

import typer

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database-adres, bijv. sqlite:///koppel.db of postgresql://gebruiker@host/db "
        "(anders dat voor 'koppel' zelf, anders KOPPEL_DATABASE_URL).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print één JSON-object op stdout (voor scripts).")
]
