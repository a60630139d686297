"""``koppel user``: accounts from the command line."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.domain.accounts import Account, AccountKind, Role
from koppel.i18n import translate
from koppel.services.accounts.manage import add_account, deactivate_account, reset_password
from koppel.services.accounts.two_factor import reset_two_factor
from koppel.services.audit.entries import COMMAND_LINE_ACTOR

app = typer.Typer(help="Accounts van het portal.", no_args_is_help=True)


@app.command("add")
@reports_errors
def add(
    username: Annotated[str, typer.Argument(help="Gebruikersnaam, bijv. jansen of 012345.")],
    roles: Annotated[
        list[Role],
        typer.Option("--role", help="Rol (meer dan eens mogelijk).", case_sensitive=False),
    ],
    name: Annotated[str | None, typer.Option("--name", help="Naam zoals getoond.")] = None,
    email: Annotated[str, typer.Option("--email")] = "",
    departments: Annotated[
        list[str] | None,
        typer.Option("--department", help="Afdeling van een teamleider (meer dan eens)."),
    ] = None,
    student: Annotated[
        str, typer.Option("--student", help="Leerlingnummer (voor de rol student).")
    ] = "",
    staff: Annotated[str, typer.Option("--staff", help="Docentcode van de medewerker.")] = "",
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin", help="Lees het wachtwoord van stdin i.p.v. er een te maken."
        ),
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Maak een account; zonder --password-stdin krijgt het een gegenereerd wachtwoord."""
    kind = AccountKind.STUDENT if student else (AccountKind.STAFF if staff else AccountKind.OTHER)
    account = Account(
        username=username,
        display_name=name or username,
        roles=frozenset(roles),
        kind=kind,
        student_number=student,
        staff_code=staff.upper(),
        departments=frozenset(departments or ()),
        email=email,
    )
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    created = add_account(CONTEXT.unit_of_work(database), account, password=password)
    if as_json:
        print_json(
            {
                "username": created.account.username,
                "roles": sorted(role.value for role in created.account.roles),
                "departments": sorted(created.account.departments),
                "password": created.password if created.is_generated else None,
            }
        )
        return
    roles_text = ", ".join(
        sorted(translate(f"role.{role.value}") for role in created.account.roles)
    )
    console.print(
        translate("cli.user.added", username=created.account.username, roles=roles_text),
        highlight=False,
    )
    if created.is_generated:
        console.print(translate("cli.user.password", password=created.password), highlight=False)


@app.command("reset-password")
@reports_errors
def reset(
    username: Annotated[str, typer.Argument(help="Het account.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Geef een account een nieuw, gegenereerd wachtwoord; al zijn sessies eindigen."""
    password = reset_password(CONTEXT.unit_of_work(database), username, actor=COMMAND_LINE_ACTOR)
    if as_json:
        print_json({"username": username.lower(), "password": password})
        return
    console.print(translate("cli.user.password", password=password), highlight=False)


@app.command("deactivate")
@reports_errors
def deactivate(
    username: Annotated[str, typer.Argument(help="Het account.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Zet een account op non-actief: sessies eindigen per direct, tokens werken niet meer."""
    changed = deactivate_account(CONTEXT.unit_of_work(database), username, actor=COMMAND_LINE_ACTOR)
    if as_json:
        print_json({"username": username.lower(), "deactivated": changed})
        return
    message = "cli.user.deactivated" if changed else "cli.user.already_inactive"
    console.print(translate(message, username=username.lower()), highlight=False)


@app.command("reset-totp")
@reports_errors
def reset_totp(
    username: Annotated[str, typer.Argument(help="Het account.")],
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Zet de tweestapsverificatie van een account uit (verloren telefoon); sessies eindigen."""
    changed = reset_two_factor(CONTEXT.unit_of_work(database), username, actor=COMMAND_LINE_ACTOR)
    if as_json:
        print_json({"username": username.lower(), "reset": changed})
        return
    message = "cli.user.totp_reset" if changed else "cli.user.totp_was_off"
    console.print(translate(message, username=username.lower()), highlight=False)
