"""``koppel year``: the school year's life (prepare, next year's departments, promote,
status, switch)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from koppel.cli.context import CONTEXT
from koppel.cli.options import DatabaseOption, JsonOption
from koppel.cli.output import console, print_json, reports_errors
from koppel.domain.school import EducationType, LeadingSide
from koppel.domain.school_years import YEAR_COUNTS
from koppel.i18n import translate
from koppel.services.school_years.next_departments import (
    DepartmentChange,
    change_next_department,
)
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.school_years.promote import PromoteReport, PromoteRequest, promote
from koppel.services.school_years.status import year_status
from koppel.services.school_years.switch import SwitchRequest, switch_year

app = typer.Typer(
    help="Het schooljaar: volgend jaar klaarzetten, doorzetten, wisselen.", no_args_is_help=True
)

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Laat zien wat er zou gebeuren; schrijf niets.")
]
SHOWN = 20
COUNT_WORDS = {
    "participations": "year.count.participations",
    "groups": "transition.count.groups",
    "memberships": "transition.count.memberships",
    "teacher_links": "transition.count.teacher_links",
    "prognoses": "stats.prognoses",
    "package_choices": "stats.package_choices",
}
"""What each count of a school year is called."""
PROMOTION_WORDS = {
    "participations": "year.promote.count.participations",
    "previous_home_classes": "transition.count.previous_home_classes",
    "package_choices": "year.promote.count.package_choices",
    "unchanged": "year.promote.count.unchanged",
    "leaving": "year.promote.count.leaving",
}
YES_NO = {True: "yes", False: "no"}
DEPARTMENT_COLUMNS = {
    "department": "year.column.department",
    "name": "word.name",
    "lead": "year.field.home_class_lead",
    "open": "year.column.open",
}
FIELDS = ("name", "is_open", "home_class_lead", "choice_opens_on", "choice_closes_on", "subjects")
"""A department's settings of a year, as the department command shows them."""


def _shown(key: str, value: object) -> str:
    if key == "is_open":
        return translate(YES_NO[bool(value)])
    if key == "home_class_lead":
        return translate(f"year.lead.{value}")
    if isinstance(value, list):
        return " ".join(map(str, value)) or "-"
    return "-" if value is None else str(value)


def _done(written: bool, changeset: str | None, dry_run: bool) -> None:
    if written:
        console.print(translate("cli.applied", changeset=changeset), highlight=False)
    elif dry_run:
        console.print(translate("transition.preview_only"), highlight=False)


