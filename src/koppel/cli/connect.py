"""``koppel connect``: compare the project with its portal and move what the scheduler
selects (DESIGN.md sections 4 and 8)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from koppel.cli.options import JsonOption
from koppel.cli.output import RichProgress, console, errors, print_json, reports_errors
from koppel.connector import sync
from koppel.connector.applying import Selection
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.connector.results import ApplyResult
from koppel.connector.years import open_comparer
from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Value
from koppel.i18n import translate
from koppel.store.project.file import ProjectFile

app = typer.Typer(
    help="Portalconnector: vergelijk het roosterbestand met het portal en synchroniseer.",
    no_args_is_help=True,
)

FileArgument = Annotated[Path, typer.Argument(help="Het roosterbestand.")]
DomainArgument = Annotated[str, typer.Argument(help="Onderdeel, bijv. prognoses.")]
NoAutoOption = Annotated[
    bool,
    typer.Option("--no-auto", help="Neem deze keer de persoonsgegevens niet automatisch over."),
]
DepartmentOption = Annotated[
    list[str] | None, typer.Option("--department", help="Alleen deze afdeling (herhaalbaar).")
]
StudentOption = Annotated[
    list[str] | None, typer.Option("--student", help="Alleen deze leerling (herhaalbaar).")
]
AcceptOption = Annotated[
    bool,
    typer.Option(
        "--accept-conflicts",
        help="Neem bij conflicten de waarde van de leidende kant over.",
    ),
]
DIFF_ROWS_SHOWN = 200
CONFLICTS_EXIT = 4


@contextmanager
def _connector(file: Path) -> Iterator[Comparer]:
    project = ProjectFile.open(file)
    info = project.info()
    try:
        with PortalClient(info.portal_url, info.token) as client:
            yield open_comparer(project, client)
    finally:
        project.close()


def _auto_line(taken: ApplyResult | None) -> None:
    if taken is not None and taken.written:
        console.print(
            translate("connector.auto", count=taken.applied, changeset=taken.changeset),
            highlight=False,
        )


@app.command("status")
@reports_errors
def status(file: FileArgument, no_auto: NoAutoOption = False, as_json: JsonOption = False) -> None:
    """Per onderdeel: OK of het aantal verschillen (conflicten apart)."""
    with _connector(file) as comparer, RichProgress() as progress:
        report = sync.status(comparer, auto=not no_auto, progress=progress)
    if as_json:
        print_json(report.as_json())
        return
    _auto_line(report.auto)
    table = Table(title=translate("connector.status.title", path=file, as_of=report.as_of))
    for code in (
        "connector.column.domain",
        "word.status",
        "connector.column.direction",
        "connector.column.conflicts",
    ):
        table.add_column(translate(code))
    for domain, found in report.domains.items():
        style = "green" if found.ok else "magenta"
        table.add_row(
            translate(f"domain.{domain.value}"),
            f"[{style}]{found.label}[/]",
            translate(f"direction.{found.direction}"),
            str(found.conflicts) if found.conflicts else "",
        )
    console.print(table)


def _shown(value: Value) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return " ".join(value) or "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _diff_table(title: str, rows: list[DiffRow]) -> Table:
    table = Table(title=title)
    for column in ("student", "department", "field", "portal", "project", "base", "direction"):
        table.add_column(translate(f"connector.column.{column}"))
    for row in rows[:DIFF_ROWS_SHOWN]:
        for field in row.fields:
            mark = "red" if field.conflict else "magenta"
            table.add_row(
                row.student,
                row.department or "",
                field.name,
                f"[{mark}]{_shown(field.portal)}[/]",
                f"[{mark}]{_shown(field.project)}[/]",
                _shown(field.base),
                translate(f"direction.{row.direction.value}"),
            )
    return table


@app.command("diff")
@reports_errors
def diff(
    file: FileArgument,
    domain: DomainArgument,
    department: DepartmentOption = None,
    no_auto: NoAutoOption = False,
    as_json: JsonOption = False,
) -> None:
    """Per leerling en veld wat verschilt: P (portal), D (project), basis; schrijft niets."""
    chosen = sync.parse_domain(domain)
    with _connector(file) as comparer:
        report = sync.diff(comparer, chosen, auto=not no_auto)
    if as_json:
        print_json(report.as_json(department))
        return
    _auto_line(report.auto)
    wanted = None if not department else {d.upper() for d in department}
    rows = [
        row
        for row in report.diff.rows
        if wanted is None or row.department is None or row.department in wanted
    ]
    name = translate(f"domain.{chosen.value}")
    if not rows:
        console.print(translate("connector.diff.none", domain=name, as_of=report.as_of))
        return
    title = translate("connector.diff.title", domain=name, rows=len(rows), as_of=report.as_of)
    console.print(_diff_table(title, rows))
    if len(rows) > DIFF_ROWS_SHOWN:
        console.print(translate("connector.diff.more", count=len(rows) - DIFF_ROWS_SHOWN))


def _report(file: Path, result: ApplyResult, taken: ApplyResult | None, as_json: bool) -> None:
    if as_json:
        data = result.as_json()
        data["auto"] = None if taken is None else taken.as_json()
        print_json(data)
    else:
        _auto_line(taken)
        if result.written:
            console.print(
                translate(
                    "connector.applied",
                    count=result.applied,
                    direction=translate(f"direction.{result.direction.value}"),
                    changeset=result.changeset,
                    path=file,
                ),
                highlight=False,
            )
        else:
            console.print(translate("connector.nothing"), highlight=False)
        for skipped in result.skipped:
            errors.print(
                translate(
                    "connector.skipped",
                    student=skipped.student,
                    department=skipped.department or "",
                    reason=skipped.detail or translate(skipped.reason),
                ),
                highlight=False,
            )
        if result.conflicts:
            errors.print(translate("connector.conflicts_left", count=result.conflicts))
    if result.conflicts:
        raise typer.Exit(CONFLICTS_EXIT)


def _selection(
    department: list[str] | None,
    student: list[str] | None,
    accept_conflicts: bool,
    only_new: bool = False,
) -> Selection:
    return Selection(
        departments=None if not department else [d.upper().replace(" ", "") for d in department],
        students=student or None,
        accept_conflicts=accept_conflicts,
        only_new_package_departments=only_new,
    )


@app.command("download")
@reports_errors
def download(
    file: FileArgument,
    domain: DomainArgument,
    department: DepartmentOption = None,
    student: StudentOption = None,
    accept_conflicts: AcceptOption = False,
    only_new: Annotated[
        bool,
        typer.Option(
            "--only-new-departments",
            help="Pakketkeuzes: alleen afdelingen die nog geen pakketten in het project hebben.",
        ),
    ] = False,
    take_portal: Annotated[
        bool,
        typer.Option(
            "--take-portal",
            help="Ook waar het project leidend is de indeling van het portal overnemen "
            "(om een nieuw project met de groepen van het portal te beginnen).",
        ),
    ] = False,
    no_auto: NoAutoOption = False,
    as_json: JsonOption = False,
) -> None:
    """Haal de geselecteerde verschillen uit het portal naar het project (één wijzigingenset)."""
    chosen = sync.download_domain(domain, take_portal=take_portal)
    selection = _selection(department, student, accept_conflicts, only_new)
    selection = replace(selection, take_portal=take_portal)
    with _connector(file) as comparer:
        result, taken = sync.download_selection(comparer, chosen, selection, auto=not no_auto)
    _report(file, result, taken, as_json)


@app.command("upload")
@reports_errors
def upload(
    file: FileArgument,
    domain: Annotated[
        str,
        typer.Argument(help="students, home_classes, cluster_groups of group_assignments (beide)."),
    ],
    department: DepartmentOption = None,
    student: StudentOption = None,
    accept_conflicts: AcceptOption = False,
    no_auto: NoAutoOption = False,
    as_json: JsonOption = False,
) -> None:
    """Zet de geselecteerde wijzigingen van het project in het portal (één wijzigingenset)."""
    domains = sync.upload_domains(domain)
    selection = _selection(department, student, accept_conflicts)
    with _connector(file) as comparer:
        result, taken = sync.upload_selection(comparer, domains, selection, auto=not no_auto)
    _report(file, result, taken, as_json)


@app.command("undo")
@reports_errors
def undo(file: FileArgument, as_json: JsonOption = False) -> None:
    """Draai de laatste wijzigingenset terug (bij een upload ook in het portal)."""
    with _connector(file) as comparer:
        result = sync.undo_latest(comparer)
    if as_json:
        print_json(result.as_json())
    elif not result.written:
        console.print(translate("connector.nothing_to_undo"), highlight=False)
    else:
        console.print(
            translate("connector.undone", changeset=result.changeset, count=result.reversed),
            highlight=False,
        )
        if result.portal_changeset:
            console.print(
                translate("connector.undone_portal", changeset=result.portal_changeset),
                highlight=False,
            )
