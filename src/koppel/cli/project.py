"""``koppel project``: the scheduler's project file."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from koppel.cli.options import JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.connector.client import PortalClient, PortalRefused, PortalUnreachable
from koppel.connector.project_setup import (
    assign_groups,
    init_project,
    parse_department_list,
    replace_token,
    set_property,
)
from koppel.connector.years import year_of
from koppel.i18n import translate
from koppel.store.project.file import ProjectFile, ProjectInfo

if TYPE_CHECKING:
    import uvicorn

app = typer.Typer(help="Het roosterbestand van de roostermaker.", no_args_is_help=True)

FileArgument = Annotated[Path, typer.Argument(help="Het roosterbestand (SQLite).")]


@app.command("init")
@reports_errors
def init(
    file: FileArgument,
    portal: Annotated[str, typer.Option("--portal", help="Adres van het portal.")],
    token: Annotated[
        str, typer.Option("--token", envvar="KOPPEL_TOKEN", help="API-token (roostermaker).")
    ],
    departments: Annotated[
        str, typer.Option("--departments", help="Afdelingen van het project, bijv. 4H,4V.")
    ],
    school_year: Annotated[
        str | None,
        typer.Option(
            "--school-year",
            help="Bijv. 2027-2028; standaard het klaargezette schooljaar van het portal, "
            "anders het huidige.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Maak een nieuw roosterbestand, gekoppeld aan één portal, schooljaar en afdelingen."""
    wanted = ProjectInfo(school_year or "", parse_department_list(departments), portal, token)
    with PortalClient(portal, token) as client:
        project = init_project(file, wanted, client)
    info = project.info()
    project.close()
    if as_json:
        print_json(
            {
                "project": str(file),
                "school_year": info.school_year,
                "departments": list(info.departments),
                "portal": info.portal_url,
            }
        )
        return
    console.print(
        translate(
            "project.created",
            path=file,
            year=info.school_year,
            departments=", ".join(info.departments),
            url=info.portal_url,
        ),
        highlight=False,
    )


@app.command("token")
@reports_errors
def set_token(
    file: FileArgument,
    token: Annotated[
        str,
        typer.Option("--token", envvar="KOPPEL_TOKEN", help="Het nieuwe API-token (roostermaker)."),
    ],
    as_json: JsonOption = False,
) -> None:
    """Zet een nieuw API-token in het roosterbestand, bijv. na de upgrade van het portal
    één voor de afdelingen van het project; het portal controleert het eerst."""
    project = ProjectFile.open(file)
    try:
        with PortalClient(project.info().portal_url, token) as client:
            info = replace_token(project, client, token)
    finally:
        project.close()
    if as_json:
        print_json({"project": str(file), "departments": list(info.departments), "token": True})
        return
    console.print(
        translate("project.token_set", path=file, departments=", ".join(info.departments)),
        highlight=False,
    )


@app.command("assign")
@reports_errors
def assign(
    file: FileArgument,
    student: Annotated[str, typer.Option("--student", help="Leerlingnummer.")],
    home_class: Annotated[
        str | None,
        typer.Option("--home-class", help="AFDELING=STAMKLAS (leeg na = geen), bijv. 4V=4V2."),
    ] = None,
    groups: Annotated[
        str | None,
        typer.Option("--groups", help="Precies deze clustergroepen, komma's ertussen."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Pas de groepsindeling van een leerling aan in het project (stamklas in een
    afdeling waar het project leidend is, clustergroepen)."""
    chosen_class = None
    if home_class is not None:
        department, _, name = home_class.partition("=")
        chosen_class = (department, name or None)
    chosen_groups = None if groups is None else groups.split(",")
    project = ProjectFile.open(file)
    changeset = assign_groups(project, student, home_class=chosen_class, groups=chosen_groups)
    project.close()
    if as_json:
        print_json({"written": changeset is not None, "changeset": changeset})
    elif changeset is None:
        console.print(translate("project.unchanged"), highlight=False)
    else:
        console.print(
            translate("project.assigned", student=student, changeset=changeset, path=file),
            highlight=False,
        )


@app.command("property")
@reports_errors
def set_extra_property(
    file: FileArgument,
    student: Annotated[str, typer.Option("--student", help="Leerlingnummer.")],
    name: Annotated[str, typer.Option("--name", help="Bijv. #EMAIL.")],
    value: Annotated[
        str | None, typer.Option("--value", help="De waarde; weglaten verwijdert hem.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Zet of verwijder een extra eigenschap van een leerling (bijv. #EMAIL)."""
    project = ProjectFile.open(file)
    changeset = set_property(project, student, name, value)
    project.close()
    if as_json:
        print_json({"written": changeset is not None, "changeset": changeset})
    elif changeset is None:
        console.print(translate("project.property_unchanged"), highlight=False)
    else:
        console.print(
            translate(
                "project.property_set", name=name.upper(), student=student, changeset=changeset
            ),
            highlight=False,
        )


def _check_before_opening(file: Path) -> None:
    """A clear error before anything starts: the file is no project, or the portal
    answers that it has not got the project's school year. Other troubles with the
    portal (it does not answer, the token is refused) the dashboard shows."""
    project = ProjectFile.open(file)
    try:
        info = project.info()
        with PortalClient(info.portal_url, info.token) as client:
            year_of(project, client)
    except (PortalUnreachable, PortalRefused):
        pass
    finally:
        project.close()


@app.command("open")
@reports_errors
def open_project(
    file: FileArgument,
    port: Annotated[int, typer.Option("--port", help="Poort op 127.0.0.1.")] = 8010,
    no_browser: Annotated[
        bool,
        typer.Option("--no-browser", help="Open geen browser; toon alleen het startbestand."),
    ] = False,
) -> None:
    """Open het roosterbestand in de browser: dashboard, Leerlingen, Lesgroepindelingen.

    De browser krijgt een startbestand (alleen voor u leesbaar) met een sleutel die één
    keer werkt; de sleutel staat nooit in een adres of op een opdrachtregel."""
    import uvicorn

    from koppel.services.private_folders import private_directory, state_directory
    from koppel.web.project.app import HOST, create_project_app
    from koppel.web.project.launch import new_launch_key, write_launch_file

    _check_before_opening(file)
    base = f"http://{HOST}:{port}"
    key = new_launch_key()
    launch_file = write_launch_file(
        private_directory(state_directory("launch")), base=base, key=key, project=file
    )
    server = uvicorn.Server(
        uvicorn.Config(
            create_project_app(file, port=port, launch_key=key, launch_file=launch_file),
            host=HOST,
            port=port,
            log_level="warning",
        )
    )
    said = "project.open_yourself" if no_browser else "project.open"
    console.print(
        translate(said, path=file, url=base, launch=launch_file), highlight=False, soft_wrap=True
    )
    if not no_browser:
        threading.Thread(target=_browser_once_up, args=(server, launch_file), daemon=True).start()
    try:
        server.run()
    finally:
        launch_file.unlink(missing_ok=True)


def _browser_once_up(server: uvicorn.Server, launch_file: Path) -> None:
    """The browser on the launch file (its path only: the key stays in the file), once
    the app listens, so that the file's form finds it."""
    import webbrowser

    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.05)
    webbrowser.open(launch_file.as_uri())
