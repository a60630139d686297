"""``koppel token``: API tokens for the connector and scripts."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.domain.accounts import ApiToken, Role
from koppel.i18n import translate
from koppel.services.accounts.tokens import create_token, list_tokens, revoke_token

app = typer.Typer(help="API-tokens voor de portalconnector en scripts.", no_args_is_help=True)


@app.command("create")
@reports_errors
def create(
    name: Annotated[str, typer.Argument(help="Een naam om het token aan te herkennen.")],
    user: Annotated[str, typer.Option("--user", help="Het account waarvoor het token spreekt.")],
    role: Annotated[
        Role, typer.Option("--role", help="De rol van het token.", case_sensitive=False)
    ] = Role.SCHEDULER,
    department: Annotated[
        list[str] | None,
        typer.Option(
            "--department",
            help="Een afdeling van het roosterbestand (herhaal, of met komma's: 4V,5V); "
            "verplicht voor een roostermaker, die alleen deze afdelingen leest en schrijft.",
        ),
    ] = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Maak een token; het wordt één keer getoond en alleen als hash bewaard."""
    made = create_token(
        CONTEXT.unit_of_work(database),
        name,
        username=user,
        role=role,
        departments=department or (),
    )
    if as_json:
        print_json(
            {
                "name": made.name,
                "token": made.token,
                "user": made.username,
                "role": made.role.value,
                "departments": _departments_json(made.role.value, made.departments),
            }
        )
        return
    console.print(
        translate("cli.token.created", name=made.name, user=made.username), highlight=False
    )
    console.print(made.token, highlight=False, soft_wrap=True)


@app.command("revoke")
@reports_errors
def revoke(
    name: Annotated[str, typer.Argument(help="De naam van het token.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Trek een token in: het werkt per direct niet meer."""
    revoked = revoke_token(CONTEXT.unit_of_work(database), name)
    if as_json:
        print_json({"name": name, "revoked": revoked})
        return
    message = "cli.token.revoked" if revoked else "token.was_revoked"
    console.print(translate(message, name=name), highlight=False)


def _departments_json(role: str, departments: tuple[str, ...]) -> list[str] | None:
    """null for the whole school (an administrator's token)."""
    return None if role == Role.ADMINISTRATOR.value else list(departments)


def _departments_text(token: ApiToken) -> str:
    if token.role == Role.ADMINISTRATOR.value:
        return translate("token.whole_school")
    if not token.departments and token.role == Role.SCHEDULER.value:
        return translate("token.no_departments")
    return ", ".join(token.departments) or "-"


@app.command("list")
@reports_errors
def list_(database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Toon de tokens (zonder hun waarde)."""
    tokens = list_tokens(CONTEXT.unit_of_work(database))
    if as_json:
        print_json(
            {
                "tokens": [
                    {
                        "name": t.name,
                        "user": t.username,
                        "role": t.role,
                        "departments": _departments_json(t.role, t.departments),
                        "created_at": t.created_at.isoformat(),
                        "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                        "revoked": t.revoked_at is not None,
                    }
                    for t in tokens
                ]
            }
        )
        return
    table = Table(title=translate("tokens.title"))
    columns = ("word.name", "cli.token.user", "cli.column.role", "stats.departments")
    for code in (*columns, "cli.token.state"):
        table.add_column(translate(code))
    for t in tokens:
        state = "cli.token.state_revoked" if t.revoked_at else "word.active"
        table.add_row(
            t.name, t.username, translate(f"role.{t.role}"), _departments_text(t), translate(state)
        )
    console.print(table)
