"""``koppel demo``: build the demo school (:func:`koppel.cli.portal.demo`, run when no
subcommand is given) and ``koppel demo next-year DIR``: next year's SIS files derived
from the portal, to rehearse the school year's life step by step, or all at once with
``--rehearse`` (prepare, promote, the five steps, switch)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from koppel.cli import portal
from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import RichProgress, console, errors, print_json, reports_errors
from koppel.domain.school import SchoolYear
from koppel.i18n import translate
from koppel.settings import DEFAULT_DATABASE_URL
from koppel.store.database import display_url

if TYPE_CHECKING:  # imported where used: the command starts without the services
    from koppel.services.demo.next_year import NextYearFiles
    from koppel.services.demo.rehearsal import Rehearsal, RehearsedStep

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
    rehearse: Annotated[
        bool,
        typer.Option(
            "--rehearse",
            help="Oefen daarna het hele schooljaar op de demodatabase: klaarzetten, "
            "doorzetten, de vijf stappen met deze bestanden, wisselen.",
        ),
    ] = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Schrijf de bestanden van volgend schooljaar, om de jaarovergang te oefenen.

    Leerlingen, personeel en docent-groepen zoals de leerlingadministratie ze zou
    leveren, afgeleid van het portal. Schrijft niets in de database, behalve met
    --rehearse: dan zet het volgend jaar klaar, zet door, doet de vijf stappen en wisselt
    (alleen op een demoschool; elke stap één wijzigingenset)."""
    from koppel.services.demo.next_year import write_next_year_files
    from koppel.services.demo.rehearsal import check_rehearsal

    uow = CONTEXT.unit_of_work(database)
    if rehearse:
        check_rehearsal(uow)  # refused before a file is written
    written = write_next_year_files(
        uow, directory, seed=seed, suffix=f".{file_format.value}", overwrite=overwrite
    )
    url = display_url(CONTEXT.engine(database))
    koppel = "koppel" if url == DEFAULT_DATABASE_URL else f"koppel --database {url}"
    if not rehearse:
        if as_json:
            print_json(written.as_json())
            return
        _print_lines([*_files_lines(written, url), "", *_life_lines(written, koppel)])
        return
    _rehearse(written, url, koppel, database, as_json)


def _print_lines(lines: list[str]) -> None:
    for line in lines:
        console.print(line, highlight=False, markup=False)


def _files_lines(written: NextYearFiles, url: str) -> list[str]:
    return [
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
    ]


def _life_lines(written: NextYearFiles, koppel: str) -> list[str]:
    """The whole life of next year as commands to type, in order."""
    students, staff = written.students_file, written.staff_file
    return [
        translate("cli.next_year.steps"),
        f"  {translate('year.step.prepare')}:",
        f"     {koppel} year prepare",
        f"  {translate('year.step.promote')}:",
        f"     {koppel} year promote",
        f"  1. {koppel} import students {students} --dry-run",
        f"     {koppel} import staff {staff}",
        f"  2. {koppel} groups delete --all",
        f"  3. {koppel} import students {students} --mark-absent-left",
        f"  4. {koppel} import teacher-groups {written.teacher_groups_file}",
        f"  5. {koppel} staff remove-departed --staff-file {staff}",
        f"  {translate('year.step.switch')}:",
        f"     {koppel} year switch {written.school_year}",
        translate("cli.next_year.status", koppel=koppel),
        translate("cli.next_year.rehearse_hint", koppel=koppel),
    ]


