"""Printing for the command line: Rich on stderr for people, JSON on stdout for scripts."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping, Sequence
from typing import ParamSpec, Protocol, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from sqlalchemy.exc import OperationalError

from koppel.domain.errors import KoppelError
from koppel.files.problems import Problem
from koppel.i18n import translate
from koppel.store.database import DatabaseError

console = Console()
errors = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")


def print_json(data: object) -> None:
    """One JSON object on stdout, nothing else."""
    typer.echo(json.dumps(data, ensure_ascii=False, sort_keys=False, default=str))


class Report(Protocol):
    """What a command reports: its JSON shape and its exit code."""

    @property
    def exit_code(self) -> int: ...

    def as_json(self) -> Mapping[str, object]: ...


ReportT = TypeVar("ReportT", bound=Report)


def finish(report: ReportT, *, as_json: bool, show: Callable[[ReportT], None]) -> None:
    """``report`` as JSON on stdout or shown to people by ``show``; then its exit code."""
    if as_json:
        print_json(report.as_json())
    else:
        show(report)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


def _where(problem: Problem) -> str:
    """``leerlingen.csv, rij 3, kolom Geboortedatum``: as much of it as is known."""
    return ", ".join(
        part
        for part in (
            problem.file,
            translate("import.where_row", row=problem.row) if problem.row else "",
            translate("import.where_column", column=problem.column) if problem.column else "",
        )
        if part
    )


def print_problems(found_errors: Sequence[Problem], warnings: Sequence[Problem]) -> bool:
    """Every error (file, row, column) and warning on stderr; True when there were
    errors (and so nothing was written, which it says)."""
    for problem in found_errors:
        errors.print(
            f"[red]{translate('error.prefix')}[/] {escape(_where(problem))}: "
            f"{escape(problem.message())}",
            highlight=False,
        )
    for problem in warnings:
        errors.print(
            f"[yellow]{translate('import.warning')}[/] {escape(_where(problem))}: "
            f"{escape(problem.message())}",
            highlight=False,
        )
    if found_errors:
        errors.print(
            translate("import.nothing_written_errors", count=len(found_errors)), highlight=False
        )
    return bool(found_errors)


def _database_failure(error: OperationalError) -> KoppelError:
    """A database that failed in the middle of the work (the connection dropped, the disk
    full): its transaction is rolled back, which the message says (exit code 2)."""
    reason = str(error.orig or error).strip().splitlines()[0]
    code = "database.lost" if error.connection_invalidated else "database.failed"
    return DatabaseError(code, reason=reason)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`KoppelError` (or a database that failed mid-way) into one clear line
    on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (KoppelError, OperationalError) as caught:
            error = caught if isinstance(caught, KoppelError) else _database_failure(caught)
            errors.print(
                f"[bold red]{translate('error.prefix')}:[/] {escape(error.message())}",
                highlight=False,
                markup=True,
            )
            raise typer.Exit(error.exit_code) from None

    return wrapper


class RichProgress:
    """Shows each step of long work as a Rich progress bar on stderr (only on a terminal)."""

    def __init__(self) -> None:
        self._bar = Progress(
            TextColumn("{task.description:<34}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=errors,
            disable=not errors.is_terminal,
        )
        self._task: TaskID | None = None
        self._total = 0

    def __enter__(self) -> RichProgress:
        self._bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._bar.stop()

    def step(self, label: str, total: int) -> None:
        if self._task is not None:
            self._bar.update(self._task, completed=self._total)
        self._task = self._bar.add_task(label, total=total)
        self._total = total

    def advance(self, amount: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, amount)