@app.command("status")
@reports_errors
def status(database: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """Het huidige en het klaargezette schooljaar, wat elk bevat en welke stappen klaar zijn."""
    found = year_status(CONTEXT.unit_of_work(database))
    if as_json:
        print_json(found.as_json())
        return
    table = Table(title=translate("year.status.title"))
    table.add_column(translate("cli.column.what"))
    names = [found.years.current.name]
    table.add_column(f"{found.years.current.name} ({translate('year.status.current')})")
    if found.years.prepared is not None:
        names.append(found.years.prepared.name)
        table.add_column(f"{found.years.prepared.name} ({translate('year.status.prepared')})")
    for count in YEAR_COUNTS:
        table.add_row(translate(COUNT_WORDS[count]), *(str(found.counts[n][count]) for n in names))
    console.print(table)
    if found.years.prepared is None:
        console.print(
            translate("year.status.none_prepared", next=found.years.current.next().name),
            highlight=False,
        )
        return
    steps = Table(title=translate("year.status.steps_title", year=found.year))
    steps.add_column(translate("transition.column.step"))
    steps.add_column(translate("transition.column.state"))
    rows = [(translate(f"year.step.{s.step}"), s.done) for s in found.lifecycle[:2]]
    if found.transition is not None:
        rows += [
            (translate(f"transition.step.{s.code}"), s.state.value == "applied")
            for s in found.transition.steps
        ]
    rows.append((translate("year.step.switch"), found.lifecycle[2].done))
    for name, done in rows:
        steps.add_row(name, translate("year.done") if done else translate("year.not_done"))
    console.print(steps)


@app.command("prepare")
@reports_errors
def prepare(
    school_year: Annotated[
        str | None, typer.Argument(help="Bijv. 2027-2028 (standaard: het volgende).")
    ] = None,
    dry_run: DryRunOption = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Zet het volgende schooljaar klaar naast het huidige; de afdelingen gaan mee."""
    report = prepare_year(
        CONTEXT.unit_of_work(database), PrepareRequest(school_year=school_year, dry_run=dry_run)
    )
    if as_json:
        print_json(report.as_json())
        return
    table = Table(
        title=translate("year.prepare.title", year=report.school_year, current=report.current)
    )
    for code in DEPARTMENT_COLUMNS.values():
        table.add_column(translate(code))
    for department in report.departments:
        table.add_row(
            str(department["code"]),
            str(department["name"]),
            translate(f"year.lead.{department['home_class_lead']}"),
            translate(YES_NO[bool(department["is_open"])]),
        )
    console.print(table)
    if report.already_prepared:
        console.print(translate("year.prepare.already", year=report.school_year), highlight=False)
        return
    _done(report.written, report.changeset, dry_run)
    if report.written:
        console.print(translate("year.prepare.next", year=report.school_year), highlight=False)


@app.command("department")
@reports_errors
def department(
    code: Annotated[str, typer.Argument(help="De afdeling, bijv. 4V.")],
    name: Annotated[str | None, typer.Option("--name", help="Nieuwe naam.")] = None,
    closed: Annotated[
        bool | None,
        typer.Option("--closed/--open", help="Dicht of open in het nieuwe schooljaar."),
    ] = None,
    lead: Annotated[
        LeadingSide | None,
        typer.Option("--lead", help="Wie leidend is voor de stamklassen: portal of project."),
    ] = None,
    subjects: Annotated[
        str | None, typer.Option("--subjects", help="Keuzevakken, gescheiden door spaties.")
    ] = None,
    choice_opens: Annotated[
        str | None, typer.Option("--choice-opens", help="Keuzeperiode vanaf (JJJJ-MM-DD).")
    ] = None,
    choice_closes: Annotated[
        str | None, typer.Option("--choice-closes", help="Keuzeperiode tot en met (JJJJ-MM-DD).")
    ] = None,
    year_of_study: Annotated[
        int | None, typer.Option("--year-of-study", help="Leerjaar van een nieuwe afdeling.")
    ] = None,
    education_type: Annotated[
        EducationType | None, typer.Option("--type", help="Onderwijssoort van een nieuwe afdeling.")
    ] = None,
    branch: Annotated[
        str | None, typer.Option("--branch", help="Vestiging van een nieuwe afdeling.")
    ] = None,
    dry_run: DryRunOption = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Wijzig een afdeling voor het klaargezette schooljaar alleen (of voeg er een toe)."""
    window = None
    if choice_opens is not None or choice_closes is not None:
        window = (date.fromisoformat(choice_opens or ""), date.fromisoformat(choice_closes or ""))
    change = DepartmentChange(
        code,
        name=name,
        is_open=None if closed is None else not closed,
        home_class_lead=lead,
        subjects=None if subjects is None else frozenset(subjects.split()),
        choice_window=window,
        new_year_of_study=year_of_study,
        new_education_type=education_type,
        new_branch=branch,
        dry_run=dry_run,
    )
    report = change_next_department(CONTEXT.unit_of_work(database), change)
    if as_json:
        print_json(report.as_json())
        return
    table = Table(
        title=translate("year.department.title", code=report.after["code"], year=report.school_year)
    )
    table.add_column(translate("cli.column.what"))
    table.add_column(translate("year.column.before"))
    table.add_column(translate("year.column.after"))
    for key in FIELDS:
        before = "" if report.before is None else _shown(key, report.before.get(key))
        table.add_row(
            translate("word.name" if key == "name" else f"year.field.{key}"),
            before,
            _shown(key, report.after.get(key)),
        )
    console.print(table)
    if report.added:
        console.print(translate("year.department.added", year=report.school_year), highlight=False)
    if not report.written and not dry_run:
        console.print(translate("year.department.unchanged"), highlight=False)
    _done(report.written, report.changeset, dry_run)


@app.command("promote")
@reports_errors
def promote_command(
    department: Annotated[
        str | None, typer.Option("--department", help="Alleen de leerlingen van deze afdeling.")
    ] = None,
    dry_run: DryRunOption = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Zet de leerlingen door naar het klaargezette schooljaar, vanuit hun prognose."""
    report = promote(
        CONTEXT.unit_of_work(database), PromoteRequest(department=department, dry_run=dry_run)
    )
    if as_json:
        print_json(report.as_json())
        return
    _print_promotion(report, dry_run)


def _print_promotion(report: PromoteReport, dry_run: bool) -> None:
    scope = (
        translate("year.promote.scope_all")
        if report.department is None
        else translate("year.promote.scope_department", department=report.department)
    )
    table = Table(title=translate("year.promote.title", year=report.school_year, scope=scope))
    table.add_column(translate("cli.column.what"))
    table.add_column(translate("cli.column.count"), justify="right")
    for name, code in PROMOTION_WORDS.items():
        table.add_row(translate(code), str(getattr(report, name)))
    console.print(table)
    if report.without_prognosis:
        console.print(
            translate(
                "year.promote.without_prognosis",
                count=len(report.without_prognosis),
                year=report.school_year,
                numbers=", ".join(report.without_prognosis[:SHOWN])
                + (" …" if len(report.without_prognosis) > SHOWN else ""),
            ),
            highlight=False,
        )
    if report.closed:
        examples = ", ".join(f"{n} ({code})" for n, code in list(report.closed.items())[:SHOWN])
        console.print(
            translate(
                "year.promote.closed",
                count=len(report.closed),
                year=report.school_year,
                examples=examples,
            ),
            highlight=False,
        )
    if not report.written and not dry_run:
        console.print(translate("year.nothing_changed"), highlight=False)
    _done(report.written, report.changeset, dry_run)


@app.command("switch")
@reports_errors
def switch(
    school_year: Annotated[
        str, typer.Argument(help="Het klaargezette schooljaar, bijv. 2027-2028.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Wissel ook als nog niet alle stappen klaar zijn.")
    ] = False,
    reason: Annotated[
        str, typer.Option("--reason", help="Waarom, bij --force (komt in het logboek).")
    ] = "",
    dry_run: DryRunOption = False,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Maak het klaargezette schooljaar het huidige (de eerste schooldag)."""
    report = switch_year(
        CONTEXT.unit_of_work(database),
        SwitchRequest(school_year, force=force, reason=reason, dry_run=dry_run),
    )
    if as_json:
        print_json(report.as_json())
        return
    if report.previous == report.school_year:
        console.print(translate("year.switch.already", year=report.school_year), highlight=False)
        return
    console.print(
        translate("year.switch.title", previous=report.previous, year=report.school_year),
        highlight=False,
    )
    if report.steps_not_applied:
        steps = ", ".join(map(str, report.steps_not_applied))
        console.print(translate("year.switch.open_steps", steps=steps), highlight=False)
    if report.forced:
        console.print(translate("year.switch.forced", reason=report.reason), highlight=False)
    if report.written:
        console.print(
            translate("year.switch.done", year=report.school_year, previous=report.previous),
            highlight=False,
        )
    _done(report.written, report.changeset, dry_run)
