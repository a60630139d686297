"""Connector comparison speed: koppel's three-way ``compare()`` of one domain, beside a
plain-Python dictionary diff of the same rows and datacompy's ``PandasCompare``.

Builds base, portal and project states for the personal data domain (10 string fields
per student) and the package choices domain (student x department; a profile and two
tuple fields), with about 3% of the rows differing between portal and project (1%
changed in the portal, 1% in the project, 1% on both sides, differently: conflicts; a
few rows added or removed). Portal and project rows are separate objects, as they are
when read from the portal's API and from the project file.

    .venv/bin/python benchmarks/compare_domains.py [--sizes 50000,200000] [--runs 5]

What each column times (the best of ``--runs``, ``time.perf_counter``):
  plain dict diff   the set of keys whose rows differ (``plain_diff``: no fields, no base,
                    no order)
  koppel compare    ``compare(domain, portal, project, base)``: every differing row sorted,
                    with its differing fields, base values, origin, conflict and direction
  DataFrames        building the two pandas DataFrames datacompy needs from the same rows
  datacompy         ``PandasCompare(portal_df, project_df, join_columns=...)`` itself (it
                    compares every column of every row; a two-way diff, no base)
Every run checks that the three find the same differing rows.

Targets (connector issue): compare within 2x of the plain dictionary diff, and faster
than datacompy; the script exits non-zero when either is missed.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from datacompy import PandasCompare
from rich.console import Console
from rich.table import Table

from koppel.domain.sync.compare import compare
from koppel.domain.sync.domains import FIELDS, Fields, Key, SyncDomain

TARGET_RATIO = 2.0

FIRST = ["Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Mila", "Levi", "Tess", "Finn"]
INFIX = [None, None, None, "van", "de", "van der", "van den", "ter"]
LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos"]
STREETS = ["Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Beukenlaan"]
CITIES = ["Utrecht", "Zeist", "Houten", "Nieuwegein", "Bunnik", "De Bilt", "Maarssen"]
CLASSES = ["3H1", "3H2", "3V1", "3V2", "3M1", "3M2"]
DEPARTMENTS = ["4H", "4V", "5H", "5V", "4M"]
PROFILES = ["NT", "NG", "EM", "CM"]
SUBJECTS = ["ne", "en", "wisb", "wisa", "nat", "schk", "biol", "econ", "gesch", "ak", "du", "fa"]
EXEMPTIONS = ["lo", "ckv", "du"]


def copy(value: object) -> object:
    """The same value in a new object, as a second read of it would give."""
    if isinstance(value, str):
        return (value + ".")[:-1]
    if isinstance(value, tuple):
        return tuple(copy(v) for v in value)
    return value


def copied(state: dict[Key, Fields]) -> dict[Key, Fields]:
    return {key: tuple(copy(v) for v in row) for key, row in state.items()}  # type: ignore[misc]


def person(r: random.Random, number: str) -> Fields:
    return (
        r.choice(FIRST),
        r.choice(INFIX),
        r.choice(LAST),
        r.choice("MV"),
        r.choice(STREETS),
        str(r.randint(1, 250)),
        f"{r.randint(1000, 9999)} {r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}",
        r.choice(CITIES),
        f"s{number}@example.org",
        r.choice(CLASSES),
    )


def package(r: random.Random) -> Fields:
    exemptions = tuple(sorted(r.sample(EXEMPTIONS, 1))) if r.random() < 0.1 else ()
    return (r.choice(PROFILES), tuple(sorted(r.sample(SUBJECTS, 7))), exemptions)


def changed(r: random.Random, row: Fields, field: int) -> Fields:
    """``row`` with field ``field`` given another value (a list gets one more item)."""
    values = list(row)
    old = values[field]
    if isinstance(old, tuple):
        values[field] = tuple(sorted((*old, r.choice([s for s in SUBJECTS if s not in old]))))
    else:
        values[field] = f"{old or ''}-{r.randint(0, 99)}"
    return tuple(values)


@dataclass
class Case:
    domain: SyncDomain
    students: int
    base: dict[Key, Fields]
    portal: dict[Key, Fields]
    project: dict[Key, Fields]


def make_case(domain: SyncDomain, students: int, seed: int) -> Case:
    r = random.Random(seed)
    numbers = [f"{100000 + n:06d}" for n in range(students)]
    base: dict[Key, Fields] = {}
    for number in numbers:
        if domain is SyncDomain.PERSONAL_DATA:
            base[(number, None)] = person(r, number)
        else:
            departments = r.sample(DEPARTMENTS, 2 if r.random() < 0.2 else 1)
            for department in sorted(departments):
                base[(number, department)] = package(r)
    portal, project = copied(base), copied(base)
    width = len(FIELDS[domain])
    for key in list(base):
        roll = r.random()
        field = r.randrange(width)
        if roll < 0.01:  # changed in the portal
            portal[key] = changed(r, base[key], field)
        elif roll < 0.02:  # changed in the project
            project[key] = changed(r, base[key], field)
        elif roll < 0.03:  # changed on both sides, differently: a conflict
            portal[key] = changed(r, base[key], field)
            project[key] = changed(r, portal[key], field)
        elif roll < 0.031:  # removed in the portal
            del portal[key]
        elif roll < 0.032:  # removed in the project
            del project[key]
    for n in range(students // 1000):  # new in the portal since the last sync
        number = f"{900000 + n:06d}"
        key: Key = (number, None if domain is SyncDomain.PERSONAL_DATA else "4V")
        portal[key] = person(r, number) if domain is SyncDomain.PERSONAL_DATA else package(r)
    return Case(domain, students, base, portal, project)


def plain_diff(a: dict[Key, Fields], b: dict[Key, Fields]) -> set[Key]:
    """The keys whose rows differ, the fastest plain way found: one comprehension over
    ``a`` and a set difference for the keys only ``b`` has (the same over the union of
    the keys, ``{k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}``, takes 3 to
    5 times as long)."""
    find = b.get
    found = {k for k, v in a.items() if find(k) != v}
    found.update(b.keys() - a.keys())
    return found


def frame(domain: SyncDomain, state: dict[Key, Fields]) -> pd.DataFrame:
    columns = ["student_number", "department", *FIELDS[domain]]
    return pd.DataFrame.from_records(
        [(k[0], k[1] or "", *row) for k, row in state.items()], columns=columns
    )


def best_of(runs: int, **actions: Callable[[], object]) -> dict[str, tuple[float, object]]:
    """The best time and the result of each action; the actions take turns, so that a
    busy moment of the machine falls on each of them alike."""
    best = dict.fromkeys(actions, float("inf"))
    results: dict[str, object] = {}
    for _ in range(runs):
        for name, action in actions.items():
            started = time.perf_counter()
            results[name] = action()
            best[name] = min(best[name], time.perf_counter() - started)
    return {name: (best[name], results[name]) for name in actions}


def datacompy_differences(found: PandasCompare) -> set[Key]:
    keys = set()
    frames = [found.all_mismatch(), found.df1_unq_rows, found.df2_unq_rows]
    for part in frames:
        for number, department in zip(part["student_number"], part["department"], strict=True):
            keys.add((number, department or None))
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50000,200000")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--datacompy-runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    logging.getLogger("datacompy").setLevel(logging.WARNING)

    table = Table(title="Connector comparison of one domain (best of runs, 2 cores)")
    for column in (
        "domain",
        "students",
        "rows",
        "differences",
        "conflicts",
        "plain dict diff s",
        "koppel compare s",
        "ratio",
        "DataFrames s",
        "datacompy s",
    ):
        table.add_column(column, justify="right")
    failures: list[str] = []
    for size in (int(s) for s in options.sizes.split(",")):
        for domain in (SyncDomain.PERSONAL_DATA, SyncDomain.PACKAGE_CHOICES):
            case = make_case(domain, size, options.seed)
            timed = best_of(
                options.runs,
                plain=lambda c=case: plain_diff(c.portal, c.project),
                koppel=lambda c=case: compare(c.domain, c.portal, c.project, c.base),
            )
            plain_s, plain = timed["plain"]
            koppel_s, diff = timed["koppel"]
            frames_s, frames = best_of(
                options.datacompy_runs,
                frames=lambda c=case: (frame(c.domain, c.portal), frame(c.domain, c.project)),
            )["frames"]
            portal_df, project_df = frames  # type: ignore[misc]
            datacompy_s, found = best_of(
                options.datacompy_runs,
                datacompy=lambda p=portal_df, d=project_df: PandasCompare(
                    p, d, join_columns=["student_number", "department"]
                ),
            )["datacompy"]
            keys = {row.key for row in diff.rows}  # type: ignore[attr-defined]
            agree = keys == plain == datacompy_differences(found)  # type: ignore[arg-type]
            if not agree:
                failures.append(f"{domain} {size}: the three comparisons disagree")
            ratio = koppel_s / plain_s
            if ratio > TARGET_RATIO:
                failures.append(f"{domain} {size}: compare {ratio:.2f}x the plain diff")
            if koppel_s >= datacompy_s:
                failures.append(f"{domain} {size}: compare not faster than datacompy")
            table.add_row(
                domain.value,
                f"{size:,}",
                f"{len(case.portal.keys() | case.project.keys()):,}",
                f"{len(keys):,}" + ("" if agree else " (DISAGREE)"),
                f"{diff.conflicts:,}",  # type: ignore[attr-defined]
                f"{plain_s:.3f}",
                f"{koppel_s:.3f}",
                f"{ratio:.2f}x",
                f"{frames_s:.3f}",
                f"{datacompy_s:.3f}",
            )
    Console(width=160).print(table)
    if failures:
        Console(stderr=True).print("[red]" + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