COUNT_WORDS = {
    "departments": "stats.departments",
    "participations": "year.promote.count.participations",
    "previous_home_classes": "transition.count.previous_home_classes",
    "package_choices": "year.promote.count.package_choices",
    "without_prognosis": "cli.next_year.count.without_prognosis",
    "leaving": "year.promote.count.leaving",
    "new": "import.count.new",
    "updated": "import.count.updated",
    "unchanged": "import.count.unchanged",
    "absent": "import.count.absent",
    "groups": "transition.count.groups",
    "memberships": "transition.count.memberships",
    "teacher_links": "transition.count.teacher_links",
    "kept_as_history": "cli.next_year.count.kept_as_history",
    "marked_left": "cli.next_year.count.marked_left",
    "groups_new": "runs.count.groups_new",
    "prognosis_differs": "cli.next_year.count.prognosis_differs",
    "departed": "cli.next_year.count.departed",
}
"""What each count of a rehearsed step is called."""


def _counts(step: RehearsedStep) -> str:
    """The step's counts in words, those that are not zero."""
    return ", ".join(f"{n} {translate(COUNT_WORDS[k])}" for k, n in step.counts.items() if n)


def _seconds(value: float) -> str:
    return f"{value:.1f}"


def _rehearse(
    written: NextYearFiles, url: str, koppel: str, database: str | None, as_json: bool
) -> None:
    from koppel.services.demo.rehearsal import STEP_CODES, STEP_LABELS, rehearse

    def show(step: RehearsedStep) -> None:
        if step.exit_code:
            outcome = translate("cli.next_year.rehearsal.failed")
        elif step.written:
            outcome = translate("cli.next_year.rehearsal.applied", changeset=step.changeset)
        else:
            outcome = translate("cli.next_year.rehearsal.unchanged")
        line = translate(
            "cli.next_year.rehearsal.step",
            number=STEP_CODES.index(step.code) + 1,
            total=len(STEP_CODES),
            label=translate(STEP_LABELS[step.code]),
            outcome=outcome,
            seconds=_seconds(step.seconds),
        )
        console.print(line, highlight=False, markup=False)

    if not as_json:
        _print_lines([*_files_lines(written, url), ""])
        console.print(
            translate(
                "cli.next_year.rehearsal.title",
                url=url,
                previous=SchoolYear.starting(SchoolYear(written.school_year).start_year - 1),
                year=written.school_year,
            ),
            highlight=False,
            markup=False,
        )
    with RichProgress() as progress:
        done = rehearse(
            CONTEXT.unit_of_work(database),
            written,
            progress=progress,
            on_step=None if as_json else show,
        )
    if as_json:
        print_json({**written.as_json(), "rehearsal": done.as_json()})
    else:
        _print_rehearsal(done, koppel)
    if done.exit_code:
        raise typer.Exit(done.exit_code)


def _print_rehearsal(done: Rehearsal, koppel: str) -> None:
    from koppel.services.demo.rehearsal import STEP_LABELS

    table = Table(
        title=translate(
            "cli.next_year.rehearsal.table", previous=done.previous, year=done.school_year
        )
    )
    table.add_column(translate("transition.column.step"))
    table.add_column(translate("change_set"))
    table.add_column(translate("cli.next_year.rehearsal.counts"))
    table.add_column(translate("cli.next_year.rehearsal.seconds"), justify="right")
    for step in done.steps:
        table.add_row(
            translate(STEP_LABELS[step.code]),
            step.changeset or "-",
            _counts(step) or "-",
            _seconds(step.seconds),
        )
    table.add_row(translate("cli.next_year.rehearsal.total"), "", "", _seconds(done.seconds))
    console.print(table)
    stopped = done.stopped
    if stopped is not None:
        label = translate(STEP_LABELS[stopped.code])
        errors.print(
            translate("cli.next_year.rehearsal.stopped", label=label, koppel=koppel),
            highlight=False,
            markup=False,
        )
        for problem in stopped.problems:
            errors.print(f"  {problem}", highlight=False, markup=False)
        return
    last = done.steps[-1]
    console.print(
        translate("year.switch.done", year=done.school_year, previous=done.previous),
        highlight=False,
    )
    console.print(
        translate("cli.next_year.rehearsal.undo", koppel=koppel, changeset=last.changeset),
        highlight=False,
        markup=False,
    )
